#include "core/i18n.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "core/text.h"

namespace aul::core {

Status Translations::load(Lang lang, std::string_view json) {
    nlohmann::json doc = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded() || !doc.is_object())
        return Error{"translation file for " + std::string(lang_code(lang)) +
                     " is not a JSON object of key -> text"};
    auto& table = table_[static_cast<int>(lang)];
    for (auto& [key, value] : doc.items()) {
        if (!value.is_string())
            return Error{"translation " + std::string(lang_code(lang)) + ": key '" + key +
                         "' must be a string"};
        std::string text = value.get<std::string>();
        if (!is_valid_utf8(text))
            return Error{"translation " + std::string(lang_code(lang)) + ": key '" + key +
                         "' is not valid UTF-8"};
        table[key] = to_nfc(text);
    }
    auto& by_text = by_text_[static_cast<int>(lang)];
    by_text.clear();
    // Two keys with one text: the first in key order names it, the same every start.
    for (const auto& key : keys(lang)) by_text.emplace(table[key], key);
    return ok_status();
}

const std::string& Translations::get(Lang lang, std::string_view key) const {
    static thread_local std::string fallback;
    std::string k(key);
    const auto& table = table_[static_cast<int>(lang)];
    if (auto it = table.find(k); it != table.end()) return it->second;
    const auto& en = table_[static_cast<int>(Lang::en)];
    if (auto it = en.find(k); it != en.end()) return it->second;
    fallback = k;
    return fallback;
}

std::vector<std::string> Translations::missing_keys(Lang lang) const {
    std::vector<std::string> missing;
    const auto& mine = table_[static_cast<int>(lang)];
    for (const auto& other : table_)
        for (const auto& [key, _] : other)
            if (!mine.count(key)) missing.push_back(key);
    std::sort(missing.begin(), missing.end());
    missing.erase(std::unique(missing.begin(), missing.end()), missing.end());
    return missing;
}

std::vector<std::string> Translations::all_texts() const {
    std::vector<std::string> out;
    for (const auto& table : table_)
        for (const auto& [_, text] : table) out.push_back(text);
    return out;
}

std::vector<std::string> Translations::keys(Lang lang) const {
    std::vector<std::string> out;
    for (const auto& [key, _] : table_[static_cast<int>(lang)]) out.push_back(key);
    std::sort(out.begin(), out.end());
    return out;
}

std::string Translations::key_of(Lang lang, std::string_view text) const {
    const auto& by_text = by_text_[static_cast<int>(lang)];
    auto it = by_text.find(std::string(text));
    return it == by_text.end() ? std::string() : it->second;
}

std::string format_text(std::string_view pattern, std::string_view name, std::string_view value) {
    std::string out(pattern);
    std::string needle = "{" + std::string(name) + "}";
    for (std::size_t pos = out.find(needle); pos != std::string::npos;
         pos = out.find(needle, pos + value.size()))
        out.replace(pos, needle.size(), value);
    return out;
}

}  // namespace aul::core
