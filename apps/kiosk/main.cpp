// kiosk: the resident-facing touchscreen app. See README "Running the kiosk".
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "kiosk/app.h"
#include "kiosk/voice_commands.h"
#include "platform/log.h"

namespace {
void usage() {
    std::fputs(
        "usage: kiosk --data DIR [--config FILE] [--windowed WxH] [--dpi N] [--lang kk|ru|en] [--log-level LEVEL]\n"
        "             [--renderer auto|gl3|gles3|gl2]\n"
        "             [--screenshot OUT.png --screen home|ngos|ngo|propose|receipt|track|councils|volunteer [--size WxH]]\n"
        "             [--script FILE [--shots DIR]] [--stats-after SECONDS]\n"
        "       kiosk --say TEXT --lang kk|ru|en --wav OUT.wav [--config FILE]\n"
        "       kiosk --voice-coverage [--data DIR]\n",
        stderr);
}

bool parse_size(const char* s, int& w, int& h) { return std::sscanf(s, "%dx%d", &w, &h) == 2 && w > 0 && h > 0; }
}  // namespace

int main(int argc, char** argv) {
    aul::platform::log::init("kiosk");
    aul::kiosk::KioskOptions o;
    std::string say, wav;
    bool coverage = false;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto next = [&]() -> const char* {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "kiosk: %s needs a value\n", a.c_str());
                usage();
                std::exit(2);
            }
            return argv[++i];
        };
        if (a == "--data") o.data_dir = next();
        else if (a == "--config") o.config_path = next();
        else if (a == "--windowed" || a == "--size") {
            if (!parse_size(next(), o.width, o.height)) {
                std::fprintf(stderr, "kiosk: %s takes WIDTHxHEIGHT, e.g. 1280x800\n", a.c_str());
                return 2;
            }
            o.fullscreen = false;
        } else if (a == "--lang") o.lang = next();
        else if (a == "--dpi") {
            o.dpi = std::strtof(next(), nullptr);
            if (o.dpi < 50 || o.dpi > 600) {
                std::fputs("kiosk: --dpi takes the panel's density in dots per inch, 50 to 600\n", stderr);
                return 2;
            }
        }
        else if (a == "--renderer") o.renderer = next();
        else if (a == "--screenshot") o.screenshot = next();
        else if (a == "--screen") o.screen = next();
        else if (a == "--script") o.script = next();
        else if (a == "--shots") o.shots_dir = next();
        else if (a == "--stats-after") o.stats_after = std::atof(next());
        else if (a == "--say") say = next();
        else if (a == "--wav") wav = next();
        else if (a == "--voice-coverage") coverage = true;
        else if (a == "--log-level") {
            if (!aul::platform::log::set_level_option(next())) return 2;
        }
        else if (a == "--help" || a == "-h") {
            usage();
            return 0;
        } else {
            std::fprintf(stderr, "kiosk: unknown option %s\n", a.c_str());
            usage();
            return 2;
        }
    }
    if (!say.empty() || !wav.empty()) return aul::kiosk::say_to_wav(say, o.lang, wav, o.config_path);
    if (coverage) return aul::kiosk::print_voice_coverage(o.data_dir);
    if (o.data_dir.empty()) {
        std::fputs("kiosk: --data DIR is required (the folder that holds kiosk.db)\n", stderr);
        usage();
        return 2;
    }
    // Screenshots and scripts are for tests and docs: a window of the stated size.
    if (!o.screenshot.empty() || !o.script.empty()) o.fullscreen = false;
    return aul::kiosk::run_kiosk(o);
}
