#include "store/catalog_store.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <sstream>
#include <variant>
#include <ctime>
#include <algorithm>
#include <utf8proc.h>

#include "core/catalog_json.h"
#include "core/files.h"
#include "core/text.h"
#include "store/filing_store.h"
#include "store/schema.h"

namespace aul::store {

namespace {

bool file_exists(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0;
}

std::string timestamp() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &tm);
    return buf;
}

// Keeps a damaged database (with its WAL and shared-memory files) beside the original.
Result<std::string> set_aside(const std::string& path) {
    std::string kept = path + ".damaged-" + timestamp();
    for (const char* suffix : {"", "-wal", "-shm"}) {
        std::string from = path + suffix;
        if (!file_exists(from)) continue;
        if (std::rename(from.c_str(), (kept + suffix).c_str()) != 0)
            return Error{"cannot move damaged database " + from + " aside: " +
                         std::strerror(errno)};
    }
    return kept;
}

// Why a database did not open, and whether the file itself is damaged. Only a check that
// ran and found faults, or SQLite saying "corrupt" or "not a database", means damaged: a
// full disk, an I/O error or a lock must never send a sound file aside.
struct OpenFailure {
    std::string reason;
    bool damaged = false;
};

bool says_damaged(const Db& db) { return is_damage_code(sqlite3_errcode(db.raw())); }

// Opening needs a little room (the WAL and shared-memory files): on a full disk say so.
std::string full_disk_hint(const std::string& path) {
    auto slash = path.find_last_of('/');
    std::string dir = slash == std::string::npos ? "." : path.substr(0, slash);
    std::int64_t free_kib = free_disk_kib(dir);
    if (free_kib < 0 || free_kib >= 1024) return {};
    return "; the disk holding " + dir + " is full (" + std::to_string(free_kib) + " KiB free): free some space";
}

// The kiosk and kiosk-sync run as two users of one group: both read and write the database.
OpenOptions kiosk_db_options() {
    OpenOptions opts;
    opts.shared_with_group = true;
    return opts;
}

std::variant<Db, OpenFailure> open_and_check(const std::string& path, OpenCheck check) {
    auto db = Db::open(path, kiosk_db_options());
    if (!db) return OpenFailure{db.error(), is_damage_code(db.error_value().code)};
    if (auto s = register_functions(*db); !s) return OpenFailure{s.error(), false};
    if (check == OpenCheck::whole_file) {
        auto st = db->prepare("PRAGMA quick_check");
        if (!st) return OpenFailure{st.error(), is_damage_code(st.error_value().code)};
        auto row = st->step();
        if (!row) return OpenFailure{"database check failed: " + row.error(), is_damage_code(row.error_value().code)};
        std::string verdict = *row ? st->text(0) : "no answer";
        if (verdict != "ok") return OpenFailure{"database check failed: " + verdict, true};
    }  // the check's statement is finished before migrating: it would hold a read snapshot
    if (auto s = migrate(*db); !s) return OpenFailure{s.error(), says_damaged(*db)};
    return std::move(*db);
}

std::string mark_path(const std::string& db_path) { return db_path + ".check-failed"; }

std::int64_t inode_of(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 ? static_cast<std::int64_t>(st.st_ino) : -1;
}

void bind_local(Stmt& st, int first, const core::LocalText& t) {
    st.bind(first, t.kk).bind(first + 1, t.ru).bind(first + 2, t.en);
}

core::LocalText column_local(const Stmt& st, int first) {
    return core::LocalText{st.text(first), st.text(first + 1), st.text(first + 2)};
}

void bind_optional(Stmt& st, int i, const std::string& v) {
    if (v.empty())
        st.bind_null(i);
    else
        st.bind(i, v);
}

std::string join_codes(const std::vector<std::string>& codes) {
    std::string out;
    for (const auto& c : codes) out += (out.empty() ? "" : " ") + c;
    return out;
}

// The statements that store one NGO — its row (whose triggers index its text), its sort
// keys, its categories — as an upsert, so a first import and a later delta take the same
// path (and an update keeps the row, and so the opportunities that point at it).
struct NgoWriter {
    Stmt ngo, search, clear_categories, category;

    static Result<NgoWriter> prepare(const Db& db) {
        auto ngo = db.prepare(
            "INSERT INTO ngos(id, bin, region, district, needs_volunteers, seeks_partners, phone, email, "
            "name_kk, name_ru, name_en, mission_kk, mission_ru, mission_en, services_kk, services_ru, "
            "services_en, area_kk, area_ru, area_en, address_kk, address_ru, address_en) VALUES (?1, ?2, ?3, "
            "?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23) "
            "ON CONFLICT(id) DO UPDATE SET bin = ?2, region = ?3, district = ?4, needs_volunteers = ?5, "
            "seeks_partners = ?6, phone = ?7, email = ?8, name_kk = ?9, name_ru = ?10, name_en = ?11, "
            "mission_kk = ?12, mission_ru = ?13, mission_en = ?14, services_kk = ?15, services_ru = ?16, "
            "services_en = ?17, area_kk = ?18, area_ru = ?19, area_en = ?20, address_kk = ?21, address_ru = ?22, "
            "address_en = ?23 RETURNING rowid");
        auto search = db.prepare(
            "INSERT INTO ngo_search(rowid, sort_kk, sort_ru, sort_en) VALUES (?1, ?2, ?3, ?4) "
            "ON CONFLICT(rowid) DO UPDATE SET sort_kk = ?2, sort_ru = ?3, sort_en = ?4");
        auto clear = db.prepare("DELETE FROM ngo_categories WHERE ngo = ?1");
        auto category = db.prepare("INSERT OR IGNORE INTO ngo_categories(category, ngo) VALUES (?1, ?2)");
        for (auto* st : {&ngo, &search, &clear, &category})
            if (!*st) return st->take_error();
        return NgoWriter{std::move(*ngo), std::move(*search), std::move(*clear), std::move(*category)};
    }

