#include <doctest/doctest.h>

#include <algorithm>

#include "common.h"
#include "store/catalog_store.h"
#include "store/schema.h"

using namespace aul;

namespace {
// A kiosk database as a program of schema `version` left it.
store::Db database_at(const std::string& path, int version) {
    auto db = store::Db::open(path);
    REQUIRE(db.ok());
    REQUIRE(store::register_functions(*db).ok());
    REQUIRE(store::migrate(*db, version).ok());
    REQUIRE(*store::schema_version(*db) == version);
    return std::move(*db);
}

// The database at `path` as the kiosk opens it: migrated to today's schema.
store::CatalogStore opened_today(const std::string& path) {
    auto db = store::open_kiosk_db(path);
    REQUIRE_MESSAGE(db.ok(), (db.ok() ? "" : db.error()));
    CHECK(*store::schema_version(*db) == store::kSchemaVersion);
    return store::CatalogStore(std::move(*db));
}
}  // namespace

TEST_CASE("a version-1 database with data migrates and becomes searchable") {
    TempDir dir;
    std::string path = dir.file("kiosk.db");
    {
        auto db = database_at(path, 1);
        // Rows written by a kiosk that ran the first schema.
        REQUIRE(db.exec("INSERT INTO regions(code, name_ru) VALUES ('KZ-19', 'Алматинская область');"
                         "INSERT INTO ngos(id, bin, name_kk, name_ru, mission_ru, region) VALUES "
                         "('ngo-1', '050540012347', 'Қамқор қоры', 'Фонд Камкор', 'Помощь семьям', 'KZ-19');")
                    .ok());
    }
    store::CatalogStore s = opened_today(path);
    store::NgoQuery q;
    q.text = "қамқ";
    auto hits = s.search(q);
    REQUIRE(hits.ok());
    CHECK(hits->rowids.size() == 1);
    q.text = "семь";
    CHECK(s.search(q)->rowids.size() == 1);
}

TEST_CASE("a database from a newer program is refused, not damaged") {
    TempDir dir;
    std::string path = dir.file("kiosk.db");
    {
        auto db = store::Db::open(path);
        REQUIRE(db->exec("PRAGMA user_version=99").ok());
    }
    auto db = store::Db::open(path);
    auto s = store::migrate(*db);
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().find("newer") != std::string::npos);
    CHECK(*store::schema_version(*db) == 99);
}

TEST_CASE("the FTS index follows updates and deletes through triggers") {
    TempDir dir;
    auto db = store::open_kiosk_db(dir.file("kiosk.db"));
    REQUIRE(db.ok());
    store::CatalogStore s(std::move(*db));
    REQUIRE(s.replace_catalog(small_catalog()).ok());
    store::NgoQuery q;
    q.text = "камкор";
    REQUIRE(s.search(q)->rowids.size() == 1);
    REQUIRE(s.db().exec("UPDATE ngos SET name_kk = 'Самұрық қоры', name_ru = 'Фонд Самрук' WHERE id = 'ngo-1'").ok());
    CHECK(s.search(q)->rowids.empty());
    q.text = "самрук";
    CHECK(s.search(q)->rowids.size() == 1);
    REQUIRE(s.db().exec("DELETE FROM ngos WHERE id = 'ngo-1'").ok());
    CHECK(s.search(q)->rowids.empty());
    for (const char* index : {"ngo_fts", "ngo_name_fts"}) {
        CAPTURE(index);
        CHECK(s.db().exec(std::string("INSERT INTO ") + index + "(" + index + ", rank) VALUES ('integrity-check', 1)").ok());
    }
}

