#include <doctest/doctest.h>

#include "platform/pacing.h"

using aul::platform::FramePacer;

TEST_CASE("untouched, the loop sleeps until an event") {
    FramePacer p;
    CHECK(p.wait_timeout_ms(0, true) == -1);
    CHECK_FALSE(p.take_frame(0));
    CHECK(p.frames() == 0);
}

TEST_CASE("a change draws a few settling frames, then stops") {
    FramePacer p;
    p.request_frames();
    CHECK(p.wait_timeout_ms(0, true) == 0);
    int drawn = 0;
    for (int i = 0; i < 10; ++i) drawn += p.take_frame(0);
    CHECK(drawn == 2);
    CHECK(p.wait_timeout_ms(0, true) == -1);
}

TEST_CASE("timers wake the loop at their time; kmsdrm wakes at a bounded rate") {
    FramePacer p;
    p.request_frame_at(1.5);
    CHECK(p.wait_timeout_ms(1.0, true) == 500);
    CHECK_FALSE(p.take_frame(1.0));
    CHECK(p.take_frame(1.6));
    FramePacer k;
    CHECK(k.wait_timeout_ms(0, false) == 250);
}

TEST_CASE("animations draw continuously until they end") {
    FramePacer p;
    p.request_continuous(true);
    CHECK(p.take_frame(0));
    CHECK(p.take_frame(0));
    p.request_continuous(false);
    CHECK_FALSE(p.take_frame(0));
}
