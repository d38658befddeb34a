// gen_catalog: writes a realistic synthetic national NGO catalogue (assets/demo/FORMAT.md)
// for the kiosk's demo data and for benchmarks. Organisations are composed from the phrase
// tables in tools/gen_catalog/phrases (Kazakh, Russian and English; tables.h says what each
// holds); the output depends only on --count, --seed and those tables, and a larger
// --count only appends organisations: the first ones stay the same. The document is
// written by core's catalogue writer, the inverse of the parser every reader uses.
//   gen_catalog --count N [--seed S] [--out FILE] [--phrases DIR]
#include <algorithm>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/catalog_json.h"
#include "core/validate.h"
#include "tools/gen_catalog/tables.h"

#ifndef AUL_GEN_CATALOG_PHRASES
#define AUL_GEN_CATALOG_PHRASES "tools/gen_catalog/phrases"
#endif

namespace {

using namespace gen;

// ---------------------------------------------------------------------------------------
// Deterministic randomness

class SplitMix64 {
public:
    explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    // Uniform in [0, n); n > 0.
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
    int between(int lo, int hi) { return lo + static_cast<int>(below(static_cast<std::size_t>(hi - lo + 1))); }
    bool chance(int percent) { return below(100) < static_cast<std::size_t>(percent); }
    template <typename T>
    const T& pick(const std::vector<T>& items) { return items[below(items.size())]; }

private:
    std::uint64_t state_;
};

// ---------------------------------------------------------------------------------------
// Texts

// A composed text.
struct LText {
    std::string kk, ru, en;
};

// As the catalogue holds it; without English when the organisation has none.
aul::core::LocalText local(const LText& t, bool with_en = true) { return {t.kk, t.ru, with_en ? t.en : ""}; }

LText to_ltext(const Text& t) { return {t.kk, t.ru, t.en}; }
aul::core::LocalText local(const Text& t, bool with_en = true) { return local(to_ltext(t), with_en); }

void append(LText& t, const LText& part, const char* sep = ", ") {
    t.kk += t.kk.empty() ? part.kk : sep + part.kk;
    t.ru += t.ru.empty() ? part.ru : sep + part.ru;
    t.en += t.en.empty() ? part.en : sep + part.en;
}

// ---------------------------------------------------------------------------------------
// Places

const DistrictInfo* find_district(const Tables& t, std::string_view code) {
    for (const auto& d : t.districts)
        if (code == d.code) return &d;
    return nullptr;
}

// Settlement with its kind of place: «Талғар қаласы», «город Талгар», "Talgar".
LText place_name(const Settlement& s) {
    switch (s.type) {
        case Place::city: return {std::string(s.kk) + " қаласы", std::string("город ") + s.ru, s.en};
        case Place::town: return {std::string(s.kk) + " кенті", std::string("посёлок ") + s.ru, s.en};
        case Place::village: break;
    }
    return {std::string(s.kk) + " ауылы", std::string("село ") + s.ru, std::string(s.en) + " village"};
}

// The abbreviated form used in postal addresses: «Талғар қ.», «г. Талгар».
LText place_abbr(const Settlement& s) {
    switch (s.type) {
        case Place::city: return {std::string(s.kk) + " қ.", std::string("г. ") + s.ru, s.en};
        case Place::town: return {std::string(s.kk) + " к.", std::string("пос. ") + s.ru, s.en};
        case Place::village: break;
    }
    return {std::string(s.kk) + " а.", std::string("с. ") + s.ru, s.en};
}

// Where NGOs are: regions picked by their share of the national NGOs, settlements by size
// (the region centre first, then other towns), and the parts of the three big cities.
class Geography {
public:
    explicit Geography(const Tables& t) : t_(t), regions_(t.regions.size()) {
        for (std::size_t r = 0; r < t.regions.size(); ++r) {
            const std::string& code = t.regions[r].code;
            region_lots_.insert(region_lots_.end(), static_cast<std::size_t>(t.regions[r].weight), r);
            Region& reg = regions_[r];
            for (std::size_t s = 0; s < t.settlements.size(); ++s) {
                if (t.settlements[s].region != code) continue;
                std::size_t lots = reg.settlement_lots.empty() ? 4 : t.settlements[s].type == Place::city ? 2 : 1;
                reg.settlement_lots.insert(reg.settlement_lots.end(), lots, s);
            }
            for (std::size_t d = 0; d < t.city_districts.size(); ++d)
                if (t.city_districts[d].region == code) reg.city_districts.push_back(d);
            for (std::size_t m = 0; m < t.microdistricts.size(); ++m)
                if (t.microdistricts[m].region == code) reg.microdistricts.push_back(m);
            if (reg.settlement_lots.empty()) throw std::logic_error("no settlements in " + code);
        }
    }
    std::size_t region_count() const { return t_.regions.size(); }
    std::size_t random_region(SplitMix64& rng) const { return region_lots_[rng.below(region_lots_.size())]; }
    std::size_t random_settlement(SplitMix64& rng, std::size_t region) const {
        const auto& lots = regions_[region].settlement_lots;
        return lots[rng.below(lots.size())];
    }
    // Null outside the three cities.
    const CityDistrict* random_city_district(SplitMix64& rng, std::size_t region) const {
        const auto& ds = regions_[region].city_districts;
        return ds.empty() ? nullptr : &t_.city_districts[ds[rng.below(ds.size())]];
    }
    const Microdistrict* random_microdistrict(SplitMix64& rng, std::size_t region) const {
        const auto& ms = regions_[region].microdistricts;
        return ms.empty() ? nullptr : &t_.microdistricts[ms[rng.below(ms.size())]];
    }

private:
    struct Region {
        std::vector<std::size_t> settlement_lots;  // indices into the settlements, repeated by weight
        std::vector<std::size_t> city_districts;   // indices into the city districts
        std::vector<std::size_t> microdistricts;   // indices into the microdistricts
    };
    const Tables& t_;
    std::vector<std::size_t> region_lots_;  // indices into the regions, repeated by weight
    std::vector<Region> regions_;
};

// Where one organisation sits.
struct Location {
    const RegionInfo* region = nullptr;
    const Settlement* settlement = nullptr;
    const DistrictInfo* district = nullptr;          // catalogue district, if any
    const CityDistrict* city_district = nullptr;     // in the three cities
    const Microdistrict* microdistrict = nullptr;    // in the three cities, sometimes
};

bool in_region_centre(const Location& at) { return at.settlement->en == at.region->centre.en; }


// Postal address as it is written in the country: largest unit first in Kazakh and
// Russian, smallest first in English.
LText make_address(SplitMix64& rng, const Tables& t, const Location& at) {
    const std::string house = std::to_string(rng.between(1, 180));
    LText local;  // region .. street, in kk/ru order; en is built separately
    if (!at.region->is_city) append(local, to_ltext(at.region->name));
    if (at.district) append(local, to_ltext(at.district->name));
    append(local, place_abbr(*at.settlement));
    std::string en_street;
    if (at.microdistrict) {
        const Text& m = at.microdistrict->name;
        append(local, {std::string(m.kk) + " шағын ауданы, " + house + "-үй",
                       std::string("мкр. ") + m.ru + ", д. " + house, ""});
        en_street = house + " " + m.en + " Microdistrict";
    } else {
        if (at.city_district) append(local, to_ltext(at.city_district->name));
        const Text& street = rng.pick(t.streets);
        append(local, {std::string(street.kk) + ", " + house, std::string(street.ru) + ", " + house, ""});
        en_street = house + " " + street.en;
    }
    std::string office;
    if (rng.chance(30)) {
        office = std::to_string(rng.between(1, 40));
        append(local, {office + "-кеңсе", "офис " + office, ""});
    }
    std::string en = office.empty() ? en_street : "Office " + office + ", " + en_street;
    if (at.city_district && !at.microdistrict) en += std::string(", ") + at.city_district->name.en;
    en += std::string(", ") + at.settlement->en;
    if (at.district) en += std::string(", ") + at.district->name.en;
    if (!at.region->is_city) en += std::string(", ") + at.region->name.en;
    local.en = en;
    return local;
}

// The area an organisation serves: mostly its own town or village, sometimes a district,
// the whole region or, from the big cities and region centres, the whole country.
LText make_area(SplitMix64& rng, const Location& at) {
    const int roll = rng.between(0, 99);
    if (roll < 5 && in_region_centre(at))
        return {"Қазақстанның барлық өңірлері", "Все регионы Казахстана", "All regions of Kazakhstan"};
    if (roll < 20) return to_ltext(at.region->name);
    if (roll < 45 && at.district) return to_ltext(at.district->name);
    if (roll < 45 && at.city_district) {
        const CityDistrict& cd = *at.city_district;
        return {std::string(at.region->name.kk) + "ның " + cd.name.kk,  // «Алматы қаласының Медеу ауданы»
                std::string(cd.name.ru) + " " + at.region->ru_gen, std::string(cd.name.en) + ", " + at.region->name.en};
    }
    LText area = place_name(*at.settlement);
    if (roll < 70 && at.settlement->type == Place::village) {
        area.kk += " және маңындағы ауылдар";
        area.ru += " и окрестные сёла";
        area.en += " and nearby villages";
    }
    return area;
}

// ---------------------------------------------------------------------------------------
// Identifiers and contacts

// A BIN as the register issues them to legal entities: registration year and month, "4"
// (legal entity) and "0" (head office), a five-digit serial and the check digit. Serials
// for which no check digit exists are skipped, as the register does.
std::string make_bin(SplitMix64& rng, std::unordered_set<std::uint64_t>& issued) {
    for (;;) {
        char bin[13];
        std::snprintf(bin, sizeof bin, "%02d%02d40%05d", rng.between(1996, 2024) % 100, rng.between(1, 12),
                      rng.between(0, 99999));
        std::optional<int> check = aul::core::bin_check_digit(std::string_view(bin, 11));
        if (!check) continue;
        bin[11] = static_cast<char>('0' + *check);
        bin[12] = '\0';  // the check digit took the place of snprintf's terminator
        if (!issued.insert(std::strtoull(bin, nullptr, 10)).second) continue;
        assert(aul::core::is_valid_bin(bin));
        return bin;
    }
}

// Codes of the mobile networks (the first three digits after +7).
constexpr int kMobileCodes[] = {700, 701, 702, 703, 704, 705, 706, 707, 708, 747, 771, 775, 776, 777, 778};

// E.164. Offices in a region centre sometimes give the city landline, others a mobile.
std::string make_phone(SplitMix64& rng, const Location& at) {
    char phone[16];
    if (in_region_centre(at) && !at.region->landline.empty() && rng.chance(35)) {
        std::snprintf(phone, sizeof phone, "+7%s%06d", at.region->landline.c_str(), rng.between(200000, 599999));
    } else {
        int code = kMobileCodes[rng.below(std::size(kMobileCodes))];
        std::snprintf(phone, sizeof phone, "+7%d%07d", code, rng.between(0, 9999999));
    }
    return phone;
}

// Gmail takes only letters, digits and dots in a user name.
std::string gmail_user(std::string s) {
    std::replace(s.begin(), s.end(), '-', '.');
    return s;
}

// ASCII e-mail from the transliterated brand and town, at a national or global free mail
// service or on the organisation's own .kz domain.
std::string make_email(SplitMix64& rng, const std::string& brand_slug, const Settlement& s) {
    switch (rng.below(5)) {
        case 0: return brand_slug + "." + s.slug + "@mail.kz";
        case 1: return gmail_user(brand_slug + "." + s.slug) + "@gmail.com";
        case 2: return brand_slug + "_" + s.slug + "@inbox.kz";
        case 3: return "info@" + brand_slug + "-" + s.slug + ".kz";
        default: return gmail_user(std::string(s.slug) + "." + brand_slug) + "@gmail.com";
    }
}

// ---------------------------------------------------------------------------------------
// Names

std::string fill_brand(std::string_view pattern, std::string_view brand) {
    const std::size_t at = pattern.find("{B}");
    return std::string(pattern.substr(0, at)).append(brand).append(pattern.substr(at + 3));
}

// Registered names are unique across the catalogue in every language: residents tell
// organisations apart by name, and the kiosk lists them by name.
class NameRegistry {
public:
    void reserve(std::size_t n) {
        kk_.reserve(n);
        ru_.reserve(n);
        en_.reserve(n);
    }
    bool claim(const LText& name) {
        if (kk_.count(name.kk) || ru_.count(name.ru) || en_.count(name.en)) return false;
        kk_.insert(name.kk);
        ru_.insert(name.ru);
        en_.insert(name.en);
        return true;
    }

private:
    std::unordered_set<std::string> kk_, ru_, en_;
};

struct ChosenName {
    LText name;
    std::string slug;                     // brand and qualifiers, ASCII
    const Microdistrict* microdistrict;   // part of the name, null if not
};

// «Қамқор» қоғамдық қоры, Талғар. A namesake in the same town gets, in the three cities,
// its microdistrict («..., Алматы, Самал»), and then one qualifier word more per level
// («Қамқор Нұр»). Each level is tried a few times at random before the next, so the
// search stays short even when a million names share a few hundred patterns.
ChosenName choose_name(SplitMix64& rng, const Tables& t, const NgoKind& kind, const Geography& geo,
                       std::size_t region, const Settlement& town, NameRegistry& registry) {
    constexpr std::size_t kTriesPerLevel = 6;
    const Text& pattern = rng.pick(kind.names);
    const Brand& brand = rng.pick(kind.brands);
    const bool in_city = t.regions[region].is_city;
    for (std::size_t attempt = 0;; ++attempt) {
        const std::size_t level = attempt == 0 ? 0 : (attempt - 1) / kTriesPerLevel + 1;
        const Microdistrict* micro = in_city && level > 0 ? geo.random_microdistrict(rng, region) : nullptr;
        const std::size_t words = in_city && level > 0 ? level - 1 : level;
        LText brand_words = to_ltext(brand.name);
        std::string slug = brand.slug;
        const Brand* previous = nullptr;
        for (std::size_t w = 0; w < words; ++w) {
            const Brand* q = previous;
            while (q == previous) q = &t.qualifiers[rng.below(t.qualifiers.size())];
            append(brand_words, to_ltext(q->name), " ");
            slug += std::string("-") + q->slug;
            previous = q;
        }
        LText name{fill_brand(pattern.kk, brand_words.kk), fill_brand(pattern.ru, brand_words.ru),
                   fill_brand(pattern.en, brand_words.en)};
        append(name, {town.kk, town.ru, town.en});
        if (micro) append(name, to_ltext(micro->name));
        if (registry.claim(name)) return {std::move(name), std::move(slug), micro};
    }
}

// ---------------------------------------------------------------------------------------
// Organisations

// k of the indices 0..n-1, in their order, so that composed texts keep the tables' order.
std::vector<std::size_t> pick_in_order(SplitMix64& rng, std::size_t n, std::size_t k) {
    std::vector<std::size_t> idx(n);
    for (std::size_t i = 0; i < n; ++i) idx[i] = i;
    while (idx.size() > k) idx.erase(idx.begin() + static_cast<std::ptrdiff_t>(rng.below(idx.size())));
    return idx;
}

// Sentences joined by a space: the mission is one or two of the kind's sentences.
LText make_mission(SplitMix64& rng, const NgoKind& kind) {
    LText out;
    for (std::size_t i : pick_in_order(rng, kind.missions.size(), rng.chance(50) ? 2 : 1))
        append(out, to_ltext(kind.missions[i]), " ");
    return out;
}

// Three or four short phrases, each ending with a full stop.
LText make_services(SplitMix64& rng, const NgoKind& kind) {
    const std::size_t k = std::min<std::size_t>(kind.services.size(), rng.chance(50) ? 4 : 3);
    LText out;
    for (std::size_t i : pick_in_order(rng, kind.services.size(), k)) append(out, to_ltext(kind.services[i]), ". ");
    out.kk += ".";
    out.ru += ".";
    out.en += ".";
    return out;
}

// What the volunteer opportunities need to know about an organisation.
struct NgoSummary {
    std::string id;
    const NgoKind* kind = nullptr;
    Location at;
    bool has_en = false;
    bool needs_volunteers = false;
};

// Composes organisations one after another; names and BINs stay unique across them all.
class NgoMaker {
public:
    // Room for `count` names and BINs up front: rehashing a million strings costs more
    // than composing them.
    NgoMaker(const Tables& t, std::size_t count) : t_(t), geo_(t) {
        names_.reserve(count);
        bins_.reserve(count);
    }

