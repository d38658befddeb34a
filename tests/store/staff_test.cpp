// The staff PIN, its lockout, the place staff set, the requests to kiosk-sync and the
// status picture, on a real database file.
#include <doctest/doctest.h>

#include "common.h"
#include "core/i18n.h"
#include "test_files.h"
#include "store/catalog_store.h"
#include "store/filing_store.h"
#include "store/kiosk_state.h"
#include "store/staff_access.h"

using namespace aul;

namespace {
struct Kiosk {
    TempDir dir;
    std::optional<store::FilingStore> filing;
    std::optional<store::CatalogStore> catalog;
    Kiosk() { reopen(); }
    // A fresh pair of connections, as after a restart.
    void reopen() {
        filing.reset();
        catalog.reset();
        auto db = store::open_kiosk_db(dir.file("kiosk.db"));
        REQUIRE(db.ok());
        auto f = store::FilingStore::open(std::move(*db));
        REQUIRE(f.ok());
        filing.emplace(std::move(*f));
        auto c = store::open_kiosk_db_connection(dir.file("kiosk.db"));
        REQUIRE(c.ok());
        catalog.emplace(std::move(*c));
    }
};
}  // namespace

TEST_CASE("lockout: four free wrong PINs, then 30 s doubling to an hour") {
    CHECK(store::lockout_seconds(0) == 0);
    CHECK(store::lockout_seconds(4) == 0);
    CHECK(store::lockout_seconds(5) == 30);
    CHECK(store::lockout_seconds(6) == 60);
    CHECK(store::lockout_seconds(7) == 120);
    CHECK(store::lockout_seconds(11) == 1920);
    CHECK(store::lockout_seconds(12) == 3600);
    CHECK(store::lockout_seconds(40) == 3600);
}

TEST_CASE("new PIN rules") {
    using P = store::PinProblem;
    CHECK(store::check_new_pin("4826") == P::none);
    CHECK(store::check_new_pin("482615937104") == P::none);
    CHECK(store::check_new_pin("482") == P::length);
    CHECK(store::check_new_pin("4826159371045") == P::length);
    CHECK(store::check_new_pin("48a6") == P::not_digits);
    CHECK(store::check_new_pin("0000") == P::repeated);
    CHECK(!store::describe(P::repeated).empty());
}

TEST_CASE("the PIN is kept only as an Argon2id hash and checked against it") {
    auto hash = store::hash_pin("482615");
    REQUIRE(hash.ok());
    CHECK(hash->rfind("$argon2id$", 0) == 0);
    CHECK(hash->find("482615") == std::string::npos);
    CHECK(store::pin_matches(*hash, "482615"));
    CHECK_FALSE(store::pin_matches(*hash, "482614"));
    CHECK_FALSE(store::pin_matches(*hash, ""));
    CHECK_FALSE(store::pin_matches("", "482615"));
    // Salted: the same PIN hashes differently each time.
    CHECK(*store::hash_pin("482615") != *hash);
}

