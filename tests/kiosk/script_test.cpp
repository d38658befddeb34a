#include <doctest/doctest.h>

#include "kiosk/script.h"

using namespace aul::kiosk;

TEST_CASE("script lines parse into steps") {
    auto steps = parse_script(
        "# a comment\n"
        "lang kk\n"
        "tap \"Қоғамдық ұйымдар\"\n"
        "tap id:home.ngos\n"
        "\n"
        "drag 0 -400\n"
        "type \"қамқ \\\"x\\\"\"\n"
        "wait 250\n"
        "expect \"Табылды\"\n"
        "expect-not \"Ештеңе\"\n"
        "shot home_kk\n");
    REQUIRE_MESSAGE(steps.ok(), (steps.ok() ? "" : steps.error()));
    REQUIRE(steps->size() == 9);
    CHECK((*steps)[1].kind == ScriptStep::Kind::tap_text);
    CHECK((*steps)[1].arg == "Қоғамдық ұйымдар");
    CHECK((*steps)[2].kind == ScriptStep::Kind::tap_id);
    CHECK((*steps)[2].arg == "home.ngos");
    CHECK((*steps)[3].dy == -400);
    CHECK((*steps)[4].arg == "қамқ \"x\"");
    CHECK((*steps)[5].ms == 250);
    CHECK((*steps)[8].arg == "home_kk");
    CHECK((*steps)[8].line == 11);
}

TEST_CASE("bad script lines are refused with their line number") {
    auto r = parse_script("lang kk\nfly away\n");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().find("line 2") != std::string::npos);
    CHECK_FALSE(parse_script("lang xx\n").ok());
    CHECK_FALSE(parse_script("tap \"unterminated\n").ok());
    CHECK_FALSE(parse_script("wait -5\n").ok());
    CHECK_FALSE(parse_script("drag 10\n").ok());
}

TEST_CASE("holds: on a widget, or at a point in millimetres") {
    auto steps = parse_script("hold id:keyboard.backspace 3000\nhold at 6 7.5 3300\n");
    REQUIRE_MESSAGE(steps.ok(), (steps.ok() ? "" : steps.error()));
    REQUIRE(steps->size() == 2);
    CHECK((*steps)[0].arg == "keyboard.backspace");
    CHECK((*steps)[0].ms == 3000);
    CHECK((*steps)[1].kind == ScriptStep::Kind::hold);
    CHECK((*steps)[1].arg.empty());
    CHECK((*steps)[1].dx == doctest::Approx(6));
    CHECK((*steps)[1].dy == doctest::Approx(7.5));
    CHECK((*steps)[1].ms == 3300);
    CHECK_FALSE(parse_script("hold at 6 3300\n").ok());
    CHECK_FALSE(parse_script("hold at 6 6 -1\n").ok());
}
