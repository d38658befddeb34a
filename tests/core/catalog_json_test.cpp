// The property test below draws random catalogues; each run prints its seed on failure.
// Replay a failure: AUL_PROPERTY_SEED=<seed printed> AUL_PROPERTY_RUNS=1 core_tests
//                   -tc='*generated catalogues*'
#include <doctest/doctest.h>

#include <cstdint>
#include <cstdlib>
#include <random>
#include <set>

#include "test_files.h"

#include "core/catalog_json.h"
#include "core/validate.h"

using namespace aul::core;

namespace {
const char* kSmall = R"({
  "format": 1,
  "categories": [{"code": "children", "icon": "child", "name": {"kk": "Балалар", "ru": "Дети"}}],
  "regions": [{"code": "KZ-19", "name": {"kk": "Алматы облысы", "ru": "Алматинская область", "en": "Almaty Region"}}],
  "districts": [{"code": "KZ-19-01", "region": "KZ-19", "name": {"ru": "Талгарский район"}}],
  "ngos": [{"id": "ngo-1", "bin": "050540012347", "name": {"kk": "«Қамқор» қоры"}, "categories": ["children"],
            "region": "KZ-19", "district": "KZ-19-01", "phone": "8 701 123 45 67", "needs_volunteers": true}],
  "councils": [{"id": "c-1", "level": "national", "name": {"ru": "Совет"}, "topics": ["roads"]}],
  "opportunities": [{"id": "o-1", "ngo": "ngo-1", "title": {"kk": "Көмек"}}]
})";

std::string with(std::string doc, const std::string& from, const std::string& to) {
    auto pos = doc.find(from);
    REQUIRE(pos != std::string::npos);
    return doc.replace(pos, from.size(), to);
}
}  // namespace

TEST_CASE("a well-formed catalogue decodes") {
    auto c = parse_catalog(kSmall);
    REQUIRE_MESSAGE(c.ok(), (c.ok() ? "" : c.error()));
    REQUIRE(c->ngos.size() == 1);
    CHECK(c->ngos[0].phone == "+77011234567");  // normalised on the way in
    CHECK(c->ngos[0].name.in(Lang::en) == "«Қамқор» қоры");  // falls back to kk
    CHECK(c->ngos[0].needs_volunteers);
    CHECK(c->councils[0].topics == std::vector<std::string>{"roads"});
}

TEST_CASE("bad records are named in the error") {
    auto bad_bin = parse_catalog(with(kSmall, "050540012347", "050540012346"));
    REQUIRE_FALSE(bad_bin.ok());
    CHECK(bad_bin.error().find("ngos[0] (ngo-1)") != std::string::npos);
    CHECK(bad_bin.error().find("BIN") != std::string::npos);

    auto bad_region = parse_catalog(with(kSmall, "\"region\": \"KZ-19\", \"district\"", "\"region\": \"KZ-99\", \"district\""));
    REQUIRE_FALSE(bad_region.ok());
    CHECK(bad_region.error().find("KZ-99") != std::string::npos);

    auto bad_opp = parse_catalog(with(kSmall, "\"ngo\": \"ngo-1\"", "\"ngo\": \"ngo-404\""));
    REQUIRE_FALSE(bad_opp.ok());
    CHECK(bad_opp.error().find("opportunities[0]") != std::string::npos);

    auto bad_phone = parse_catalog(with(kSmall, "8 701 123 45 67", "+1 555 0100"));
    CHECK_FALSE(bad_phone.ok());
    CHECK_FALSE(parse_catalog("{\"ngos\": [").ok());
    CHECK_FALSE(parse_catalog(with(kSmall, "«Қамқор»", "\xFF\xFE")).ok());
    CHECK_FALSE(parse_catalog(with(kSmall, "\"needs_volunteers\": true", "\"needs_volunteers\": \"yes\"")).ok());
}

TEST_CASE("control characters are stripped and text is NFC") {
    auto c = parse_catalog(with(kSmall, "«Қамқор» қоры", "«Қамқор»\\u0007 қори\\u0306"));
    REQUIRE(c.ok());
    CHECK(c->ngos[0].name.kk == "«Қамқор» қорй");
}

