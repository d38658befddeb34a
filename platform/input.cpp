#include "platform/input.h"

#include <SDL.h>

#include <cmath>

namespace aul::platform {

namespace {
const ImVec2 kOffScreen{-FLT_MAX, -FLT_MAX};

int imgui_key_for(SDL_Scancode sc) { return static_cast<int>(sc); }

void map_keys(ImGuiIO& io) {
    if (io.KeyMap[ImGuiKey_Backspace] == SDL_SCANCODE_BACKSPACE) return;
    io.KeyMap[ImGuiKey_Tab] = SDL_SCANCODE_TAB;
    io.KeyMap[ImGuiKey_LeftArrow] = SDL_SCANCODE_LEFT;
    io.KeyMap[ImGuiKey_RightArrow] = SDL_SCANCODE_RIGHT;
    io.KeyMap[ImGuiKey_UpArrow] = SDL_SCANCODE_UP;
    io.KeyMap[ImGuiKey_DownArrow] = SDL_SCANCODE_DOWN;
    io.KeyMap[ImGuiKey_Home] = SDL_SCANCODE_HOME;
    io.KeyMap[ImGuiKey_End] = SDL_SCANCODE_END;
    io.KeyMap[ImGuiKey_Delete] = SDL_SCANCODE_DELETE;
    io.KeyMap[ImGuiKey_Backspace] = SDL_SCANCODE_BACKSPACE;
    io.KeyMap[ImGuiKey_Enter] = SDL_SCANCODE_RETURN;
    io.KeyMap[ImGuiKey_Escape] = SDL_SCANCODE_ESCAPE;
    io.KeyMap[ImGuiKey_KeyPadEnter] = SDL_SCANCODE_KP_ENTER;
    io.KeyMap[ImGuiKey_A] = SDL_SCANCODE_A;
    io.KeyMap[ImGuiKey_C] = SDL_SCANCODE_C;
    io.KeyMap[ImGuiKey_V] = SDL_SCANCODE_V;
    io.KeyMap[ImGuiKey_X] = SDL_SCANCODE_X;
    io.KeyMap[ImGuiKey_Z] = SDL_SCANCODE_Z;
}
}  // namespace

void TouchInput::pointer(Kind kind, ImVec2 pos) { queue_.push_back({kind, pos}); }

bool TouchInput::handle(const SDL_Event& e, int w, int h) {
    ImGuiIO& io = ImGui::GetIO();
    switch (e.type) {
        case SDL_FINGERDOWN:
            if (active_finger_ != -1) return true;  // one finger drives; others are ignored
            active_finger_ = e.tfinger.fingerId;
            pointer(Kind::down, {e.tfinger.x * w, e.tfinger.y * h});
            break;
        case SDL_FINGERMOTION:
            if (e.tfinger.fingerId != active_finger_) return false;
            pointer(Kind::move, {e.tfinger.x * w, e.tfinger.y * h});
            break;
        case SDL_FINGERUP:
            if (e.tfinger.fingerId != active_finger_) return false;
            active_finger_ = -1;
            pointer(Kind::up, {e.tfinger.x * w, e.tfinger.y * h});
            break;
        case SDL_MOUSEBUTTONDOWN:
            if (e.button.which == SDL_TOUCH_MOUSEID || e.button.button != SDL_BUTTON_LEFT) return false;
            pointer(Kind::down, {static_cast<float>(e.button.x), static_cast<float>(e.button.y)});
            break;
        case SDL_MOUSEBUTTONUP:
            if (e.button.which == SDL_TOUCH_MOUSEID || e.button.button != SDL_BUTTON_LEFT) return false;
            pointer(Kind::up, {static_cast<float>(e.button.x), static_cast<float>(e.button.y)});
            break;
        case SDL_MOUSEMOTION:
            // A mouse only matters while pressed: without hover, a kiosk behaves the same
            // for a mouse as for a finger.
            if (e.motion.which == SDL_TOUCH_MOUSEID || !(e.motion.state & SDL_BUTTON_LMASK)) return false;
            pointer(Kind::move, {static_cast<float>(e.motion.x), static_cast<float>(e.motion.y)});
            break;
        case SDL_MOUSEWHEEL:
            io.MouseWheel += static_cast<float>(e.wheel.y);
            break;
        case SDL_TEXTINPUT:
            io.AddInputCharactersUTF8(e.text.text);
            break;
        case SDL_KEYDOWN:
        case SDL_KEYUP: {
            map_keys(io);
            int key = imgui_key_for(e.key.keysym.scancode);
            if (key >= 0 && key < IM_ARRAYSIZE(io.KeysDown)) io.KeysDown[key] = e.type == SDL_KEYDOWN;
            SDL_Keymod mod = SDL_GetModState();
            io.KeyShift = (mod & KMOD_SHIFT) != 0;
            io.KeyCtrl = (mod & KMOD_CTRL) != 0;
            io.KeyAlt = (mod & KMOD_ALT) != 0;
            break;
        }
        default:
            return false;
    }
    ++events_seen_;
    return true;
}

void TouchInput::begin_frame(ImGuiIO& io, double now_s) {
    double dt = last_frame_s_ > 0 ? now_s - last_frame_s_ : 1.0 / 60;
    last_frame_s_ = now_s;
    gesture_.delta = {0, 0};
    gesture_.released_drag = false;
    drag_accum_ = {0, 0};

    bool button_changed = false;
    while (!queue_.empty()) {
        PointerEvent ev = queue_.front();
        bool changes_button = ev.kind != Kind::move;
        // At most one press or release per frame: a second one waits for the next frame.
        if (changes_button && button_changed) break;
        button_changed = button_changed || changes_button;
        queue_.pop_front();
        switch (ev.kind) {
            case Kind::down:
                gesture_ = Gesture{};
                gesture_.pressed = true;
                gesture_.start = ev.pos;
                gesture_.pressed_s = now_s;
                drag_last_ = ev.pos;
                pos_ = ev.pos;
                button_ = true;
                break;
            case Kind::move:
                if (!gesture_.pressed) break;
                if (!gesture_.dragging) {
                    float dx = ev.pos.x - gesture_.start.x, dy = ev.pos.y - gesture_.start.y;
                    if (std::sqrt(dx * dx + dy * dy) > cfg_.drag_threshold_px) {
                        gesture_.dragging = true;
                        // Cancel the press for widgets: released away from everything.
                        pos_ = kOffScreen;
                        button_ = false;
                    } else {
                        pos_ = ev.pos;
                    }
                }
                if (gesture_.dragging) {
                    drag_accum_.x += ev.pos.x - drag_last_.x;
                    drag_accum_.y += ev.pos.y - drag_last_.y;
                    drag_last_ = ev.pos;
                }
                break;
            case Kind::up:
                if (gesture_.dragging) {
                    gesture_.released_drag = true;
                } else {
                    pos_ = ev.pos;
                }
                button_ = false;
                gesture_.pressed = false;
                gesture_.dragging = false;
                break;
        }
    }
    gesture_.delta = drag_accum_;
    if (gesture_.dragging && dt > 0) {
        // Smoothed so a last jittery sample does not decide the fling.
        ImVec2 v{static_cast<float>(drag_accum_.x / dt), static_cast<float>(drag_accum_.y / dt)};
        gesture_.velocity.x = 0.6f * v.x + 0.4f * gesture_.velocity.x;
        gesture_.velocity.y = 0.6f * v.y + 0.4f * gesture_.velocity.y;
    }

    io.MousePos = pos_;
    io.MouseDown[0] = button_;
    // After a release has been seen for one frame, the pointer leaves: no sticky hover.
    if (!button_ && queue_.empty() && !gesture_.pressed) pos_ = kOffScreen;
}

}  // namespace aul::platform
