#include "kiosk/session/views.h"

#include <ctime>

#include "core/vcard.h"

namespace aul::kiosk {

const core::Category* find_category(const std::vector<core::Category>* all, const std::string& code) {
    if (!all) return nullptr;
    for (const auto& c : *all)
        if (c.code == code) return &c;
    return nullptr;
}

std::string local_time_text(std::int64_t ms) {
    std::time_t t = static_cast<std::time_t>(ms / 1000);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%d.%m.%Y %H:%M", &tm);
    return buf;
}

std::string region_name(const std::vector<core::Region>* all, const std::string& code, core::Lang lang) {
    if (all)
        for (const auto& r : *all)
            if (r.code == code) return r.name.in(lang);
    return code;
}

std::string contact_card(const core::LocalText& name, const std::string& phone, const std::string& email,
                         const core::LocalText& address, core::Lang lang) {
    return core::contact_vcard({name.in(lang), phone, email, address.in(lang)});
}

std::string place_text(const store::Locality& where, const std::vector<core::District>& districts,
                       const std::vector<core::Region>* regions, core::Lang lang) {
    std::string out = where.settlement;
    auto add = [&](const std::string& part) {
        if (!part.empty()) out += (out.empty() ? "" : ", ") + part;
    };
    if (!where.district.empty())
        for (const auto& d : districts)
            if (d.code == where.district) add(d.name.in(lang));
    if (!where.region.empty()) add(region_name(regions, where.region, lang));
    return out;
}

}  // namespace aul::kiosk
