#include "store/schema.h"

#include <string>

#include "core/text.h"

namespace aul::store {

namespace {

// Version 1: the catalogue as published, no search index.
constexpr const char* kV1 = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE categories(
  code TEXT PRIMARY KEY, icon TEXT NOT NULL DEFAULT '', position INTEGER NOT NULL,
  name_kk TEXT NOT NULL DEFAULT '', name_ru TEXT NOT NULL DEFAULT '', name_en TEXT NOT NULL DEFAULT '');
CREATE TABLE regions(
  code TEXT PRIMARY KEY,
  name_kk TEXT NOT NULL DEFAULT '', name_ru TEXT NOT NULL DEFAULT '', name_en TEXT NOT NULL DEFAULT '');
CREATE TABLE districts(
  code TEXT PRIMARY KEY, region TEXT NOT NULL REFERENCES regions(code),
  name_kk TEXT NOT NULL DEFAULT '', name_ru TEXT NOT NULL DEFAULT '', name_en TEXT NOT NULL DEFAULT '');
CREATE INDEX districts_by_region ON districts(region);
CREATE TABLE ngos(
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  bin TEXT NOT NULL,
  region TEXT NOT NULL REFERENCES regions(code),
  district TEXT REFERENCES districts(code),
  needs_volunteers INTEGER NOT NULL DEFAULT 0, seeks_partners INTEGER NOT NULL DEFAULT 0,
  phone TEXT NOT NULL DEFAULT '', email TEXT NOT NULL DEFAULT '',
  name_kk TEXT NOT NULL DEFAULT '', name_ru TEXT NOT NULL DEFAULT '', name_en TEXT NOT NULL DEFAULT '',
  mission_kk TEXT NOT NULL DEFAULT '', mission_ru TEXT NOT NULL DEFAULT '', mission_en TEXT NOT NULL DEFAULT '',
  services_kk TEXT NOT NULL DEFAULT '', services_ru TEXT NOT NULL DEFAULT '', services_en TEXT NOT NULL DEFAULT '',
  area_kk TEXT NOT NULL DEFAULT '', area_ru TEXT NOT NULL DEFAULT '', area_en TEXT NOT NULL DEFAULT '',
  address_kk TEXT NOT NULL DEFAULT '', address_ru TEXT NOT NULL DEFAULT '', address_en TEXT NOT NULL DEFAULT '');
CREATE INDEX ngos_by_region ON ngos(region, district);
CREATE TABLE ngo_categories(
  category TEXT NOT NULL REFERENCES categories(code),
  ngo INTEGER NOT NULL REFERENCES ngos(rowid) ON DELETE CASCADE,
  PRIMARY KEY(category, ngo)) WITHOUT ROWID;
CREATE INDEX ngo_categories_by_ngo ON ngo_categories(ngo);
CREATE TABLE councils(
  id TEXT PRIMARY KEY, level TEXT NOT NULL CHECK(level IN ('national','regional','district')),
  region TEXT REFERENCES regions(code), district TEXT REFERENCES districts(code),
  name_kk TEXT NOT NULL DEFAULT '', name_ru TEXT NOT NULL DEFAULT '', name_en TEXT NOT NULL DEFAULT '',
  description_kk TEXT NOT NULL DEFAULT '', description_ru TEXT NOT NULL DEFAULT '', description_en TEXT NOT NULL DEFAULT '',
  meetings_kk TEXT NOT NULL DEFAULT '', meetings_ru TEXT NOT NULL DEFAULT '', meetings_en TEXT NOT NULL DEFAULT '',
  topics TEXT NOT NULL DEFAULT '');
CREATE TABLE opportunities(
  id TEXT PRIMARY KEY, ngo TEXT NOT NULL REFERENCES ngos(id) ON DELETE CASCADE,
  title_kk TEXT NOT NULL DEFAULT '', title_ru TEXT NOT NULL DEFAULT '', title_en TEXT NOT NULL DEFAULT '',
  description_kk TEXT NOT NULL DEFAULT '', description_ru TEXT NOT NULL DEFAULT '', description_en TEXT NOT NULL DEFAULT '',
  when_kk TEXT NOT NULL DEFAULT '', when_ru TEXT NOT NULL DEFAULT '', when_en TEXT NOT NULL DEFAULT '',
  region TEXT REFERENCES regions(code), district TEXT REFERENCES districts(code));
CREATE INDEX opportunities_by_ngo ON opportunities(ngo);
)sql";

// Version 2: full-text search. A narrow companion row per NGO holds the folded search
// text and the per-language sort keys (small columns first, so sorting and filtering
// never read the long texts), the FTS5 index is an external-content table over it kept
// in step by plain triggers, and deleting an NGO cascades here and on into the index.
constexpr const char* kV2 = R"sql(
CREATE TABLE ngo_search(
  rowid INTEGER PRIMARY KEY REFERENCES ngos(rowid) ON DELETE CASCADE,
  sort_kk TEXT NOT NULL, sort_ru TEXT NOT NULL, sort_en TEXT NOT NULL,
  search_name TEXT NOT NULL, search_text TEXT NOT NULL);
INSERT INTO ngo_search(rowid, sort_kk, sort_ru, sort_en, search_name, search_text)
  SELECT rowid,
    aul_sort_key(coalesce(nullif(name_kk, ''), nullif(name_ru, ''), name_en)),
    aul_sort_key(coalesce(nullif(name_ru, ''), nullif(name_kk, ''), name_en)),
    aul_sort_key(coalesce(nullif(name_en, ''), nullif(name_kk, ''), name_ru)),
    aul_fold(name_kk || ' ' || name_ru || ' ' || name_en || ' ' || bin),
    aul_fold(mission_kk || ' ' || mission_ru || ' ' || mission_en || ' ' ||
             services_kk || ' ' || services_ru || ' ' || services_en || ' ' ||
             area_kk || ' ' || area_ru || ' ' || area_en)
  FROM ngos;
CREATE INDEX ngo_search_kk ON ngo_search(sort_kk);
CREATE INDEX ngo_search_ru ON ngo_search(sort_ru);
CREATE INDEX ngo_search_en ON ngo_search(sort_en);
CREATE VIRTUAL TABLE ngo_fts USING fts5(
  search_name, search_text, content='ngo_search', content_rowid='rowid',
  tokenize='unicode61 remove_diacritics 0', prefix='1 2 3');
CREATE TRIGGER ngo_search_fts_insert AFTER INSERT ON ngo_search BEGIN
  INSERT INTO ngo_fts(rowid, search_name, search_text) VALUES (new.rowid, new.search_name, new.search_text);
END;
CREATE TRIGGER ngo_search_fts_delete AFTER DELETE ON ngo_search BEGIN
  INSERT INTO ngo_fts(ngo_fts, rowid, search_name, search_text)
    VALUES ('delete', old.rowid, old.search_name, old.search_text);
END;
CREATE TRIGGER ngo_search_fts_update AFTER UPDATE ON ngo_search BEGIN
  INSERT INTO ngo_fts(ngo_fts, rowid, search_name, search_text)
    VALUES ('delete', old.rowid, old.search_name, old.search_text);
  INSERT INTO ngo_fts(rowid, search_name, search_text) VALUES (new.rowid, new.search_name, new.search_text);
END;
INSERT INTO ngo_fts(ngo_fts) VALUES ('rebuild');
)sql";

