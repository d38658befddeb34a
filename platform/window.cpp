#include "platform/window.h"

#include <SDL.h>
#include <SDL_opengl.h>
#include <imgui.h>
#include <backends/imgui_impl_opengl3.h>
#include <stb_image_write.h>

#include <cstring>
#include <vector>

namespace aul::platform {

namespace {
struct GlAttempt {
    int profile, major, minor;
    const char* glsl;
};
// Desktop GL 3.0 first (Mesa on boards and Xvfb), then GLES 3.0.
constexpr GlAttempt kAttempts[] = {
    {0, 3, 0, "#version 130"},
    {SDL_GL_CONTEXT_PROFILE_ES, 3, 0, "#version 300 es"},
};
}  // namespace

void Window::close() {
    if (renderer_ready_) ImGui_ImplOpenGL3_Shutdown();
    renderer_ready_ = false;
    if (gl_) SDL_GL_DeleteContext(gl_);
    if (window_) SDL_DestroyWindow(window_);
    if (window_ || gl_) SDL_QuitSubSystem(SDL_INIT_VIDEO);
    window_ = nullptr;
    gl_ = nullptr;
}

Status Window::open(const WindowConfig& config) {
    // Touch is translated by platform/input; SDL must not invent mouse events from it.
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    SDL_SetHint(SDL_HINT_VIDEO_X11_NET_WM_BYPASS_COMPOSITOR, "0");
    if (SDL_InitSubSystem(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0)
        return Error{std::string("cannot start the display: ") + SDL_GetError() +
                     ". Run under X11/Wayland, under Xvfb (xvfb-run), or on a console with "
                     "SDL_VIDEODRIVER=kmsdrm"};
    const char* driver = SDL_GetCurrentVideoDriver();
    can_block_ = !(driver && std::strcmp(driver, "kmsdrm") == 0);

    Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_ALLOW_HIGHDPI;
    flags |= config.fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : SDL_WINDOW_SHOWN;
    std::string last_error;
    for (const auto& a : kAttempts) {
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, a.profile);
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, a.major);
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, a.minor);
        SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
        window_ = SDL_CreateWindow(config.title.c_str(), SDL_WINDOWPOS_CENTERED,
                                   SDL_WINDOWPOS_CENTERED, config.width, config.height, flags);
        if (!window_) {
            last_error = SDL_GetError();
            continue;
        }
        gl_ = SDL_GL_CreateContext(window_);
        if (gl_) {
            SDL_GL_MakeCurrent(window_, gl_);
            SDL_GL_SetSwapInterval(1);
            if (!ImGui_ImplOpenGL3_Init(a.glsl)) return Error{"the OpenGL renderer failed to start"};
            renderer_ready_ = true;
            SDL_ShowCursor(SDL_DISABLE);  // touch kiosk: no pointer on screen
            return ok_status();
        }
        last_error = SDL_GetError();
        SDL_DestroyWindow(window_);
        window_ = nullptr;
    }
    return Error{"cannot create an OpenGL 3 or OpenGL ES 3 context on video driver '" +
                 std::string(driver ? driver : "?") + "': " + last_error};
}

int Window::width() const {
    int w = 0, h = 0;
    SDL_GL_GetDrawableSize(window_, &w, &h);
    return w;
}
int Window::height() const {
    int w = 0, h = 0;
    SDL_GL_GetDrawableSize(window_, &w, &h);
    return h;
}

void Window::begin_frame() {
    ImGui_ImplOpenGL3_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(width()), static_cast<float>(height()));
    io.DisplayFramebufferScale = ImVec2(1, 1);
}

void Window::render() {
    glViewport(0, 0, width(), height());
    glClearColor(0, 0, 0, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void Window::present() { SDL_GL_SwapWindow(window_); }

void Window::render_and_present() {
    render();
    present();
}

Status Window::write_png(const std::string& path) const {
    int w = width(), h = height();
    std::vector<unsigned char> pixels(static_cast<std::size_t>(w) * h * 3);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, w, h, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
    stbi_flip_vertically_on_write(1);  // GL rows run bottom-up
    // Light compression: the layout matrix writes hundreds of screens a run, and the
    // default level spends most of its time for a few percent of size.
    stbi_write_png_compression_level = 2;
    if (!stbi_write_png(path.c_str(), w, h, 3, pixels.data(), w * 3))
        return Error{"cannot write screenshot " + path + " (is the folder there and writable?)"};
    return ok_status();
}

void Window::reload_fonts() {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
}

}  // namespace aul::platform
