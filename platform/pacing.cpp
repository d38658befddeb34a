#include "platform/pacing.h"

#include <algorithm>
#include <cmath>

namespace aul::platform {

int FramePacer::wait_timeout_ms(double now, bool can_block) const {
    if (pending_ > 0 || continuous_) return 0;
    double until_timer = next_timer_ - now;
    int ms = -1;
    if (std::isfinite(until_timer)) ms = std::max(0, static_cast<int>(std::ceil(until_timer * 1000)));
    if (!can_block) ms = ms < 0 ? cfg_.non_blocking_wake_ms : std::min(ms, cfg_.non_blocking_wake_ms);
    return ms;
}

bool FramePacer::take_frame(double now) {
    bool timer_due = now >= next_timer_;
    if (timer_due) {
        next_timer_ = std::numeric_limits<double>::infinity();
        pending_ = std::max(pending_, cfg_.settle_frames);
    }
    if (pending_ <= 0 && !continuous_) return false;
    if (pending_ > 0) --pending_;
    ++frames_;
    return true;
}

}  // namespace aul::platform