TEST_CASE("version 10: a version-9 kiosk lists Kazakh names in the order of the Kazakh alphabet") {
    TempDir dir;
    std::string path = dir.file("kiosk.db");
    {
        // Sort keys as version 9 wrote them: the folded name in code point order.
        auto db = database_at(path, 1);
        REQUIRE(store::migrate(db, 9).ok());
        REQUIRE(db.exec("INSERT INTO regions(code, name_ru) VALUES ('KZ-19', 'Алматинская область');"
                         "INSERT INTO ngos(id, bin, name_kk, name_ru, region) VALUES "
                         "('ngo-1', '050540012347', 'Лидер', 'Лидер', 'KZ-19'),"
                         "('ngo-2', '050540022348', 'Қамқор', 'Камкор', 'KZ-19'),"
                         "('ngo-3', '050540032349', 'Ақ жол', 'Ак жол', 'KZ-19'),"
                         "('ngo-4', '050540042340', 'Алтын', 'Алтын', 'KZ-19');"
                         "INSERT INTO ngo_search(rowid, sort_kk, sort_ru, sort_en) "
                         "SELECT rowid, lower(name_kk), lower(name_ru), lower(name_ru) FROM ngos;")
                    .ok());
    }
    store::CatalogStore s = opened_today(path);
    auto listed = [&](core::Lang lang, const std::string& text) {
        store::NgoQuery q;
        q.lang = lang;
        q.text = text;
        std::vector<std::string> names;
        auto hits = s.search(q);
        REQUIRE_MESSAGE(hits.ok(), (hits.ok() ? "" : hits.error()));
        for (std::int64_t rowid : hits->rowids) {
            auto ngo = s.ngo(rowid);
            REQUIRE_MESSAGE(ngo.ok(), (ngo.ok() ? "" : ngo.error()));
            names.push_back(ngo->name.in(lang));
        }
        return names;
    };
    const std::vector<std::string> kazakh{"Ақ жол", "Алтын", "Қамқор", "Лидер"};
    CHECK(listed(core::Lang::kk, "") == kazakh);
    CHECK(listed(core::Lang::kk, "а") == std::vector<std::string>{"Ақ жол", "Алтын"});
    CHECK(listed(core::Lang::ru, "") == std::vector<std::string>{"Ак жол", "Алтын", "Камкор", "Лидер"});
}

TEST_CASE("version 9: a version-8 kiosk gets an index of names finding what a name filter on the whole index finds") {
    TempDir dir;
    std::string path = dir.file("kiosk.db");
    {
        auto db = database_at(path, 1);
        REQUIRE(store::migrate(db, 8).ok());
        store::CatalogStore s(std::move(db));
        REQUIRE(s.db().exec("INSERT INTO regions(code, name_ru) VALUES ('KZ-19', 'Алматинская область');"
                             "INSERT INTO ngos(id, bin, name_kk, name_ru, name_en, mission_ru, region) VALUES "
                             "('ngo-1', '050540012347', '«Қамқор» қоры', 'Фонд «Камкор»', '', 'Помощь семьям', 'KZ-19'),"
                             "('ngo-2', '050540022348', '«Жасыл ел» клубы', 'Клуб «Зелёная страна»', 'Green', "
                             "'Посадка деревьев, помощь фонду', 'KZ-19'),"
                             "('ngo-3', '050540032349', 'Ёлка балалар үйі', 'Всё для детей', '', 'Клуб для детей', 'KZ-19');")
                    .ok());
    }
    store::CatalogStore s = opened_today(path);
    auto names = s.db().prepare("SELECT rowid FROM ngo_name_fts WHERE ngo_name_fts MATCH ?1 ORDER BY rowid");
    auto filtered = s.db().prepare("SELECT rowid FROM ngo_fts WHERE ngo_fts MATCH '{search_name} : (' || ?1 || ')' "
                                   "ORDER BY rowid");
    REQUIRE(names.ok());
    REQUIRE(filtered.ok());
    for (std::string typed : {"фонд", "ф", "клуб", "қор", "050540022", "green", "помощь", "детей", "жасыл клубы", "ё"}) {
        CAPTURE(typed);
        auto rows = [&](store::Stmt& st) {
            std::vector<std::int64_t> out;
            st.bind(1, store::CatalogStore::match_expression(typed));
            REQUIRE(st.each_row([&] { out.push_back(st.integer(0)); }).ok());
            st.reset();
            return out;
        };
        CHECK(rows(*names) == rows(*filtered));
    }
    CHECK(s.db().exec("INSERT INTO ngo_name_fts(ngo_name_fts, rank) VALUES ('integrity-check', 1)").ok());
}

TEST_CASE("version 7: English lists order names without English by their Russian name, as they are shown") {
    TempDir dir;
    std::string path = dir.file("kiosk.db");
    {
        auto db = database_at(path, 1);
        // Shown in English as their Russian names (А..., Я...), they were sorted by their
        // Kazakh ones (Я..., Ә...), the other way round.
        REQUIRE(db.exec("INSERT INTO regions(code, name_ru) VALUES ('KZ-19', 'Алматинская область');"
                         "INSERT INTO ngos(id, bin, name_kk, name_ru, region) VALUES "
                         "('ngo-1', '050540012347', 'Ядро қоры', 'Арман', 'KZ-19'),"
                         "('ngo-2', '050540012347', 'Әлем қоры', 'Янтарь', 'KZ-19');")
                    .ok());
        REQUIRE(store::migrate(db, 6).ok());
    }
    store::CatalogStore s = opened_today(path);
    store::NgoQuery q;
    q.lang = core::Lang::en;
    auto all = s.search(q);
    REQUIRE(all.ok());
    REQUIRE(all->rowids.size() == 2);
    auto first = s.ngo(all->rowids[0]);
    REQUIRE(first.ok());
    CHECK(first->name.in(core::Lang::en) == "Арман");
}

