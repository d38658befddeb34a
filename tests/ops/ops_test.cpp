// The operations staff and operators run on a kiosk, on real databases in temporary folders.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "core/clock.h"
#include "damage_db.h"
#include "ops/catalogue.h"
#include "ops/kiosk_data.h"
#include "ops/kiosk_sync_requests.h"
#include "ops/self_test.h"
#include "ops/staff_pin.h"
#include "ops/usb_bundle.h"
#include "ops/kiosk_sync_stand_in.h"
#include "store/common.h"
#include "store/staff_access.h"
#include "sync/files.h"
#include "test_files.h"

using namespace aul;

namespace {
struct Kiosk {
    TempDir dir;
    std::optional<ops::KioskStores> stores;
    Kiosk() {
        auto s = ops::open_stores(dir.path);
        REQUIRE(s.ok());
        stores.emplace(std::move(*s));
    }
    store::FilingStore& filing() { return stores->filing; }
    store::CatalogStore& catalog() { return stores->catalog; }
    std::string write(const std::string& name, const std::string& text) {
        std::ofstream(dir.file(name), std::ios::binary) << text;
        return dir.file(name);
    }
    std::int64_t ngos() { return catalog().ngo_count().value_or(-1); }
};
}  // namespace

TEST_CASE("the data folder: one database file, opened by every process the same way") {
    Kiosk k;
    CHECK(std::filesystem::exists(ops::KioskPaths{k.dir.path}.db()));
    CHECK(ops::KioskPaths{k.dir.path}.db() == k.dir.file("kiosk.db"));
    auto another = ops::open_filing_connection(k.dir.path);
    REQUIRE(another.ok());
    REQUIRE(k.filing().set_kiosk_code("KZ24").ok());
    CHECK(another->kiosk_code().value_or("") == "KZ24");
}

TEST_CASE("importing a catalogue file: a good file replaces the catalogue, a bad one changes nothing") {
    Kiosk k;
    auto good = k.write("catalog.json", asset("demo/catalog.json"));
    auto counts = ops::import_catalog_file(k.catalog(), good);
    REQUIRE(counts.ok());
    CHECK(counts->ngos > 0);
    CHECK(k.ngos() == static_cast<std::int64_t>(counts->ngos));

    SUBCASE("a file that is not a catalogue") {
        auto bad = k.write("bad.json", "{\"ngos\": [ {\"id\": ");
        auto r = ops::import_catalog_file(k.catalog(), bad);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().find(bad) != std::string::npos);
        CHECK(k.ngos() == static_cast<std::int64_t>(counts->ngos));
    }
    SUBCASE("a file that is not there") {
        auto r = ops::import_catalog_file(k.catalog(), k.dir.file("absent.json"));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().find("cannot read " + k.dir.file("absent.json")) != std::string::npos);
        CHECK(k.ngos() == static_cast<std::int64_t>(counts->ngos));
    }
}

TEST_CASE("seeding fills only an empty catalogue") {
    Kiosk k;
    auto file = k.write("catalog.json", asset("demo/catalog.json"));
    auto first = ops::seed_catalog_if_empty(k.catalog(), file);
    REQUIRE(first.ok());
    REQUIRE(first->has_value());
    auto again = ops::seed_catalog_if_empty(k.catalog(), k.write("bad.json", "not a catalogue"));
    REQUIRE(again.ok());
    CHECK_FALSE(again->has_value());
    CHECK(k.ngos() == static_cast<std::int64_t>((*first)->ngos));
}

TEST_CASE("changing the staff PIN: kept hashed, checked, the typed PIN wiped") {
    Kiosk k;
    std::string pin = "482615";
    REQUIRE(ops::change_pin(k.filing(), pin).ok());
    CHECK(pin.empty());
    auto state = store::StaffAccess(k.filing()).state();
    REQUIRE(state.ok());
    CHECK(state->pin_set);
    CHECK(store::pin_matches(state->hash, "482615"));
    CHECK_FALSE(store::pin_matches(state->hash, "482616"));

    SUBCASE("a PIN too easy or too short is refused and the old one kept") {
        for (std::string weak : {"1111", "12", "12ab56"}) {
            auto r = ops::change_pin(k.filing(), weak);
            CHECK_FALSE(r.ok());
            CHECK_FALSE(r.error().empty());
            CHECK(weak.empty());
        }
        CHECK(store::pin_matches(store::StaffAccess(k.filing()).state()->hash, "482615"));
    }
}