// Version 3: what residents file. Proposals and volunteer sign-ups are outbox rows:
// written once in one transaction, sent later by kiosk-sync. A proposal's history holds
// every state it went through, newest last.
constexpr const char* kV3 = R"sql(
CREATE TABLE proposals(
  id TEXT PRIMARY KEY,                 -- UUIDv7 made on the kiosk
  tracking_code TEXT NOT NULL UNIQUE,
  sequence INTEGER NOT NULL UNIQUE,    -- this kiosk's running number, inside the code
  category TEXT NOT NULL,
  region TEXT NOT NULL, district TEXT NOT NULL DEFAULT '', settlement TEXT NOT NULL DEFAULT '',
  council TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL, description TEXT NOT NULL,
  lang TEXT NOT NULL,
  anonymous INTEGER NOT NULL,
  contact BLOB,                        -- name, phone, IIN; NULL when anonymous
  created_ms INTEGER NOT NULL,
  state TEXT NOT NULL DEFAULT 'queued',
  answer TEXT NOT NULL DEFAULT '',
  sent_ms INTEGER);
CREATE INDEX proposals_unsent ON proposals(sent_ms) WHERE sent_ms IS NULL;
CREATE TABLE proposal_history(
  proposal TEXT NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
  state TEXT NOT NULL, at_ms INTEGER NOT NULL, note TEXT NOT NULL DEFAULT '');