TEST_CASE("version 8: a version-7 kiosk's search index is rebuilt smaller and finds the same NGOs") {
    TempDir dir;
    std::string path = dir.file("kiosk.db");
    store::NgoQuery q;
    q.lang = core::Lang::ru;
    const std::vector<std::string> typed{"камк", "к", "дет", "экол", "050540", "зелёная", "уборка рек", "жас", ""};
    std::vector<std::vector<std::string>> before;
    {
        // The catalogue as a version-7 kiosk held it: the NGOs' rows, and the index built
        // from a folded copy of their texts.
        auto db = database_at(path, 1);
        REQUIRE(db.exec("INSERT INTO regions(code, name_ru) VALUES ('KZ-19', 'Алматинская область'), ('KZ-71', 'Астана');"
                         "INSERT INTO ngos(id, bin, name_kk, name_ru, mission_ru, region) VALUES "
                         "('ngo-1', '050540012347', '«Қамқор» қоры', 'Фонд «Камкор»', 'Помощь семьям', 'KZ-19'),"
                         "('ngo-2', '050540022348', '«Жасыл ел» клубы', 'Клуб «Зелёная страна»', "
                         "'Посадка деревьев и уборка рек', 'KZ-71'),"
                         "('ngo-3', '050540032349', 'Ёлка балалар үйі', 'Всё для детей', 'Подарки к Новому году', 'KZ-71'),"
                         "('ngo-4', '050540042340', 'Ауыл жастары', 'Молодёжь села', "
                         "'Экология и дети: экологические уроки в школах', 'KZ-19');")
                    .ok());
        REQUIRE(store::migrate(db, 7).ok());
        store::CatalogStore s(std::move(db));
        // What version 7's index finds, read from it directly (today's search needs the
        // index of names of version 9).
        auto found = s.db().prepare("SELECT n.id FROM ngo_fts f JOIN ngos n ON n.rowid = f.rowid WHERE ngo_fts MATCH ?1");
        REQUIRE(found.ok());
        for (const auto& t : typed) {
            std::vector<std::string> ids;
            if (t.empty()) {
                auto every = s.db().prepare("SELECT id FROM ngos");
                REQUIRE(every->each_row([&] { ids.push_back(every->text(0)); }).ok());
            } else {
                found->bind(1, store::CatalogStore::match_expression(t));
                REQUIRE(found->each_row([&] { ids.push_back(found->text(0)); }).ok());
                found->reset();
            }
            before.push_back(ids);
        }
        CHECK(*s.db().scalar_int("SELECT count(*) FROM pragma_table_info('ngo_search') WHERE name = 'search_text'") == 1);
    }
    store::CatalogStore s = opened_today(path);
    // The folded copy of every text is gone; the index reads the NGOs' own columns.
    CHECK(*s.db().scalar_int("SELECT count(*) FROM pragma_table_info('ngo_search') WHERE name LIKE 'search_%'") == 0);
    for (std::size_t i = 0; i < typed.size(); ++i) {
        CAPTURE(typed[i]);
        q.text = typed[i];
        auto hits = s.search(q);
        std::vector<std::string> ids;
        for (std::int64_t rowid : hits->rowids) ids.push_back(s.ngo(rowid)->id);
        // The same NGOs; ranking may differ only among those a word appears in as often.
        auto sorted = [](std::vector<std::string> v) { std::sort(v.begin(), v.end()); return v; };
        CHECK(sorted(ids) == sorted(before[i]));
    }
    auto check = s.db().prepare("INSERT INTO ngo_fts(ngo_fts, rank) VALUES ('integrity-check', 1)");
    REQUIRE(check.ok());
    CHECK(check->run().ok());
    CHECK(s.db().exec("INSERT INTO ngo_name_fts(ngo_name_fts, rank) VALUES ('integrity-check', 1)").ok());
    // And it keeps following the catalogue: a national pull replacing the local one.
    REQUIRE(s.replace_catalog(small_catalog()).ok());
    q.text = "камк";
    CHECK(s.search(q)->rowids.size() == 1);
    CHECK(check->run().ok());
}
