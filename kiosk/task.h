// Work that would stall a frame (hashing a PIN, a full integrity check, writing to a USB
// stick) runs as a background task; the UI thread takes its result on a later frame.
// `wake` is called from the task's thread once the result is ready, to wake the UI loop.
#pragma once
#include <chrono>
#include <functional>
#include <future>
#include <optional>
#include <thread>

namespace aul::kiosk {

template <typename T>
class Task {
public:
    Task() = default;
    Task(const Task&) = delete;
    Task& operator=(const Task&) = delete;
    ~Task() {
        if (thread_.joinable()) thread_.join();
    }

    template <typename F>
    void start(F work, std::function<void()> wake) {
        if (thread_.joinable()) thread_.join();
        std::promise<T> promise;
        future_ = promise.get_future();
        thread_ = std::thread([promise = std::move(promise), work = std::move(work), wake = std::move(wake)]() mutable {
            promise.set_value(work());
            if (wake) wake();  // after the value: the woken loop finds it ready
        });
    }
    // Started and not yet taken.
    bool running() const { return future_.valid(); }
    // The result once the task is done, exactly once.
    std::optional<T> take() {
        if (!future_.valid() || future_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return std::nullopt;
        return future_.get();
    }

private:
    std::future<T> future_;
    std::thread thread_;
};

}  // namespace aul::kiosk