TEST_CASE("the self-test on a healthy database passes") {
    Kiosk k;
    auto local = ops::local_checks(k.dir.path, core::now_ms());
    REQUIRE(local.size() == 2);
    CHECK(local[0].name == "database");
    CHECK(ops::all_passed(local));

    bool asked_server = false;
    auto all = ops::self_test(k.dir.path, core::now_ms(), [&](const store::KioskPaths& paths, store::FilingStore&) {
        asked_server = paths.dir == k.dir.path;
        return std::vector<store::Check>{{"server", false, "unreachable"}};
    });
    CHECK(asked_server);
    REQUIRE(all.size() == 3);
    CHECK(all[0].ok);
    CHECK_FALSE(ops::all_passed(all));
}

TEST_CASE("the self-test on a damaged database says so") {
    TempDir dir;
    std::string path = ops::KioskPaths{dir.path}.db();
    {
        auto stores = ops::open_stores(dir.path);
        REQUIRE(stores.ok());
        auto file = dir.file("catalog.json");
        std::ofstream(file, std::ios::binary) << asset("demo/catalog.json");
        REQUIRE(ops::import_catalog_file(stores->catalog, file).ok());
    }
    REQUIRE(damage_table(path, "ngos"));

    SUBCASE("beside a running kiosk: the integrity check fails") {
        auto checks = ops::local_checks(dir.path, core::now_ms());
        REQUIRE_FALSE(checks.empty());
        CHECK(checks[0].name == "database");
        CHECK_FALSE(checks[0].ok);
        CHECK_FALSE(ops::all_passed(checks));
    }
    SUBCASE("from the command line: the damaged file is set aside and named") {
        auto checks = ops::self_test(dir.path, core::now_ms());
        REQUIRE_FALSE(checks.empty());
        CHECK(checks[0].name == "database");
        CHECK_FALSE(checks[0].ok);
        CHECK(checks[0].detail.find("was damaged; kept at ") != std::string::npos);
    }
}

TEST_CASE("asking kiosk-sync: answered when it marks the request, a clear message when nobody answers") {
    Kiosk k;
    SUBCASE("nobody answers") {
        auto r = ops::ask_kiosk_sync_and_wait(k.filing(), store::SyncRequest::sync_now, 300, 20);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().find("kiosk-sync did not answer within 300 ms") != std::string::npos);
        CHECK(r.error().find("aul-kiosk-sync") != std::string::npos);
        CHECK(store::pending_request(k.filing(), store::SyncRequest::sync_now) > 0);
    }
    SUBCASE("step by step, as the staff panel waits") {
        std::int64_t now = 1'700'000'000'000;
        auto asked = ops::ask_kiosk_sync(k.filing(), store::SyncRequest::server_check, now);
        REQUIRE(asked.ok());
        CHECK(ops::answer(k.filing(), *asked, now + 1000) == ops::Answer::waiting);
        CHECK(ops::answer(k.filing(), *asked, now + store::kAnswerWithinMs + 1) == ops::Answer::no_answer);
        REQUIRE(store::mark_handled(k.filing(), store::SyncRequest::server_check, asked->stamp).ok());
        CHECK(ops::answer(k.filing(), *asked, now + 1000) == ops::Answer::answered);
    }
    CHECK(ops::no_answer_text().find("within 90 s") != std::string::npos);
}

TEST_CASE("a USB bundle from a kiosk that is not enrolled is refused, nothing written") {
    Kiosk k;
    auto r = ops::export_bundle(k.dir.path, k.dir.file("out.bundle"), core::now_ms());
    CHECK_FALSE(r.ok());
    CHECK_FALSE(std::filesystem::exists(k.dir.file("out.bundle")));
}

// --- the staff panel's export: kiosk-sync signs, the kiosk's user copies ---

namespace {
std::int64_t mode_of(const std::string& path) {
    struct stat st {};
    REQUIRE_MESSAGE(::lstat(path.c_str(), &st) == 0, path);
    return st.st_mode & 07777;
}

std::vector<std::string> files_in(const std::string& folder) {
    std::vector<std::string> out;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(folder, ec)) out.push_back(e.path().filename().string());
    return out;
}
}  // namespace

