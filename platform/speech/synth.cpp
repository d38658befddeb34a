#include "platform/speech/synth.h"

#include <espeak-ng/speak_lib.h>

#include <atomic>

namespace aul::platform {

namespace {

std::atomic<bool> g_open{false};
// espeak-ng is started once a process and never stopped: Debian's 1.51 starts a queue
// thread at initialisation that espeak_Terminate then waits on for ever, which would hang
// the kiosk on its way out. The thread sleeps without waking; the process's end frees it.
int g_rate = 0;

struct Call {
    const std::function<bool(std::span<const std::int16_t>)>* chunk;
    bool stopped = false;
};

// espeak-ng hands sound back here, a few milliseconds at a time, on the calling thread.
int on_sound(short* wav, int n, espeak_EVENT* events) {
    auto* call = events ? static_cast<Call*>(events->user_data) : nullptr;
    if (!call || call->stopped) return 1;
    if (wav && n > 0 && !(*call->chunk)(std::span<const std::int16_t>(wav, static_cast<std::size_t>(n)))) {
        call->stopped = true;
        return 1;  // stop synthesising
    }
    return 0;
}

}  // namespace

Result<std::unique_ptr<Synthesizer>> Synthesizer::open(const VoiceSettings& settings) {
    if (g_open.exchange(true)) return Error{"speech: the synthesiser is already open in this process"};
    if (g_rate <= 0) g_rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, nullptr, espeakINITIALIZE_DONT_EXIT);
    if (g_rate <= 0) {
        g_open = false;
        return Error{"speech: espeak-ng cannot start: its data is missing (install espeak-ng-data)"};
    }
    espeak_SetSynthCallback(on_sound);
    std::unique_ptr<Synthesizer> s(new Synthesizer(settings, g_rate));
    for (core::Lang l : core::kAllLangs)
        if (auto ok = s->use_voice(l); !ok) return ok.take_error();
    return s;
}

Synthesizer::~Synthesizer() { g_open = false; }

Status Synthesizer::use_voice(core::Lang lang) {
    int i = static_cast<int>(lang);
    if (voice_ == i) return ok_status();
    const std::string& name = settings_.voices[static_cast<std::size_t>(i)];
    if (espeak_SetVoiceByName(name.c_str()) != EE_OK)
        return Error{"speech: espeak-ng has no voice '" + name + "' for " + std::string(core::lang_code(lang)) +
                     " (see `espeak-ng --voices`; set [speech] voice_" + std::string(core::lang_code(lang)) + ")"};
    voice_ = i;
    return ok_status();
}

Status Synthesizer::speak(std::string_view text, core::Lang lang, bool slow,
                          const std::function<bool(std::span<const std::int16_t>)>& chunk) {
    if (auto ok = use_voice(lang); !ok) return ok;
    int wpm = settings_.words_per_minute;
    espeak_SetParameter(espeakRATE, slow ? std::max(80, wpm * 6 / 10) : wpm, 0);
    Call call{&chunk};
    std::string z(text);  // espeak-ng reads to the terminating zero
    espeak_ERROR e = espeak_Synth(z.c_str(), z.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr, &call);
    if (e != EE_OK) return Error{"speech: espeak-ng could not read the text"};
    return ok_status();
}

Result<Pcm> Synthesizer::speak(std::string_view text, core::Lang lang, bool slow) {
    Pcm out{rate_, {}};
    auto keep = [&](std::span<const std::int16_t> s) {
        out.samples.insert(out.samples.end(), s.begin(), s.end());
        return true;
    };
    if (auto ok = speak(text, lang, slow, keep); !ok) return ok.take_error();
    return out;
}

}  // namespace aul::platform
