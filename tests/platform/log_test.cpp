#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

#include "platform/log.h"

namespace alog = aul::platform::log;
using alog::Level;

TEST_CASE("a line reads 'program: level: message' on a terminal and carries the priority in the journal") {
    CHECK(alog::format("kiosk", Level::error, "disk full", false) == "kiosk: error: disk full\n");
    CHECK(alog::format("kiosk-sync", Level::warn, "offline", false) == "kiosk-sync: warn: offline\n");
    CHECK(alog::format("kiosk", Level::error, "disk full", true) == "<3>error: disk full\n");
    CHECK(alog::format("kiosk", Level::warn, "x", true) == "<4>warn: x\n");
    CHECK(alog::format("kiosk", Level::info, "x", true) == "<6>info: x\n");
    CHECK(alog::format("kiosk", Level::debug, "x", true) == "<7>debug: x\n");
}

TEST_CASE("a message with newlines stays one line, so a quoted reply cannot forge another event") {
    CHECK(alog::format("kiosk-sync", Level::info, "reply:\n<3>error: fake\r\n", true) ==
          "<6>info: reply: <3>error: fake  \n");
}

TEST_CASE("levels are named and filter what is written") {
    Level l = Level::info;
    CHECK(alog::parse_level("debug", l));
    CHECK(l == Level::debug);
    CHECK(alog::parse_level("warn", l));
    CHECK(l == Level::warn);
    CHECK_FALSE(alog::parse_level("verbose", l));
    CHECK_FALSE(alog::parse_level("", l));

    alog::set_level(Level::warn);
    CHECK(alog::enabled(Level::error));
    CHECK(alog::enabled(Level::warn));
    CHECK_FALSE(alog::enabled(Level::info));
    alog::set_level(Level::debug);
    CHECK(alog::enabled(Level::debug));
    alog::set_level(Level::info);
}

TEST_CASE("AUL_LOG_LEVEL sets the level at init") {
    ::setenv("AUL_LOG_LEVEL", "error", 1);
    alog::init("test");
    CHECK_FALSE(alog::enabled(Level::warn));
    ::setenv("AUL_LOG_LEVEL", "loud", 1);  // not a level: back to the default
    alog::set_level(Level::info);
    alog::init("test");
    CHECK(alog::enabled(Level::info));
    CHECK_FALSE(alog::enabled(Level::debug));
    ::unsetenv("AUL_LOG_LEVEL");
}

TEST_CASE("the journal is recognised only when JOURNAL_STREAM names this very stderr") {
    struct stat st {};
    REQUIRE(::fstat(STDERR_FILENO, &st) == 0);
    std::string mine = std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino);
    ::unsetenv("JOURNAL_STREAM");
    CHECK_FALSE(alog::stderr_is_journal());
    ::setenv("JOURNAL_STREAM", mine.c_str(), 1);
    CHECK(alog::stderr_is_journal());
    // Inherited by a child whose stderr was redirected elsewhere: not the journal.
    std::string other = std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino + 1);
    ::setenv("JOURNAL_STREAM", other.c_str(), 1);
    CHECK_FALSE(alog::stderr_is_journal());
    ::setenv("JOURNAL_STREAM", "garbage", 1);
    CHECK_FALSE(alog::stderr_is_journal());
    ::unsetenv("JOURNAL_STREAM");
}
