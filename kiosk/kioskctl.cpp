// kioskctl: the staff and operator command line over a kiosk's data folder.
//   kioskctl --data DIR status [--json]  the kiosk at a glance: code, enrolment, outbox,
//                                      quarantine, last sync, catalogue, database size, free disk
//   kioskctl --data DIR proposals     one line per proposal: code, category, language,
//                                      state (or "quarantined: " and the server's reason),
//                                      anonymous or named, title (never contact details)
//   kioskctl --data DIR import-catalog FILE   replace the catalogue from a catalogue file
//   kioskctl --data DIR enroll URL CODE --ca FILE   enrol with the national server
//   kioskctl --data DIR sync-now        one sync round now, its JSON summary printed
//   kioskctl --data DIR set-kiosk-code CODE   the code given at installation (once, for life)
//   kioskctl --data DIR catalog         organisations in the catalogue and its version
//   kioskctl --data DIR search TEXT     what a resident's search finds: the count, then names
//   kioskctl --data DIR set-national-key KEY   install the national public key by hand
//                                      (a kiosk enrolled offline); named filing needs it
//   kioskctl --version
// Run as root (sudo), it works as the owner of the data folder (user aul on a board), so
// files it creates stay usable by the services.
// Exit codes: 0 done, 1 the operation failed (the reason is printed), 2 bad usage.
#include <grp.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "core/catalog_json.h"
#include "platform/paths.h"
#include "store/catalog_store.h"
#include "store/filing_store.h"
#include "store/instance_lock.h"
#include "sync/kiosk_sync.h"

#include <chrono>

