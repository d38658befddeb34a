#include "kiosk/voice_commands.h"

#include <cstdio>

#include "core/i18n.h"
#include "kiosk/app.h"
#include "platform/paths.h"
#include "platform/speech/lexicon.h"
#include "platform/speech/speaker.h"
#include "platform/speech/synth.h"

namespace aul::kiosk {

namespace {

int fail(const std::string& why) {
    std::fprintf(stderr, "kiosk: %s\n", why.c_str());
    return 2;
}

// Prompts a centre might record: every translation residents hear, but not the staff
// panel's, and not texts that carry a number or a name ({count}), which are synthesised.
bool recordable(const std::string& key, const std::string& text) {
    return key.rfind("staff.", 0) != 0 && text.find('{') == std::string::npos;
}

}  // namespace

int say_to_wav(const std::string& text, const std::string& lang_code, const std::string& wav, const std::string& config_path) {
    core::Lang lang{};
    if (!core::parse_lang(lang_code, lang)) return fail("--lang takes kk, ru or en");
    if (wav.empty()) return fail("--say needs --wav OUT.wav");
    if (text.empty() || text.size() > 4000) return fail("--say takes a text of 1 to 4000 bytes");
    auto cfg = load_config(config_path);
    if (!cfg) return fail(cfg.error());
    auto lexicon = platform::Lexicon::load(platform::assets_dir() + "/voice");
    if (!lexicon) return fail(lexicon.error());
    platform::VoiceSettings vs;
    vs.words_per_minute = cfg->speech_rate;
    vs.voices = cfg->speech_voices;
    auto synth = platform::Synthesizer::open(vs);
    if (!synth) return fail(synth.error());
    auto pcm = (*synth)->speak(lexicon->respell(lang, text), lang);
    if (!pcm) return fail(pcm.error());
    if (auto ok = platform::write_wav(wav, *pcm); !ok) return fail(ok.error());
    std::printf("%s: %.2f s of speech at %d Hz\n", wav.c_str(), pcm->seconds(), pcm->rate);
    return 0;
}

int print_voice_coverage(const std::string& data_dir) {
    core::Translations tr;
    if (auto ok = load_translations(tr); !ok) return fail(ok.error());
    platform::SpeakerSettings where;
    where.shipped_folder = platform::assets_dir() + "/voice";
    if (!data_dir.empty()) where.board_folder = data_dir + "/voice";
    for (core::Lang l : core::kAllLangs) {
        int prompts = 0, recorded = 0;
        for (const auto& key : tr.keys(l)) {
            if (!recordable(key, tr.get(l, key))) continue;
            ++prompts;
            if (!platform::find_recording(where, l, key).empty()) ++recorded;
            else std::printf("%s %s\n", std::string(core::lang_code(l)).c_str(), key.c_str());
        }
        std::printf("%s: %d of %d prompts recorded\n", std::string(core::lang_code(l)).c_str(), recorded, prompts);
    }
    return 0;
}

}  // namespace aul::kiosk
