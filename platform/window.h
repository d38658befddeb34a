// The kiosk's SDL2 window and OpenGL context. The only place SDL video or GL is named.
#pragma once
#include <string>

#include "core/result.h"

struct SDL_Window;

namespace aul::platform {

struct WindowConfig {
    bool fullscreen = true;      // kiosks run fullscreen; --windowed WxH turns this off
    int width = 1280;            // window size when not fullscreen (and the --size of shots)
    int height = 800;
    std::string title = "Aul";
};

class Window {
public:
    Window() = default;
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;
    ~Window() { close(); }
    void close();  // before the ImGui context goes: the renderer lives inside it

    // Creates the window, a GL 3 context (GLES 3 as a fallback) and initialises the
    // ImGui OpenGL renderer. The error says which driver failed and what to try.
    Status open(const WindowConfig& config);

    void begin_frame();             // renderer new-frame, display size into ImGui IO
    void render_and_present();      // ImGui draw data to GL, swap
    void render();                  // ImGui draw data to GL without swap (for read-back)
    void present();

    // Reads the back buffer (after render(), before present()) into a PNG file.
    Status write_png(const std::string& path) const;

    // Re-uploads the font atlas after it was rebuilt (large-text mode).
    void reload_fonts();

    int width() const;
    int height() const;
    SDL_Window* sdl() const { return window_; }
    // True where SDL cannot block waiting for input (kmsdrm): the loop then wakes at a
    // bounded low rate instead of sleeping indefinitely.
    bool can_block_for_events() const { return can_block_; }

private:
    SDL_Window* window_ = nullptr;
    void* gl_ = nullptr;
    bool can_block_ = true;
    bool renderer_ready_ = false;
};

}  // namespace aul::platform