TEST_CASE("the demo catalogue is complete and consistent") {
    auto c = parse_catalog(asset("demo/catalog.json"));
    REQUIRE_MESSAGE(c.ok(), (c.ok() ? "" : c.error()));
    CHECK(c->ngos.size() >= 200);
    CHECK(c->regions.size() == 20);  // 17 regions and 3 cities of republican significance
    std::set<std::string> codes;
    for (const auto& r : c->regions) codes.insert(r.code);
    for (const char* code : {"KZ-10", "KZ-11", "KZ-15", "KZ-19", "KZ-23", "KZ-27", "KZ-31", "KZ-33", "KZ-35",
                             "KZ-39", "KZ-43", "KZ-47", "KZ-55", "KZ-59", "KZ-61", "KZ-62", "KZ-63", "KZ-71",
                             "KZ-75", "KZ-79"})
        CHECK_MESSAGE(codes.count(code), code);
    std::set<std::string> regions_with_districts, regions_with_ngos;
    for (const auto& d : c->districts) regions_with_districts.insert(d.region);
    for (const auto& n : c->ngos) regions_with_ngos.insert(n.region);
    CHECK(regions_with_districts.size() >= 2);
    CHECK(regions_with_ngos.size() == 20);
    CHECK(c->councils.size() >= 24);
    CHECK(c->opportunities.size() >= 20);
    int kk = 0, ru = 0, en = 0;
    for (const auto& n : c->ngos) {
        kk += !n.name.kk.empty();
        ru += !n.name.ru.empty();
        en += !n.name.en.empty();
    }
    CHECK(kk == static_cast<int>(c->ngos.size()));
    CHECK(ru == static_cast<int>(c->ngos.size()));
    CHECK(en > 0);
}

namespace {
std::uint32_t env_number(const char* name, std::uint32_t otherwise) {
    const char* v = std::getenv(name);
    return v && *v ? static_cast<std::uint32_t>(std::strtoul(v, nullptr, 10)) : otherwise;
}

// Random catalogues of the kind parse_catalog returns: NFC texts without controls, keys,
// BINs and phones in their checked forms, every reference resolving, all within limits.
class RandomCatalog {
public:
    explicit RandomCatalog(std::uint32_t seed) : rng_(seed) {}

    Catalog make() {
        Catalog c;
        for (std::size_t i = 0, n = below(6); i < n; ++i)
            c.categories.push_back({key("cat", i), chance(80) ? key("icon", i) : "", text(true, 40),
                                    static_cast<int>(below(100001))});
        for (std::size_t i = 0, n = 1 + below(4); i < n; ++i) c.regions.push_back({key("KZ", i), text(true, 40)});
        for (std::size_t i = 0, n = below(5); i < n; ++i)
            c.districts.push_back({key("KZ-D", i), pick_code(c.regions), text(true, 40)});
        std::set<std::string> bins;
        for (std::size_t i = 0, n = below(12); i < n; ++i) {
            Ngo g;
            g.id = key("ngo", i);
            do g.bin = bin(); while (!bins.insert(g.bin).second);
            g.name = text(true, 60);
            g.mission = text(false, 200);
            g.services = text(false, 200);
            g.area = text(false, 60);
            g.address = text(false, 60);
            for (std::size_t k = 0, m = c.categories.empty() ? 0 : below(4); k < m; ++k)
                g.categories.push_back(pick_code(c.categories));
            g.region = pick_code(c.regions);
            if (!c.districts.empty() && chance(50)) g.district = pick_code(c.districts);
            if (chance(70)) g.phone = phone();
            if (chance(60)) g.email = key("info", i) + "@example.kz";
            g.needs_volunteers = chance(50);
            g.seeks_partners = chance(50);
            c.ngos.push_back(std::move(g));
        }
        const char* levels[] = {"national", "regional", "district"};
        for (std::size_t i = 0, n = below(5); i < n; ++i) {
            Council k;
            k.id = key("council", i);
            k.level = levels[below(3)];
            if (chance(60)) k.region = pick_code(c.regions);
            if (!c.districts.empty() && chance(40)) k.district = pick_code(c.districts);
            k.name = text(true, 60);
            k.description = text(false, 200);
            k.meetings = text(false, 60);
            for (std::size_t t = 0, m = below(limits::kCodes + 1); t < m; ++t) k.topics.push_back(key("topic", below(8)));
            c.councils.push_back(std::move(k));
        }
        for (std::size_t i = 0, n = c.ngos.empty() ? 0 : below(6); i < n; ++i) {
            Opportunity o;
            o.id = key("opp", i);
            o.ngo = c.ngos[below(c.ngos.size())].id;
            o.title = text(true, 40);
            o.description = text(false, 200);
            o.when = text(false, 40);
            if (chance(50)) o.region = pick_code(c.regions);
            if (!c.districts.empty() && chance(30)) o.district = pick_code(c.districts);
            c.opportunities.push_back(std::move(o));
        }
        return c;
    }

private:
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(rng_() % n); }
    bool chance(int percent) { return below(100) < static_cast<std::size_t>(percent); }

