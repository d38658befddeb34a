// kioskctl: the staff and operator command line over a kiosk's data folder.
//   kioskctl --data DIR status [--json]  the kiosk at a glance: code, enrolment, outbox,
//                                      quarantine, last sync, catalogue, database size, free disk
//   kioskctl --data DIR proposals     one line per proposal: code, category, language,
//                                      state (or "quarantined: " and the server's reason),
//                                      anonymous or named, title (never contact details)
//   kioskctl --data DIR import-catalog FILE   replace the catalogue from a catalogue file
//   kioskctl --data DIR enroll URL CODE --ca FILE   enrol with the national server (again, over a
//                                      lost token or a set-aside database: a code made --for this kiosk)
//   kioskctl --data DIR sync-now        one sync round now: run here (JSON summary printed), or,
//                                      when kiosk-sync is running, asked of it and waited for
//   kioskctl --data DIR set-pin         the staff panel's PIN (4-12 digits), read from stdin;
//                                      stored as an Argon2id hash, wrong tries cleared
//   kioskctl --data DIR set-locality REGION DISTRICT|- SETTLEMENT   where the kiosk stands
//                                      (overrides [locality] of the configuration)
//   kioskctl --data DIR set-kiosk-code CODE   the code given at installation (once, for life)
//   kioskctl --data DIR catalog         organisations in the catalogue and its version
//   kioskctl --data DIR search TEXT     what a resident's search finds: the count, then names
//   kioskctl --data DIR set-national-key KEY   install the national public key by hand
//                                      (a kiosk enrolled offline); named filing needs it
//   kioskctl --data DIR export FILE     write every undelivered item to FILE (a USB stick),
//                                      signed, for `national-api import-bundle`; the
//                                      items stay queued for the next online sync
//   kioskctl --data DIR signing-key     print the public key that checks this kiosk's
//                                      bundles (made now if the kiosk has none)
//   kioskctl --data DIR requeue CODE|ID  put a quarantined proposal (by tracking code) or
//                                      sign-up (by id) back in the outbox once its cause is fixed
//   kioskctl --version
// Text that came from the server or a resident is printed with its control characters
// escaped (core::escape_for_terminal), so it can never drive the terminal.
// Run as root (sudo), it works as kiosk-sync's user (aul-sync on a board, the owner of the
// data folder's private/), so files it creates stay usable by both services.
// Exit codes: 0 done, 1 the operation failed (the reason is printed), 2 bad usage.
#include <grp.h>
#include <sodium.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "core/clock.h"
#include "core/text.h"
#include "ops/catalogue.h"
#include "ops/kiosk_data.h"
#include "ops/kiosk_sync_requests.h"
#include "ops/self_test.h"
#include "ops/staff_pin.h"
#include "ops/sync_round.h"
#include "ops/usb_bundle.h"
#include "store/catalog_store.h"
#include "store/filing_store.h"
#include "store/instance_lock.h"
#include "store/kiosk_state.h"
#include "sync/kiosk_sync.h"
#include "sync/signing.h"

// Staff's commands that change or carry the kiosk's data (enrolment, a catalogue, the PIN,
// the outbox) check the whole file first, as they always did, and set a damaged one aside
// before working on it; `status` does not, so it answers at once beside a running kiosk.
constexpr aul::store::OpenCheck kMaintenanceCheck = aul::store::OpenCheck::whole_file;