TEST_CASE("kiosk-sync stages a signed bundle in outgoing/, readable by its group, and records it with its answer") {
    Kiosk k;
    std::string key = ready_to_sign(k.dir.path, k.filing(), 3);
    store::KioskPaths paths{k.dir.path};
    CHECK_FALSE(ops::answer_export_request(paths, k.filing(), core::now_ms()).has_value());  // nothing asked

    auto asked = ops::ask_kiosk_sync(k.filing(), store::SyncRequest::usb_export, core::now_ms());
    REQUIRE(asked.ok());
    auto staged = ops::answer_export_request(paths, k.filing(), core::now_ms());
    REQUIRE(staged.has_value());
    REQUIRE_MESSAGE(staged->ok(), (staged->ok() ? "" : staged->error()));
    CHECK((*staged)->proposals == 3);
    CHECK((*staged)->file == paths.outgoing_dir() + "/staged-" + std::to_string(asked->stamp) + ".bundle");
    CHECK(mode_of(paths.outgoing_dir()) == 0770);
    CHECK(mode_of((*staged)->file) == 0640);
    CHECK(ops::answer(k.filing(), *asked, core::now_ms()) == ops::Answer::answered);
    auto outcome = store::handled_outcome(k.filing(), store::SyncRequest::usb_export);
    CHECK(outcome.find("\"staged\":\"staged-" + std::to_string(asked->stamp) + ".bundle\"") != std::string::npos);
    auto opened = sync::open_bundle(slurp((*staged)->file), key);
    REQUIRE_MESSAGE(opened.ok(), (opened.ok() ? "" : opened.error()));
    CHECK(opened->manifest.proposals == 3);
}

