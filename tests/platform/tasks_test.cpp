// The task runner: results come back on the thread that drains, cancelled ones never, and
// nothing waits on a task that hangs.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "platform/tasks.h"

using namespace aul::platform;
using namespace std::chrono_literals;

namespace {
// Drains until `done` holds or two seconds pass.
template <typename Pred>
bool drain_until(TaskRunner& r, Pred done) {
    for (int i = 0; i < 400 && !done(); ++i) {
        r.drain();
        std::this_thread::sleep_for(5ms);
    }
    return done();
}

// A gate a task waits at until the test opens it.
struct Gate {
    std::mutex mu;
    std::condition_variable cv;
    bool open = false;
    void wait() {
        std::unique_lock lock(mu);
        cv.wait(lock, [&] { return open; });
    }
    void release() {
        {
            std::lock_guard lock(mu);
            open = true;
        }
        cv.notify_all();
    }
};
}  // namespace

TEST_CASE("a task's result is handed to the thread that drains, after its wake") {
    std::atomic<int> wakes{0};
    TaskRunner r([&] { ++wakes; });
    auto ui = std::this_thread::get_id();
    std::thread::id work_thread, done_thread;
    int got = 0;
    auto h = r.run(
        "answer",
        [&](const StopToken&) {
            work_thread = std::this_thread::get_id();
            return 42;
        },
        [&](int v) {
            done_thread = std::this_thread::get_id();
            got = v;
        });
    CHECK(h.name() == "answer");
    REQUIRE(drain_until(r, [&] { return got != 0; }));
    CHECK(got == 42);
    CHECK(work_thread != ui);
    CHECK(done_thread == ui);
    CHECK(wakes >= 1);
    CHECK_FALSE(h.running());
    CHECK_FALSE(r.busy());
}

TEST_CASE("a cancelled task's callback never runs, and its work is told to stop") {
    TaskRunner r;
    auto gate = std::make_shared<Gate>();
    std::atomic<bool> saw_stop{false};
    bool called = false;
    auto h = r.run(
        "slow",
        [gate, &saw_stop](const StopToken& stop) {
            gate->wait();
            saw_stop = stop.stop_requested();
            return 1;
        },
        [&](int) { called = true; });
    CHECK(h.running());
    CHECK(r.running_names() == std::vector<std::string>{"slow"});
    h.cancel();
    CHECK_FALSE(h.running());
    gate->release();
    REQUIRE(drain_until(r, [&] { return saw_stop.load(); }));
    for (int i = 0; i < 20; ++i) {
        r.drain();
        std::this_thread::sleep_for(5ms);
    }
    CHECK_FALSE(called);
    CHECK(saw_stop);
    CHECK_FALSE(r.busy());
}

TEST_CASE("the newest of several overlapping tasks is the one whose answer is taken") {
    TaskRunner r;
    std::vector<int> answers;
    TaskHandle latest;
    for (int i = 1; i <= 20; ++i) {
        latest.cancel();
        latest = r.run(
            "search", [i](const StopToken&) { return i; }, [&](int v) { answers.push_back(v); });
    }
    REQUIRE(drain_until(r, [&] { return !r.busy(); }));
    CHECK(answers == std::vector<int>{20});
}

TEST_CASE("a hung task holds neither the runner's end nor the caller") {
    auto gate = std::make_shared<Gate>();
    auto finished = std::make_shared<std::atomic<bool>>(false);
    auto started = std::chrono::steady_clock::now();
    {
        TaskRunner r;
        r.run(
            "usb-export",
            [gate, finished](const StopToken&) {
                gate->wait();  // a USB stick that never answers
                *finished = true;
                return 0;
            },
            [](int) { FAIL("the callback of a task outliving its runner must not run"); });
        CHECK(r.busy());
    }  // the runner goes while the task hangs
    auto took = std::chrono::steady_clock::now() - started;
    CHECK(took < 500ms);
    gate->release();  // the task ends later; its result is dropped
    for (int i = 0; i < 200 && !*finished; ++i) std::this_thread::sleep_for(5ms);
    CHECK(*finished);
}

TEST_CASE("later() posts from any thread to the draining thread") {
    std::atomic<int> wakes{0};
    TaskRunner r([&] { ++wakes; });
    std::vector<int> order;
    std::thread other([&] {
        for (int i = 0; i < 3; ++i) r.later([&order, i] { order.push_back(i); });
    });
    other.join();
    CHECK(r.busy());
    CHECK(r.drain() == 3);
    CHECK(order == std::vector<int>{0, 1, 2});
    CHECK(wakes == 3);
}
