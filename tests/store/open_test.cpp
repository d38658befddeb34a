#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <fstream>
#include <thread>

#include "common.h"
#include "damage_db.h"
#include "store/catalog_store.h"
#include "store/filing_store.h"
#include "store/instance_lock.h"
#include "store/kiosk_state.h"

using namespace aul;

TEST_CASE("a new database is created, checked and seeded in one transaction") {
    TempDir dir;
    store::OpenReport report;
    auto db = store::open_kiosk_db(dir.file("kiosk.db"), &report);
    REQUIRE(db.ok());
    CHECK(report.created);
    CHECK(report.damaged_copy.empty());
    store::CatalogStore s(std::move(*db));
    auto counts = s.replace_catalog(small_catalog());
    REQUIRE(counts.ok());
    CHECK(counts->ngos == 4);
    CHECK(*s.ngo_count() == 4);
    CHECK(s.categories()->size() == 2);
    CHECK(s.regions()->size() == 2);
    CHECK(s.districts("KZ-19")->size() == 1);
    CHECK(s.db().scalar_int("PRAGMA foreign_keys").value() == 1);
    auto mode = s.db().prepare("PRAGMA journal_mode");
    REQUIRE(mode->step().value());
    CHECK(mode->text(0) == "wal");
}

TEST_CASE("a catalogue that breaks a constraint leaves the old one whole") {
    TempDir dir;
    store::CatalogStore s(std::move(*store::open_kiosk_db(dir.file("kiosk.db"))));
    REQUIRE(s.replace_catalog(small_catalog()).ok());
    auto broken = small_catalog();
    broken.ngos.push_back(make_ngo(99, "Жоқ", "Нет", "", "KZ-99"));  // an unknown region: the foreign key fails mid-way
    auto r = s.replace_catalog(broken);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().find("ngo-99") != std::string::npos);
    CHECK(*s.ngo_count() == 4);
}

TEST_CASE("a damaged database is kept aside and replaced by a fresh one") {
    TempDir dir;
    std::string path = dir.file("kiosk.db");
    {
        store::CatalogStore s(std::move(*store::open_kiosk_db(path)));
        REQUIRE(s.replace_catalog(small_catalog()).ok());
        REQUIRE(s.db().exec("PRAGMA wal_checkpoint(TRUNCATE)").ok());
    }
    {
        // Scribble over every page after the first, as a failing card might.
        auto size = std::filesystem::file_size(path);
        REQUIRE(size > 8192);
        std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(4096);
        std::string junk(size - 4096, '\x5A');
        f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
    }
    store::OpenReport report;
    auto db = store::open_kiosk_db(path, &report);
    REQUIRE_MESSAGE(db.ok(), (db.ok() ? "" : db.error()));
    CHECK_FALSE(report.damaged_copy.empty());
    CHECK(std::filesystem::exists(report.damaged_copy));
    CHECK(std::filesystem::file_size(report.damaged_copy) > 4096);
    store::CatalogStore fresh(std::move(*db));
    CHECK(*fresh.ngo_count() == 0);
}

namespace {
std::string catalogued_db(const TempDir& dir) {
    std::string path = dir.file("kiosk.db");
    store::CatalogStore s(std::move(*store::open_kiosk_db(path)));
    REQUIRE(s.replace_catalog(small_catalog()).ok());
    return path;
}
}  // namespace

TEST_CASE("opening leaves the whole-file check to the background; its mark sets the file aside at the kiosk's next start") {
    TempDir dir;
    std::string path = catalogued_db(dir);
    REQUIRE(damage_table(path, "ngos"));
    const std::int64_t now = 1'700'000'000'000;

    // Opening reads the schema, not every page: the damage goes unnoticed, nothing is moved.
    store::OpenReport first;
    auto running = store::open_kiosk_db(path, &first, store::OpenCheck::set_aside_marked);
    REQUIRE(running.ok());
    CHECK(first.damaged_copy.empty());
    auto filing = store::FilingStore::open(std::move(*running));
    REQUIRE(filing.ok());
    auto check = store::check_database(*filing, now);
    CHECK_FALSE(check.ok);
    auto mark = store::damage_mark(path);
    REQUIRE(mark.has_value());
    CHECK(mark->found_ms == now);
    CHECK_FALSE(mark->verdict.empty());
    CHECK(mark->verdict.find('\n') == std::string::npos);

    // kiosk-sync or kioskctl opening meanwhile leave the file and the mark to the kiosk.
    store::OpenReport other;
    REQUIRE(store::open_kiosk_db(path, &other, store::OpenCheck::none).ok());
    CHECK(other.damaged_copy.empty());
    CHECK(store::damage_mark(path).has_value());

    // The kiosk's next start sets it aside and starts afresh.
    store::OpenReport next;
    auto fresh = store::open_kiosk_db(path, &next, store::OpenCheck::set_aside_marked);
    REQUIRE(fresh.ok());
    CHECK_FALSE(next.damaged_copy.empty());
    CHECK(next.damage.find("integrity check") != std::string::npos);
    CHECK(std::filesystem::exists(next.damaged_copy));
    CHECK_FALSE(store::damage_mark(path).has_value());
    CHECK(*store::CatalogStore(std::move(*fresh)).ngo_count() == 0);
}