namespace {

int usage() {
    std::fputs("usage: kioskctl --version\n"
               "       kioskctl --data DIR status [--json]\n"
               "       kioskctl --data DIR doctor\n"
               "       kioskctl --data DIR proposals\n"
               "       kioskctl --data DIR import-catalog FILE\n"
               "       kioskctl --data DIR enroll URL CODE --ca FILE\n"
               "       kioskctl --data DIR sync-now\n"
               "       kioskctl --data DIR set-kiosk-code CODE\n"
               "       kioskctl --data DIR catalog\n"
               "       kioskctl --data DIR search TEXT\n"
               "       kioskctl --data DIR set-national-key KEY\n",
               stderr);
    return 2;
}

int fail(const std::string& why) {
    std::fprintf(stderr, "kioskctl: %s\n", why.c_str());
    return 1;
}

// The services run as the data folder's owner; a database, lock or token that root created
// there would lock them out (SQLite cannot write a root-owned kiosk.db as aul). So root
// becomes that owner before touching anything. False when it cannot.
bool act_as_owner(const std::string& dir) {
    struct stat st {};
    if (::geteuid() != 0 || ::stat(dir.c_str(), &st) != 0 || st.st_uid == 0) return true;
    gid_t gid = st.st_gid;
    return ::setgroups(1, &gid) == 0 && ::setgid(st.st_gid) == 0 && ::setuid(st.st_uid) == 0;
}

// What staff need to see at a glance; --json keeps these keys stable for scripts.
int status(const std::string& dir, bool as_json) {
    auto db = aul::store::open_kiosk_db(dir + "/kiosk.db");
    if (!db) return fail(db.error());
    auto size = std::filesystem::exists(dir + "/kiosk.db") ? std::filesystem::file_size(dir + "/kiosk.db") : 0;
    auto catalog_db = aul::store::open_kiosk_db_connection(dir + "/kiosk.db");
    if (!catalog_db) return fail(catalog_db.error());
    aul::store::CatalogStore catalog(std::move(*catalog_db));
    auto filing = aul::store::FilingStore::open(std::move(*db));
    if (!filing) return fail(filing.error());
    struct statvfs fs {};
    long long free_mb = ::statvfs(dir.c_str(), &fs) == 0
                            ? static_cast<long long>(fs.f_bavail) * static_cast<long long>(fs.f_frsize) / (1 << 20)
                            : -1;
    nlohmann::json j{
        {"version", AUL_VERSION},
        {"kiosk_code", filing->kiosk_code().value_or("")},
        {"enrolled", !filing->setting("sync_url").value_or("").empty()},
        {"server", filing->setting("sync_url").value_or("")},
        {"can_seal_contacts", filing->can_seal_contacts()},
        {"outbox", filing->unsent_count().value_or(-1)},
        {"quarantined", filing->quarantined_count().value_or(-1)},
        {"last_sync_ok_ms", std::atoll(filing->setting("last_push_ok_ms").value_or("0").c_str())},
        {"organisations", catalog.ngo_count().value_or(-1)},
        {"catalogue_version", catalog.catalog_cursor().value_or(-1)},
        {"database_bytes", static_cast<long long>(size)},
        {"disk_free_mb", free_mb},
    };
    if (as_json) {
        std::printf("%s\n", j.dump().c_str());
        return 0;
    }
    for (auto& [key, value] : j.items())
        std::printf("%-20s %s\n", key.c_str(), value.is_string() ? value.get<std::string>().c_str() : value.dump().c_str());
    return 0;
}

// The self-test staff run when something seems wrong: every check with its verdict in words.
// Exit 0 when all pass, 1 otherwise.
int doctor(const std::string& dir) {
    std::vector<aul::sync::Check> checks;
    aul::store::OpenReport report;
    auto db = aul::store::open_kiosk_db(dir + "/kiosk.db", &report);
    if (!db) {
        checks.push_back({"database", false, db.error()});
    } else {
        auto integrity = db->prepare("PRAGMA integrity_check");
        std::string verdict = integrity && *integrity->step() ? integrity->text(0) : "no answer";
        checks.push_back({"database", verdict == "ok" && report.damaged_copy.empty(),
                          report.damaged_copy.empty() ? "integrity_check: " + verdict
                                                      : "was damaged; kept at " + report.damaged_copy});
    }
    // Writable with room to spare: a probe file written and synced, and the free space.
    std::string probe = dir + "/.doctor-probe";
    std::FILE* f = std::fopen(probe.c_str(), "w");
    bool writable = f && std::fputs("ok", f) >= 0 && std::fflush(f) == 0 && ::fsync(::fileno(f)) == 0;
    if (f) std::fclose(f);
    std::remove(probe.c_str());
    struct statvfs fs {};
    long long free_mb = ::statvfs(dir.c_str(), &fs) == 0
                            ? static_cast<long long>(fs.f_bavail) * static_cast<long long>(fs.f_frsize) / (1 << 20)
                            : -1;
    checks.push_back({"disk", writable && free_mb >= 100,
                      !writable ? "cannot write to " + dir + " (full, read-only or wrong owner)"
                                : std::to_string(free_mb) + " MiB free" + (free_mb < 100 ? ": free some space" : "")});
    if (db) {
        auto filing = aul::store::FilingStore::open(std::move(*db));
        if (filing) {
            auto server = aul::sync::server_checks(aul::sync::KioskPaths{dir}, *filing);
            checks.insert(checks.end(), server.begin(), server.end());
        }
    }
    bool all = true;
    for (const auto& c : checks) {
        std::printf("%-4s %-17s %s\n", c.ok ? "ok" : "FAIL", c.name.c_str(), c.detail.c_str());
        all = all && c.ok;
    }
    return all ? 0 : 1;
}

int list_proposals(const aul::store::Db& db) {
    auto st = db.prepare(
        "SELECT tracking_code, category, lang, CASE WHEN quarantine_reason IS NULL THEN state "
        "ELSE 'quarantined: ' || quarantine_reason END, anonymous, title FROM proposals ORDER BY sequence");
    if (!st) return fail(st.error());
    for (;;) {
        auto row = st->step();
        if (!row) return fail(row.error());
        if (!*row) break;
        std::printf("%s\t%s\t%s\t%s\t%s\t%s\n", st->text(0).c_str(), st->text(1).c_str(), st->text(2).c_str(),
                    st->text(3).c_str(), st->integer(4) ? "anonymous" : "named", st->text(5).c_str());
    }
    return 0;
}

int import_catalog(aul::store::Db db, const std::string& path) {
    std::string text, err;
    if (!aul::platform::read_file(path, text, err)) return fail(err);
    auto catalog = aul::core::parse_catalog(text);
    if (!catalog) return fail(path + ": " + catalog.error());
    aul::store::CatalogStore store(std::move(db));
    auto counts = store.replace_catalog(*catalog);
    if (!counts) return fail(counts.error());
    std::printf("catalogue replaced: %zu organisations, %zu councils, %zu opportunities\n", counts->ngos,
                counts->councils, counts->opportunities);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc == 2 && std::string(argv[1]) == "--version") {
        std::printf("kioskctl %s\n", AUL_VERSION);
        return 0;
    }
    if (argc < 4 || std::string(argv[1]) != "--data") return usage();
    std::string dir = argv[2], command = argv[3];
    if (!act_as_owner(dir)) return fail("cannot act as the owner of " + dir + ": " + std::strerror(errno));
    if (command == "status") return status(dir, argc == 5 && std::string(argv[4]) == "--json");
    if (command == "doctor" && argc == 4) return doctor(dir);
    auto db = aul::store::open_kiosk_db(dir + "/kiosk.db");
    if (!db) return fail(db.error());
    if (command == "proposals" && argc == 4) return list_proposals(*db);
    if (command == "import-catalog" && argc == 5) return import_catalog(std::move(*db), argv[4]);
    if (command == "catalog" && argc == 4) {
        aul::store::CatalogStore catalog(std::move(*db));
        auto n = catalog.ngo_count();
        auto v = catalog.catalog_cursor();
        if (!n || !v) return fail(!n ? n.error() : v.error());
        std::printf("organisations\t%lld\ncatalogue version\t%lld\n", static_cast<long long>(*n),
                    static_cast<long long>(*v));
        return 0;
    }
    if (command == "search" && argc == 5) {
        aul::store::CatalogStore catalog(std::move(*db));
        aul::store::NgoQuery q;
        q.text = argv[4];
        auto hits = catalog.search(q);
        if (!hits) return fail(hits.error());
        std::printf("%zu%s\n", hits->rowids.size(), hits->more ? "+" : "");
        for (std::size_t i = 0; i < hits->rowids.size() && i < 5; ++i)
            if (auto n = catalog.ngo(hits->rowids[i])) std::printf("%s\t%s\n", n->id.c_str(), n->name.in(aul::core::Lang::ru).c_str());
        return 0;
    }
    if (command == "set-kiosk-code" && argc == 5) {
        auto filing = aul::store::FilingStore::open(std::move(*db));
        if (!filing) return fail(filing.error());
        if (auto s = filing->set_kiosk_code(argv[4]); !s) return fail(s.error());
        std::printf("kiosk code %s\n", argv[4]);
        return 0;
    }
    if (command == "set-national-key" && argc == 5) {
        auto filing = aul::store::FilingStore::open(std::move(*db));
        if (!filing) return fail(filing.error());
        if (auto s = filing->set_national_key(argv[4]); !s) return fail(s.error());
        std::puts("national public key installed");
        return 0;
    }
    if ((command == "enroll" && argc == 8 && std::string(argv[6]) == "--ca") || command == "sync-now") {
        // The same lock as kiosk-sync: one sync at a time per kiosk.
        auto lock = aul::store::InstanceLock::acquire(dir, "kiosk-sync");
        if (!lock) return fail(lock.error() + " (it syncs new work within 2 s by itself)");
        auto filing = aul::store::FilingStore::open(std::move(*db));
        if (!filing) return fail(filing.error());
        aul::sync::KioskPaths paths{dir};
        if (command == "enroll") {
            if (auto s = aul::sync::enroll(paths, *filing, argv[4], argv[5], argv[7]); !s) return fail(s.error());
            std::printf("enrolled: kiosk code %s\n", filing->kiosk_code().value_or("?").c_str());
            return 0;
        }
        auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
            std::chrono::system_clock::now().time_since_epoch());
        auto catalog_db = aul::store::open_kiosk_db_connection(paths.db());
        if (!catalog_db) return fail(catalog_db.error());
        aul::store::CatalogStore catalog(std::move(*catalog_db));
        auto rep = aul::sync::sync_round(paths, *filing, catalog, ms.count());
        std::printf("%s\n", rep.json().c_str());
        return rep.error.empty() ? 0 : 1;
    }
    return usage();
}
