#include "platform/runner.h"

#include <SDL.h>
#include <dirent.h>
#include <malloc.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <thread>

#include "core/text.h"
#include "platform/log.h"
#include "platform/service.h"

namespace aul::platform {

namespace {
constexpr int kShotSettleFrames = 3;  // settled frames before a screenshot is taken

double steady_seconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// Every time any thread of the process was put back on a CPU after waiting or being
// preempted: the sum over /proc/self/task of the kernel's context switch counts. An idle
// program adds none; a worker that polls, or an audio device left open, does.
std::uint64_t thread_wakeups() {
    std::uint64_t total = 0;
    DIR* tasks = ::opendir("/proc/self/task");
    if (!tasks) return 0;
    while (dirent* e = ::readdir(tasks)) {
        if (e->d_name[0] == '.') continue;
        std::string path = std::string("/proc/self/task/") + e->d_name + "/status";
        FILE* f = std::fopen(path.c_str(), "r");
        if (!f) continue;
        char line[256];
        unsigned long long n = 0;
        while (std::fgets(line, sizeof line, f))
            if (std::sscanf(line, "voluntary_ctxt_switches: %llu", &n) == 1 ||
                std::sscanf(line, "nonvoluntary_ctxt_switches: %llu", &n) == 1)
                total += n;
        std::fclose(f);
    }
    ::closedir(tasks);
    return total;
}
}  // namespace

long rss_kib() {
    long pages = 0, resident = 0;
    if (FILE* f = std::fopen("/proc/self/statm", "r")) {
        if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
        std::fclose(f);
    }
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

long pss_kib() {
    long kib = -1;
    if (FILE* f = std::fopen("/proc/self/smaps_rollup", "r")) {
        char line[256];
        while (std::fgets(line, sizeof line, f))
            if (std::sscanf(line, "Pss: %ld kB", &kib) == 1) break;
        std::fclose(f);
    }
    return kib;
}

struct Runner::Service {
    ServiceNotifier notifier;
};

Runner::Runner(RunnerSettings settings)
    : settings_(std::move(settings)),
      input_(settings_.input),
      pacer_(settings_.pacing),
      service_(std::make_unique<Service>()),
      started_(steady_seconds()) {}

Runner::~Runner() {
    window_.close();  // the renderer lives inside the ImGui context
    if (imgui_) ImGui::DestroyContext();
}

double Runner::now() const { return steady_seconds() - started_; }

ImVec2 Runner::size() const { return ImVec2(static_cast<float>(window_.width()), static_cast<float>(window_.height())); }

void Runner::wake() {
    if (wake_event_ == 0) return;
    SDL_Event e{};
    e.type = wake_event_;
    SDL_PushEvent(&e);  // thread-safe: wakes the loop out of SDL_WaitEvent
}

Status Runner::open(const std::function<Status()>& prepare) {
    // Buffers of 128 KiB and more (the atlas's pixels, the texture's RGBA copy, a search's
    // rows) go straight back to the system when freed. glibc's default would raise this
    // threshold after the first such free and keep megabytes of start-up work in the heap.
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    imgui_ = true;
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // a kiosk has no window layout to remember
    io.LogFilename = nullptr;
    io.ConfigInputTextCursorBlink = false;  // a blinking caret would force frames forever
    double t0 = now();
    Status prepared = ok_status();
    double prepared_at = t0;
    std::thread beside([&] {
        if (prepare) prepared = prepare();
        prepared_at = now();
    });
    Status opened = window_.open(settings_.window);
    double t1 = now();
    beside.join();
    if (!prepared) return prepared;
    if (!opened) return opened;
    double t2 = now();
    if (auto s = window_.upload_fonts(); !s) return s;
    log::debug("window and GL context in " + std::to_string(std::lround((t1 - t0) * 1000)) + " ms, beside it the " +
               "data and fonts in " + std::to_string(std::lround((prepared_at - t0) * 1000)) + " ms, font texture of " +
               std::to_string(window_.font_texel_bytes()) + " byte(s) a pixel in " +
               std::to_string(std::lround((now() - t2) * 1000)) + " ms");
    wake_event_ = SDL_RegisterEvents(1);
    SDL_StartTextInput();
    return ok_status();
}

void Runner::inject_touch(TouchPhase phase, ImVec2 at) {
    SDL_Event e{};
    e.type = phase == TouchPhase::down ? SDL_FINGERDOWN : phase == TouchPhase::up ? SDL_FINGERUP : SDL_FINGERMOTION;
    e.tfinger.touchId = 1;
    e.tfinger.fingerId = 1;
    ImVec2 screen = size();
    e.tfinger.x = at.x / screen.x;
    e.tfinger.y = at.y / screen.y;
    e.tfinger.pressure = 1.0f;
    SDL_PushEvent(&e);
}

// Sends text the way a keyboard does: SDL_TEXTINPUT events of whole code points.
void Runner::inject_text(const std::string& utf8) {
    core::for_each_codepoint(utf8, [](char32_t, std::string_view bytes) {
        SDL_Event e{};
        e.type = SDL_TEXTINPUT;
        bytes.copy(e.text.text, sizeof e.text.text - 1);
        SDL_PushEvent(&e);
    });
}

// Waits for events up to `timeout_ms` (-1: until one comes) and takes all that came.
// False when SDL was asked to quit (SIGTERM, the window closed).
bool Runner::take_events(int timeout_ms, const RunnerCallbacks& cb) {
    SDL_Event e;
    bool got = timeout_ms < 0 ? SDL_WaitEvent(&e) : SDL_WaitEventTimeout(&e, timeout_ms);
    ++wakeups_;
    while (got) {
        if (e.type == SDL_QUIT) return false;
        if (input_.handle(e, window_.width(), window_.height())) {
            if (cb.on_input) cb.on_input(now());
            pacer_.request_frames();
        } else if (e.type == SDL_WINDOWEVENT || e.type == wake_event_) {
            pacer_.request_frames();
        }
        got = SDL_PollEvent(&e);
    }
    return true;
}

// The watchdog hears from the loop itself: a hung loop stops the pings and systemd
// restarts the program. The ping is a timer, so an idle loop still sleeps in between.
void Runner::ping_watchdog(double t) {
    double every = service_->notifier.ping_every_s();
    if (every <= 0) return;
    if (t >= next_ping_s_) {
        service_->notifier.alive();
        next_ping_s_ = t + every;
    }
    pacer_.request_frame_at(next_ping_s_);
}

void Runner::draw_frame(double t, const RunnerCallbacks& cb) {
    float dt = static_cast<float>(t - last_frame_);
    last_frame_ = t;
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = std::max(dt, 1e-4f);
    window_.begin_frame();
    input_.begin_frame(io, t);
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("##aul", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
    if (cb.draw) cb.draw(t, dt);
    ImGui::End();
    ImGui::Render();
    window_.render();
    if (!pending_shot_.empty()) {
        if (auto s = window_.write_png(pending_shot_); !s) {
            log::error(s.error());
            shot_failed_ = true;
        }
        pending_shot_.clear();
    }
    window_.present();
    if (first_frame_ms_ < 0) {
        first_frame_ms_ = now() * 1000.0;  // drawn and handed to the display
        log::info("first frame after " + std::to_string(std::lround(first_frame_ms_)) + " ms");
        service_->notifier.ready("serving residents");
    }
}

int Runner::finish_screenshot(const RunnerCallbacks& cb) {
    pending_shot_ = settings_.screenshot;
    draw_frame(now(), cb);
    return shot_failed_ ? 1 : 0;
}

void Runner::print_figures(double idle_seconds, std::uint64_t frames, std::uint64_t wakeups,
                           std::uint64_t thread_wakes) const {
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    // The font texture as uploaded: 1 or 2 bytes a pixel (Window::upload_fonts).
    // The heap: what the program (and the libraries it calls, GL's compiler among them)
    // holds in malloc's blocks, small and large.
    struct mallinfo2 heap = mallinfo2();
    std::printf("{\"heap_in_use_kib\": %zu, \"heap_free_kib\": %zu, ", (heap.uordblks + heap.hblkhd) / 1024,
                heap.fordblks / 1024);
    std::printf("\"first_frame_ms\": %.1f, \"rss_kib\": %ld, \"pss_kib\": %ld, \"font_atlas_kib\": %d, "
                "\"renderer\": \"%s\", \"idle_seconds\": %.1f, "
                "\"idle_frames\": %llu, \"idle_wakeups\": %llu, \"idle_thread_wakeups\": %llu}\n",
                first_frame_ms_, rss_kib(), pss_kib(), atlas.TexWidth * atlas.TexHeight * window_.font_texel_bytes() / 1024,
                renderer_name(window_.renderer()), idle_seconds,
                static_cast<unsigned long long>(frames), static_cast<unsigned long long>(wakeups),
                static_cast<unsigned long long>(thread_wakes));
}

// Threads that finish starting up after the loop settled (a library's worker polling a
// few times before it sleeps for good) are not the idle program: the figures start once a
// quarter second passes with no thread but this one waking (its own sleep), 10 s at most.
void Runner::wait_for_quiet_threads() const {
    for (int i = 0; i < 40; ++i) {
        std::uint64_t before = thread_wakeups();
        SDL_Delay(250);
        if (thread_wakeups() - before <= 1) return;
    }
}

int Runner::run(RunnerCallbacks cb) {
    pacer_.request_frames();
    auto settled = [&] { return !input_.has_pending() && !animating_ && pacer_.idle() && (!cb.settled || cb.settled()); };
    bool busy = settings_.never_sleep || !settings_.screenshot.empty();
    last_frame_ = now();
    double stats_from = -1;
    std::uint64_t frames_at_stats = 0, wakeups_at_stats = 0, thread_wakeups_at_stats = 0;
    int shot_frames = 0;
    for (;;) {
        double t = now();
        int timeout = busy ? 0 : pacer_.wait_timeout_ms(t, window_.can_block_for_events());
        if (settings_.stats_after_s > 0 && stats_from >= 0) {
            double left = stats_from + settings_.stats_after_s - t;
            if (left <= 0) break;
            int left_ms = static_cast<int>(left * 1000) + 1;
            timeout = timeout < 0 ? left_ms : std::min(timeout, left_ms);
        }
        if (!take_events(timeout, cb)) return 0;
        if (cb.between_frames) cb.between_frames(now());
        ping_watchdog(now());
        if (fonts_dirty_) {
            fonts_dirty_ = false;
            if (cb.build_fonts)
                if (auto s = cb.build_fonts(); !s) log::error(s.error());
            if (auto s = window_.upload_fonts(); !s) log::error(s.error());
            pacer_.request_frames();
        }
        t = now();
        bool wanted = pacer_.take_frame(t);
        if (!busy && !wanted) continue;
        draw_frame(t, cb);
        pacer_.request_continuous(input_.has_pending() || animating_);
        if (cb.after_frame)
            if (auto code = cb.after_frame(now())) return *code;
        if (!settings_.screenshot.empty() && settled() && ++shot_frames >= kShotSettleFrames)
            return finish_screenshot(cb);
        if (!trimmed_ && settled()) {
            // Start-up is over (fonts, GL, the first screen's work): hand the heap's free
            // pages back, so the kiosk at rest holds only what it uses.
            trimmed_ = true;
            malloc_trim(0);
        }
        if (settings_.stats_after_s > 0 && stats_from < 0 && settled()) {
            wait_for_quiet_threads();
            stats_from = now();
            frames_at_stats = pacer_.frames();
            wakeups_at_stats = wakeups_;
            thread_wakeups_at_stats = thread_wakeups();
        }
    }
    // The wake-up that ended the wait is the measurement's own, not the program's (one for
    // the loop, one context switch of its thread).
    std::uint64_t woke = thread_wakeups() - thread_wakeups_at_stats;
    print_figures(settings_.stats_after_s, pacer_.frames() - frames_at_stats, wakeups_ - wakeups_at_stats - 1,
                  woke > 0 ? woke - 1 : 0);
    return 0;
}

}  // namespace aul::platform
