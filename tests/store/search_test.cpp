#include <doctest/doctest.h>

#include <algorithm>

#include "common.h"
#include "store/catalog_store.h"

using namespace aul;

namespace {
struct Fixture {
    TempDir dir;
    std::optional<store::CatalogStore> s;
    Fixture() {
        auto db = store::open_kiosk_db(dir.file("kiosk.db"));
        REQUIRE(db.ok());
        s.emplace(std::move(*db));
        auto counts = s->replace_catalog(small_catalog());
        REQUIRE_MESSAGE(counts.ok(), (counts.ok() ? "" : counts.error()));
    }
    std::vector<std::string> ids(store::NgoQuery q) {
        auto rows = s->search(q);
        REQUIRE_MESSAGE(rows.ok(), (rows.ok() ? "" : rows.error()));
        std::vector<std::string> out;
        for (std::int64_t rowid : rows->rowids) out.push_back(s->ngo(rowid)->id);
        return out;
    }
    std::vector<std::string> text(const std::string& t) {
        store::NgoQuery q;
        q.text = t;
        return ids(q);
    }
};
}  // namespace

TEST_CASE("search matches prefixes, folds case, and finds Kazakh letters") {
    Fixture f;
    CHECK(f.text("ҚАМҚ") == std::vector<std::string>{"ngo-1"});
    CHECK(f.text("қ").size() >= 1);          // one Kazakh-only letter is a valid query
    CHECK(f.text("к").size() >= 1);
    CHECK(f.text("жасыл ел") == std::vector<std::string>{"ngo-2"});  // every word must match
    CHECK(f.text("жасыл камкор").empty());
    CHECK(f.text("   ").size() == 4);        // no words: everything, alphabetically
    CHECK(f.text("\"*)(").size() == 4);      // FTS syntax typed by a resident is just text
}

TEST_CASE("ё and е match each other both ways") {
    Fixture f;
    CHECK(f.text("все для") == std::vector<std::string>{"ngo-3"});
    CHECK(f.text("ВСЁ") == std::vector<std::string>{"ngo-3"});
    CHECK(f.text("зеленая") == std::vector<std::string>{"ngo-2"});
    CHECK(f.text("елка") == std::vector<std::string>{"ngo-3"});
}

TEST_CASE("a hit in the name ranks above a hit in the description") {
    Fixture f;
    // ngo-3 is called "Всё для детей"; ngo-4 only mentions children in its mission.
    auto hits = f.text("дет");
    REQUIRE(hits.size() == 2);
    CHECK(hits[0] == "ngo-3");
    CHECK(hits[1] == "ngo-4");
}

TEST_CASE("filters narrow by category, region and district") {
    Fixture f;
    store::NgoQuery q;
    q.category = "environment";
    CHECK(f.ids(q) == std::vector<std::string>{"ngo-2"});
    q = {};
    q.region = "KZ-71";
    CHECK(f.ids(q).size() == 2);
    q.district = "KZ-19-01";
    CHECK(f.ids(q).empty());
    q.region = "KZ-19";
    CHECK(f.ids(q) == std::vector<std::string>{"ngo-1"});
    q = {};
    q.text = "фонд";
    q.region = "KZ-71";
    CHECK(f.ids(q).empty());
}

TEST_CASE("match expression quotes every word as a prefix") {
    CHECK(store::CatalogStore::match_expression("Қамқор қоры") == "\"қамқор\"* \"қоры\"*");
    CHECK(store::CatalogStore::match_expression("a\"b OR c") == "\"a\"* \"b\"* \"or\"* \"c\"*");
    CHECK(store::CatalogStore::match_expression("!!").empty());
    CHECK(store::CatalogStore::match_expression("Қамқор қоры", false) == "\"қамқор\" \"қоры\"");
}

