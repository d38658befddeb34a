#include "platform/speech/lexicon.h"

#include <nlohmann/json.hpp>

#include "core/files.h"
#include "core/text.h"

namespace aul::platform {

namespace {

constexpr std::size_t kMaxTableBytes = 1u << 20;

// A table file: {"kk": {"from": "to", ...}, "ru": {...}, "en": {...}}; keys starting with
// "_" (the reviewers' notes) are skipped.
Status read_table(std::string_view text, const char* what, std::array<std::unordered_map<std::string, std::string>, 3>& into,
                  bool fold_case) {
    auto j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return Error{std::string(what) + " is not a JSON object"};
    for (core::Lang l : core::kAllLangs) {
        auto it = j.find(std::string(core::lang_code(l)));
        if (it == j.end()) continue;
        if (!it->is_object()) return Error{std::string(what) + ": \"" + std::string(core::lang_code(l)) + "\" is not an object"};
        for (auto& [from, to] : it->items()) {
            if (from.empty() || from[0] == '_') continue;
            if (!to.is_string() || to.get<std::string>().empty())
                return Error{std::string(what) + ": " + std::string(core::lang_code(l)) + " \"" + from + "\" needs a text"};
            into[static_cast<std::size_t>(l)][fold_case ? core::to_lower(from) : from] = to.get<std::string>();
        }
    }
    return ok_status();
}

bool is_word_byte(unsigned char c) { return c >= 0x80 || std::isalnum(c) || c == '\'' || c == '-'; }

}  // namespace

Result<Lexicon> Lexicon::parse(std::string_view names_json, std::string_view pronunciation_json) {
    Lexicon lx;
    AUL_TRY(read_table(names_json, "names.json", lx.names_, true));
    AUL_TRY(read_table(pronunciation_json, "pronunciation.json", lx.respell_, false));
    return lx;
}

Result<Lexicon> Lexicon::load(const std::string& folder) {
    AUL_TRY_ASSIGN(auto names, core::read_whole_file(folder + "/names.json", kMaxTableBytes));
    AUL_TRY_ASSIGN(auto fixes, core::read_whole_file(folder + "/pronunciation.json", kMaxTableBytes));
    auto lx = parse(names, fixes);
    if (!lx) return lx.take_error().prefixed(folder + "/");
    return lx;
}

std::optional<std::string> Lexicon::name_of(core::Lang lang, std::string_view character) const {
    const Table& t = names_[static_cast<std::size_t>(lang)];
    auto it = t.find(core::to_lower(character));
    if (it == t.end()) return std::nullopt;
    return it->second;
}

std::string Lexicon::respell(core::Lang lang, std::string_view text) const {
    const Table& t = respell_[static_cast<std::size_t>(lang)];
    if (t.empty()) return std::string(text);
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        if (!is_word_byte(static_cast<unsigned char>(text[i]))) {
            out += text[i++];
            continue;
        }
        std::size_t j = i;
        while (j < text.size() && is_word_byte(static_cast<unsigned char>(text[j]))) ++j;
        std::string word(text.substr(i, j - i));
        auto it = t.find(word);
        out += it == t.end() ? word : it->second;
        i = j;
    }
    return out;
}

}  // namespace aul::platform