TEST_CASE("a damage mark about a file since replaced is dropped, and a sound check clears one") {
    TempDir dir;
    std::string path = catalogued_db(dir);
    REQUIRE(store::mark_damaged(path, "*** in database main ***\nPage 7: btreeInitPage() returns error code 11", 5).ok());
    REQUIRE(store::damage_mark(path).has_value());
    SUBCASE("the file was replaced (restored from a backup)") {
        std::filesystem::copy_file(path, path + ".copy");
        std::filesystem::rename(path + ".copy", path);
        CHECK_FALSE(store::damage_mark(path).has_value());
        store::OpenReport report;
        REQUIRE(store::open_kiosk_db(path, &report, store::OpenCheck::set_aside_marked).ok());
        CHECK(report.damaged_copy.empty());
        CHECK_FALSE(std::filesystem::exists(path + ".check-failed"));
    }
    SUBCASE("a later check finds the file sound") {
        auto filing = store::FilingStore::open(std::move(*store::open_kiosk_db(path)));
        REQUIRE(filing.ok());
        CHECK(store::check_database(*filing, 6).ok);
        CHECK_FALSE(std::filesystem::exists(path + ".check-failed"));
    }
}

TEST_CASE("a forged or damaged mark is not taken for one") {
    TempDir dir;
    std::string path = catalogued_db(dir);
    for (const char* text : {"", "inode x\nfound_ms 5\nverdict bad\n", "verdict bad\n", "inode 1\nfound_ms 5\nverdict bad\n",
                             "found_ms -3\nverdict bad\n"}) {
        std::ofstream(path + ".check-failed", std::ios::binary) << text;
        CHECK_FALSE(store::damage_mark(path).has_value());
    }
    std::ofstream(path + ".check-failed", std::ios::binary) << std::string(100'000, 'x');  // too large to read
    CHECK_FALSE(store::damage_mark(path).has_value());
}

TEST_CASE("an unreadable location gives an actionable error") {
    auto db = store::open_kiosk_db("/nonexistent-dir/kiosk.db");
    REQUIRE_FALSE(db.ok());
    CHECK(db.error().find("/nonexistent-dir/kiosk.db") != std::string::npos);
}

TEST_CASE("one process of a kind per data folder") {
    TempDir dir;
    {
        auto first = store::InstanceLock::acquire(dir.path, "kiosk");
        REQUIRE(first.ok());
        auto second = store::InstanceLock::acquire(dir.path, "kiosk");
        REQUIRE_FALSE(second.ok());
        CHECK(second.error().find("already running") != std::string::npos);
        CHECK(store::InstanceLock::acquire(dir.path, "kiosk-sync").ok());  // another kind may run beside it
    }
    CHECK(store::InstanceLock::acquire(dir.path, "kiosk").ok());  // released with its holder
}

namespace {
void lost_locks_race();
}

// POSIX advisory locks belong to the process and close() on any descriptor of the file
// drops them all: opening a further connection must never open and close the database
// file itself while another connection of the process holds a lock, or another process
// (the kiosk or kioskctl beside kiosk-sync) writes at the same time and damages the file.
TEST_CASE("connections opened while this process writes never let another process write beside it") {
    // A lost lock shows as lost rows or a damaged index only when the writes happen to
    // meet, so the race is run a few times over.
    for (int round = 0; round < 6; ++round) {
        CAPTURE(round);
        lost_locks_race();
    }
}

namespace {
void lost_locks_race() {
    TempDir dir;
    auto path = dir.file("kiosk.db");
    REQUIRE(store::open_kiosk_db(path).ok());
    constexpr int kWrites = 1000;
    // Returns what went wrong, or "" when every write landed. Two processes committing
    // in a tight loop can starve each other past the busy timeout when fsync is slow (a
    // loaded machine); a write that reports busy is tried again, a bounded number of
    // times, since busy is the lock working, and a lost lock shows as lost rows or
    // damage, never as busy.
    auto write_keys = [&](const char* prefix) -> std::string {
        auto db = store::open_kiosk_db_connection(path);
        if (!db) return "open: " + db.error();
        int busy_retries = 0;
        for (int i = 0; i < kWrites; ++i) {
            auto st = db->prepare("INSERT INTO meta(key, value) VALUES (?1, 'x')");
            if (!st) return "prepare " + std::to_string(i) + ": " + st.error();
            auto s = st->bind(1, prefix + std::to_string(i)).run();
            if (!s && s.error_value().primary_code() == SQLITE_BUSY && ++busy_retries <= 20) {
                --i;
                continue;
            }
            if (!s) return "write " + std::to_string(i) + ": " + s.error();
        }
        return "";
    };
    pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        auto failed = write_keys("child-");
        if (!failed.empty()) std::fprintf(stderr, "child: %s\n", failed.c_str());
        _exit(failed.empty() ? 0 : 1);
    }  // another process, writing all along
    std::atomic<bool> writing{true};
    std::thread opener([&] {  // as kiosk-sync's threads and the kiosk's tasks open theirs
        while (writing) (void)store::open_kiosk_db_connection(path);
    });
    std::string failed = write_keys("parent-");
    writing = false;
    opener.join();
    int status = 0;
    waitpid(child, &status, 0);
    CHECK_MESSAGE(failed.empty(), failed);
    CHECK(WEXITSTATUS(status) == 0);
    auto db = store::open_kiosk_db_connection(path);
    REQUIRE(db.ok());
    auto check = db->prepare("PRAGMA integrity_check");
    REQUIRE(check->step().value());
    CHECK(check->text(0) == "ok");
    check = store::Stmt();
    CHECK(db->scalar_int("SELECT count(*) FROM meta WHERE key LIKE 'child-%' OR key LIKE 'parent-%'").value() ==
          2 * kWrites);
}
}  // namespace

