// Work that would stall a frame (hashing a PIN, a full integrity check, writing to a USB
// stick) runs as a background task; the UI thread takes its result on a later frame.
// `wake` is called from the task's thread when it finishes, to wake the UI loop.
#pragma once
#include <chrono>
#include <functional>
#include <future>
#include <optional>

namespace aul::kiosk {

template <typename T>
class Task {
public:
    template <typename F>
    void start(F work, std::function<void()> wake) {
        future_ = std::async(std::launch::async, [work = std::move(work), wake = std::move(wake)]() mutable {
            T result = work();
            if (wake) wake();
            return result;
        });
    }
    bool running() const { return future_.valid(); }
    // The result once the task is done, exactly once.
    std::optional<T> take() {
        if (!future_.valid() || future_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return std::nullopt;
        return future_.get();
    }

private:
    std::future<T> future_;
};

}  // namespace aul::kiosk