TEST_CASE("a query too broad to rank lists name matches first, alphabetically, and says there are more") {
    TempDir dir;
    store::CatalogStore s(std::move(*store::open_kiosk_db(dir.file("kiosk.db"))));
    auto c = small_catalog();
    c.ngos.clear();
    // Every NGO helps families; a few also carry the word in their name.
    for (int i = 0; i < store::kMaxRanked + 200; ++i) {
        bool named = i % 200 == 7;  // six of them
        char name[64];
        std::snprintf(name, sizeof name, "%s %05d", named ? "Семья" : "Фонд", (i * 7919) % 100000);
        c.ngos.push_back(make_ngo(i, name, name, "Помощь семьям в трудной ситуации"));
    }
    REQUIRE(s.replace_catalog(c).ok());
    store::NgoQuery q;
    q.text = "семь";
    q.lang = core::Lang::ru;
    auto hits = s.search(q);
    REQUIRE(hits.ok());
    CHECK(hits->more);
    CHECK(hits->rowids.size() == static_cast<std::size_t>(store::kMaxListed));
    std::vector<std::string> first;
    for (int i = 0; i < 5; ++i) first.push_back(s.ngo(hits->rowids[static_cast<std::size_t>(i)])->name.ru);
    for (const auto& name : first) CHECK(name.rfind("Семья", 0) == 0);
    CHECK(std::is_sorted(first.begin(), first.end()));
    CHECK(s.ngo(hits->rowids[6])->name.ru.rfind("Фонд", 0) == 0);

    q.text = "семья 55433";  // narrower: few enough to rank (i = 7)
    auto narrow = s.search(q);
    REQUIRE(narrow.ok());
    CHECK_FALSE(narrow->more);
    REQUIRE(narrow->rowids.size() == 1);
    CHECK(s.ngo(narrow->rowids[0])->name.ru == "Семья 55433");
}

TEST_CASE("councils for a place: national, then regional, then district") {
    Fixture f;
    auto list = f.s->councils_for("KZ-19", "KZ-19-01");
    REQUIRE(list.ok());
    std::vector<std::string> ids;
    for (const auto& c : *list) ids.push_back(c.id);
    CHECK(ids == std::vector<std::string>{"c-nat", "c-19", "c-19-01"});
    CHECK((*list)[1].topics == std::vector<std::string>{"roads", "water"});
    CHECK(f.s->councils_for("KZ-71", "")->size() == 2);
    CHECK(f.s->council("c-71")->value().name.ru == "Совет Астаны");
    CHECK_FALSE(f.s->council("nope")->has_value());
}

TEST_CASE("opportunities of the kiosk's region come first, with their NGO's name and contact") {
    TempDir dir;
    store::CatalogStore s(std::move(*store::open_kiosk_db(dir.file("kiosk.db"))));
    auto c = small_catalog();
    c.ngos[1].phone = "+77011234567";
    c.ngos[1].email = "green@example.kz";
    c.ngos[1].address = {"Астана, Абай д-лы, 10", "Астана, пр. Абая, 10", ""};
    REQUIRE(s.replace_catalog(c).ok());
    auto all = s.opportunities("KZ-71");
    REQUIRE(all.ok());
    REQUIRE(all->size() == 2);
    CHECK((*all)[0].opportunity.id == "opp-2");
    CHECK((*all)[0].ngo_name.ru == "Клуб «Зелёная страна»");
    CHECK((*all)[0].ngo_phone == "+77011234567");
    CHECK((*all)[0].ngo_email == "green@example.kz");
    CHECK((*all)[0].ngo_address == c.ngos[1].address);
    CHECK((*all)[1].ngo_phone.empty());  // ngo-1 published none
    CHECK((*all)[1].ngo_address.empty());
    auto one = s.opportunities("KZ-71", "ngo-1");
    REQUIRE(one->size() == 1);
    CHECK((*one)[0].opportunity.title.kk == "Көмек");
}

