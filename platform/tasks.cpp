#include "platform/tasks.h"

#include <pthread.h>

#include <algorithm>
#include <thread>

namespace aul::platform {

struct TaskRunner::Shared {
    mutable std::mutex mu;
    std::deque<std::function<void()>> posted;
    std::vector<std::shared_ptr<detail::TaskState>> started;  // until delivered or cancelled
    std::function<void()> wake;
    bool closed = false;  // the runner is gone: posts are dropped
};

const std::string& TaskHandle::name() const {
    static const std::string none;
    return s_ ? s_->name : none;
}

TaskRunner::TaskRunner(std::function<void()> wake) : shared_(std::make_shared<Shared>()) {
    shared_->wake = std::move(wake);
}

TaskRunner::~TaskRunner() {
    std::lock_guard lock(shared_->mu);
    shared_->closed = true;
    for (auto& s : shared_->started) s->cancelled = true;
    shared_->posted.clear();
    shared_->wake = nullptr;
}

void TaskRunner::set_wake(std::function<void()> wake) {
    std::lock_guard lock(shared_->mu);
    shared_->wake = std::move(wake);
}

void TaskRunner::start(std::shared_ptr<detail::TaskState> state, std::function<void(Poster)> body) {
    {
        std::lock_guard lock(shared_->mu);
        shared_->started.push_back(state);
    }
    std::weak_ptr<Shared> weak = shared_;
    Poster post = [weak, state](std::function<void()> fn) {
        auto shared = weak.lock();
        if (!shared) return;
        std::function<void()> wake;
        {
            std::lock_guard lock(shared->mu);
            if (shared->closed) return;
            shared->posted.push_back([state, fn = std::move(fn)] {
                state->delivered = true;
                fn();
            });
            wake = shared->wake;
        }
        if (wake) wake();
    };
    std::thread([state, body = std::move(body), post = std::move(post)]() mutable {
        // A thread name is at most 15 bytes.
        pthread_setname_np(pthread_self(), state->name.substr(0, 15).c_str());
        body(std::move(post));
    }).detach();
}

void TaskRunner::later(std::function<void()> fn) {
    std::function<void()> wake;
    {
        std::lock_guard lock(shared_->mu);
        if (shared_->closed) return;
        shared_->posted.push_back(std::move(fn));
        wake = shared_->wake;
    }
    if (wake) wake();
}

std::size_t TaskRunner::drain() {
    std::deque<std::function<void()>> ready;
    {
        std::lock_guard lock(shared_->mu);
        ready.swap(shared_->posted);
    }
    for (auto& fn : ready) fn();
    std::lock_guard lock(shared_->mu);
    std::erase_if(shared_->started, [](const auto& s) { return s->delivered || s->cancelled.load(); });
    return ready.size();
}

bool TaskRunner::busy() const {
    std::lock_guard lock(shared_->mu);
    if (!shared_->posted.empty()) return true;
    return std::any_of(shared_->started.begin(), shared_->started.end(),
                       [](const auto& s) { return !s->delivered && !s->cancelled.load(); });
}

std::vector<std::string> TaskRunner::running_names() const {
    std::lock_guard lock(shared_->mu);
    std::vector<std::string> out;
    for (const auto& s : shared_->started)
        if (!s->delivered && !s->cancelled.load()) out.push_back(s->name);
    return out;
}

}  // namespace aul::platform