    // Unique by its index, otherwise random: letters, digits, '-', '_', '.', at most kKey bytes.
    std::string key(const std::string& prefix, std::size_t index) {
        static const char kChars[] = "abcXYZ0189-_.";
        std::string k = prefix + "-" + std::to_string(index) + "-";
        for (std::size_t i = 0, n = below(limits::kKey - k.size() + 1); i < n; ++i) k += kChars[below(sizeof kChars - 1)];
        return k;
    }
    template <typename T>
    std::string pick_code(const std::vector<T>& items) {
        return items[below(items.size())].code;
    }
    // Up to `pieces` fragments in Kazakh, Russian, English and symbols JSON escapes.
    std::string piece() {
        static const char* kPieces[] = {"Қамқор", "қоры", "Дети", "ёлка", "Ұйғыр", "Public", "Fund", " ", ", ",
                                        "\n", "«", "»", "\"", "\\", "/", "😀", "é", "№ 5", "{B}", "&", "<b>"};
        return kPieces[below(std::size(kPieces))];
    }
    std::string one_language(std::size_t pieces) {
        std::string s;
        for (std::size_t i = 0, n = below(pieces + 1); i < n; ++i) s += piece();
        return s;
    }
    LocalText text(bool required, std::size_t pieces) {
        LocalText t;
        if (!required && chance(25)) return t;
        t.kk = chance(85) ? one_language(pieces) : "";
        t.ru = chance(85) ? one_language(pieces) : "";
        t.en = chance(50) ? one_language(pieces) : "";
        if (required && t.empty()) t.ru = "Совет";
        return t;
    }
    std::string bin() {
        for (;;) {
            std::string b;
            for (int i = 0; i < 11; ++i) b += static_cast<char>('0' + below(10));
            if (auto check = bin_check_digit(b)) return b + static_cast<char>('0' + *check);
        }
    }
    std::string phone() {
        std::string p = "+77";
        for (int i = 0; i < 9; ++i) p += static_cast<char>('0' + below(10));
        return p;
    }

    std::mt19937 rng_;
};
}  // namespace

TEST_CASE("generated catalogues: written and read back, each is the same catalogue and the same text") {
    const std::uint32_t first = env_number("AUL_PROPERTY_SEED", std::random_device{}());
    const std::uint32_t runs = env_number("AUL_PROPERTY_RUNS", 200);
    for (std::uint32_t i = 0; i < runs; ++i) {
        const std::uint32_t seed = first + i;
        CAPTURE(seed);
        Catalog c = RandomCatalog(seed).make();
        std::string text = catalog_to_json(c);
        auto back = parse_catalog(text);
        REQUIRE_MESSAGE(back.ok(), (back.ok() ? "" : back.error()) << "\n" << text);
        CHECK(*back == c);
        CHECK(catalog_to_json(*back) == text);
    }
}

TEST_CASE("the demo catalogue, written again, reads as the same catalogue and writes the same text") {
    auto demo = parse_catalog(asset("demo/catalog.json"));
    REQUIRE(demo.ok());
    std::string once = catalog_to_json(*demo);
    auto again = parse_catalog(once);
    REQUIRE_MESSAGE(again.ok(), (again.ok() ? "" : again.error()));
    CHECK(*again == *demo);
    CHECK(catalog_to_json(*again) == once);
}

TEST_CASE("written records leave out what is empty and keep the record's own order") {
    Ngo n;
    n.id = "ngo-1";
    n.bin = "050540012347";
    n.name.kk = "«Қамқор» қоры";
    n.region = "KZ-19";
    CHECK(record_to_json(n) ==
          R"({"id":"ngo-1","bin":"050540012347","name":{"kk":"«Қамқор» қоры"},"categories":[],"region":"KZ-19",)"
          R"("needs_volunteers":false,"seeks_partners":false})");
    Council k{"c-1", "national", "", "", {"", "Совет", ""}, {}, {}, {"roads"}};
    CHECK(record_to_json(k) == R"({"id":"c-1","level":"national","name":{"ru":"Совет"},"topics":["roads"]})");
}
