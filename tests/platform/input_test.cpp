#include <SDL.h>
#include <doctest/doctest.h>
#include <imgui.h>

#include "platform/input.h"

using namespace aul::platform;

namespace {
// An ImGui context with a built font, enough to run frames without a window.
struct Frames {
    Frames() {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(800, 600);
        io.IniFilename = nullptr;
        unsigned char* px;
        int w, h;
        io.Fonts->GetTexDataAsAlpha8(&px, &w, &h);
        // Windows become hoverable the frame after they first appear, as in the app.
        TouchInput idle;
        frame(idle, 0);
        frame(idle, 0);
    }
    ~Frames() { ImGui::DestroyContext(); }

    // One frame with a 200x100 button at (100,100); returns whether it was clicked.
    bool frame(TouchInput& in, double t) {
        in.begin_frame(ImGui::GetIO(), t);
        ImGui::GetIO().DeltaTime = 1.0f / 60;
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(800, 600));
        ImGui::Begin("w", nullptr, ImGuiWindowFlags_NoDecoration);
        ImGui::SetCursorScreenPos(ImVec2(100, 100));
        bool clicked = ImGui::Button("target", ImVec2(200, 100));
        ImGui::End();
        ImGui::Render();
        return clicked;
    }
};

SDL_Event finger(Uint32 type, float x, float y) {
    SDL_Event e{};
    e.type = type;
    e.tfinger.fingerId = 7;
    e.tfinger.x = x / 800;
    e.tfinger.y = y / 600;
    return e;
}
}  // namespace

TEST_CASE("a tap whose down and up arrive together is exactly one click") {
    Frames f;
    TouchInput in;
    in.handle(finger(SDL_FINGERDOWN, 200, 150), 800, 600);
    in.handle(finger(SDL_FINGERUP, 200, 150), 800, 600);
    int clicks = 0;
    for (int i = 0; i < 5; ++i) clicks += f.frame(in, i / 60.0);
    CHECK(clicks == 1);
}

TEST_CASE("after a release the pointer leaves: no hover sticks") {
    Frames f;
    TouchInput in;
    in.handle(finger(SDL_FINGERDOWN, 200, 150), 800, 600);
    in.handle(finger(SDL_FINGERUP, 200, 150), 800, 600);
    for (int i = 0; i < 4; ++i) f.frame(in, i / 60.0);
    CHECK(ImGui::GetIO().MousePos.x < -1e30f);
    CHECK_FALSE(ImGui::IsAnyItemHovered());
}

TEST_CASE("a drag scrolls instead of tapping and reports its movement") {
    Frames f;
    TouchInput in;
    int clicks = 0;
    in.handle(finger(SDL_FINGERDOWN, 200, 150), 800, 600);
    clicks += f.frame(in, 0);
    float moved = 0;
    for (int i = 1; i <= 5; ++i) {
        in.handle(finger(SDL_FINGERMOTION, 200, 150 - 20.0f * i), 800, 600);
        clicks += f.frame(in, i / 60.0);
        CHECK(in.gesture().pressed);
        moved += in.gesture().delta.y;
    }
    CHECK(in.gesture().dragging);
    in.handle(finger(SDL_FINGERUP, 200, 50), 800, 600);
    clicks += f.frame(in, 6 / 60.0);
    CHECK(in.gesture().released_drag);
    CHECK(in.gesture().velocity.y < 0);
    clicks += f.frame(in, 7 / 60.0);
    CHECK(clicks == 0);
    CHECK(moved < -50);  // the first 20 px were within the threshold; the rest scroll
}

TEST_CASE("a second finger does not disturb the first") {
    Frames f;
    TouchInput in;
    in.handle(finger(SDL_FINGERDOWN, 200, 150), 800, 600);
    SDL_Event other = finger(SDL_FINGERDOWN, 600, 500);
    other.tfinger.fingerId = 8;
    in.handle(other, 800, 600);
    other.type = SDL_FINGERUP;
    in.handle(other, 800, 600);
    in.handle(finger(SDL_FINGERUP, 200, 150), 800, 600);
    int clicks = 0;
    for (int i = 0; i < 5; ++i) clicks += f.frame(in, i / 60.0);
    CHECK(clicks == 1);
}

TEST_CASE("fast typing: ten taps queued at once are ten clicks, none lost or doubled") {
    Frames f;
    TouchInput in;
    for (int i = 0; i < 10; ++i) {
        in.handle(finger(SDL_FINGERDOWN, 150.0f + i, 150), 800, 600);
        in.handle(finger(SDL_FINGERUP, 150.0f + i, 150), 800, 600);
    }
    int clicks = 0;
    for (int i = 0; i < 40; ++i) clicks += f.frame(in, i / 60.0);
    CHECK(clicks == 10);
    CHECK_FALSE(in.has_pending());
}

TEST_CASE("a held finger remembers when it went down, for long holds") {
    Frames f;
    TouchInput in;
    in.handle(finger(SDL_FINGERDOWN, 10, 10), 800, 600);
    f.frame(in, 5.0);
    CHECK(in.gesture().pressed);
    CHECK(in.gesture().pressed_s == doctest::Approx(5.0));
    f.frame(in, 8.2);  // still held three seconds later: the start is unchanged
    CHECK(in.gesture().pressed);
    CHECK(in.gesture().pressed_s == doctest::Approx(5.0));
    CHECK_FALSE(in.gesture().dragging);
    in.handle(finger(SDL_FINGERUP, 10, 10), 800, 600);
    f.frame(in, 8.3);
    CHECK_FALSE(in.gesture().pressed);
}
