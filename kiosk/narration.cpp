#include "kiosk/narration.h"

#include <algorithm>

#include "core/text.h"

namespace aul::kiosk {

namespace {

using platform::SpeechPart;
using platform::Utterance;
using V = UiItem::Voice;

constexpr int kBetweenItemsMs = 250;  // a breath between one text or choice and the next
constexpr int kBetweenCharsMs = 300;  // a code's characters, apart enough to write down
constexpr int kBetweenGroupsMs = 600;
constexpr int kBeforeRepeatMs = 900;

// The layer a resident is looking at: a dialog over the page, else the page. The keyboard
// lies above the page too, but its keys are not what the page says.
int top_layer(const std::vector<UiItem>& items) {
    int top = 0;
    for (const auto& it : items)
        if (!it.hidden && it.kind != UiItem::Kind::key && it.kind != UiItem::Kind::scroll) top = std::max(top, it.layer);
    return top;
}

// Scrolled out of view or not: a resident who cannot read the page cannot be expected to
// scroll it to find what to hear. (Long lists record only the rows near the view.)
bool on_page(const UiItem& it, int layer) {
    return it.layer == layer && it.kind != UiItem::Kind::key && it.kind != UiItem::Kind::scroll;
}

bool is_icon(char32_t cp) { return cp >= 0xE000 && cp <= 0xF8FF; }  // Font Awesome's glyphs: private use

}  // namespace

std::string Narrator::speakable(std::string_view text) {
    std::string out;
    core::for_each_codepoint(text, [&](char32_t cp, std::string_view bytes) {
        if (is_icon(cp) || core::is_control(cp)) return;
        if (cp == '\n' || cp == '\t' || cp == 0xA0) {  // a no-break space only binds on screen
            out += ' ';
            return;
        }
        out += bytes;
    });
    std::size_t b = out.find_first_not_of(' '), e = out.find_last_not_of(' ');
    return b == std::string::npos ? std::string() : out.substr(b, e - b + 1);
}

void Narrator::add_text(Utterance& u, const std::string& text) const {
    if (!u.parts.empty()) u.add(SpeechPart::pause_of(kBetweenItemsMs));
    u.add(SpeechPart::words_of(text, tr_.key_of(u.lang, text)));
}

void Narrator::add_code(Utterance& u, std::string_view code) const {
    if (!u.parts.empty()) u.add(SpeechPart::pause_of(kBetweenItemsMs));
    bool first = true;
    core::for_each_codepoint(code, [&](char32_t cp, std::string_view bytes) {
        if (cp == ' ' || cp == '-') {
            u.add(SpeechPart::pause_of(kBetweenGroupsMs));
            first = true;
            return;
        }
        if (!first) u.add(SpeechPart::pause_of(kBetweenCharsMs));
        first = false;
        u.add(SpeechPart::slow(lx_.name_of(u.lang, bytes).value_or(std::string(bytes))));
    });
}

Utterance Narrator::phrase(std::string_view key, core::Lang lang) const {
    Utterance u{lang, {}};
    u.add(SpeechPart::words_of(tr_.get(lang, key), std::string(key)));
    return u;
}

Utterance Narrator::spell(std::string_view code, core::Lang lang) const {
    Utterance u{lang, {}};
    add_code(u, code);
    u.add(SpeechPart::pause_of(kBeforeRepeatMs));
    u.then(phrase("voice.again", lang));
    u.add(SpeechPart::pause_of(kBetweenItemsMs));
    add_code(u, code);
    return u;
}

Utterance Narrator::page_question(const std::vector<UiItem>& items, core::Lang lang, const std::string& title,
                                  std::string_view voice_key) const {
    Utterance u{lang, {}};
    int layer = top_layer(items);
    std::vector<std::string> said;
    auto say = [&](std::string_view raw) {
        std::string t = speakable(raw);
        if (t.empty() || std::find(said.begin(), said.end(), t) != said.end()) return;
        said.push_back(t);
        add_text(u, t);
    };
    if (layer == 0) say(title);
    bool asked = false;
    for (V role : {V::heading, V::question})
        for (const auto& it : items)
            if (on_page(it, layer) && it.voice == role) {
                say(it.text);
                asked = asked || role == V::question;
            }
    if (!asked && layer == 0 && !voice_key.empty()) say(tr_.get(lang, voice_key));
    for (const auto& it : items)
        if (on_page(it, layer) && it.voice == V::code) u.add(SpeechPart::pause_of(kBetweenItemsMs)).then(spell(it.text, lang));
    return u;
}

Utterance Narrator::read_page(const std::vector<UiItem>& items, core::Lang lang, const std::string& title,
                              std::string_view voice_key) const {
    Utterance u = page_question(items, lang, title, voice_key);
    // The question part spelled the codes already; the rest reads in order, once each.
    std::vector<std::string> said;
    for (const auto& it : items) {
        if (!on_page(it, top_layer(items))) continue;
        if (it.voice == V::heading || it.voice == V::question || it.voice == V::code || it.voice == V::silent) continue;
        if (it.voice == V::personal) {
            if (std::find(said.begin(), said.end(), "(personal)") == said.end()) {
                said.push_back("(personal)");
                add_text(u, tr_.get(lang, "voice.personal"));
            }
            continue;
        }
        std::string t = speakable(it.text);
        if (t.empty() || std::find(said.begin(), said.end(), t) != said.end()) continue;
        said.push_back(t);
        add_text(u, t);
    }
    return u;
}

std::optional<Utterance> Narrator::tapped(const std::vector<UiItem>& items, core::Lang lang) const {
    for (const auto& it : items) {
        if (!it.tapped) continue;
        Utterance u{lang, {}};
        if (it.voice == V::personal) return u.add(SpeechPart::click());
        std::string t = speakable(it.text);
        // An icon alone (Home, the keyboard's shift): the words its id names, where it is a key.
        if (t.empty() && tr_.get(lang, it.id) != it.id) t = tr_.get(lang, it.id);
        if (t.empty()) return std::nullopt;
        add_text(u, t);
        return u;
    }
    return std::nullopt;
}

std::string Narrator::problems_shown(const std::vector<UiItem>& items) const {
    std::string out;
    int layer = top_layer(items);
    for (const auto& it : items)
        if (on_page(it, layer) && it.voice == V::problem) out += it.text + "\n";
    return out;
}

Utterance Narrator::problems(const std::vector<UiItem>& items, core::Lang lang) const {
    Utterance u{lang, {}};
    int layer = top_layer(items);
    for (const auto& it : items)
        if (on_page(it, layer) && it.voice == V::problem)
            if (std::string t = speakable(it.text); !t.empty()) add_text(u, t);
    return u;
}

Utterance Narrator::key(std::string_view typed, bool private_field, core::Lang lang) const {
    Utterance u{lang, {}};
    if (private_field) return u.add(SpeechPart::click());
    if (typed.empty()) return u;
    u.add(SpeechPart::words_of(lx_.name_of(lang, typed).value_or(std::string(typed))));
    return u;
}

}  // namespace aul::kiosk
