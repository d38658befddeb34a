// The staff desk's model on a real database, its PIN checks as real background tasks.
#include <doctest/doctest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "kiosk/session/staff_desk.h"
#include "kiosk/temp_kiosk.h"

using namespace aul;
using namespace aul::kiosk;
using K = Intent::Kind;

namespace {
struct Desk : TempKiosk {
    platform::TaskRunner tasks;
    std::optional<StaffDesk> desk;
    std::int64_t now = 1'700'000'000'000;

    Desk() {
        REQUIRE(store::StaffAccess(*filing).set_pin_hash(*store::hash_pin("482615")).ok());
        StaffDeskConfig cfg;
        cfg.data_dir = dir;
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
