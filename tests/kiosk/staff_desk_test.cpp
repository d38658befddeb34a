// The staff desk's model on a real database, its PIN checks as real background tasks.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <thread>

#include "kiosk/session/staff_desk.h"
#include "kiosk/temp_kiosk.h"
#include "ops/kiosk_sync_stand_in.h"
#include "test_files.h"

using namespace aul;
using namespace aul::kiosk;
using K = Intent::Kind;

namespace {
struct Desk : TempKiosk {
    platform::TaskRunner tasks;
    std::optional<StaffDesk> desk;
    std::int64_t now = 1'700'000'000'000;

    explicit Desk(const std::function<void(StaffDeskConfig&)>& tune = {}) {
        REQUIRE(store::StaffAccess(*filing).set_pin_hash(*store::hash_pin("482615")).ok());
        StaffDeskConfig cfg;
        cfg.data_dir = dir;
        if (tune) tune(cfg);
        desk.emplace(std::move(cfg), *filing, *catalog, tasks, [this] { return now; });
    }
    void type(const std::string& digits) {
        for (char d : digits) desk->apply(Intent::of(K::staff_pin_digit, std::string(1, d)), now);
        desk->apply(Intent::of(K::staff_pin_ok), now);
    }
    // Takes finished tasks as the UI loop would until the PIN check has been taken.
    void settle() {
        for (int i = 0; i < 500 && desk->checking(); ++i) {
            tasks.drain();
            desk->poll(now);
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        tasks.drain();
        desk->poll(now);
        REQUIRE_FALSE(desk->checking());
    }
    int failures() { return store::StaffAccess(*filing).state()->failures; }
    // Takes finished tasks as the UI loop would until the action under way (an export) is done.
    void settle_action() {
        for (int i = 0; i < 1500 && desk->busy(); ++i) {
            tasks.drain();
            desk->poll(now);
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        REQUIRE_FALSE(desk->busy());
    }
};

core::Translations shipped_translations() {
    core::Translations tr;
    for (core::Lang l : core::kAllLangs)
        REQUIRE(tr.load(l, asset("i18n/" + std::string(core::lang_code(l)) + ".json")).ok());
    return tr;
}

// Not a letter of the Latin alphabet in it: nothing left in English.
bool no_latin(const std::string& s) {
    return std::none_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
}

// A USB stick as the panel finds one under its roots: a folder on another file system
// (the tmpfs at /dev/shm), reached through a link in a roots folder. Not usable where the
// machine has no such tmpfs.
struct Stick {
    std::string roots, folder;
    Stick() {
        char roots_tmpl[] = "/tmp/aul-usb-roots-XXXXXX";
        char stick_tmpl[] = "/dev/shm/aul-stick-XXXXXX";
        roots = mkdtemp(roots_tmpl);
        if (mkdtemp(stick_tmpl) && ::symlink(stick_tmpl, (roots + "/STICK").c_str()) == 0) folder = stick_tmpl;
    }
    ~Stick() {
        std::filesystem::remove_all(roots);
        if (!folder.empty()) std::filesystem::remove_all(folder);
    }
    bool usable() const {
        struct stat a {}, b {};
        return !folder.empty() && ::stat(folder.c_str(), &a) == 0 && ::stat(roots.c_str(), &b) == 0 &&
               a.st_dev != b.st_dev;
    }
    std::vector<std::string> files() const {
        std::vector<std::string> out;
        for (const auto& e : std::filesystem::directory_iterator(folder)) out.push_back(e.path().filename().string());
        return out;
    }
};
}  // namespace

TEST_CASE("the right PIN opens the panel; the try is counted until the check says right") {
    Desk d;
    d.desk->open_pin_pad(d.now);
    d.type("482615");
    CHECK(d.failures() == 1);  // counted before the check: a kill now costs a try
    d.settle();
    CHECK(d.desk->mode() == StaffMode::panel);
    CHECK(d.failures() == 0);
}

TEST_CASE("nothing but the PIN pad works before the right PIN") {
    Desk d;
    d.desk->open_pin_pad(d.now);
    CHECK_FALSE(d.desk->apply(Intent::staff(StaffAction::restart), d.now));
    d.desk->apply(Intent::of(K::staff_back_to_panel), d.now);
    d.desk->apply(Intent::staff(StaffAction::pin), d.now);
    CHECK(d.desk->mode() == StaffMode::pin);
    d.type("123456");
    d.settle();
    CHECK(d.desk->mode() == StaffMode::pin);
    CHECK(d.failures() == 1);
}

TEST_CASE("a check still running when the pad closes never opens a later pad") {
    Desk d;
    d.desk->open_pin_pad(d.now);
    d.type("482615");
    d.desk->close();            // Cancel or the idle reset, while Argon2id works
    d.desk->open_pin_pad(d.now);  // the next person holds the corner
    d.settle();
    CHECK(d.desk->mode() == StaffMode::pin);
    CHECK(d.desk->pin_length() == 0);
}

TEST_CASE("five wrong PINs lock the pad: typing does nothing until the lockout ends") {
    Desk d;
    d.desk->open_pin_pad(d.now);
    for (int i = 0; i < 5; ++i) {
        d.type("111222");
        d.settle();
    }
    CHECK(d.desk->seconds_locked(d.now) == 30);
    CHECK(d.desk->pin_message().key == "staff.pin.locked");
    d.type("482615");
    CHECK_FALSE(d.desk->checking());
    CHECK(d.desk->pin_length() == 0);
    d.now += 30'000;
    d.type("482615");
    d.settle();
    CHECK(d.desk->mode() == StaffMode::panel);
}

TEST_CASE("a too short PIN is refused without costing a try") {
    Desk d;
    d.desk->open_pin_pad(d.now);
    d.type("48");
    CHECK(d.failures() == 0);
    CHECK(d.desk->pin_message().key == "staff.pin.bad_length");
}

TEST_CASE("changing the PIN: twice the same, and dropped if staff go back while it is hashed") {
    Desk d;
    d.desk->open_pin_pad(d.now);
    d.type("482615");
    d.settle();
    d.desk->apply(Intent::staff(StaffAction::pin), d.now);
    d.type("7391");
    CHECK(d.desk->mode() == StaffMode::repeat_pin);
    d.type("7390");
    CHECK(d.desk->mode() == StaffMode::new_pin);
    CHECK(d.desk->pin_message().key == "staff.pin.mismatch");
    d.type("7391");
    d.type("7391");
    d.desk->apply(Intent::of(K::staff_back_to_panel), d.now);  // Back while hashing
    d.settle();
    CHECK(store::pin_matches(store::StaffAccess(*d.filing).state()->hash, "482615"));

    d.desk->apply(Intent::staff(StaffAction::pin), d.now);
    d.type("7391");
    d.type("7391");
    d.settle();
    CHECK(d.desk->action_message().key == "staff.pin.changed");
    CHECK(store::pin_matches(store::StaffAccess(*d.filing).state()->hash, "7391"));
}

TEST_CASE("Export to USB: kiosk-sync signs, the panel copies the bundle onto the stick and gives its counts") {
    Stick stick;
    if (!stick.usable()) {
        MESSAGE("skipped: no tmpfs at /dev/shm to stand in for a USB stick");
        return;
    }
    Desk d([&](StaffDeskConfig& cfg) { cfg.usb_roots = {stick.roots}; });
    ready_to_sign(d.dir, *d.filing, 2);
    KioskSyncStandIn kiosk_sync(d.dir);
    d.desk->open_pin_pad(d.now);
    d.type("482615");
    d.settle();
    d.desk->apply(Intent::staff(StaffAction::export_bundle), d.now);
    CHECK(d.desk->action_message().key == "staff.export.running");
    d.settle_action();
    const auto& said = d.desk->action_message();
    CHECK_MESSAGE(said.key == "staff.export.done", (said.key + ": " + said.detail));
    CHECK(said.fields == StaffMessage::Fields{{"proposals", "2"}, {"signups", "0"}, {"held_back", "0"}});
    auto files = stick.files();
    REQUIRE(files.size() == 1);
    CHECK(files[0].rfind("aul-KZ24-", 0) == 0);
    CHECK(said.detail == "STICK/" + files[0]);
    CHECK(std::filesystem::is_empty(store::KioskPaths{d.dir}.outgoing_dir()));
}

TEST_CASE("Export to USB with kiosk-sync stopped: the panel says so in its own words, and writes nothing") {
    Stick stick;
    if (!stick.usable()) {
        MESSAGE("skipped: no tmpfs at /dev/shm to stand in for a USB stick");
        return;
    }
    Desk d([&](StaffDeskConfig& cfg) {
        cfg.usb_roots = {stick.roots};
        cfg.export_answer_within_ms = 300;
    });
    ready_to_sign(d.dir, *d.filing, 1);
    d.desk->open_pin_pad(d.now);
    d.type("482615");
    d.settle();
    d.desk->apply(Intent::staff(StaffAction::export_bundle), d.now);
    d.settle_action();
    CHECK(d.desk->action_message().key == "staff.export.no_answer");
    CHECK_FALSE(d.desk->action_message().ok);
    CHECK(stick.files().empty());
}

TEST_CASE("the panel in Kazakh has no English sync line: kiosk-sync's words stay apart as the technical detail") {
    Desk d;
    core::Translations tr = shipped_translations();
    Words kk{&tr, core::Lang::kk};
    d.desk->open_pin_pad(d.now);
    d.type("482615");
    d.settle();
    REQUIRE(d.desk->mode() == StaffMode::panel);
    // What kiosk-sync writes after a round with the line down.
    const std::string english = "the national server does not answer (Failed to connect to 10.0.0.1 port 443)";
    REQUIRE(store::save_round_outcome(*d.filing, d.now, d.now + 60'000, english, store::sync_error::unreachable).ok());
    d.now += 2000;  // the panel reads the status again every 2 s
    d.desk->poll(d.now);
    StaffPanelView v = d.desk->panel_view(kk);
    REQUIRE(v.sync.size() == 5);  // sent, statuses, catalogue, last error, next try
    for (const auto& line : v.sync) {
        CAPTURE(line.label);
        CAPTURE(line.value);
        CHECK(no_latin(line.label));
        CHECK(no_latin(line.value));
    }
    CHECK(v.sync[3].label == tr.get(core::Lang::kk, "staff.sync.last_error"));
    CHECK(v.sync[3].value == tr.get(core::Lang::kk, store::sync_error::unreachable));
    CHECK(v.sync[3].problem);
    CHECK(v.sync_error_detail == english);

    // Each kind as its Kazakh sentence; one the panel does not know as the generic one.
    for (std::string_view kind : store::sync_error::all) {
        CAPTURE(kind);
        REQUIRE(store::save_round_outcome(*d.filing, d.now, 0, english, kind).ok());
        d.now += 2000;
        d.desk->poll(d.now);
        v = d.desk->panel_view(kk);
        REQUIRE(v.sync.size() == 4);  // no next try
        CHECK(v.sync[3].value == tr.get(core::Lang::kk, kind));
        CHECK(v.sync[3].value != tr.get(core::Lang::en, kind));
    }
    REQUIRE(d.filing->set_setting("sync_error_kind", "sync.error.from_a_newer_kiosk_sync").ok());
    d.now += 2000;
    d.desk->poll(d.now);
    CHECK(d.desk->panel_view(kk).sync[3].value == tr.get(core::Lang::kk, store::sync_error::other));

    // A round that went well: "none", and no detail.
    REQUIRE(store::save_round_outcome(*d.filing, d.now, 0, "", "").ok());
    d.now += 2000;
    d.desk->poll(d.now);
    v = d.desk->panel_view(kk);
    CHECK(v.sync[3].value == tr.get(core::Lang::kk, "staff.sync.none"));
    CHECK_FALSE(v.sync[3].problem);
    CHECK(v.sync_error_detail.empty());
}

TEST_CASE("Sync now that fails says why in the reader's language, not in kiosk-sync's words") {
    Desk d;
    core::Translations tr = shipped_translations();
    const std::string english = "the national server is busy or failing (HTTP 503); will retry";
    KioskSyncStandIn kiosk_sync(d.dir, [english](store::FilingStore& filing) {
        if (std::int64_t asked = store::pending_request(filing, store::SyncRequest::sync_now)) {
            (void)store::save_round_outcome(filing, asked, 0, english, store::sync_error::server_error);
            (void)store::mark_handled(filing, store::SyncRequest::sync_now, asked);
        }
    });
    d.desk->open_pin_pad(d.now);
    d.type("482615");
    d.settle();
    d.desk->apply(Intent::staff(StaffAction::sync), d.now);
    for (int i = 0; i < 500 && d.desk->sync_waiting(); ++i) {
        d.desk->poll(d.now);
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    REQUIRE_FALSE(d.desk->sync_waiting());
    CHECK(d.desk->action_message().key == "staff.sync.failed");
    for (core::Lang l : {core::Lang::kk, core::Lang::ru, core::Lang::en}) {
        CAPTURE(core::lang_code(l));
        StaffPanelView v = d.desk->panel_view(Words{&tr, l});
        CHECK(v.message_is_problem);
        CHECK(v.message ==
              core::format_text(tr.get(l, "staff.sync.failed"), "detail", tr.get(l, store::sync_error::server_error)));
        CHECK(v.message.find("HTTP 503") == std::string::npos);
    }
}
