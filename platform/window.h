// The kiosk's SDL2 window and OpenGL context. The only place SDL video or GL is named.
#pragma once
#include <string>

#include "core/result.h"

struct SDL_Window;

namespace aul::platform {

// How the kiosk draws. `automatic` tries desktop OpenGL 3.0, then OpenGL ES 3.0, then
// desktop OpenGL 2.1 (the cheapest boards' GPUs: VideoCore IV, Mali-400/450), and takes
// the first the driver gives; the others force one path (tests, a driver that claims
// more than it draws).
enum class Renderer { automatic, gl3, gles3, gl2 };
// "auto", "gl3", "gles3", "gl2": the setting's words.
const char* renderer_name(Renderer r);
bool parse_renderer(const std::string& word, Renderer& out);

struct WindowConfig {
    bool fullscreen = true;      // kiosks run fullscreen; --windowed WxH turns this off
    int width = 1280;            // window size when not fullscreen (and the --size of shots)
    int height = 800;
    std::string title = "Aul";
    Renderer renderer = Renderer::automatic;
};

class Window {
public:
    struct Backend;

    Window() = default;
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;
    ~Window() { close(); }
    void close();  // before the ImGui context goes: the renderer lives inside it

    // Creates the window and a GL context (see Renderer) and starts the ImGui renderer
    // that fits it. The error says which driver failed and what to try.
    Status open(const WindowConfig& config);
    // The path that was taken (never `automatic` once open) and the driver's GL_VERSION.
    Renderer renderer() const { return renderer_; }
    const std::string& gl_version() const { return gl_version_; }

    void begin_frame();             // renderer new-frame, display size into ImGui IO
    void render_and_present();      // ImGui draw data to GL, swap
    void render();                  // ImGui draw data to GL without swap (for read-back)
    void present();

    // Reads the back buffer (after render(), before present()) into a PNG file.
    Status write_png(const std::string& path) const;

    // Uploads the font atlas (built, or rebuilt for large text) and frees the atlas's
    // pixels on the CPU: the GPU (or the software driver) keeps the only copy.
    Status upload_fonts();
    // Bytes a pixel of the font texture as uploaded: 1 (coverage alone) or 2.
    int font_texel_bytes() const { return font_texel_bytes_; }

    int width() const;
    int height() const;
    SDL_Window* sdl() const { return window_; }
    // True where SDL cannot block waiting for input (kmsdrm): the loop then wakes at a
    // bounded low rate instead of sleeping indefinitely.
    bool can_block_for_events() const { return can_block_; }

private:
    bool can_swizzle() const;

    SDL_Window* window_ = nullptr;
    void* gl_ = nullptr;
    bool can_block_ = true;
    bool renderer_ready_ = false;
    bool device_objects_ = false;
    unsigned int font_texture_ = 0;  // GLuint
    int font_texel_bytes_ = 0;
    Renderer renderer_ = Renderer::automatic;
    std::string gl_version_;
    const Backend* backend_ = nullptr;
};

}  // namespace aul::platform
