// Touch-first input. SDL finger and mouse events become taps and drags for ImGui 1.86,
// which has no touch support of its own:
//  - a press and its release always reach ImGui in different frames, so one tap is one
//    click (ImGui 1.86 loses a click whose down and up arrive in the same frame);
//  - once a finger moves past the drag threshold the press is cancelled for widgets
//    (the pointer is released off-screen, so no button fires) and becomes a drag that
//    scrollable regions consume, with the release velocity kept for momentum;
//  - after every release the pointer leaves the screen, so hover never sticks;
//  - nothing captures the mouse.
#pragma once
#include <imgui.h>

#include <cstdint>
#include <deque>

union SDL_Event;

namespace aul::platform {

// What the current gesture is doing, for scroll regions. Coordinates in pixels.
struct Gesture {
    bool pressed = false;       // a finger (or button) is down
    bool dragging = false;      // it moved past the threshold: scroll, do not tap
    ImVec2 start{0, 0};         // where it went down
    double pressed_s = 0;       // when it went down (the frame clock), for long holds
    ImVec2 delta{0, 0};         // drag movement since the previous frame
    bool released_drag = false; // this frame a drag ended; fling with `velocity`
    ImVec2 velocity{0, 0};      // px per second at release (smoothed)
};

// A synthetic finger's phase, for scripts (platform::Runner::inject_touch).
enum class TouchPhase { down, move, up };

struct InputConfig {
    float drag_threshold_px = 18.0f;  // about 3 mm at 149 dpi: a shaky tap stays a tap
};

class TouchInput {
public:
    explicit TouchInput(InputConfig cfg = {}) : cfg_(cfg) {}

    // Takes one SDL event. Returns true when it was input (so the loop renders a frame).
    bool handle(const SDL_Event& e, int window_w, int window_h);

    // Feeds ImGui for the coming frame: applies queued pointer events up to and including
    // the next button change, then stops, so press and release land in separate frames.
    void begin_frame(ImGuiIO& io, double now_s);

    const Gesture& gesture() const { return gesture_; }
    // More pointer events are waiting for the next frames.
    bool has_pending() const { return !queue_.empty(); }
    std::uint64_t events_seen() const { return events_seen_; }

private:
    enum class Kind { move, down, up };
    struct PointerEvent {
        Kind kind;
        ImVec2 pos;
    };
    void pointer(Kind kind, ImVec2 pos);

    InputConfig cfg_;
    std::deque<PointerEvent> queue_;
    Gesture gesture_;
    ImVec2 pos_{-FLT_MAX, -FLT_MAX};  // the pointer ImGui sees
    bool button_ = false;             // the button state ImGui sees
    ImVec2 drag_last_{0, 0};
    ImVec2 drag_accum_{0, 0};
    double last_frame_s_ = 0;
    std::int64_t active_finger_ = -1;
    std::uint64_t events_seen_ = 0;
};

}  // namespace aul::platform