CREATE INDEX proposal_history_by_proposal ON proposal_history(proposal, at_ms);
CREATE TABLE volunteer_signups(
  id TEXT PRIMARY KEY,
  opportunity TEXT NOT NULL DEFAULT '', ngo TEXT NOT NULL,
  contact BLOB NOT NULL,
  lang TEXT NOT NULL,
  created_ms INTEGER NOT NULL,
  sent_ms INTEGER);
)sql";

// Version 4: sync. A proposal the server refused for good keeps its reason here and leaves
// the outbox (quarantine); it never blocks the items behind it.
constexpr const char* kV4 = R"sql(
ALTER TABLE proposals ADD COLUMN quarantine_reason TEXT;
ALTER TABLE volunteer_signups ADD COLUMN quarantine_reason TEXT;
)sql";

// Version 5: a catalogue pull in progress. Its pages are kept here as they arrive and the
// catalogue itself changes only when the last page is in, all at once: a record may refer
// to one that was edited later and so arrives on a later page, and a resident never sees
// half a catalogue. Each change keeps only its latest state.
constexpr const char* kV5 = R"sql(
CREATE TABLE catalog_pending(
  kind TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL, deleted INTEGER NOT NULL,
  record TEXT NOT NULL, PRIMARY KEY(kind, id)) WITHOUT ROWID;
)sql";

// Version 6: tracking codes this kiosk did not file, looked up on the national server by
// kiosk-sync for the Track screen (store/track_lookups.h).
constexpr const char* kV6 = R"sql(
CREATE TABLE track_lookups(
  code TEXT PRIMARY KEY, asked_ms INTEGER NOT NULL, answered_ms INTEGER, outcome TEXT,
  state TEXT NOT NULL DEFAULT '', answer TEXT NOT NULL DEFAULT '', history TEXT NOT NULL DEFAULT '[]') WITHOUT ROWID;
)sql";

// Version 7: an English reader falls back to Russian before Kazakh (core::LocalText::in):
// the English sort keys follow.
constexpr const char* kV7 = R"sql(
UPDATE ngo_search SET sort_en = (SELECT aul_sort_key(coalesce(nullif(name_en, ''), nullif(name_ru, ''), name_kk))
  FROM ngos WHERE ngos.rowid = ngo_search.rowid);
)sql";

// The search text of the NGO row `r` (new, old, or the table itself), folded as typed text
// is: its names and BIN, and its descriptions.
std::string search_name_of(const std::string& r) {
    return "aul_fold(" + r + ".name_kk || ' ' || " + r + ".name_ru || ' ' || " + r + ".name_en || ' ' || " + r +
           ".bin)";
}
std::string search_text_of(const std::string& r) {
    std::string sql = "aul_fold(";
    const char* sep = "";
    for (const char* field : {"mission", "services", "area"})
        for (const char* lang : {"kk", "ru", "en"}) {
            sql += sep + r + "." + field + "_" + lang;
            sep = " || ' ' || ";
        }
    return sql + ")";
}