namespace {

int usage() {
    std::fputs("usage: kioskctl --version\n"
               "       kioskctl --data DIR status [--json]\n"
               "       kioskctl --data DIR doctor\n"
               "       kioskctl --data DIR proposals\n"
               "       kioskctl --data DIR import-catalog FILE\n"
               "       kioskctl --data DIR enroll URL CODE --ca FILE\n"
               "       kioskctl --data DIR sync-now\n"
               "       kioskctl --data DIR set-pin            (the PIN on standard input)\n"
               "       kioskctl --data DIR set-locality REGION DISTRICT|- SETTLEMENT\n"
               "       kioskctl --data DIR set-kiosk-code CODE\n"
               "       kioskctl --data DIR catalog\n"
               "       kioskctl --data DIR search TEXT\n"
               "       kioskctl --data DIR set-national-key KEY\n"
               "       kioskctl --data DIR export FILE\n"
               "       kioskctl --data DIR signing-key\n"
               "       kioskctl --data DIR requeue CODE|ID\n",
               stderr);
    return 2;
}

int fail(const std::string& why) {
    std::fprintf(stderr, "kioskctl: %s\n", aul::core::escape_for_terminal(why).c_str());
    return 1;
}

// Text from the server or a resident, for a terminal.
std::string shown(const std::string& text) { return aul::core::escape_for_terminal(text); }

// The services share the data folder as two users of one group: the kiosk (aul on a
// board) owns the folder, kiosk-sync (aul-sync) owns private/ with the secrets. A database,
// lock or token that root created there would lock them out (SQLite cannot write a
// root-owned kiosk.db as aul), so root becomes kiosk-sync's user, the owner of private/,
// with that folder's group as its only group and a umask that leaves the group its
// rights: what it creates serves both services, and enrolment writes secrets only
// kiosk-sync reads. A folder without private/ (made by hand) is its owner's, as before.
// False when it cannot.
bool act_as_owner(const std::string& dir) {
    if (::geteuid() != 0) return true;
    struct stat st {};
    bool shared = ::stat(aul::ops::KioskPaths{dir}.private_dir().c_str(), &st) == 0;
    if (!shared && ::stat(dir.c_str(), &st) != 0) return true;
    if (st.st_uid == 0) return true;
    if (shared) ::umask(0007);
    gid_t gid = st.st_gid;
    return ::setgroups(1, &gid) == 0 && ::setgid(st.st_gid) == 0 && ::setuid(st.st_uid) == 0;
}

using aul::core::now_ms;
using Opened = aul::ops::KioskStores;

// What staff need to see at a glance; --json keeps these keys stable for scripts (new
// keys may be added, none renamed or removed).
int status(const std::string& dir, bool as_json) {
    auto stores = aul::ops::open_stores(dir);
    if (!stores) return fail(stores.error());
    auto s = aul::store::read_kiosk_status(dir, stores->filing, stores->catalog);
    if (!s) return fail(s.error());
    auto quarantined = nlohmann::ordered_json::array();
    for (const auto& q : s->quarantined) quarantined.push_back({{"item", q.what}, {"reason", q.reason}});
    nlohmann::ordered_json j{
        {"version", AUL_VERSION},
        {"kiosk_code", s->kiosk_code},
        {"enrolled", s->enrolled},
        {"server", s->server},
        {"can_seal_contacts", s->can_seal_contacts},
        {"outbox", s->outbox_proposals + s->outbox_signups},
        {"quarantined", static_cast<std::int64_t>(s->quarantined.size())},
        {"last_sync_ok_ms", s->sync.push_ok_ms},
        {"organisations", s->organisations},
        {"catalogue_version", s->catalogue_version},
        {"database_bytes", s->database_bytes},
        {"disk_free_mb", s->disk_free_mb},
        {"outbox_proposals", s->outbox_proposals},
        {"outbox_signups", s->outbox_signups},
        {"last_status_ok_ms", s->sync.status_ok_ms},
        {"last_catalog_ok_ms", s->sync.catalog_ok_ms},
        {"last_round_ms", s->sync.round_ms},
        {"next_round_ms", s->sync.next_ms},
        {"last_error", s->sync.error},
        {"last_error_kind", s->sync.error_kind},
        {"locality", s->locality.region.empty() ? nlohmann::ordered_json(nullptr)
                                                : nlohmann::ordered_json{{"region", s->locality.region},
                                                                 {"district", s->locality.district},
                                                                 {"settlement", s->locality.settlement}}},
        {"integrity_checked_ms", s->integrity_checked_ms},
        {"integrity_verdict", s->integrity_verdict},
        // The kiosk sets a damaged file aside (and starts a fresh one) at its next start.
        {"damage_found", s->damage_found},
        {"quarantined_items", quarantined},
        // "keyed" once the national server's tracking key arrived; "plain" codes can be walked.
        {"tracking_codes", stores->filing.tracking_key().value_or(std::nullopt) ? "keyed" : "plain"},
    };
    if (as_json) {
        std::printf("%s\n", aul::core::escape_json_for_terminal(j.dump()).c_str());
        return 0;
    }
    for (auto& [key, value] : j.items())
        if (key != "quarantined_items")
            std::printf("%-20s %s\n", key.c_str(),
                        value.is_string() ? shown(value.get<std::string>()).c_str()
                                          : aul::core::escape_json_for_terminal(value.dump()).c_str());
    for (const auto& q : s->quarantined)
        std::printf("quarantined          %s: %s\n", shown(q.what).c_str(), shown(q.reason).c_str());
    if (s->damage_found)
        std::printf("\nThe database is damaged. Restart the kiosk (systemctl restart aul-kiosk aul-kiosk-sync): it\n"
                    "keeps the damaged file beside it as kiosk.db.damaged-TIME and starts a fresh one.\n");
    return 0;
}

// The self-test staff run when something seems wrong: every check with its verdict in words.
// Exit 0 when all pass, 1 otherwise.
int doctor(const std::string& dir) {
    auto checks = aul::ops::self_test(dir, now_ms(), aul::ops::server_checks);
    for (const auto& c : checks) std::printf("%-4s %-17s %s\n", c.ok ? "ok" : "FAIL", c.name.c_str(), c.detail.c_str());
    return aul::ops::all_passed(checks) ? 0 : 1;
}

// One line of standard input. At a terminal it asks on standard error and does not echo
// what is typed.
std::string read_secret_line(const char* prompt) {
    bool tty = ::isatty(STDIN_FILENO);
    termios saved {};
    if (tty && ::tcgetattr(STDIN_FILENO, &saved) == 0) {
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
        std::fputs(prompt, stderr);
    }
    char line[64] = {};
    bool got = std::fgets(line, sizeof line, stdin) != nullptr;
    if (tty) {
        ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        std::fputs("\n", stderr);
    }
    std::string out = got ? line : "";
    sodium_memzero(line, sizeof line);
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    return out;
}

// The PIN comes from standard input, never the command line (which other users and the
// shell history can see): `kioskctl --data DIR set-pin` then type it twice, or pipe it in.
int set_pin(aul::store::FilingStore& filing) {
    std::string pin = read_secret_line("new staff PIN (4-12 digits): ");
    if (pin.empty()) return fail("no PIN on standard input");
    if (::isatty(STDIN_FILENO)) {
        std::string again = read_secret_line("the same PIN again: ");
        bool same = again == pin;
        aul::ops::wipe(again);
        if (!same) {
            aul::ops::wipe(pin);
            return fail("the two PINs differ; nothing changed");
        }
    }
    if (auto s = aul::ops::change_pin(filing, pin); !s) return fail(s.error());
    std::puts("staff PIN set; wrong tries are cleared");
    return 0;
}

int set_locality(Opened& stores, const std::string& region, const std::string& district,
                 const std::string& settlement) {
    aul::store::Locality where{region, district == "-" ? "" : district, settlement};
    if (auto s = aul::store::save_locality(stores.filing, stores.catalog, where); !s) return fail(s.error());
    std::printf("locality: %s, %s, %s (the kiosk shows it from its next screen)\n", where.settlement.c_str(),
                where.district.empty() ? "no district" : where.district.c_str(), where.region.c_str());
    return 0;
}

// With kiosk-sync running, or where this user may not read the token (the kiosk's user on
// a board), asks kiosk-sync for a round and waits for the answer; otherwise runs the round
// here, holding kiosk-sync's lock.
int sync_now(const std::string& dir, Opened& stores) {
    aul::ops::KioskPaths paths{dir};
    auto lock = aul::store::InstanceLock::acquire(dir, "kiosk-sync");
    if (lock && aul::ops::can_read_secrets(paths)) {
        auto rep = aul::ops::run_round(paths, stores);
        std::printf("%s\n", rep.json().c_str());
        return rep.error.empty() ? 0 : 1;
    }
    if (auto answered = aul::ops::ask_kiosk_sync_and_wait(stores.filing, aul::store::SyncRequest::sync_now); !answered)
        return fail(answered.error());
    auto p = aul::store::sync_progress(stores.filing);
    auto s = aul::store::read_kiosk_status(dir, stores.filing, stores.catalog);
    std::printf("kiosk-sync ran a round: %s; outbox %lld\n", p.error.empty() ? "ok" : shown(p.error).c_str(),
                s ? static_cast<long long>(s->outbox_proposals + s->outbox_signups) : -1LL);
    return p.error.empty() ? 0 : 1;
}

int list_proposals(const aul::store::FilingStore& filing) {
    auto lines = filing.proposal_lines();
    if (!lines) return fail(lines.error());
    for (const auto& p : *lines)
        std::printf("%s\t%s\t%s\t%s\t%s\t%s\n", shown(p.tracking_code).c_str(), shown(p.category).c_str(),
                    shown(p.lang).c_str(), shown(p.state).c_str(), p.anonymous ? "anonymous" : "named",
                    shown(p.title).c_str());
    return 0;
}

int import_catalog(aul::store::Db db, const std::string& path) {
    aul::store::CatalogStore store(std::move(db));
    auto counts = aul::ops::import_catalog_file(store, path);
    if (!counts) return fail(counts.error());
    std::printf("catalogue replaced: %zu organisations, %zu councils, %zu opportunities\n", counts->ngos,
                counts->councils, counts->opportunities);
    return 0;
}

// Writes the USB bundle and says what is in it, so staff know what they carry. Signed
// here where this user may read the signing key; otherwise (the kiosk's user on a board)
// kiosk-sync signs it, as for the staff panel.
int export_bundle(const std::string& dir, const std::string& file) {
    bool here = aul::ops::can_read_secrets(aul::ops::KioskPaths{dir});
    if (!here) std::fputs("asking kiosk-sync to sign the bundle (only it reads the kiosk's key)...\n", stderr);
    auto rep = here ? aul::ops::export_bundle(dir, file, now_ms()) : aul::ops::export_through_kiosk_sync(dir, file);
    if (!rep) return fail(rep.error());
    std::printf("wrote %s: %zu proposals, %zu volunteer sign-ups\n", rep->file.c_str(), rep->proposals, rep->signups);
    if (rep->held_back > 0)
        std::printf("held back %zu items whose contact details are not sealed; they wait for the online sync\n",
                    rep->held_back);
    std::puts("they stay in the outbox until the kiosk syncs online; take the file to the national office");
    return 0;
}

// The public key the national office checks this kiosk's bundles with. A kiosk enrolled
// before bundles (or one that lost the file) gets a key now; the operators register it.
int signing_key(aul::store::Db db, const std::string& dir) {
    aul::ops::KioskPaths paths{dir};
    std::error_code unreadable;  // private/ closed to this user: loading says so
    bool fresh = !std::filesystem::exists(paths.signing_key(), unreadable) && !unreadable;
    auto key = fresh ? aul::sync::SigningKey::generate() : aul::sync::SigningKey::load(paths.signing_key());
    if (!key) return fail(key.error());
    if (fresh)
        if (auto s = key->save(paths.signing_key()); !s) return fail(s.error());
    std::printf("%s\n", key->public_key().c_str());
    if (fresh) {
        auto filing = aul::store::FilingStore::open(std::move(db));
        std::string code = filing ? filing->kiosk_code().value_or("KIOSK_CODE") : "KIOSK_CODE";
        std::fprintf(stderr, "a new signing key: the national operators register it with\n"
                             "  national-api --data DIR set-signing-key %s %s\n", code.c_str(), key->public_key().c_str());
    }
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
    if ((command == "set-pin" && argc == 4) || (command == "set-locality" && argc == 7) ||
        (command == "sync-now" && argc == 4)) {
        auto stores = aul::ops::open_stores(dir, nullptr, kMaintenanceCheck);
        if (!stores) return fail(stores.error());
        if (command == "set-pin") return set_pin(stores->filing);
        if (command == "sync-now") return sync_now(dir, *stores);
        return set_locality(*stores, argv[4], argv[5], argv[6]);
    }
    auto db = aul::ops::open_database(dir, nullptr, kMaintenanceCheck);
    if (!db) return fail(db.error());
    if (command == "proposals" && argc == 4) {
        auto filing = aul::store::FilingStore::open(std::move(*db));
        if (!filing) return fail(filing.error());
        return list_proposals(*filing);
    }
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
            if (auto n = catalog.ngo(hits->rowids[i])) std::printf("%s\t%s\n", shown(n->id).c_str(), shown(n->name.in(aul::core::Lang::ru)).c_str());
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
    if (command == "export" && argc == 5) return export_bundle(dir, argv[4]);
    if (command == "requeue" && argc == 5) {
        auto filing = aul::store::FilingStore::open(std::move(*db));
        if (!filing) return fail(filing.error());
        auto what = filing->requeue(argv[4]);
        if (!what) return fail(what.error());
        std::printf("%s is back in the outbox; it is sent with the next sync\n", shown(*what).c_str());
        return 0;
    }
    if (command == "signing-key" && argc == 4) return signing_key(std::move(*db), dir);
    if (command == "enroll" && argc == 8 && std::string(argv[6]) == "--ca") {
        // The same lock as kiosk-sync: enrolment changes what it works with.
        auto lock = aul::store::InstanceLock::acquire(dir, "kiosk-sync");
        if (!lock) return fail(lock.error() + " (stop it first: systemctl stop aul-kiosk-sync)");
        auto filing = aul::store::FilingStore::open(std::move(*db));
        if (!filing) return fail(filing.error());
        aul::ops::KioskPaths paths{dir};
        if (auto s = aul::sync::enroll(paths, *filing, argv[4], argv[5], argv[7]); !s) return fail(s.error());
        std::printf("enrolled: kiosk code %s\n", filing->kiosk_code().value_or("?").c_str());
        if (auto floor = filing->sequence_floor(); floor && *floor > 0)
            std::printf("tracking codes continue above sequence %lld\n", static_cast<long long>(*floor));
        return 0;
    }
    return usage();
}
