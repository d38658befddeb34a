#include <doctest/doctest.h>

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