TEST_CASE("the export through kiosk-sync: the signed bundle copied whole to the stick, the staged one gone") {
    Kiosk k;
    std::string key = ready_to_sign(k.dir.path, k.filing(), 2);
    KioskSyncStandIn kiosk_sync(k.dir.path);
    std::string file = k.dir.file("stick.bundle");
    auto rep = ops::export_through_kiosk_sync(k.dir.path, file, {}, 10'000);
    REQUIRE_MESSAGE(rep.ok(), (rep.ok() ? "" : rep.error()));
    CHECK(rep->file == file);
    CHECK(rep->proposals == 2);
    CHECK(rep->signups == 0);
    auto opened = sync::open_bundle(slurp(file), key);
    REQUIRE_MESSAGE(opened.ok(), (opened.ok() ? "" : opened.error()));
    CHECK(opened->manifest.proposals == 2);
    CHECK(files_in(store::KioskPaths{k.dir.path}.outgoing_dir()).empty());
    CHECK(k.filing().unsent_count().value_or(-1) == 2);  // exporting delivers nothing
}

TEST_CASE("the export through kiosk-sync passes on its refusal in its words, and nothing is written") {
    Kiosk k;  // not enrolled
    KioskSyncStandIn kiosk_sync(k.dir.path);
    auto rep = ops::export_through_kiosk_sync(k.dir.path, k.dir.file("stick.bundle"), {}, 10'000);
    REQUIRE_FALSE(rep.ok());
    CHECK(rep.error().find("kioskctl enroll") != std::string::npos);
    CHECK(rep.error_value().code != ops::kNoAnswerCode);
    CHECK_FALSE(std::filesystem::exists(k.dir.file("stick.bundle")));
}

TEST_CASE("the export through kiosk-sync: no answer, or the asker gone, writes nothing") {
    Kiosk k;
    ready_to_sign(k.dir.path, k.filing(), 1);
    std::string file = k.dir.file("stick.bundle");
    SUBCASE("kiosk-sync does not answer: the no-answer error, coded for the panel's words") {
        auto rep = ops::export_through_kiosk_sync(k.dir.path, file, {}, 300);
        REQUIRE_FALSE(rep.ok());
        CHECK(rep.error_value().code == ops::kNoAnswerCode);
        CHECK(rep.error().find("aul-kiosk-sync") != std::string::npos);
    }
    SUBCASE("the asker went away (a closed panel): the wait ends at once") {
        auto started = core::now_ms();
        auto rep = ops::export_through_kiosk_sync(k.dir.path, file, [] { return true; }, 60'000);
        REQUIRE_FALSE(rep.ok());
        CHECK(core::now_ms() - started < 5'000);
    }
    CHECK_FALSE(std::filesystem::exists(file));
}

TEST_CASE("kiosk-sync's answer is checked before it is used: nothing outside outgoing/, nothing but a bundle") {
    Kiosk k;
    ready_to_sign(k.dir.path, k.filing(), 1);
    store::KioskPaths paths{k.dir.path};
    std::string file = k.dir.file("stick.bundle");
    // A stand-in that answers with `outcome(stamp)` instead of signing.
    auto answering = [&](std::function<std::string(std::int64_t)> outcome) {
        return [outcome](store::FilingStore& filing) {
            if (auto asked = store::pending_request(filing, store::SyncRequest::usb_export))
                REQUIRE(store::mark_handled(filing, store::SyncRequest::usb_export, asked, outcome(asked)).ok());
        };
    };
    auto refused = [&](std::function<std::string(std::int64_t)> outcome, const std::string& why) {
        KioskSyncStandIn kiosk_sync(k.dir.path, answering(outcome));
        auto rep = ops::export_through_kiosk_sync(k.dir.path, file, {}, 10'000);
        REQUIRE_FALSE(rep.ok());
        CHECK_MESSAGE(rep.error().find(why) != std::string::npos, rep.error());
        CHECK_FALSE(std::filesystem::exists(file));
    };
    auto staged = [](const std::string& name) {
        return [name](std::int64_t stamp) {
            return R"({"stamp":)" + std::to_string(stamp) + R"(,"staged":")" + name +
                   R"(","proposals":1,"signups":0,"held_back":0})";
        };
    };
    REQUIRE(sync::make_folder(paths.outgoing_dir(), 0770).ok());

    SUBCASE("a name outside outgoing/, an earlier answer, not JSON, too long, bad counts") {
        refused(staged("../private/kiosk-signing-key"), "no staged file in outgoing/ named");
        refused(staged("/etc/passwd"), "no staged file in outgoing/ named");
        refused(staged("staged-1.bundle/../../private/device-token"), "no staged file in outgoing/ named");
        refused([](std::int64_t stamp) { return R"({"stamp":)" + std::to_string(stamp - 1) + R"(,"error":"old"})"; },
                "answers an earlier request");
        refused([](std::int64_t) { return std::string("not json"); }, "not a JSON object");
        refused([](std::int64_t stamp) { return R"({"stamp":)" + std::to_string(stamp) + R"(,"pad":")" +
                                                std::string(5000, 'x') + "\"}"; },
                "longer than 4096 bytes");
        refused([](std::int64_t stamp) {
                    return R"({"stamp":)" + std::to_string(stamp) + R"(,"staged":"staged-)" + std::to_string(stamp) +
                           R"(.bundle","proposals":-1,"signups":0,"held_back":0})";
                },
                "its counts are not counts");
    }
    SUBCASE("a link planted in the staged file's place is not followed") {
        refused(
            [&](std::int64_t stamp) {
                std::string name = "staged-" + std::to_string(stamp) + ".bundle";
                (void)::symlink(paths.signing_key().c_str(), (paths.outgoing_dir() + "/" + name).c_str());
                return staged(name)(stamp);
            },
            "cannot read the bundle kiosk-sync signed");
    }
    SUBCASE("a staged file that is not a bundle") {
        refused(
            [&](std::int64_t stamp) {
                std::string name = "staged-" + std::to_string(stamp) + ".bundle";
                std::ofstream(paths.outgoing_dir() + "/" + name) << "private things";
                return staged(name)(stamp);
            },
            "is not an Aul bundle");
    }
    SUBCASE("a reason is shown without its control characters, and cut to length") {
        KioskSyncStandIn kiosk_sync(k.dir.path, answering([](std::int64_t stamp) {
            return R"({"stamp":)" + std::to_string(stamp) + R"(,"error":"disk \u001b[2Jfull)" + std::string(2000, '!') +
                   "\"}";
        }));
        auto rep = ops::export_through_kiosk_sync(k.dir.path, file, {}, 10'000);
        REQUIRE_FALSE(rep.ok());
        CHECK(rep.error().rfind("disk [2Jfull!", 0) == 0);
        CHECK(rep.error().size() == 1000);
    }
}