    Status write(const Db& db, const core::Ngo& n) {
        using core::Lang;
        ngo.bind(1, n.id).bind(2, n.bin).bind(3, n.region);
        bind_optional(ngo, 4, n.district);
        ngo.bind(5, n.needs_volunteers).bind(6, n.seeks_partners).bind(7, n.phone).bind(8, n.email);
        bind_local(ngo, 9, n.name);
        bind_local(ngo, 12, n.mission);
        bind_local(ngo, 15, n.services);
        bind_local(ngo, 18, n.area);
        bind_local(ngo, 21, n.address);
        auto row = ngo.step();
        if (!row || !*row) {
            ngo.reset();
            return (row ? Error{"no row"} : row.take_error()).prefixed("saving NGO " + n.id + ": ");
        }
        std::int64_t rowid = ngo.integer(0);
        ngo.reset();
        (void)db;

        search.bind(1, rowid);
        search.bind(2, core::sort_key(n.name.in(Lang::kk)));
        search.bind(3, core::sort_key(n.name.in(Lang::ru)));
        search.bind(4, core::sort_key(n.name.in(Lang::en)));
        AUL_TRY_CONTEXT(search.run(), "indexing NGO " + n.id + ": ");
        clear_categories.bind(1, rowid);
        AUL_TRY_CONTEXT(clear_categories.run(), "saving NGO " + n.id + ": ");

        for (const auto& code : n.categories) {
            category.bind(1, code).bind(2, rowid);
            AUL_TRY_CONTEXT(category.run(), "saving NGO " + n.id + ": ");
        }
        return ok_status();
    }
};

// Runs fn over each element with one prepared statement; the first error stops it.
template <typename T, typename Fn>
Status insert_all(const Db& db, const char* sql, const std::vector<T>& items, Fn&& bind_item) {
    AUL_TRY_ASSIGN(auto st, db.prepare(sql));
    for (const auto& item : items) {
        bind_item(st, item);
        AUL_TRY(st.run());
    }
    return ok_status();
}

}  // namespace

Status mark_damaged(const std::string& db_path, const std::string& verdict, std::int64_t now_ms) {
    std::string line = verdict.substr(0, 500);
    for (char& c : line)
        if (c == '\n' || c == '\r') c = ' ';
    std::string text = "inode " + std::to_string(inode_of(db_path)) + "\nfound_ms " + std::to_string(now_ms) +
                       "\nverdict " + line + "\n";
    // Group-readable and writable: kiosk-sync, kioskctl and the kiosk all read and clear it.
    return core::write_file_atomically(mark_path(db_path), text, 0660);
}

void clear_damage_mark(const std::string& db_path) { ::unlink(mark_path(db_path).c_str()); }

std::optional<DamageMark> damage_mark(const std::string& db_path) {
    auto text = core::read_whole_file(mark_path(db_path), 4096);
    if (!text) return std::nullopt;
    std::int64_t inode = -2;
    DamageMark mark;
    std::istringstream lines(*text);
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("inode ", 0) == 0) inode = std::strtoll(line.c_str() + 6, nullptr, 10);
        else if (line.rfind("found_ms ", 0) == 0) mark.found_ms = std::strtoll(line.c_str() + 9, nullptr, 10);
        else if (line.rfind("verdict ", 0) == 0) mark.verdict = line.substr(8);
    }
    if (inode != inode_of(db_path) || mark.verdict.empty() || mark.found_ms <= 0) return std::nullopt;
    return mark;
}

namespace {
// A file an integrity check marked damaged, where the opener is to set such a file aside.
std::optional<OpenFailure> marked_failure(const std::string& path, OpenCheck check) {
    if (check != OpenCheck::set_aside_marked) return std::nullopt;
    auto mark = damage_mark(path);
    if (!mark) {
        clear_damage_mark(path);  // none, or about a file since replaced
        return std::nullopt;
    }
    return OpenFailure{"the integrity check found the database damaged: " + mark->verdict, true};
}
}  // namespace

Result<Db> open_kiosk_db(const std::string& path, OpenReport* report, OpenCheck check) {
    OpenReport local_report;
    OpenReport& rep = report ? *report : local_report;
    rep.created = !file_exists(path);
    auto marked = rep.created ? std::nullopt : marked_failure(path, check);
    std::variant<Db, OpenFailure> opened = marked ? std::variant<Db, OpenFailure>(*marked) : open_and_check(path, check);
    if (auto* db = std::get_if<Db>(&opened)) return std::move(*db);
    const OpenFailure& failure = std::get<OpenFailure>(opened);
    if (rep.created || !failure.damaged) return Error{failure.reason + full_disk_hint(path)};
    auto kept = set_aside(path);
    if (!kept) return kept.take_error().prefixed(failure.reason + "; ");
    clear_damage_mark(path);
    rep.damaged_copy = *kept;
    rep.damage = failure.reason;
    auto fresh = open_and_check(path, OpenCheck::none);
    if (auto* db = std::get_if<Db>(&fresh)) {
        // Before anyone files into it: tracking codes continue above the set-aside ones.
        if (auto s = carry_sequence_floor(*db, path); !s)
            return Error{"a fresh database replaced the damaged one (kept at " + *kept +
                         ") but its tracking sequence could not be set: " + s.error()};
        return std::move(*db);
    }
    return Error{failure.reason + "; the damaged file was kept at " + *kept +
                 " but a fresh database could not be created: " + std::get<OpenFailure>(fresh).reason};
}

Result<Db> open_kiosk_db_connection(const std::string& path) {
    auto db = Db::open(path, kiosk_db_options());
    if (!db) return db;
    AUL_TRY(register_functions(*db));
    return db;
}