TEST_CASE("a failed statement keeps SQLite's extended result code through the layers above it") {
    TempDir dir;
    std::string path = dir.file("kiosk.db");
    {
        auto db = store::Db::open(path);
        REQUIRE(db.ok());
        REQUIRE(db->exec("CREATE TABLE t(k TEXT PRIMARY KEY)").ok());
        auto ins = db->prepare("INSERT INTO t(k) VALUES (?1)");
        REQUIRE(ins.ok());
        ins->bind(1, std::string_view("a"));
        REQUIRE(ins->run().ok());
        ins->bind(1, std::string_view("a"));
        auto dup = ins->run();
        REQUIRE_FALSE(dup.ok());
        CHECK(dup.error_value().code == SQLITE_CONSTRAINT_PRIMARYKEY);
        CHECK(dup.error_value().primary_code() == SQLITE_CONSTRAINT);
        auto bad_sql = db->prepare("SELECT nothing FROM nowhere");
        REQUIRE_FALSE(bad_sql.ok());
        CHECK(bad_sql.error_value().code == SQLITE_ERROR);
        CHECK(db->exec("PRAGMA wal_checkpoint(TRUNCATE)").ok());
    }
    {
        store::OpenOptions ro;
        ro.read_only = true;
        auto db = store::Db::open(path, ro);
        REQUIRE(db.ok());
        auto w = db->exec("INSERT INTO t(k) VALUES ('b')");
        REQUIRE_FALSE(w.ok());
        CHECK(w.error_value().primary_code() == SQLITE_READONLY);
    }
    // Through the catalogue store: a record naming an unknown region fails on the foreign key.
    store::CatalogStore s(std::move(*store::open_kiosk_db(dir.file("catalog.db"))));
    auto broken = small_catalog();
    broken.ngos.push_back(make_ngo(99, "Жоқ", "Нет", "", "KZ-99"));
    auto r = s.replace_catalog(broken);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error_value().code == SQLITE_CONSTRAINT_FOREIGNKEY);
}
