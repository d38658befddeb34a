// Speech synthesis with espeak-ng, offline, into memory. espeak-ng keeps global state, so a
// process has one Synthesizer, used from one thread at a time: the speaker's worker in the
// kiosk, the main thread of `kiosk --say`.
#pragma once
#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "core/domain.h"
#include "core/result.h"
#include "platform/speech/pcm.h"

namespace aul::platform {

struct VoiceSettings {
    int words_per_minute = 150;  // espeak-ng's rate; code characters are read at 60% of it
    // espeak-ng voice per language, kk ru en: "kk", or a variant such as "ru+f3".
    std::array<std::string, 3> voices{"kk", "ru", "en"};
};

class Synthesizer {
public:
    // Fails (with what to install) when espeak-ng or its data is missing, or while the
    // process has another open.
    static Result<std::unique_ptr<Synthesizer>> open(const VoiceSettings& settings);
    ~Synthesizer();
    Synthesizer(const Synthesizer&) = delete;
    Synthesizer& operator=(const Synthesizer&) = delete;

    int sample_rate() const { return rate_; }
    // Synthesises `text`, handing each piece of sound to `chunk` as it is made (the first
    // is ready long before the whole phrase); `chunk` returns false to stop at once.
    // `slow`: at 60% of the rate, for a code read character by character.
    Status speak(std::string_view text, core::Lang lang, bool slow,
                 const std::function<bool(std::span<const std::int16_t>)>& chunk);
    // The whole phrase at once.
    Result<Pcm> speak(std::string_view text, core::Lang lang, bool slow = false);

private:
    explicit Synthesizer(VoiceSettings s, int rate) : settings_(std::move(s)), rate_(rate) {}
    Status use_voice(core::Lang lang);
    VoiceSettings settings_;
    int rate_;
    int voice_ = -1;  // the language whose voice is set, -1 none
};

}  // namespace aul::platform