// Upserts every record of `c` (inside the caller's transaction), in dependency order.
// `listed_order`: categories are shown in the order `c` lists them (a whole catalogue);
// otherwise each keeps the position it was published with (a pull).
Status CatalogStore::write_records(const core::Catalog& c, bool listed_order) {
    int listed = 0;
    auto s = insert_all(db_,
                        "INSERT INTO categories(code, icon, position, name_kk, name_ru, name_en) "
                        "VALUES (?1, ?2, ?6, ?3, ?4, ?5) "
                        "ON CONFLICT(code) DO UPDATE SET icon = ?2, name_kk = ?3, name_ru = ?4, name_en = ?5, "
                        "position = ?6",
                        c.categories, [&](Stmt& st, const core::Category& k) {
                            st.bind(1, k.code).bind(2, k.icon);
                            bind_local(st, 3, k.name);
                            st.bind(6, listed_order ? listed++ : k.position);
                        });
    if (s)
        s = insert_all(db_, "INSERT INTO regions(code, name_kk, name_ru, name_en) VALUES (?1, ?2, ?3, ?4) "
                       "ON CONFLICT(code) DO UPDATE SET name_kk = ?2, name_ru = ?3, name_en = ?4",
                       c.regions, [](Stmt& st, const core::Region& r) {
                           st.bind(1, r.code);
                           bind_local(st, 2, r.name);
                       });
    if (s)
        s = insert_all(db_,
                       "INSERT INTO districts(code, region, name_kk, name_ru, name_en) VALUES (?1, ?2, ?3, ?4, ?5) "
                       "ON CONFLICT(code) DO UPDATE SET region = ?2, name_kk = ?3, name_ru = ?4, name_en = ?5",
                       c.districts, [](Stmt& st, const core::District& d) {
                           st.bind(1, d.code).bind(2, d.region);
                           bind_local(st, 3, d.name);
                       });
    if (!s) return s.take_error().prefixed("saving the catalogue: ");

    auto writer = NgoWriter::prepare(db_);
    if (!writer) return writer.take_error();
    for (const auto& n : c.ngos)
        AUL_TRY(writer->write(db_, n));

    s = insert_all(db_,
                   "INSERT OR REPLACE INTO councils(id, level, region, district, name_kk, name_ru, name_en, "
                   "description_kk, description_ru, description_en, meetings_kk, meetings_ru, "
                   "meetings_en, topics) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
                   "?13, ?14)",
                   c.councils, [](Stmt& st, const core::Council& k) {
                       st.bind(1, k.id).bind(2, k.level);
                       bind_optional(st, 3, k.region);
                       bind_optional(st, 4, k.district);
                       bind_local(st, 5, k.name);
                       bind_local(st, 8, k.description);
                       bind_local(st, 11, k.meetings);
                       st.bind(14, join_codes(k.topics));
                   });
    if (s)
        s = insert_all(db_,
                       "INSERT OR REPLACE INTO opportunities(id, ngo, title_kk, title_ru, title_en, "
                       "description_kk, description_ru, description_en, when_kk, when_ru, when_en, "
                       "region, district) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
                       "?12, ?13)",
                       c.opportunities, [](Stmt& st, const core::Opportunity& o) {
                           st.bind(1, o.id).bind(2, o.ngo);
                           bind_local(st, 3, o.title);
                           bind_local(st, 6, o.description);
                           bind_local(st, 9, o.when);
                           bind_optional(st, 12, o.region);
                           bind_optional(st, 13, o.district);
                       });
    if (!s) return s.take_error().prefixed("saving the catalogue: ");
    return ok_status();
}

namespace {
// A bulk write touches every index page again and again; with SQLite's small default cache
// those pages are written out and read back many times over (hundreds of thousands of
// writes for 20 000 NGOs). A large cache for the write's duration only keeps memory low
// the rest of the time.
class BulkCache {
public:
    explicit BulkCache(const Db& db) : db_(db) { (void)db_.exec("PRAGMA cache_size = -65536"); }
    ~BulkCache() { (void)db_.exec("PRAGMA cache_size = -2000"); }

private:
    const Db& db_;
};
}  // namespace

