// Domain types of the national catalogue. Plain data: no I/O, no SQL, no UI.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace aul::core {

enum class Lang { kk, ru, en };
inline constexpr Lang kAllLangs[] = {Lang::kk, Lang::ru, Lang::en};

std::string_view lang_code(Lang lang);          // "kk", "ru", "en"
bool parse_lang(std::string_view code, Lang& out);  // false for anything else

// A text published in up to three languages.
struct LocalText {
    std::string kk;
    std::string ru;
    std::string en;

    const std::string& exact(Lang lang) const;
    // The text in `lang`, else the one its reader most likely reads: Kazakh readers and
    // Russian readers each other's language before English; English readers Russian, then
    // Kazakh. Empty if none is present.
    const std::string& in(Lang lang) const;
    bool empty() const { return kk.empty() && ru.empty() && en.empty(); }
    bool operator==(const LocalText&) const = default;
};

struct Category {
    std::string code;  // language-neutral, e.g. "children"
    std::string icon;  // Font Awesome 4.7 icon name, e.g. "child"
    LocalText name;
    int position = 0;  // display order, as the publisher listed them
    bool operator==(const Category&) const = default;
};

struct Region {
    std::string code;  // ISO 3166-2:KZ, e.g. "KZ-19"
    LocalText name;
    bool operator==(const Region&) const = default;
};

struct District {
    std::string code;    // "KZ-19-01"
    std::string region;  // ISO code of its region
    LocalText name;
    bool operator==(const District&) const = default;
};

struct Ngo {
    std::string id;   // stable catalogue id
    std::string bin;  // 12-digit business identification number
    LocalText name, mission, services, area, address;
    std::vector<std::string> categories;
    std::string region;
    std::string district;  // empty when not given
    std::string phone;     // E.164, empty when not given
    std::string email;
    bool needs_volunteers = false;
    bool seeks_partners = false;
    bool operator==(const Ngo&) const = default;
};

struct Council {
    std::string id;
    std::string level;  // "national", "regional", "district"
    std::string region, district;
    LocalText name, description, meetings;
    std::vector<std::string> topics;  // proposal category codes
    bool operator==(const Council&) const = default;
};

struct Opportunity {
    std::string id;
    std::string ngo;
    LocalText title, description, when;
    std::string region, district;
    bool operator==(const Opportunity&) const = default;
};

struct Catalog {
    std::vector<Category> categories;
    std::vector<Region> regions;
    std::vector<District> districts;
    std::vector<Ngo> ngos;
    std::vector<Council> councils;
    std::vector<Opportunity> opportunities;
    bool operator==(const Catalog&) const = default;
};

}  // namespace aul::core
