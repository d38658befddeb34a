// Background work for a program with one UI thread. Each task has a name (its thread is
// named after it, so `top -H` shows what runs), runs on a thread of its own, and hands its
// result back to the UI thread as a callback, run when the loop calls drain() once a
// frame; `later` posts any function to the UI thread the same way, from any thread.
//
// Nothing waits on a task: cancelling one only stops its callback (the work sees
// `stop_requested()` and may stop early), and destroying the runner drops every callback
// still to come without joining, so a hung USB write can never hold the program's exit.
// A task's work therefore owns what it uses (captures by value or shared_ptr), never a
// reference into the UI's state.
#pragma once
#include <atomic>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace aul::platform {

namespace detail {
struct TaskState {
    explicit TaskState(std::string n) : name(std::move(n)) {}
    const std::string name;
    std::atomic<bool> cancelled{false};
    bool delivered = false;  // UI thread only: its callback ran (or was dropped)
};
}  // namespace detail

// What a task's work may look at to stop early once it was cancelled.
class StopToken {
public:
    StopToken() = default;
    explicit StopToken(std::shared_ptr<detail::TaskState> s) : s_(std::move(s)) {}
    bool stop_requested() const { return s_ && s_->cancelled.load(); }

private:
    std::shared_ptr<detail::TaskState> s_;
};

// One started task, as its starter sees it. Empty until a task is started.
class TaskHandle {
public:
    TaskHandle() = default;
    explicit TaskHandle(std::shared_ptr<detail::TaskState> s) : s_(std::move(s)) {}
    // Started, not cancelled, and its callback has not run yet.
    bool running() const { return s_ && !s_->delivered && !s_->cancelled.load(); }
    // Its callback will not run; the work is told through its StopToken.
    void cancel() {
        if (s_) s_->cancelled = true;
    }
    const std::string& name() const;

private:
    std::shared_ptr<detail::TaskState> s_;
};

class TaskRunner {
public:
    // `wake` is called from a task's thread after it posted its callback, so that a UI loop
    // sleeping for events comes round to drain().
    explicit TaskRunner(std::function<void()> wake = {});
    TaskRunner(const TaskRunner&) = delete;
    TaskRunner& operator=(const TaskRunner&) = delete;
    ~TaskRunner();

    void set_wake(std::function<void()> wake);

    // Runs `work(StopToken)` on a thread of its own; then `done(result)` on the UI thread,
    // unless the task was cancelled meanwhile.
    template <typename Work, typename Done>
    TaskHandle run(std::string name, Work work, Done done) {
        auto state = std::make_shared<detail::TaskState>(std::move(name));
        start(state, [state, work = std::move(work), done = std::move(done)](Poster post) mutable {
            auto result = std::make_shared<decltype(work(StopToken{}))>(work(StopToken{state}));
            post([state, result, done = std::move(done)]() mutable {
                if (!state->cancelled.load()) done(std::move(*result));
            });
        });
        return TaskHandle(state);
    }

    // Runs `fn` on the UI thread at the next drain(); callable from any thread.
    void later(std::function<void()> fn);

    // UI thread, once a frame: runs what tasks and `later` posted. Returns how many ran.
    std::size_t drain();

    // A task is running or a callback waits to be drained.
    bool busy() const;
    // Names of the tasks still running, for logs and the staff panel.
    std::vector<std::string> running_names() const;

private:
    using Poster = std::function<void(std::function<void()>)>;
    struct Shared;
    void start(std::shared_ptr<detail::TaskState> state, std::function<void(Poster)> body);
    std::shared_ptr<Shared> shared_;
};

}  // namespace aul::platform
