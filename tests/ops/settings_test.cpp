#include <doctest/doctest.h>

#include <cstdio>
#include <unistd.h>

#include <fstream>

#include "ops/settings.h"

using namespace aul::kiosk;

namespace {
std::string write_temp(const std::string& text) {
    char name[] = "/tmp/aul-conf-XXXXXX";
    int fd = mkstemp(name);
    REQUIRE(fd >= 0);
    close(fd);
    std::ofstream(name) << text;
    return name;
}
}  // namespace

TEST_CASE("a missing config gives the documented defaults") {
    auto c = load_config("/nonexistent/kiosk.conf");
    REQUIRE(c.ok());
    CHECK(c->dpi == doctest::Approx(149));
    CHECK_FALSE(c->high_contrast);
    CHECK(c->language == aul::core::Lang::kk);
}

TEST_CASE("keys are read and bad values are named") {
    std::string path = write_temp("[display]\ndpi = 120\nlarge_text = yes\n[kiosk]\nlanguage = ru\nfuture_key = 1\n");
    auto c = load_config(path);
    REQUIRE_MESSAGE(c.ok(), (c.ok() ? "" : c.error()));
    CHECK(c->dpi == doctest::Approx(120));
    CHECK(c->large_text);
    CHECK(c->language == aul::core::Lang::ru);
    std::remove(path.c_str());

    path = write_temp("[display]\ndpi = huge\n");
    auto bad = load_config(path);
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().find("display.dpi") != std::string::npos);
    CHECK(bad.error().find("line 2") != std::string::npos);
    std::remove(path.c_str());
}

TEST_CASE("the staff keys: the kiosk's name and where USB sticks are mounted") {
    auto defaults = load_config("/nonexistent/kiosk.conf");
    REQUIRE(defaults.ok());
    CHECK(defaults->usb_roots == std::vector<std::string>{"/media", "/run/media"});
    CHECK(defaults->name.empty());
    std::string path = write_temp("[kiosk]\nname = Талғар клубы\n[staff]\nusb_roots = /media/usb  /mnt\n");
    auto c = load_config(path);
    REQUIRE_MESSAGE(c.ok(), (c.ok() ? "" : c.error()));
    CHECK(c->name == "Талғар клубы");
    CHECK(c->usb_roots == std::vector<std::string>{"/media/usb", "/mnt"});
    std::remove(path.c_str());
    path = write_temp("[staff]\nusb_roots =\n");
    auto empty = load_config(path);
    REQUIRE_FALSE(empty.ok());
    CHECK(empty.error().find("staff.usb_roots") != std::string::npos);
    std::remove(path.c_str());
}

TEST_CASE("kiosk-sync's [sync] timeout is read and checked; the file read is named") {
    auto none = load_config("/nonexistent/kiosk.conf");
    REQUIRE(none.ok());
    CHECK(none->sync_timeout_seconds == 60);
    CHECK(none->source.empty());

    std::string path = write_temp("[sync]\ntimeout = 120\n");
    auto c = load_config(path);
    REQUIRE(c.ok());
    CHECK(c->sync_timeout_seconds == 120);
    CHECK(c->source == path);
    std::remove(path.c_str());

    for (const char* bad : {"[sync]\ntimeout = 90s\n", "[sync]\ntimeout = 0\n", "[sync]\ntimeout =\n"}) {
        path = write_temp(bad);
        auto r = load_config(path);
        CHECK_FALSE(r.ok());
        if (!r.ok()) CHECK(r.error().find("sync.timeout") != std::string::npos);
        std::remove(path.c_str());
    }
}

TEST_CASE("the example file shipped as /etc/aul/kiosk.conf loads and states every default") {
    auto c = load_config(std::string(AUL_TEST_ASSETS) + "/config/kiosk.conf.example");
    REQUIRE_MESSAGE(c.ok(), (c.ok() ? "" : c.error()));
    KioskConfig d;
    CHECK(c->dpi == doctest::Approx(d.dpi));
    CHECK(c->high_contrast == d.high_contrast);
    CHECK(c->large_text == d.large_text);
    CHECK(c->language == d.language);
    CHECK(c->catalog_seed == d.catalog_seed);
    CHECK(c->code == d.code);
    CHECK(c->region == d.region);
    CHECK(c->idle_seconds == d.idle_seconds);
    CHECK(c->idle_prompt_seconds == d.idle_prompt_seconds);
    CHECK(c->sync_timeout_seconds == d.sync_timeout_seconds);
    CHECK(c->name == d.name);
    CHECK(c->usb_roots == d.usb_roots);
}