    aul::core::Ngo make_ngo(std::size_t i, SplitMix64& rng, NgoSummary& summary) {
        // The first twenty go one to each region, so that even a small catalogue covers them all.
        const std::size_t region = i < geo_.region_count() ? i : geo_.random_region(rng);
        const NgoKind* pick = &rng.pick(t_.kinds);
        while (pick->rural && t_.regions[region].is_city) pick = &rng.pick(t_.kinds);
        const NgoKind& kind = *pick;
        Location at;
        at.region = &t_.regions[region];
        at.settlement = &t_.settlements[geo_.random_settlement(rng, region)];
        if (!at.settlement->district.empty()) at.district = find_district(t_, at.settlement->district);
        at.city_district = geo_.random_city_district(rng, region);

        ChosenName name = choose_name(rng, t_, kind, geo_, region, *at.settlement, names_);
        at.microdistrict = name.microdistrict;
        if (!at.microdistrict && rng.chance(30)) at.microdistrict = geo_.random_microdistrict(rng, region);
        const bool has_en = rng.chance(33);

        char id[32];
        std::snprintf(id, sizeof id, "ngo-%06zu", i + 1);
        aul::core::Ngo n;
        n.id = id;
        n.bin = make_bin(rng, bins_);
        n.name = local(name.name, has_en);
        n.mission = local(make_mission(rng, kind), has_en);
        n.services = local(make_services(rng, kind), has_en);
        n.area = local(make_area(rng, at), has_en);
        n.address = local(make_address(rng, t_, at), has_en);
        n.categories = kind.categories;
        n.region = at.region->code;
        if (at.district) n.district = at.district->code;
        if (rng.chance(92)) n.phone = make_phone(rng, at);
        if (rng.chance(85)) n.email = make_email(rng, name.slug, *at.settlement);
        n.needs_volunteers = rng.chance(40);
        n.seeks_partners = rng.chance(30);

        summary = {n.id, &kind, at, has_en, n.needs_volunteers};
        return n;
    }

private:
    const Tables& t_;
    Geography geo_;
    NameRegistry names_;
    std::unordered_set<std::uint64_t> bins_;
};

// ---------------------------------------------------------------------------------------
// Public councils: at five ministries, at every regional akimat and at the akimat of every
// catalogue district. Their topics are the proposal categories residents file under.

const Topic& find_topic(const Tables& t, std::string_view code) {
    for (const auto& topic : t.topics)
        if (code == topic.code) return topic;
    throw std::logic_error("unknown topic " + std::string(code));
}

// «Негізгі тақырыптары: жолдар, су.»
LText topics_sentence(const std::vector<const Topic*>& topics) {
    LText list;
    for (const Topic* t : topics) append(list, to_ltext(t->name));
    return {"Негізгі тақырыптары: " + list.kk + ".", "Основные темы: " + list.ru + ".", "Main topics: " + list.en + "."};
}

// Local councils always deal with roads and water, which residents raise most (the first
// two topics; load_tables checks), and with two or three other topics.
std::vector<const Topic*> local_topics(SplitMix64& rng, const Tables& t) {
    std::vector<const Topic*> topics{&t.topics[0], &t.topics[1]};
    const std::size_t others = t.topics.size() - 2;
    for (std::size_t i : pick_in_order(rng, others, rng.chance(50) ? 3 : 2)) topics.push_back(&t.topics[2 + i]);
    return topics;
}

LText monthly_meetings(SplitMix64& rng, const Tables& t, bool district) {
    const Ordinal& o = rng.pick(t.ordinals);
    const Weekday& d = rng.pick(t.weekdays);
    const Hour& h = rng.pick(t.hours);
    const Text& place = t.meeting_places[(district ? 2 : 0) + rng.below(2)];
    return {"Отырыстар әр айдың " + o.kk + " " + d.kk + " сағат " + h.kk + " " + place.kk +
                " өтеді; тұрғындар қатыса алады.",
            "Заседания проходят " + (d.ru_fem ? o.ru_fem : o.ru_masc) + " " + d.ru + " каждого месяца в " + h.plain +
                " " + place.ru + "; жители могут присутствовать.",
            "Meets on the " + o.en + " " + d.en + " of each month at " + h.plain + " " + place.en +
                "; residents may attend."};
}

// "KZ-19-01" -> "council-kz19-01"
std::string council_id(std::string_view code) {
    std::string id = "council-";
    bool dash_dropped = false;
    for (char c : code) {
        if (c == '-' && !dash_dropped) {
            dash_dropped = true;
            continue;
        }
        id += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    return id;
}

aul::core::Council make_council(std::string id, const char* level, std::string region, std::string district,
                                const LText& name, LText description, const LText& meetings,
                                const std::vector<const Topic*>& topics) {
    append(description, topics_sentence(topics), " ");
    aul::core::Council c;
    c.id = std::move(id);
    c.level = level;
    c.region = std::move(region);
    c.district = std::move(district);
    c.name = local(name);
    c.description = local(description);
    c.meetings = local(meetings);
    for (const Topic* t : topics) c.topics.push_back(t->code);
    return c;
}

std::vector<aul::core::Council> make_councils(const Tables& t, std::uint64_t seed) {
    SplitMix64 rng(seed ^ 0x636F756E63696C73ull);  // own stream: councils do not shift with --count
    std::vector<aul::core::Council> out;
    for (const auto& m : t.ministries) {
        std::vector<const Topic*> topics;
        for (const auto& code : m.topics) topics.push_back(&find_topic(t, code));
        out.push_back(make_council(
            "council-national-" + m.slug, "national", "", "", to_ltext(m.council),
            {"Кеңес министрліктің заң жобалары мен бағдарламаларын талқылап, азаматтар мен ҮЕҰ ұсыныстарын қарайды.",
             "Совет обсуждает законопроекты и программы министерства и рассматривает предложения граждан и НКО.",
             "The council discusses the ministry's draft laws and programmes and considers proposals from citizens and NGOs."},
            {"Отырыстар тоқсанына бір рет министрлікте өтеді; күн тәртібі мен хаттамалар министрліктің сайтында жарияланады.",
             "Заседания проходят раз в квартал в министерстве; повестка и протоколы публикуются на сайте министерства.",
             "Meets once a quarter at the ministry; agendas and minutes are published on the ministry's website."},
            topics));
    }
    for (const auto& r : t.regions) {
        LText name{r.name.kk + " әкімдігі жанындағы қоғамдық кеңес", "Общественный совет при акимате " + r.ru_gen,
                   "Public Council at the " + r.name.en + " Akimat"};
        LText description{std::string("Кеңес ") + (r.is_city ? "қала" : "облыс") +
                              " әкімдігінің шешімдері мен бюджетін талқылап, тұрғындардың ұсыныстарын әкімге жеткізеді.",
                          std::string("Совет обсуждает решения и бюджет акимата ") + (r.is_city ? "города" : "области") +
                              " и передаёт акиму предложения жителей.",
                          std::string("The council reviews the ") + (r.is_city ? "city" : "regional") +
                              " akimat's decisions and budget and passes residents' proposals to the akim."};
        std::vector<const Topic*> topics = local_topics(rng, t);
        LText meetings = monthly_meetings(rng, t, false);
        out.push_back(make_council(council_id(r.code), "regional", r.code, "", name, description, meetings, topics));
    }
    for (const auto& d : t.districts) {
        LText name{d.name.kk + " әкімдігі жанындағы қоғамдық кеңес", "Общественный совет при акимате " + d.ru_gen,
                   "Public Council at the " + d.name.en + " Akimat"};
        std::vector<const Topic*> topics = local_topics(rng, t);
        LText meetings = monthly_meetings(rng, t, true);
        out.push_back(make_council(
            council_id(d.code), "district", d.region, d.code, name,
            {"Кеңес аудан әкімдігінің жұмысына қоғамдық бақылау жүргізіп, ауылдардан түскен ұсыныстарды қарайды.",
             "Совет ведёт общественный контроль за работой акимата района и рассматривает предложения из сёл.",
             "The council oversees the district akimat's work and considers proposals from the villages."},
            meetings, topics));
    }
    return out;
}

// ---------------------------------------------------------------------------------------
// Volunteer opportunities, posted by the organisations among the first ones that need
// volunteers: the first organisations are the same for every --count with one seed, so
// the demo and the benchmark catalogues carry the same opportunities.

constexpr std::size_t kOpportunityPool = 300;  // how many of the first NGOs may post
constexpr std::size_t kMaxOpportunities = 60;

aul::core::Opportunity make_opportunity(std::size_t n, SplitMix64& rng, const NgoSummary& ngo) {
    const Task& task = rng.pick(ngo.kind->tasks);
    const bool has_en = ngo.has_en || rng.chance(50);
    const LText place = place_name(*ngo.at.settlement);
    LText description = to_ltext(task.description);
    append(description, {"Өтетін орны: " + place.kk + ".", "Место: " + place.ru + ".", "Where: " + place.en + "."}, " ");
    char id[32];
    std::snprintf(id, sizeof id, "opp-%06zu", n);
    aul::core::Opportunity o;
    o.id = id;
    o.ngo = ngo.id;
    o.title = local(task.title, has_en);
    o.description = local(description, has_en);
    o.when = local(task.when, has_en);
    o.region = ngo.at.region->code;
    if (ngo.at.district) o.district = ngo.at.district->code;
    return o;
}

std::vector<aul::core::Opportunity> make_opportunities(std::uint64_t seed, const std::vector<NgoSummary>& first_ngos) {
    SplitMix64 rng(seed ^ 0x6F70706F7274756Eull);  // own stream, like the councils'
    std::vector<aul::core::Opportunity> out;
    for (const NgoSummary& ngo : first_ngos) {
        if (out.size() == kMaxOpportunities) break;
        if (ngo.needs_volunteers) out.push_back(make_opportunity(out.size() + 1, rng, ngo));
    }
    return out;
}

// ---------------------------------------------------------------------------------------
// Output

std::vector<aul::core::Category> make_categories(const Tables& t) {
    std::vector<aul::core::Category> out;
    for (const auto& c : t.categories)
        out.push_back({c.code, c.icon, local(c.name), static_cast<int>(out.size())});  // listed in display order
    return out;
}

std::vector<aul::core::Region> make_regions(const Tables& t) {
    std::vector<aul::core::Region> out;
    for (const auto& r : t.regions) out.push_back({r.code, local(r.name)});
    return out;
}

std::vector<aul::core::District> make_districts(const Tables& t) {
    std::vector<aul::core::District> out;
    for (const auto& d : t.districts) out.push_back({d.code, d.region, local(d.name)});
    return out;
}

// Writes through stdio; a failed write ends the program with a message.
class FileSink {
public:
    explicit FileSink(std::FILE* out) : out_(out) {}
    void operator()(std::string_view s) const {
        if (std::fwrite(s.data(), 1, s.size(), out_) != s.size()) throw std::runtime_error("cannot write the catalogue");
    }
    void flush() const {
        if (std::fflush(out_) != 0) throw std::runtime_error("cannot write the catalogue");
    }

private:
    std::FILE* out_;
};

// NGOs are written as they are made, so a million of them never sit in memory at once;
// only the first ones are kept, for the opportunities.
std::vector<NgoSummary> write_ngos(aul::core::CatalogJsonWriter& w, const Tables& t, std::size_t count,
                                   std::uint64_t seed) {
    SplitMix64 rng(seed);
    NgoMaker maker(t, count);
    std::vector<NgoSummary> first;
    w.begin_section("ngos");
    for (std::size_t i = 0; i < count; ++i) {
        NgoSummary summary;
        w.record(maker.make_ngo(i, rng, summary));
        if (i < kOpportunityPool) first.push_back(std::move(summary));
    }
    w.end_section();
    return first;
}

// ---------------------------------------------------------------------------------------
// Command line

struct Options {
    long count = -1;
    std::uint64_t seed = 1;
    std::string out;
    std::string phrases = AUL_GEN_CATALOG_PHRASES;
};

[[noreturn]] void usage(const char* why) {
    std::fprintf(stderr,
                 "gen_catalog: %s\nusage: gen_catalog --count N [--seed S] [--out FILE] [--phrases DIR]\n"
                 "  --phrases  the folder of phrase tables (default %s)\n",
                 why, AUL_GEN_CATALOG_PHRASES);
    std::exit(2);
}

Options parse_options(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        std::string_view a = argv[i];
        if (i + 1 >= argc) usage("every option takes a value");
        const char* v = argv[++i];
        char* end = nullptr;
        if (a == "--count") {
            o.count = std::strtol(v, &end, 10);
            if (*end || o.count < 0 || o.count > 999999) usage("--count must be 0..999999");
        } else if (a == "--seed") {
            o.seed = std::strtoull(v, &end, 10);
            if (*end || !*v) usage("--seed must be a non-negative integer");
        } else if (a == "--out") {
            o.out = v;
        } else if (a == "--phrases") {
            o.phrases = v;
        } else {
            usage("unknown option");
        }
    }
    if (o.count < 0) usage("--count is required");
    return o;
}

}  // namespace

