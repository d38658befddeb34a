#include "core/domain.h"

namespace aul::core {

std::string_view lang_code(Lang lang) {
    switch (lang) {
        case Lang::kk: return "kk";
        case Lang::ru: return "ru";
        case Lang::en: return "en";
    }
    return "kk";
}

bool parse_lang(std::string_view code, Lang& out) {
    for (Lang l : kAllLangs) {
        if (lang_code(l) == code) {
            out = l;
            return true;
        }
    }
    return false;
}

const std::string& LocalText::exact(Lang lang) const {
    switch (lang) {
        case Lang::kk: return kk;
        case Lang::ru: return ru;
        case Lang::en: return en;
    }
    return kk;
}

const std::string& LocalText::in(Lang lang) const {
    static constexpr Lang kOrder[3][3] = {
        {Lang::kk, Lang::ru, Lang::en}, {Lang::ru, Lang::kk, Lang::en}, {Lang::en, Lang::ru, Lang::kk}};
    for (Lang l : kOrder[static_cast<int>(lang)])
        if (!exact(l).empty()) return exact(l);
    return en;
}

}  // namespace aul::core
