// What the kiosk asks to be spoken: a language and its parts in order. Plain data, built by
// the kiosk's narration and played by the speaker (platform/speech/speaker.h).
#pragma once
#include <string>
#include <vector>

#include "core/domain.h"

namespace aul::platform {

struct SpeechPart {
    enum class Kind {
        words,       // read at the set rate
        slow_words,  // read slowly, as one character of a code
        pause,       // silence of `ms`
        click,       // a short neutral tick: a key pressed in a field whose content is never spoken
    };
    Kind kind = Kind::words;
    std::string text;  // what is read (words, slow_words)
    std::string key;   // its translation key, when it is one: a human recording of it plays instead
    int ms = 0;        // pause length

    static SpeechPart words_of(std::string t, std::string k = {}) { return {Kind::words, std::move(t), std::move(k), 0}; }
    static SpeechPart slow(std::string t) { return {Kind::slow_words, std::move(t), {}, 0}; }
    static SpeechPart pause_of(int ms) { return {Kind::pause, {}, {}, ms}; }
    static SpeechPart click() { return {Kind::click, {}, {}, 0}; }
};

struct Utterance {
    core::Lang lang = core::Lang::kk;
    std::vector<SpeechPart> parts;

    bool empty() const { return parts.empty(); }
    // What is said, as one line of text: the log scripts match `expect-spoken` against.
    // Clicks read "(click)"; pauses are left out.
    std::string text() const {
        std::string out;
        for (const auto& p : parts) {
            if (p.kind == SpeechPart::Kind::pause) continue;
            if (!out.empty()) out += ' ';
            out += p.kind == SpeechPart::Kind::click ? std::string("(click)") : p.text;
        }
        return out;
    }
    Utterance& add(SpeechPart p) {
        parts.push_back(std::move(p));
        return *this;
    }
    Utterance& then(const Utterance& more) {
        parts.insert(parts.end(), more.parts.begin(), more.parts.end());
        return *this;
    }
};

}  // namespace aul::platform