namespace {
// Every catalogue row, inside the caller's transaction; proposals and sign-ups stay.
Status clear_catalogue(const Db& db) {
    for (const char* table : {"opportunities", "councils", "ngo_categories", "ngo_search", "ngos", "districts",
                              "regions", "categories"})
        AUL_TRY(db.exec(std::string("DELETE FROM ") + table));
    return ok_status();
}

Status set_meta(const Db& db, const char* key, const std::string& value) {
    AUL_TRY_ASSIGN(
        auto st, db.prepare("INSERT INTO meta(key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = ?2"));
    st.bind(1, std::string_view(key)).bind(2, value);
    return st.run();
}

// A catalogue loaded on the kiosk (the demo seed, a file from USB) stands in until the
// national one arrives: the sync starts again from the beginning, and its first page with
// content replaces everything loaded here.
constexpr const char* kLocalCatalogue = "catalog_local";

// Where the pull under way resumes; absent when no pull is under way.
constexpr const char* kPendingCursor = "catalog_pending_cursor";

// Drops a pull under way (a whole catalogue replaced it, or it was applied).
Status forget_pull(const Db& db) {
    AUL_TRY(db.exec("DELETE FROM catalog_pending"));
    return db.exec("DELETE FROM meta WHERE key = 'catalog_pending_cursor'");
}

// Merges each search index's segments into one after a big write, so a search reads one
// b-tree per word rather than one per batch written.
Status optimize_search(const Db& db) {
    AUL_TRY(db.exec("INSERT INTO ngo_fts(ngo_fts) VALUES ('optimize')"));
    return db.exec("INSERT INTO ngo_name_fts(ngo_name_fts) VALUES ('optimize')");
}

// Counts every change of the catalogue, so a reader can tell it is no longer what it read,
// and keeps the number of NGOs beside it: the home screen shows it, and counting 50 000
// rows reads a megabyte of index, which on a board's SD card would hold up its first frame.
// The number is kept as COUNT:GENERATION, so one written by anything that changed the
// catalogue without counting it (an older version, a migration) is not believed.
Status bump_generation(const Db& db) {
    AUL_TRY(db.exec("INSERT INTO meta(key, value) VALUES ('catalog_generation', '1') "
                    "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1"));
    return db.exec("INSERT INTO meta(key, value) VALUES ('catalog_ngos', (SELECT count(*) FROM ngos) || ':' || "
                   "(SELECT value FROM meta WHERE key = 'catalog_generation')) "
                   "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
}
}  // namespace

Result<ImportCounts> CatalogStore::replace_catalog(const core::Catalog& c) {
    BulkCache cache(db_);
    AUL_TRY_ASSIGN(auto tx, WriteTx::begin(db_));
    AUL_TRY(clear_catalogue(db_));
    AUL_TRY(set_meta(db_, kLocalCatalogue, "1"));
    AUL_TRY(set_meta(db_, "catalog_cursor", "0"));
    AUL_TRY(forget_pull(db_));
    AUL_TRY(write_records(c, /*listed_order=*/true));
    AUL_TRY(bump_generation(db_));
    // One merged index segment after a bulk load keeps prefix queries fast.
    AUL_TRY(optimize_search(db_));
    AUL_TRY_CONTEXT(tx.commit(), "saving the catalogue: ");
    return ImportCounts{c.ngos.size(), c.councils.size(), c.opportunities.size()};
}

namespace {
// Dependency order of the catalogue's kinds: what a record refers to comes before it.
// Table and key names come from this fixed list, never from a page.
struct KindTable {
    const char* kind;
    const char* remove_sql;
};
constexpr KindTable kKinds[] = {{"categories", "DELETE FROM categories WHERE code = ?1"},
                                {"regions", "DELETE FROM regions WHERE code = ?1"},
                                {"districts", "DELETE FROM districts WHERE code = ?1"},
                                {"ngos", "DELETE FROM ngos WHERE id = ?1"},
                                {"councils", "DELETE FROM councils WHERE id = ?1"},
                                {"opportunities", "DELETE FROM opportunities WHERE id = ?1"}};

Status keep_pending(const Db& db, std::span<const CatalogStore::Change> changes) {
    AUL_TRY_ASSIGN(
        auto st,
        db.prepare("INSERT INTO catalog_pending(kind, id, version, deleted, record) VALUES (?1, ?2, ?3, ?4, ?5) "
                   "ON CONFLICT(kind, id) DO UPDATE SET version = ?3, deleted = ?4, record = ?5 WHERE ?3 > version"));
    for (const auto& c : changes) {
        bool known = false;
        for (const auto& k : kKinds) known = known || c.kind == k.kind;
        if (!known) return Error{"a catalogue change of unknown kind '" + c.kind + "'"};
        st.bind(1, c.kind).bind(2, c.id).bind(3, c.version).bind(4, c.deleted).bind(5, c.deleted ? "" : c.record);
        AUL_TRY(st.run());
    }
    return ok_status();
}

// Records are decoded a slice at a time, so a pull of the whole national catalogue never
// holds it all in memory at once.
constexpr int kApplySlice = 500;
}  // namespace

// Every kept change into the catalogue, inside the caller's transaction: records kind by
// kind in dependency order, then tombstones in the reverse order. Foreign keys are checked
// at commit, when the catalogue is whole again.
Status CatalogStore::apply_pending() {
    AUL_TRY(db_.exec("PRAGMA defer_foreign_keys = ON"));
    for (const auto& k : kKinds) {
        AUL_TRY_ASSIGN(auto st,
                       db_.prepare("SELECT record, version FROM catalog_pending WHERE kind = ?1 AND deleted = 0 "
                                   "AND version > ?2 ORDER BY version LIMIT ?3"));
        for (std::int64_t after = 0;;) {
            st.bind(1, std::string_view(k.kind)).bind(2, after).bind(3, kApplySlice);
            std::string doc = std::string("{\"") + k.kind + "\":[";
            int n = 0;
            auto rows = st.each_row([&] {
                doc += (n++ ? "," : "") + st.text(0);
                after = st.integer(1);
            });
            st.reset();
            if (!rows) return rows;
            if (n == 0) break;
            auto records = core::parse_catalog(doc + "]}", /*check_references=*/false);
            if (!records) return records.take_error();
            AUL_TRY(write_records(*records, /*listed_order=*/false));
        }
    }
    for (auto it = std::rbegin(kKinds); it != std::rend(kKinds); ++it) {
        auto gone = db_.prepare("SELECT id FROM catalog_pending WHERE kind = ?1 AND deleted = 1");
        auto remove = db_.prepare(it->remove_sql);
        AUL_TRY(gone);
        AUL_TRY(remove);
        gone->bind(1, std::string_view(it->kind));
        std::vector<std::string> ids;
        if (auto rows = gone->each_row([&] { ids.push_back(gone->text(0)); }); !rows) return rows;
        for (const auto& id : ids) {
            remove->bind(1, id);
            AUL_TRY_CONTEXT(remove->run(), "removing " + std::string(it->kind) + " " + id + ": ");
        }
    }
    return ok_status();
}

Status CatalogStore::receive_catalog_page(std::span<const Change> changes, std::int64_t cursor, bool last) {
    BulkCache cache(db_);
    AUL_TRY_ASSIGN(auto tx, WriteTx::begin(db_));
    AUL_TRY_CONTEXT(keep_pending(db_, changes), "keeping a catalogue page: ");
    if (!last) {
        AUL_TRY(set_meta(db_, kPendingCursor, std::to_string(cursor)));
        return tx.commit();
    }
    AUL_TRY_ASSIGN(auto kept, db_.scalar_int("SELECT count(*) FROM catalog_pending"));
    if (kept > 0) {
        AUL_TRY_ASSIGN(auto local,
                       db_.scalar_int("SELECT count(*) FROM meta WHERE key = 'catalog_local' AND value = '1'"));
        if (local) {
            AUL_TRY(clear_catalogue(db_));
            AUL_TRY(set_meta(db_, kLocalCatalogue, "0"));
        }
        AUL_TRY_CONTEXT(apply_pending(), "applying the national catalogue: ");
        AUL_TRY(bump_generation(db_));
        // A large pull (a first one, years of edits) leaves the index in many segments.
        if (kept > 1000) AUL_TRY(optimize_search(db_));
    }
    AUL_TRY(forget_pull(db_));
    AUL_TRY(set_meta(db_, "catalog_cursor", std::to_string(cursor)));
    if (auto s = tx.commit(); !s) {
        if (s.error_value().code == SQLITE_CONSTRAINT_FOREIGNKEY)
            return Error{"the national catalogue does not hold together (a record refers to one it "
                         "does not have); the catalogue in use is kept",
                         s.error_value().code};
        return s.take_error().prefixed("applying the national catalogue: ");
    }
    return ok_status();
}

Result<std::int64_t> CatalogStore::pull_cursor() const {
    return db_.scalar_int(
        "SELECT coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'catalog_pending_cursor'), "
        "(SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'catalog_cursor'), 0)");
}

Result<std::int64_t> CatalogStore::catalog_generation() const {
    return db_.scalar_int("SELECT coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'catalog_generation'), 0)");
}

Result<std::int64_t> CatalogStore::catalog_cursor() const {
    return db_.scalar_int("SELECT coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'catalog_cursor'), 0)");
}

Result<std::int64_t> CatalogStore::ngo_count() const {
    // Counted only where the kept number is not of this generation (see bump_generation).
    return db_.scalar_int(
        "SELECT coalesce((SELECT CAST(k.value AS INTEGER) FROM meta k, meta g WHERE k.key = 'catalog_ngos' AND "
        "g.key = 'catalog_generation' AND substr(k.value, instr(k.value, ':') + 1) = g.value), "
        "(SELECT count(*) FROM ngos))");
}

Result<std::vector<core::Category>> CatalogStore::categories() const {
    AUL_TRY_ASSIGN(auto st,
                   db_.prepare("SELECT code, icon, name_kk, name_ru, name_en FROM categories ORDER BY position"));
    std::vector<core::Category> out;
    auto rows = st.each_row([&] { out.push_back({st.text(0), st.text(1), column_local(st, 2)}); });
    if (!rows) return rows.take_error();
    return out;
}

Result<std::vector<core::Region>> CatalogStore::regions() const {
    AUL_TRY_ASSIGN(auto st, db_.prepare("SELECT code, name_kk, name_ru, name_en FROM regions ORDER BY code"));
    std::vector<core::Region> out;
    auto rows = st.each_row([&] { out.push_back({st.text(0), column_local(st, 1)}); });
    if (!rows) return rows.take_error();
    return out;
}

Result<std::vector<core::District>> CatalogStore::districts(const std::string& region) const {
    AUL_TRY_ASSIGN(
        auto st,
        db_.prepare("SELECT code, region, name_kk, name_ru, name_en FROM districts WHERE region = ?1 ORDER BY code"));
    st.bind(1, region);
    std::vector<core::District> out;
    auto rows = st.each_row([&] { out.push_back({st.text(0), st.text(1), column_local(st, 2)}); });
    if (!rows) return rows.take_error();
    return out;
}

std::string CatalogStore::match_expression(const std::string& typed, bool prefixes) {
    std::string folded = core::fold_for_search(typed);
    std::string expr, word;
    auto flush = [&] {
        if (word.empty()) return;
        expr += (expr.empty() ? "" : " ") + std::string("\"") + word + (prefixes ? "\"*" : "\"");
        word.clear();
    };
    // Split on anything that is not a letter, mark or digit, as FTS5's unicode61 does.
    core::for_each_codepoint(folded, [&](char32_t cp, std::string_view bytes) {
        auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
        bool word_char = (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_ME) || cat == UTF8PROC_CATEGORY_ND;
        if (word_char)
            word.append(bytes);
        else
            flush();
    });
    flush();
    return expr;
}

namespace {

const char* sort_column(core::Lang lang) {
    return lang == core::Lang::ru ? "s.sort_ru" : lang == core::Lang::en ? "s.sort_en" : "s.sort_kk";
}

// Filter conditions on ngos n for the filters the query sets. Parameters: ?2 region,
// ?3 district, ?4 category. Unset filters add nothing, so an unfiltered search never
// reads an NGO's row.
std::string filter_sql(const NgoQuery& q) {
    std::string sql;
    if (!q.region.empty()) sql += " AND n.region = ?2";
    if (!q.district.empty()) sql += " AND n.district = ?3";
    if (!q.category.empty()) sql += " AND n.rowid IN (SELECT c.ngo FROM ngo_categories c WHERE c.category = ?4)";
    return sql;
}

bool has_filters(const NgoQuery& q) { return !q.region.empty() || !q.district.empty() || !q.category.empty(); }

// What a query's list is before any of it is read: its order, its length, and for text its
// name matches in order. Pages of it are cut by `slice` below, so that every page is
// computed with the same total order (ties broken by rowid) and page k is exactly rows
// [k*n, (k+1)*n) of the whole list.
struct SearchPlan {
    enum class Order {
        alphabetical,  // no text: every match in the reader's alphabet
        names_first,   // text: name matches alphabetically, then the others
    };
    enum class Rest {
        relevance,  // up to kMaxRanked matches: the others by bm25
        stored,     // broader: the others as stored, up to kMaxListed in all
    };
    Order order = Order::alphabetical;
    Rest rest = Rest::relevance;
    std::string match;                 // the FTS expression, ?1
    std::vector<std::int64_t> names;   // the name matches, alphabetically: the list's head
    std::int64_t count = 0;            // rows in the whole list
    bool more = false;                 // more NGOs match than the list holds
};

// Binds a search statement's parameters: ?1 match, ?2 region, ?3 district, ?4 category,
// ?5 limit, ?6 offset. SQLite ignores those a statement lacks.
void bind_search(Stmt& st, const SearchPlan& plan, const NgoQuery& q, std::int64_t limit, std::int64_t offset) {
    bind_optional(st, 1, plan.match);
    bind_optional(st, 2, q.region);
    bind_optional(st, 3, q.district);
    bind_optional(st, 4, q.category);
    st.bind(5, limit).bind(6, offset);
}

Result<std::int64_t> count_rows(const Db& db, const std::string& sql, const SearchPlan& plan, const NgoQuery& q,
                                std::int64_t limit) {
    AUL_TRY_ASSIGN(auto st, db.prepare(sql));
    bind_search(st, plan, q, limit, 0);
    AUL_TRY_ASSIGN(auto row, st.step());
    return row ? st.integer(0) : 0;
}

// Calls `take` with each row's rowid until it returns false.
template <typename Take>
Status each_rowid(const Db& db, const std::string& sql, const SearchPlan& plan, const NgoQuery& q,
                  std::int64_t limit, std::int64_t offset, Take&& take) {
    AUL_TRY_ASSIGN(auto st, db.prepare(sql));
    bind_search(st, plan, q, limit, offset);
    for (;;) {
        auto row = st.step();
        if (!row) return row.take_error().prefixed("search: ");
        if (!*row || !take(st.integer(0))) return ok_status();
    }
}

// The FROM and WHERE of the NGOs whose text in `index` (ngo_fts: names and descriptions;
// ngo_name_fts: names) matches ?1, and the filters.
std::string matching(const NgoQuery& q, const char* index = "ngo_fts") {
    return std::string(" FROM ") + index + " s" + (has_filters(q) ? " JOIN ngos n ON n.rowid = s.rowid" : "") +
           " WHERE " + index + " MATCH ?1" + filter_sql(q);
}

}  // namespace

Result<const std::vector<std::uint32_t>*> CatalogStore::alphabet(core::Lang lang) const {
    AUL_TRY_ASSIGN(auto generation, catalog_generation());
    if (generation != alphabet_.generation) {
        alphabet_ = Alphabet{};
        alphabet_.generation = generation;
    }
    auto& kept = alphabet_.place[static_cast<std::size_t>(lang)];
    if (kept) return &*kept;
    if (alphabet_.rowids.empty()) {
        AUL_TRY_ASSIGN(auto st, db_.prepare("SELECT rowid FROM ngo_search ORDER BY rowid"));
        auto rows = st.each_row([&] { alphabet_.rowids.push_back(st.integer(0)); });
        if (!rows) return rows.take_error();
    }
    std::vector<std::uint32_t> places(alphabet_.rowids.size(), 0);
    AUL_TRY_ASSIGN(auto st, db_.prepare(std::string("SELECT s.rowid FROM ngo_search s ORDER BY ") + sort_column(lang) +
                                        ", s.rowid"));
    std::uint32_t next = 0;
    auto rows = st.each_row([&] {
        auto at = std::lower_bound(alphabet_.rowids.begin(), alphabet_.rowids.end(), st.integer(0));
        if (at != alphabet_.rowids.end() && *at == st.integer(0)) places[static_cast<std::size_t>(at - alphabet_.rowids.begin())] = next++;
    });
    if (!rows) return rows.take_error();
    kept = std::move(places);
    return &*kept;
}

Status CatalogStore::sort_alphabetically(std::vector<std::int64_t>& rowids, core::Lang lang) const {
    AUL_TRY_ASSIGN(auto places, alphabet(lang));
    const auto& known = alphabet_.rowids;
    // A rowid the table of places lacks sorts after every known one: it can only be a row
    // written past catalog_generation, which every catalogue write bumps.
    auto place = [&](std::int64_t rowid) -> std::uint64_t {
        auto at = std::lower_bound(known.begin(), known.end(), rowid);
        if (at == known.end() || *at != rowid) return (std::uint64_t{1} << 32) + static_cast<std::uint64_t>(rowid);
        return (*places)[static_cast<std::size_t>(at - known.begin())];
    };
    std::vector<std::pair<std::uint64_t, std::int64_t>> keyed;
    keyed.reserve(rowids.size());
    for (auto id : rowids) keyed.push_back({place(id), id});
    std::sort(keyed.begin(), keyed.end());
    for (std::size_t i = 0; i < rowids.size(); ++i) rowids[i] = keyed[i].second;
    return ok_status();
}

Status CatalogStore::prepare_text_search(core::Lang lang) const {
    AUL_TRY(alphabet(lang));
    return ok_status();
}

namespace {

// The plan for text: its name matches (from the index of names, the first kMaxListed as
// stored), put in the reader's alphabet; when they do not fill the list, how many NGOs
// match in all, which decides how the others follow.
Result<SearchPlan> plan_text_search(const CatalogStore& store, const NgoQuery& q, std::string match) {
    const Db& db = store.db();
    SearchPlan plan;
    plan.order = SearchPlan::Order::names_first;
    plan.match = std::move(match);
    AUL_TRY(each_rowid(db, "SELECT s.rowid" + matching(q, "ngo_name_fts") + " ORDER BY s.rowid LIMIT ?5", plan, q,
                       kMaxListed + 1, 0, [&](std::int64_t id) {
                           plan.names.push_back(id);
                           return true;
                       }));
    bool names_fill_list = plan.names.size() > static_cast<std::size_t>(kMaxListed);
    if (names_fill_list) plan.names.resize(kMaxListed);
    AUL_TRY(store.sort_alphabetically(plan.names, q.lang));
    if (names_fill_list) {
        // More names match than the list holds: no other match can be listed, so the
        // others are not even counted (a long prefix of a common word merges thousands).
        plan.count = kMaxListed;
        plan.more = true;
        return plan;
    }
    // Counting in rowid order stops early: FTS5 walks its doclists without scoring. A word
    // typed whole often matches more than kMaxRanked NGOs as itself ("және", "помощь"), and
    // the words as typed match a subset of what they begin: counted so first, it reads one
    // doclist a word, where the prefixes merge the doclists of every word they begin.
    std::string count_sql = "SELECT count(*) FROM (SELECT s.rowid" + matching(q) + " LIMIT ?5)";
    SearchPlan as_typed;
    as_typed.match = CatalogStore::match_expression(q.text, /*prefixes=*/false);
    AUL_TRY_ASSIGN(auto matches, count_rows(db, count_sql, as_typed, q, kMaxRanked + 1));
    if (matches <= kMaxRanked) {
        AUL_TRY_ASSIGN(auto with_prefixes, count_rows(db, count_sql, plan, q, kMaxRanked + 1));
        matches = with_prefixes;
    }
    if (matches <= kMaxRanked) {
        plan.rest = SearchPlan::Rest::relevance;
        plan.count = matches;
        return plan;
    }
    plan.rest = SearchPlan::Rest::stored;
    plan.count = kMaxListed;  // more than kMaxRanked match, and kMaxListed <= kMaxRanked
    plan.more = true;
    return plan;
}

Result<SearchPlan> plan_search(const CatalogStore& store, const NgoQuery& q) {
    std::string match = CatalogStore::match_expression(q.text);
    if (!match.empty()) return plan_text_search(store, q, std::move(match));
    SearchPlan plan;
    std::string join_ngos = has_filters(q) ? " JOIN ngos n ON n.rowid = s.rowid" : "";
    AUL_TRY_ASSIGN(plan.count, count_rows(store.db(), "SELECT count(*) FROM ngo_search s" + join_ngos + " WHERE 1" +
                                                          filter_sql(q), plan, q, -1));
    return plan;
}

// Rows [offset, offset + limit) of the plan's list (limit -1: to its end).
Result<std::vector<std::int64_t>> slice(const Db& db, const NgoQuery& q, const SearchPlan& plan,
                                        std::int64_t offset, std::int64_t limit) {
    std::vector<std::int64_t> out;
    if (limit < 0 || offset + limit > plan.count) limit = std::max<std::int64_t>(0, plan.count - offset);
    if (limit == 0) return out;
    if (plan.order == SearchPlan::Order::alphabetical) {
        std::string join_ngos = has_filters(q) ? " JOIN ngos n ON n.rowid = s.rowid" : "";
        AUL_TRY(each_rowid(db, "SELECT s.rowid FROM ngo_search s" + join_ngos + " WHERE 1" + filter_sql(q) +
                                   " ORDER BY " + sort_column(q.lang) + ", s.rowid LIMIT ?5 OFFSET ?6",
                           plan, q, limit, offset, [&](std::int64_t id) {
                               out.push_back(id);
                               return true;
                           }));
        return out;
    }
    auto names = static_cast<std::int64_t>(plan.names.size());
    for (std::int64_t i = offset; i < names && static_cast<std::int64_t>(out.size()) < limit; ++i)
        out.push_back(plan.names[static_cast<std::size_t>(i)]);
    if (static_cast<std::int64_t>(out.size()) == limit) return out;
    // The others: every match but the names, in the rest's order, from the row the slice
    // reaches; the names are skipped as they come.
    std::vector<std::int64_t> skip(plan.names);
    std::sort(skip.begin(), skip.end());
    std::int64_t to_pass = std::max<std::int64_t>(0, offset - names);
    std::string order = plan.rest == SearchPlan::Rest::relevance ? "bm25(ngo_fts, 10.0, 1.0), s.rowid" : "s.rowid";
    AUL_TRY(each_rowid(db, "SELECT s.rowid" + matching(q) + " ORDER BY " + order + " LIMIT ?5", plan, q,
                       to_pass + limit + names, 0, [&](std::int64_t id) {
                           if (std::binary_search(skip.begin(), skip.end(), id)) return true;
                           if (to_pass > 0) return --to_pass, true;
                           out.push_back(id);
                           return static_cast<std::int64_t>(out.size()) < limit;
                       }));
    return out;
}

}  // namespace

Status CatalogStore::cache_for_search() const { return db_.exec("PRAGMA cache_size = -16384"); }

Result<SearchHits> CatalogStore::search(const NgoQuery& q) const { return search_first(q, -1); }

Result<SearchHits> CatalogStore::search_first(const NgoQuery& q, std::int64_t rows) const {
    AUL_TRY_ASSIGN(auto plan, plan_search(*this, q));
    SearchHits hits;
    hits.count = plan.count;
    hits.more = plan.more;
    AUL_TRY_ASSIGN(hits.rowids, slice(db_, q, plan, 0, rows));
    return hits;
}

Result<std::vector<std::int64_t>> CatalogStore::search_page(const NgoQuery& q, std::int64_t offset,
                                                            std::int64_t rows) const {
    AUL_TRY_ASSIGN(auto plan, plan_search(*this, q));
    return slice(db_, q, plan, offset, rows);
}

Result<std::vector<NgoSummary>> CatalogStore::summaries(std::span<const std::int64_t> rowids) const {
    AUL_TRY_ASSIGN(
        auto st,
        db_.prepare("SELECT rowid, name_kk, name_ru, name_en, region, coalesce(district, ''), needs_volunteers, "
                    "seeks_partners, (SELECT c.category FROM ngo_categories c JOIN categories k ON k.code = "
                    "c.category WHERE c.ngo = ngos.rowid ORDER BY k.position LIMIT 1) FROM ngos WHERE rowid = ?1"));
    std::vector<NgoSummary> out;
    out.reserve(rowids.size());
    for (std::int64_t id : rowids) {
        st.bind(1, id);
        AUL_TRY_ASSIGN(auto row, st.step());
        if (row) {
            out.push_back({st.integer(0), column_local(st, 1), st.text(4), st.text(5), st.text(8), st.integer(6) != 0,
                           st.integer(7) != 0});
        }
        st.reset();
    }
    return out;
}

Result<core::Ngo> CatalogStore::ngo(std::int64_t rowid) const {
    AUL_TRY_ASSIGN(
        auto st,
        db_.prepare("SELECT id, bin, name_kk, name_ru, name_en, mission_kk, mission_ru, mission_en, services_kk, "
                    "services_ru, services_en, area_kk, area_ru, area_en, address_kk, address_ru, address_en, "
                    "region, coalesce(district, ''), phone, email, needs_volunteers, seeks_partners "
                    "FROM ngos WHERE rowid = ?1"));
    st.bind(1, rowid);
    AUL_TRY_ASSIGN(auto row, st.step());
    if (!row) return Error{"this organisation is no longer in the catalogue"};
    core::Ngo n;
    n.id = st.text(0);
    n.bin = st.text(1);
    n.name = column_local(st, 2);
    n.mission = column_local(st, 5);
    n.services = column_local(st, 8);
    n.area = column_local(st, 11);
    n.address = column_local(st, 14);
    n.region = st.text(17);
    n.district = st.text(18);
    n.phone = st.text(19);
    n.email = st.text(20);
    n.needs_volunteers = st.integer(21) != 0;
    n.seeks_partners = st.integer(22) != 0;
    AUL_TRY_ASSIGN(auto cats,
                   db_.prepare("SELECT c.category FROM ngo_categories c JOIN categories k ON k.code = c.category "
                               "WHERE c.ngo = ?1 ORDER BY k.position"));
    cats.bind(1, rowid);
    for (;;) {
        AUL_TRY_ASSIGN(auto r, cats.step());
        if (!r) break;
        n.categories.push_back(cats.text(0));
    }
    return n;
}

namespace {
constexpr const char* kCouncilColumns =
    "SELECT id, level, coalesce(region, ''), coalesce(district, ''), name_kk, name_ru, name_en, description_kk, "
    "description_ru, description_en, meetings_kk, meetings_ru, meetings_en, topics FROM councils ";

core::Council council_from(const Stmt& st) {
    core::Council c;
    c.id = st.text(0);
    c.level = st.text(1);
    c.region = st.text(2);
    c.district = st.text(3);
    c.name = column_local(st, 4);
    c.description = column_local(st, 7);
    c.meetings = column_local(st, 10);
    std::string topics = st.text(13);
    for (std::size_t pos = 0; pos < topics.size();) {
        auto end = topics.find(' ', pos);
        if (end == std::string::npos) end = topics.size();
        if (end > pos) c.topics.push_back(topics.substr(pos, end - pos));
        pos = end + 1;
    }
    return c;
}
}  // namespace

Result<std::vector<core::Council>> CatalogStore::councils_for(const std::string& region,
                                                              const std::string& district) const {
    AUL_TRY_ASSIGN(auto st,
                   db_.prepare(std::string(kCouncilColumns) +
                               "WHERE level = 'national' OR (level = 'regional' AND region = ?1) OR "
                               "(level = 'district' AND district = ?2) "
                               "ORDER BY CASE level WHEN 'national' THEN 0 WHEN 'regional' THEN 1 ELSE 2 END, id"));
    st.bind(1, region).bind(2, district);
    std::vector<core::Council> out;
    auto rows = st.each_row([&] { out.push_back(council_from(st)); });
    if (!rows) return rows.take_error();
    return out;
}

Result<std::optional<core::Council>> CatalogStore::council(const std::string& id) const {
    AUL_TRY_ASSIGN(auto st, db_.prepare(std::string(kCouncilColumns) + "WHERE id = ?1"));
    st.bind(1, id);
    AUL_TRY_ASSIGN(auto row, st.step());
    if (!row) return std::optional<core::Council>{};
    return std::optional<core::Council>{council_from(st)};
}

Result<std::vector<CatalogStore::OpportunityRow>> CatalogStore::opportunities(const std::string& region,
                                                                              const std::string& ngo_id) const {
    AUL_TRY_ASSIGN(
        auto st,
        db_.prepare(
            "SELECT o.id, o.ngo, o.title_kk, o.title_ru, o.title_en, o.description_kk, o.description_ru, "
            "o.description_en, "
            "o.when_kk, o.when_ru, o.when_en, coalesce(o.region, ''), coalesce(o.district, ''), n.name_kk, n.name_ru, "
            "n.name_en, n.rowid, n.phone, n.email, n.address_kk, n.address_ru, n.address_en "
            "FROM opportunities o JOIN ngos n ON n.id = o.ngo "
            "WHERE (?2 = '' OR o.ngo = ?2) ORDER BY (coalesce(o.region, '') = ?1) DESC, o.id"));
    st.bind(1, region).bind(2, ngo_id);
    std::vector<OpportunityRow> out;
    auto rows = st.each_row([&] {
        OpportunityRow r;
        r.opportunity = {st.text(0),          st.text(1),  column_local(st, 2), column_local(st, 5),
                         column_local(st, 8), st.text(11), st.text(12)};
        r.ngo_name = column_local(st, 13);
        r.ngo_rowid = st.integer(16);
        r.ngo_phone = st.text(17);
        r.ngo_email = st.text(18);
        r.ngo_address = column_local(st, 19);
        out.push_back(std::move(r));
    });
    if (!rows) return rows.take_error();
    return out;
}

Result<std::optional<std::int64_t>> CatalogStore::first_ngo(core::Lang lang) const {
    std::string sql = std::string("SELECT s.rowid FROM ngo_search s ORDER BY ") + sort_column(lang) + " LIMIT 1";
    AUL_TRY_ASSIGN(auto first, db_.scalar_int(sql));
    if (first == 0) return std::optional<std::int64_t>{};
    return std::optional<std::int64_t>{first};
}

}  // namespace aul::store