TEST_CASE("the number of NGOs is kept with each catalogue change, and recounted after a change that did not keep it") {
    TempDir dir;
    store::CatalogStore s(std::move(*store::open_kiosk_db(dir.file("kiosk.db"))));
    auto counted = [&] { return s.db().scalar_int("SELECT count(*) FROM ngos").value_or(-1); };
    CHECK(*s.ngo_count() == 0);  // a fresh file: nothing kept, counted
    REQUIRE(s.replace_catalog(small_catalog()).ok());
    auto n = counted();
    REQUIRE(n > 1);
    CHECK(*s.ngo_count() == n);
    // The kept number is what is read: a different one of this generation is believed...
    auto generation = *s.catalog_generation();
    REQUIRE(s.db().exec("UPDATE meta SET value = '999:" + std::to_string(generation) + "' WHERE key = 'catalog_ngos'").ok());
    CHECK(*s.ngo_count() == 999);
    // ...and none of an older one: a writer that changed the catalogue without counting it
    // (an older version of the kiosk) leaves it behind the generation.
    REQUIRE(s.db().exec("DELETE FROM ngos WHERE rowid = (SELECT min(rowid) FROM ngos)").ok());
    REQUIRE(s.db().exec("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'catalog_generation'").ok());
    CHECK(*s.ngo_count() == n - 1);
    // The next change through the store keeps it again.
    REQUIRE(s.replace_catalog(small_catalog()).ok());
    CHECK(*s.ngo_count() == n);
    auto kept = s.db().prepare("SELECT value FROM meta WHERE key = 'catalog_ngos'");
    REQUIRE(kept.ok());
    REQUIRE(kept->step().value_or(false));
    CHECK(kept->text(0) == std::to_string(n) + ":" + std::to_string(*s.catalog_generation()));
}

TEST_CASE("a catalogue loaded on the kiosk stands in until the national one arrives") {
    TempDir dir;
    store::CatalogStore s(std::move(*store::open_kiosk_db(dir.file("kiosk.db"))));
    REQUIRE(s.replace_catalog(small_catalog()).ok());  // the demo seed or a USB file
    REQUIRE(*s.ngo_count() > 1);
    CHECK(*s.catalog_cursor() == 0);

    // The server has nothing published yet: an empty pull keeps the local one.
    REQUIRE(s.receive_catalog_page({}, 0, true).ok());
    CHECK(*s.ngo_count() > 1);

    using Change = store::CatalogStore::Change;
    auto ngo = [](const std::string& id, int bin_seed) {
        return R"({"id":")" + id + R"(","bin":")" + valid_bin(bin_seed) +
               R"(","name":{"kk":"Ұлттық"},"region":"KZ-99","categories":["c1"]})";
    };
    std::vector<Change> first{{"categories", "c1", 1, false, R"({"code":"c1","name":{"en":"One"}})"},
                              {"regions", "KZ-99", 2, false, R"({"code":"KZ-99","name":{"en":"Ninety-nine"}})"}};
    std::vector<Change> second{{"ngos", "national-1", 7, false, ngo("national-1", 76)}};
    // A pull of two pages: nothing changes until its last page is in, then all of it at once.
    REQUIRE(s.receive_catalog_page(first, 2, false).ok());
    CHECK(*s.ngo_count() > 1);
    CHECK(*s.catalog_cursor() == 0);
    CHECK(*s.pull_cursor() == 2);
    REQUIRE(s.receive_catalog_page(second, 7, true).ok());  // the first national pull replaces it
    CHECK(*s.ngo_count() == 1);
    CHECK(*s.catalog_cursor() == 7);
    CHECK(*s.pull_cursor() == 7);

    std::vector<Change> more{{"ngos", "national-2", 9, false, ngo("national-2", 77)}};
    REQUIRE(s.receive_catalog_page(more, 9, true).ok());  // later pulls add, as deltas do
    CHECK(*s.ngo_count() == 2);

    // A pull whose records refer to something that never arrives is not applied at all.
    std::vector<Change> dangling{{"ngos", "national-3", 10, false,
                                  R"({"id":"national-3","bin":")" + valid_bin(78) +
                                      R"(","name":{"kk":"Х"},"region":"KZ-00"})"}};
    auto refused = s.receive_catalog_page(dangling, 10, true);
    CHECK(!refused.ok());
    CHECK(*s.ngo_count() == 2);
    CHECK(*s.catalog_cursor() == 9);

    // A file from USB on a synced kiosk stands in again and sends the sync back to the start.
    REQUIRE(s.replace_catalog(small_catalog()).ok());
    CHECK(*s.catalog_cursor() == 0);
}
