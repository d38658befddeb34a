// The two reviewed tables speech reads from, both in assets/voice/ so a language reviewer
// edits data, not code:
// - names.json: how each character is named aloud per language (the 31 characters of a
//   tracking code, the letters and digits of the keyboard): espeak-ng alone reads "KZ24"
//   as English letters to a Kazakh listener.
// - pronunciation.json: words synthesis gets wrong, respelled as it should say them
//   (espeak-ng's Kazakh voice misplaces stress on some words; abbreviations are spelled).
#pragma once
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/domain.h"
#include "core/result.h"

namespace aul::platform {

class Lexicon {
public:
    // Reads both tables from `folder`; a missing or malformed file is an error naming it.
    static Result<Lexicon> load(const std::string& folder);
    // From the tables' text (tests).
    static Result<Lexicon> parse(std::string_view names_json, std::string_view pronunciation_json);

    // The spoken name of one character (UTF-8, either case), or nullopt when the table has none.
    std::optional<std::string> name_of(core::Lang lang, std::string_view character) const;
    // `text` with every whole word the table lists replaced by its respelling.
    std::string respell(core::Lang lang, std::string_view text) const;
    // Every character named in `lang` (for the tests and the coverage report).
    const std::unordered_map<std::string, std::string>& names(core::Lang lang) const {
        return names_[static_cast<std::size_t>(lang)];
    }

private:
    using Table = std::unordered_map<std::string, std::string>;
    std::array<Table, 3> names_, respell_;
};

}  // namespace aul::platform
