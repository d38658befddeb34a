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
    const std::string& wanted = exact(lang);
    if (!wanted.empty()) return wanted;
    if (!kk.empty()) return kk;
    if (!ru.empty()) return ru;
    return en;
}

}  // namespace aul::core