// Version 8: the search index without a second copy of every NGO's text. Its content is a
// view that folds the NGO's own columns, and triggers on ngos tell it what a row held,
// folded again (aul_fold is deterministic, so a removed row's words are exactly the ones
// indexed; a change to core::fold_for_search therefore needs a migration that rebuilds
// ngo_fts). Searching never reads the view: bm25 needs only the index and its word counts.
// The index keeps word positions (detail=full): with detail=column, bm25 re-reads and
// re-tokenises each matching row's text, some 50 times slower, for a third less index.
std::string v8() {
    auto indexed = [](const std::string& r) { return search_name_of(r) + ", " + search_text_of(r); };
    return R"sql(
DROP TRIGGER ngo_search_fts_insert;
DROP TRIGGER ngo_search_fts_delete;
DROP TRIGGER ngo_search_fts_update;
DROP TABLE ngo_fts;
ALTER TABLE ngo_search DROP COLUMN search_name;
ALTER TABLE ngo_search DROP COLUMN search_text;
CREATE VIEW ngo_search_text(ngo, search_name, search_text) AS SELECT rowid, )sql" +
           indexed("ngos") + R"sql( FROM ngos;
CREATE VIRTUAL TABLE ngo_fts USING fts5(
  search_name, search_text, content='ngo_search_text', content_rowid='ngo',
  tokenize='unicode61 remove_diacritics 0', prefix='1 2 3');
CREATE TRIGGER ngos_fts_insert AFTER INSERT ON ngos BEGIN
  INSERT INTO ngo_fts(rowid, search_name, search_text) VALUES (new.rowid, )sql" +
           indexed("new") + R"sql();
END;
CREATE TRIGGER ngos_fts_delete AFTER DELETE ON ngos BEGIN
  INSERT INTO ngo_fts(ngo_fts, rowid, search_name, search_text) VALUES ('delete', old.rowid, )sql" +
           indexed("old") + R"sql();
END;
CREATE TRIGGER ngos_fts_update AFTER UPDATE OF bin, name_kk, name_ru, name_en, mission_kk, mission_ru, mission_en,
  services_kk, services_ru, services_en, area_kk, area_ru, area_en ON ngos BEGIN
  INSERT INTO ngo_fts(ngo_fts, rowid, search_name, search_text) VALUES ('delete', old.rowid, )sql" +
           indexed("old") + R"sql();
  INSERT INTO ngo_fts(rowid, search_name, search_text) VALUES (new.rowid, )sql" +
           indexed("new") + R"sql();
END;
INSERT INTO ngo_fts(ngo_fts) VALUES ('rebuild');
)sql";
}

// Version 9: a second, small FTS5 index over the names alone (and the BIN), read from the
// same view. A search lists name matches first, alphabetically: reading them from an index
// of names walks only name matches (a column filter on ngo_fts walks every match of the
// word and reads its positions), and a prefix longer than three letters merges the
// doclists of names only, a tenth of the words.
std::string v9() {
    std::string name_of_new = search_name_of("new"), name_of_old = search_name_of("old");
    return R"sql(
CREATE VIRTUAL TABLE ngo_name_fts USING fts5(
  search_name, content='ngo_search_text', content_rowid='ngo',
  tokenize='unicode61 remove_diacritics 0', prefix='1 2 3');
CREATE TRIGGER ngos_name_fts_insert AFTER INSERT ON ngos BEGIN
  INSERT INTO ngo_name_fts(rowid, search_name) VALUES (new.rowid, )sql" + name_of_new + R"sql();
END;
CREATE TRIGGER ngos_name_fts_delete AFTER DELETE ON ngos BEGIN
  INSERT INTO ngo_name_fts(ngo_name_fts, rowid, search_name) VALUES ('delete', old.rowid, )sql" + name_of_old + R"sql();
END;
CREATE TRIGGER ngos_name_fts_update AFTER UPDATE OF bin, name_kk, name_ru, name_en ON ngos BEGIN
  INSERT INTO ngo_name_fts(ngo_name_fts, rowid, search_name) VALUES ('delete', old.rowid, )sql" + name_of_old + R"sql();
  INSERT INTO ngo_name_fts(rowid, search_name) VALUES (new.rowid, )sql" + name_of_new + R"sql();
END;
INSERT INTO ngo_name_fts(ngo_name_fts) VALUES ('rebuild');
)sql";
}

