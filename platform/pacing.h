// Frame pacing: the loop renders only when something changed. Untouched, it sleeps in
// SDL until input or a timer; where SDL cannot block (kmsdrm) it wakes at a bounded rate.
#pragma once
#include <cstdint>
#include <limits>

namespace aul::platform {

struct PacingConfig {
    int settle_frames = 2;           // frames drawn after a change so ImGui's layout settles
    int non_blocking_wake_ms = 250;  // wake interval where SDL cannot block (kmsdrm)
};

class FramePacer {
public:
    explicit FramePacer(PacingConfig cfg = {}) : cfg_(cfg) {}

    void request_frames() { pending_ = cfg_.settle_frames; }
    void request_continuous(bool on) { continuous_ = on; }  // an animation is running
    // Asks for a frame at time `t` seconds (a timer such as the idle reset).
    void request_frame_at(double t) {
        if (t < next_timer_) next_timer_ = t;
    }

    // How long the loop may wait for events: -1 for "until an event", else milliseconds.
    int wait_timeout_ms(double now, bool can_block) const;
    // Whether to draw a frame now; consumes one requested frame.
    bool take_frame(double now);

    std::uint64_t frames() const { return frames_; }
    // Nothing requested: the loop will sleep until an event or timer.
    bool idle() const { return pending_ == 0 && !continuous_; }

private:
    PacingConfig cfg_;
    int pending_ = 0;
    bool continuous_ = false;
    double next_timer_ = std::numeric_limits<double>::infinity();
    std::uint64_t frames_ = 0;
};

}  // namespace aul::platform