TEST_CASE("wrong PINs lock the pad for growing times, kept across a restart") {
    Kiosk k;
    store::StaffAccess staff(*k.filing);
    auto before = staff.state();
    REQUIRE(before.ok());
    CHECK_FALSE(before->pin_set);
    REQUIRE(staff.set_pin_hash(*store::hash_pin("482615")).ok());

    std::int64_t now = 1'700'000'000'000;
    for (int i = 1; i <= 4; ++i) {
        auto s = staff.record_attempt(false, now);
        REQUIRE(s.ok());
        CHECK(s->failures == i);
        CHECK(s->seconds_locked(now) == 0);
    }
    auto fifth = staff.record_attempt(false, now);
    REQUIRE(fifth.ok());
    CHECK(fifth->seconds_locked(now) == 30);
    CHECK(fifth->seconds_locked(now + 29'001) == 1);
    CHECK(fifth->seconds_locked(now + 30'000) == 0);

    k.reopen();  // the kiosk restarted: still locked, still counting
    store::StaffAccess again(*k.filing);
    auto after_restart = again.state();
    REQUIRE(after_restart.ok());
    CHECK(after_restart->failures == 5);
    CHECK(after_restart->seconds_locked(now + 10'000) == 20);

    now += 30'000;
    auto sixth = again.record_attempt(false, now);
    REQUIRE(sixth.ok());
    CHECK(sixth->seconds_locked(now) == 60);
    now += 60'000;
    auto seventh = again.record_attempt(false, now);
    CHECK(seventh->seconds_locked(now) == 120);

    auto right = again.record_attempt(true, now + 120'000);
    REQUIRE(right.ok());
    CHECK(right->failures == 0);
    CHECK(right->seconds_locked(now + 120'000) == 0);

    // Setting a PIN (the installer's way out of a lockout) clears the count.
    for (int i = 0; i < 6; ++i) REQUIRE(again.record_attempt(false, now).ok());
    REQUIRE(again.set_pin_hash(*store::hash_pin("739104")).ok());
    auto cleared = again.state();
    CHECK(cleared->failures == 0);
    CHECK(cleared->seconds_locked(now) == 0);
}

TEST_CASE("a lockout that starts in the future (the clock was set back) ends within its own duration") {
    Kiosk k;
    store::StaffAccess staff(*k.filing);
    REQUIRE(staff.set_pin_hash(*store::hash_pin("482615")).ok());
    std::int64_t now = 1'750'000'000'000;
    for (int i = 0; i < 6; ++i) REQUIRE(staff.record_attempt(false, now).ok());  // locked 60 s
    const std::int64_t back = now - 24LL * 3600 * 1000;  // then the clock went back a day
    auto seen = staff.state(back);
    REQUIRE(seen.ok());
    CHECK(seen->seconds_locked(back) == 60);
    CHECK(seen->seconds_locked(back + 30'000) == 30);
    CHECK(seen->seconds_locked(back + 60'000) == 0);
    // Remembered across a restart: the pad opens a minute after the clock change, not a day.
    k.reopen();
    store::StaffAccess again(*k.filing);
    auto later = again.state(back + 45'000);
    REQUIRE(later.ok());
    CHECK(later->seconds_locked(back + 45'000) == 15);
    CHECK(again.state(back + 60'000)->seconds_locked(back + 60'000) == 0);
    // A clock that only moved forward changes nothing.
    for (int i = 0; i < 6; ++i) REQUIRE(again.record_attempt(false, now).ok());
    auto forward = again.state(now + 10'000);
    CHECK(forward->locked_until_ms == again.state()->locked_until_ms);
    CHECK(forward->seconds_locked(now + 10'000) > 0);
}

TEST_CASE("the place staff set overrides the configuration, checked against the catalogue") {
    Kiosk k;
    auto catalog = core::parse_catalog(R"({"format":1,
        "regions":[{"code":"KZ-19","name":{"kk":"Алматы облысы","ru":"Алматинская область","en":"Almaty Region"}}],
        "districts":[{"code":"KZ-19-01","region":"KZ-19","name":{"kk":"Талғар ауданы","ru":"Талгарский район","en":"Talgar District"}}],
        "categories":[],"ngos":[]})");
    REQUIRE_MESSAGE(catalog.ok(), (catalog.ok() ? "" : catalog.error()));
    REQUIRE(k.catalog->replace_catalog(*catalog).ok());

    auto none = store::saved_locality(*k.filing);
    REQUIRE(none.ok());
    CHECK_FALSE(none->has_value());
    CHECK_FALSE(store::save_locality(*k.filing, *k.catalog, {"KZ-99", "", "Ауыл"}).ok());
    CHECK_FALSE(store::save_locality(*k.filing, *k.catalog, {"KZ-19", "KZ-75-01", "Ауыл"}).ok());
    CHECK_FALSE(store::save_locality(*k.filing, *k.catalog, {"KZ-19", "", ""}).ok());
    REQUIRE(store::save_locality(*k.filing, *k.catalog, {"KZ-19", "KZ-19-01", "Бесағаш"}).ok());

    auto status = store::read_kiosk_status(k.dir.path, *k.filing, *k.catalog, {"KZ-75", "", "Configured"});
    REQUIRE(status.ok());
    CHECK(status->locality == store::Locality{"KZ-19", "KZ-19-01", "Бесағаш"});
}

TEST_CASE("requests to kiosk-sync are pending until handled, and stamps only grow") {
    Kiosk k;
    using R = store::SyncRequest;
    CHECK(store::pending_request(*k.filing, R::sync_now) == 0);
    auto first = store::request(*k.filing, R::sync_now, 1000);
    REQUIRE(first.ok());
    CHECK(store::pending_request(*k.filing, R::sync_now) == *first);
    CHECK(store::pending_request(*k.filing, R::server_check) == 0);
    REQUIRE(store::mark_handled(*k.filing, R::sync_now, *first).ok());
    CHECK(store::pending_request(*k.filing, R::sync_now) == 0);
    // The clock stepped back: the new request still counts as new.
    auto second = store::request(*k.filing, R::sync_now, 500);
    REQUIRE(second.ok());
    CHECK(*second > *first);
    CHECK(store::pending_request(*k.filing, R::sync_now) == *second);

    // An export's answer carries its outcome, recorded with the stamp; each kind of request
    // keeps its own.
    auto exporting = store::request(*k.filing, R::usb_export, 2000);
    REQUIRE(exporting.ok());
    CHECK(store::pending_request(*k.filing, R::sync_now) == *second);
    CHECK(store::handled_outcome(*k.filing, R::usb_export).empty());
    REQUIRE(store::mark_handled(*k.filing, R::usb_export, *exporting, "{\"stamp\": 2000}").ok());
    CHECK(store::pending_request(*k.filing, R::usb_export) == 0);
    CHECK(store::handled_at(*k.filing, R::usb_export) == *exporting);
    CHECK(store::handled_outcome(*k.filing, R::usb_export) == "{\"stamp\": 2000}");
    CHECK(store::pending_request(*k.filing, R::sync_now) == *second);

    REQUIRE(store::save_server_checks(*k.filing, {{"tls", true, "fine"}, {"clock", false, "off by 400 s"}}).ok());
    auto checks = store::saved_server_checks(*k.filing);
    REQUIRE(checks.size() == 2);
    CHECK(checks[1].name == "clock");
    CHECK_FALSE(checks[1].ok);
    CHECK(checks[1].detail == "off by 400 s");

    // The staff panel's words travel with each check; what does not read as ours is dropped
    // and the detail in words stands.
    REQUIRE(store::save_server_checks(*k.filing, {{"clock", false, "off by 400 s", "staff.detail.clock_off", "400"},
                                                  {"tls", true, "fine", "staff.Detail;rm", "x"},
                                                  {"token", true, "ok", "staff.detail.token_ok", std::string(201, 'x')},
                                                  {"server reachable", true, "HTTP 200", "track.title", ""}})
                .ok());
    checks = store::saved_server_checks(*k.filing);
    REQUIRE(checks.size() == 4);
    CHECK(checks[0].words == "staff.detail.clock_off");
    CHECK(checks[0].value == "400");
    for (std::size_t i = 1; i < 4; ++i) {
        CHECK(checks[i].words.empty());
        CHECK(checks[i].value.empty());
        CHECK_FALSE(checks[i].detail.empty());
    }
}

TEST_CASE("every check's words exist in every language, with a place for the value where one is given") {
    Kiosk k;
    core::Translations tr;
    for (core::Lang l : core::kAllLangs)
        REQUIRE(tr.load(l, asset("i18n/" + std::string(core::lang_code(l)) + ".json")).ok());
    std::vector<store::Check> checks{store::check_database(*k.filing, 1), store::check_disk(k.dir.path, 0),
                                     store::check_disk(k.dir.path, 1'000'000'000)};
    for (const auto& c : checks) {
        CAPTURE(c.name);
        REQUIRE(store::is_check_words(c.words));
        for (core::Lang l : core::kAllLangs) {
            const std::string& text = tr.get(l, c.words);
            CHECK(text != c.words);  // translated, not the key shown
            if (!c.value.empty()) CHECK(text.find("{n}") != std::string::npos);
        }
    }
}

TEST_CASE("status: outbox by kind, per-direction sync, integrity check remembered") {
    Kiosk k;
    REQUIRE(k.filing->set_kiosk_code("KZ24").ok());
    core::ProposalDraft d;
    d.category = "water";
    d.region = "KZ-19";
    d.settlement = "Талғар";
    d.title = "Су құбыры";
    d.description = "Ауылда таза су жоқ.";
    REQUIRE(core::clean_and_check(d).empty());
    REQUIRE(k.filing->file_proposal(d, 1000).ok());
    auto filed = k.filing->file_proposal(d, 2000);
    REQUIRE(filed.ok());
    REQUIRE(k.filing->apply_outcomes({{filed->id, store::FilingStore::Outcome::quarantined, "unknown council"}}, 3000).ok());
    REQUIRE(store::mark_direction_ok(*k.filing, store::Direction::status, 4000).ok());
    REQUIRE(store::save_round_outcome(*k.filing, 5000, 65000, "the server did not answer", store::sync_error::timeout).ok());
    auto check = store::check_database(*k.filing, 6000);
    CHECK(check.ok);

    auto s = store::read_kiosk_status(k.dir.path, *k.filing, *k.catalog);
    REQUIRE(s.ok());
    CHECK(s->kiosk_code == "KZ24");
    CHECK(s->outbox_proposals == 1);
    CHECK(s->outbox_signups == 0);
    REQUIRE(s->quarantined.size() == 1);
    CHECK(s->quarantined[0].what == filed->tracking_code);
    CHECK(s->quarantined[0].reason == "unknown council");
    CHECK(s->sync.push_ok_ms == 0);
    CHECK(s->sync.status_ok_ms == 4000);
    CHECK(s->sync.next_ms == 65000);
    CHECK(s->sync.error == "the server did not answer");
    CHECK(s->sync.error_kind == store::sync_error::timeout);
    CHECK(s->integrity_checked_ms == 6000);
    CHECK(s->integrity_verdict == "ok");
    CHECK(s->database_bytes > 0);
    CHECK(s->disk_free_mb > 0);
    CHECK_FALSE(s->enrolled);
}

TEST_CASE("the disk check writes a probe and reports a folder it cannot write") {
    TempDir dir;
    auto fine = store::check_disk(dir.path, 0);
    CHECK(fine.ok);
    auto missing = store::check_disk(dir.file("gone"), 0);
    CHECK_FALSE(missing.ok);
    CHECK(missing.detail.find("cannot write") != std::string::npos);
    auto too_full = store::check_disk(dir.path, std::int64_t{1} << 40);  // asks for an exbibyte free
    CHECK_FALSE(too_full.ok);
    CHECK(too_full.detail.find("free some space") != std::string::npos);
}

TEST_CASE("a clock set back never makes the lockout longer than earned") {
    store::PinState s;
    s.failures = 5;
    s.locked_until_ms = 1'700'000'030'000;                         // 30 s after the fifth wrong PIN
    CHECK(s.seconds_locked(1'700'000'000'000) == 30);
    CHECK(s.seconds_locked(1'700'000'000'000 - 86'400'000) == 30);  // the clock went a day back
}

TEST_CASE("a sync error's kind is kept beside its words and checked as it is read back") {
    Kiosk k;
    core::Translations tr;
    for (core::Lang l : core::kAllLangs)
        REQUIRE(tr.load(l, asset("i18n/" + std::string(core::lang_code(l)) + ".json")).ok());
    // Each kind kiosk-sync may record comes back as written, with a sentence in every
    // language (not the key shown, nor the English one in Kazakh or Russian).
    for (std::string_view kind : store::sync_error::all) {
        CAPTURE(kind);
        CHECK(store::is_sync_error_kind(kind));
        REQUIRE(store::save_round_outcome(*k.filing, 1000, 2000, "the words for the log", kind).ok());
        auto p = store::sync_progress(*k.filing);
        CHECK(p.error == "the words for the log");
        CHECK(p.error_kind == kind);
        for (core::Lang l : core::kAllLangs) CHECK(tr.get(l, kind) != kind);
        CHECK(tr.get(core::Lang::kk, kind) != tr.get(core::Lang::en, kind));
        CHECK(tr.get(core::Lang::ru, kind) != tr.get(core::Lang::en, kind));
    }
    // A round that went well has no kind, whatever was asked.
    REQUIRE(store::save_round_outcome(*k.filing, 1000, 2000, "", store::sync_error::tls).ok());
    CHECK(store::sync_progress(*k.filing).error_kind.empty());
    // Anything else kiosk-sync wrote (a newer one's kind, another key, a forged value, or no
    // kind at all from an older one) reads as the generic sync error.
    for (const std::string& written :
         std::vector<std::string>{"sync.error.from_a_newer_version", "staff.detail.integrity_ok",
                                  "sync.error.tls\x1b[2J", "SYNC.ERROR.TLS", "", std::string(5000, 'x')}) {
        CAPTURE(written);
        CHECK_FALSE(store::is_sync_error_kind(written));
        REQUIRE(k.filing->set_settings({{"sync_error", "the words for the log"}, {"sync_error_kind", written}}).ok());
        CHECK(store::sync_progress(*k.filing).error_kind == store::sync_error::other);
        REQUIRE(store::save_round_outcome(*k.filing, 1000, 2000, "the words for the log", written).ok());
        CHECK(k.filing->setting("sync_error_kind").value_or("") == store::sync_error::other);
    }
}