// Version 10: sort keys in the order of the Kazakh alphabet (core::sort_key), not of code
// points, which put ә ғ қ ң ө ұ ү һ і after я.
constexpr const char* kV10 = R"sql(
UPDATE ngo_search SET
  sort_kk = (SELECT aul_sort_key(coalesce(nullif(name_kk, ''), nullif(name_ru, ''), name_en)) FROM ngos
             WHERE ngos.rowid = ngo_search.rowid),
  sort_ru = (SELECT aul_sort_key(coalesce(nullif(name_ru, ''), nullif(name_kk, ''), name_en)) FROM ngos
             WHERE ngos.rowid = ngo_search.rowid),
  sort_en = (SELECT aul_sort_key(coalesce(nullif(name_en, ''), nullif(name_ru, ''), name_kk)) FROM ngos
             WHERE ngos.rowid = ngo_search.rowid);
INSERT INTO meta(key, value) VALUES ('catalog_generation', '1')
  ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1;
)sql";

const std::string kV8 = v8();
const std::string kV9 = v9();
const char* const kMigrations[] = {kV1, kV2, kV3, kV4, kV5, kV6, kV7, kV8.c_str(), kV9.c_str(), kV10};
static_assert(sizeof(kMigrations) / sizeof(kMigrations[0]) == kSchemaVersion);

// A one-argument text function of SQL backed by a C++ text rule.
template <std::string (*Rule)(std::string_view)>
void text_function(sqlite3_context* ctx, int, sqlite3_value** argv) {
    const unsigned char* in = sqlite3_value_text(argv[0]);
    if (!in) {
        sqlite3_result_text(ctx, "", 0, SQLITE_STATIC);
        return;
    }
    std::string out = Rule(reinterpret_cast<const char*>(in));
    sqlite3_result_text(ctx, out.data(), static_cast<int>(out.size()), SQLITE_TRANSIENT);
}

}  // namespace

Status register_functions(const Db& db) {
    constexpr int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
    if (sqlite3_create_function(db.raw(), "aul_fold", 1, flags, nullptr, text_function<core::fold_for_search>,
                                nullptr, nullptr) != SQLITE_OK ||
        sqlite3_create_function(db.raw(), "aul_sort_key", 1, flags, nullptr, text_function<core::sort_key>, nullptr,
                                nullptr) != SQLITE_OK)
        return sql_error(db, "registering Aul's SQL functions");
    return ok_status();
}

Result<int> schema_version(const Db& db) {
    AUL_TRY_ASSIGN(auto v, db.scalar_int("PRAGMA user_version"));
    return static_cast<int>(v);
}

Status run_migrations(const Db& db, std::span<const char* const> steps, int target) {
    const int latest = static_cast<int>(steps.size());
    auto version = schema_version(db);
    if (!version) return version.take_error();
    if (*version > latest)
        return Error{"database " + db.path() + " has schema version " + std::to_string(*version) +
                     ", newer than this program's " + std::to_string(latest) +
                     "; install the newer Aul or restore a matching backup"};
    for (int v = *version; v < target && v < latest; ++v) {
        AUL_TRY_ASSIGN(auto tx, WriteTx::begin(db));
        if (auto s = db.exec(steps[static_cast<std::size_t>(v)]); !s)
            return Error{"migrating the database to version " + std::to_string(v + 1) + ": " +
                         s.error()};
        AUL_TRY(db.exec("PRAGMA user_version=" + std::to_string(v + 1)));
        AUL_TRY(tx.commit());
    }
    return ok_status();
}

Status migrate(const Db& db, int target) { return run_migrations(db, kMigrations, target); }

}  // namespace aul::store