int main(int argc, char** argv) {
    Options opt = parse_options(argc, argv);
    Tables tables;
    try {
        tables = load_tables(opt.phrases);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "gen_catalog: %s\n", e.what());
        return 1;
    }
    std::FILE* out = opt.out.empty() ? stdout : std::fopen(opt.out.c_str(), "wb");
    if (!out) {
        std::fprintf(stderr, "gen_catalog: cannot open %s for writing\n", opt.out.c_str());
        return 1;
    }
    static char buffer[1 << 20];
    std::setvbuf(out, buffer, _IOFBF, sizeof buffer);
    try {
        FileSink sink(out);
        aul::core::CatalogJsonWriter w(sink);
        w.section("categories", make_categories(tables));
        w.section("regions", make_regions(tables));
        w.section("districts", make_districts(tables));
        std::vector<NgoSummary> first = write_ngos(w, tables, static_cast<std::size_t>(opt.count), opt.seed);
        w.section("councils", make_councils(tables, opt.seed));
        w.section("opportunities", make_opportunities(opt.seed, first));
        w.finish();
        sink.flush();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "gen_catalog: %s\n", e.what());
        return 1;
    }
    if (out != stdout && std::fclose(out) != 0) {
        std::fprintf(stderr, "gen_catalog: cannot finish writing %s\n", opt.out.c_str());
        return 1;
    }
    return 0;
}
