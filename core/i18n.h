// Interface translations: assets/i18n/<lang>.json, flat objects of key -> text.
#pragma once
#include <array>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/domain.h"
#include "core/result.h"

namespace aul::core {

class Translations {
public:
    // Adds one language from its JSON text. Errors name the file's problem.
    Status load(Lang lang, std::string_view json);

    // The text for key in lang; falls back to en, then to the key itself so a missing
    // translation is visible on screen instead of blank.
    const std::string& get(Lang lang, std::string_view key) const;

    // Keys present in some language but missing in `lang`.
    std::vector<std::string> missing_keys(Lang lang) const;

    // Every text of every language, for the font coverage check.
    std::vector<std::string> all_texts() const;
    // Every key of `lang`, sorted.
    std::vector<std::string> keys(Lang lang) const;
    // The key whose text in `lang` is exactly `text` (what a screen showed), or "": the
    // voice plays a human recording of that key where one exists.
    std::string key_of(Lang lang, std::string_view text) const;

private:
    std::array<std::unordered_map<std::string, std::string>, 3> table_;
    std::array<std::unordered_map<std::string, std::string>, 3> by_text_;  // text -> key
};

// Replaces "{name}" in pattern with value (all occurrences).
std::string format_text(std::string_view pattern, std::string_view name, std::string_view value);

}  // namespace aul::core
