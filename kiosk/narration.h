// What the kiosk's voice says, read from what the screens drew: each widget records its
// text with how the voice treats it (UiItem::Voice), so the voice reads what the resident
// sees, in the order they see it, and no screen keeps a second copy of its words for speech.
// Plain functions of the recorded items: tested without a window or a sound card.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/i18n.h"
#include "kiosk/ui.h"
#include "platform/speech/lexicon.h"
#include "platform/speech/utterance.h"

namespace aul::kiosk {

class Narrator {
public:
    Narrator(const core::Translations& tr, const platform::Lexicon& lexicon) : tr_(tr), lx_(lexicon) {}

    // Listen: the page as drawn on its top layer (a dialog over a page is read alone; the
    // keyboard is not read): `title` (the top bar's, may be empty), the page's heading and
    // question, `voice_key`'s words where the page asks none, then every text and choice
    // on it, in order, whether scrolled into view or not. Codes are spelled; contact details say only that they are given.
    platform::Utterance read_page(const std::vector<UiItem>& items, core::Lang lang, const std::string& title,
                                  std::string_view voice_key) const;
    // Voice guide, on entering a page: its title, heading and question (or `voice_key`'s
    // words), and any code on it spelled twice.
    platform::Utterance page_question(const std::vector<UiItem>& items, core::Lang lang, const std::string& title,
                                      std::string_view voice_key) const;
    // Voice guide: the choice tapped in this frame, by its label; a click for a field whose
    // content is private; nothing when nothing was tapped.
    std::optional<platform::Utterance> tapped(const std::vector<UiItem>& items, core::Lang lang) const;
    // The problems shown on the page's top layer ("" joined: the set to compare frames by).
    std::string problems_shown(const std::vector<UiItem>& items) const;
    platform::Utterance problems(const std::vector<UiItem>& items, core::Lang lang) const;
    // A key typed on the on-screen keyboard: its name ("қы", "бэ", "бос орын"), or a click
    // when it went into a field whose content is never spoken.
    platform::Utterance key(std::string_view typed, bool private_field, core::Lang lang) const;
    // A code character by character, slowly, each by its name, twice.
    platform::Utterance spell(std::string_view code, core::Lang lang) const;
    // One translation key's words.
    platform::Utterance phrase(std::string_view key, core::Lang lang) const;

    // `text` as the voice reads it: icon glyphs and surrounding space removed.
    static std::string speakable(std::string_view text);

private:
    void add_text(platform::Utterance& u, const std::string& text) const;
    void add_code(platform::Utterance& u, std::string_view code) const;
    const core::Translations& tr_;
    const platform::Lexicon& lx_;
};

}  // namespace aul::kiosk
