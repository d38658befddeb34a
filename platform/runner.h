// The kiosk's platform loop behind a plain struct of settings: the SDL window and its GL
// context, the ImGui context, touch input, frame pacing (a frame only when something
// changed), wake-ups from other threads, the systemd watchdog ping, screenshots and
// synthetic input for scripts. The program gives it callbacks and never names SDL.
#pragma once
#include <imgui.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "core/result.h"
#include "platform/input.h"
#include "platform/pacing.h"
#include "platform/window.h"

namespace aul::platform {

struct RunnerSettings {
    WindowConfig window;   // fullscreen by default; a size for --windowed, screenshots and scripts
    PacingConfig pacing;   // frames drawn after a change; the wake interval where SDL cannot block
    InputConfig input;     // the drag threshold
    // Draw every loop without sleeping: scripts and screenshots move on frame by frame.
    bool never_sleep = false;
    // Render until the program is settled, then write this PNG and stop ("" = off).
    std::string screenshot;
    // Once settled, stay untouched this many seconds, then print the loop's figures as one
    // JSON line (first frame, memory, font atlas, frames and wake-ups while idle: the loop's,
    // and every thread's context switches) and stop.
    double stats_after_s = 0;
};

// The process's resident memory now, KiB (the figures --stats-after prints; benchmarks).
long rss_kib();
// Its proportional share of memory (PSS, shared pages divided among their users), KiB; -1
// where the kernel does not say.
long pss_kib();

struct RunnerCallbacks {
    // Builds the font atlas into ImGui's IO again, between frames, after fonts_changed()
    // (the first atlas is built by open()'s `prepare`).
    std::function<Status()> build_fonts;
    // An input event arrived at `now` (seconds on the loop's clock).
    std::function<void(double now)> on_input;
    // Every time the loop wakes, before deciding whether to draw: take finished work,
    // run timers. It may ask for frames.
    std::function<void(double now)> between_frames;
    // The frame's contents, drawn inside one window over the whole screen.
    std::function<void(double now, float dt)> draw;
    // After each drawn frame: an exit code stops the loop.
    std::function<std::optional<int>(double now)> after_frame;
    // Nothing the screen is waiting for (a search, a task): screenshots and figures wait
    // for this.
    std::function<bool()> settled;
};

class Runner {
public:
    explicit Runner(RunnerSettings settings);
    ~Runner();
    Runner(const Runner&) = delete;
    Runner& operator=(const Runner&) = delete;

    // Before open(): the renderer the settings ask for (the window's default is automatic).
    void choose_renderer(Renderer r) { settings_.window.renderer = r; }
    // Creates the ImGui context and opens the window, and meanwhile runs `prepare` on a
    // thread of its own: what the first frame needs besides the window (the program's data,
    // the font atlas built into ImGui's IO). Loading the GL driver is most of a start under
    // software GL and much of it on a board, so the two overlap. `prepare` must touch
    // neither SDL nor GL, and of ImGui only the font atlas. The fonts are uploaded once
    // both are done; the first error of either is returned.
    Status open(const std::function<Status()>& prepare);
    // After open(): the renderer taken and the driver's GL_VERSION.
    Renderer renderer() const { return window_.renderer(); }
    const std::string& gl_version() const { return window_.gl_version(); }
    // Runs until SDL quits (SIGTERM: 0), a callback returns an exit code, a screenshot is
    // written (0, or 1 when it failed) or the figures are printed (0).
    int run(RunnerCallbacks callbacks);

    // From any thread: the loop comes round (to take a task's result).
    void wake();

    // UI thread.
    void request_frames() { pacer_.request_frames(); }
    void request_frame_at(double t) { pacer_.request_frame_at(t); }
    void fonts_changed() { fonts_dirty_ = true; }
    void request_screenshot(std::string path) { pending_shot_ = std::move(path); }
    bool screenshot_failed() const { return shot_failed_; }
    double now() const;
    const Gesture& gesture() const { return input_.gesture(); }
    bool input_pending() const { return input_.has_pending(); }
    bool pacer_idle() const { return pacer_.idle(); }
    ImVec2 size() const;
    // Keeps drawing frames while an animation (a fling) runs.
    void animating(bool on) { animating_ = on; }

    // Synthetic input through the same queue as real touches and keys.
    void inject_touch(TouchPhase phase, ImVec2 at_px);
    void inject_text(const std::string& utf8);

private:
    bool take_events(int timeout_ms, const RunnerCallbacks& cb);
    void draw_frame(double now, const RunnerCallbacks& cb);
    void ping_watchdog(double now);
    int finish_screenshot(const RunnerCallbacks& cb);
    void wait_for_quiet_threads() const;
    void print_figures(double idle_seconds, std::uint64_t frames, std::uint64_t wakeups, std::uint64_t thread_wakes) const;

    RunnerSettings settings_;
    Window window_;
    TouchInput input_;
    FramePacer pacer_;
    struct Service;
    std::unique_ptr<Service> service_;
    std::uint32_t wake_event_ = 0;
    bool imgui_ = false;
    bool fonts_dirty_ = false;
    bool animating_ = false;
    bool trimmed_ = false;
    std::string pending_shot_;
    bool shot_failed_ = false;
    double started_ = 0;
    double last_frame_ = 0;
    double first_frame_ms_ = -1;
    double next_ping_s_ = 0;
    std::uint64_t wakeups_ = 0;
};

}  // namespace aul::platform
