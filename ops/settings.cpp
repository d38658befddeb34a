#include "ops/settings.h"

#include <ini.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace aul::ops {

namespace {
struct Parse {
    KioskConfig cfg;
    std::string error;
};

// A whole number (seconds, percent) within [lo, hi]; a typo such as "90s" is refused, not read as 90.
bool parse_seconds(const char* v, int lo, int hi, int& out) {
    char* end = nullptr;
    long n = std::strtol(v, &end, 10);
    if (end == v || *end != '\0' || n < lo || n > hi) return false;
    out = static_cast<int>(n);
    return true;
}

bool parse_bool(const char* v, bool& out) {
    if (!std::strcmp(v, "true") || !std::strcmp(v, "yes") || !std::strcmp(v, "1")) return out = true, true;
    if (!std::strcmp(v, "false") || !std::strcmp(v, "no") || !std::strcmp(v, "0")) return out = false, true;
    return false;
}

int on_entry(void* user, const char* section, const char* name, const char* value) {
    auto& p = *static_cast<Parse*>(user);
    std::string key = std::string(section) + "." + name;
    bool ok = true;
    if (key == "display.dpi") {
        char* end = nullptr;
        p.cfg.dpi = std::strtof(value, &end);
        ok = end && *end == '\0' && p.cfg.dpi >= 50 && p.cfg.dpi <= 600;
    } else if (key == "display.high_contrast") {
        ok = parse_bool(value, p.cfg.high_contrast);
    } else if (key == "display.large_text") {
        ok = parse_bool(value, p.cfg.large_text);
    } else if (key == "display.renderer") {
        p.cfg.renderer = value;
        ok = p.cfg.renderer == "auto" || p.cfg.renderer == "gl3" || p.cfg.renderer == "gles3" || p.cfg.renderer == "gl2";
    } else if (key == "kiosk.language") {
        ok = core::parse_lang(value, p.cfg.language);
    } else if (key == "kiosk.catalog_seed") {
        p.cfg.catalog_seed = value;
    } else if (key == "kiosk.code") {
        p.cfg.code = value;
    } else if (key == "kiosk.name") {
        p.cfg.name = value;
    } else if (key == "staff.usb_roots") {
        // Space-separated folders; a stick is a mount point directly inside one, or one
        // level deeper (udisks mounts at /media/USER/LABEL).
        p.cfg.usb_roots.clear();
        std::istringstream words(value);
        for (std::string root; words >> root;) p.cfg.usb_roots.push_back(root);
        ok = !p.cfg.usb_roots.empty();
    } else if (key == "locality.region") {
        p.cfg.region = value;
    } else if (key == "locality.district") {
        p.cfg.district = value;
    } else if (key == "locality.settlement") {
        p.cfg.settlement = value;
    } else if (key == "privacy.idle_seconds") {
        ok = parse_seconds(value, 1, 3600, p.cfg.idle_seconds);
    } else if (key == "privacy.idle_prompt_seconds") {
        ok = parse_seconds(value, 1, 3600, p.cfg.idle_prompt_seconds);
    } else if (key == "speech.enabled") {
        ok = parse_bool(value, p.cfg.speech_enabled);
    } else if (key == "speech.volume") {
        ok = parse_seconds(value, 0, 100, p.cfg.speech_volume);
    } else if (key == "speech.rate") {
        ok = parse_seconds(value, 80, 450, p.cfg.speech_rate);
    } else if (key == "speech.device") {
        p.cfg.speech_device = value;
    } else if (key == "speech.voice_kk" || key == "speech.voice_ru" || key == "speech.voice_en") {
        core::Lang l{};
        core::parse_lang(std::string(name).substr(6), l);
        // espeak-ng voice names: letters, digits, '-', '+' (variants) and '/'.
        std::string v = value;
        ok = !v.empty() && v.size() < 64 &&
             v.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-+_/") == std::string::npos;
        if (ok) p.cfg.speech_voices[static_cast<std::size_t>(l)] = v;
    } else if (key == "sync.timeout") {
        ok = parse_seconds(value, 1, 600, p.cfg.sync_timeout_seconds);
    } else {
        // Unknown keys are kept quiet on purpose: newer config files must not stop older kiosks.
        return 1;
    }
    if (!ok && p.error.empty()) p.error = "bad value '" + std::string(value) + "' for " + key;
    return ok ? 1 : 0;
}
}  // namespace

Result<KioskConfig> load_config(const std::string& path) {
    // Absent means defaults; present but unreadable is a mistake to report, not to hide
    // behind defaults (a kiosk would silently forget its code and place).
    struct stat st {};
    if (path.empty() || (::stat(path.c_str(), &st) != 0 && errno == ENOENT)) return KioskConfig{};
    if (!std::ifstream(path).good()) return Error{"config " + path + ": cannot be read: " + std::strerror(errno)};
    Parse p;
    p.cfg.source = path;
    int rc = ini_parse(path.c_str(), on_entry, &p);
    if (rc != 0) {
        std::string where = rc > 0 ? " at line " + std::to_string(rc) : "";
        return Error{"config " + path + where + ": " +
                     (p.error.empty() ? std::string("cannot be parsed") : p.error)};
    }
    return p.cfg;
}

}  // namespace aul::ops
