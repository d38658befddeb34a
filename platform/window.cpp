#include "platform/window.h"

#include <SDL.h>
#include <SDL_opengl.h>
#include <imgui.h>
#include <backends/imgui_impl_opengl2.h>
#include <backends/imgui_impl_opengl3.h>
#include <stb_image_write.h>

#include "platform/log.h"

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <vector>

namespace aul::platform {

// The ImGui renderer of one path: the OpenGL 3 one serves desktop GL 3 and GLES 3 (told
// apart by its shading-language line), the OpenGL 2 one the fixed-function GL 2.1.
struct Window::Backend {
    Renderer renderer;
    int profile, major, minor;
    const char* glsl;
    const char* words;  // for the log
    bool (*init)(const char* glsl);
    void (*shutdown)();
    void (*new_frame)();
    void (*render)(ImDrawData*);
    bool (*create_device_objects)();
};

namespace {
bool init_gl2(const char*) { return ImGui_ImplOpenGL2_Init(); }

// In the order `automatic` tries them: desktop GL 3.0 (Mesa on boards and Xvfb), GLES 3.0,
// then GL 2.1 for the GPUs that have nothing newer.
const Window::Backend kBackends[] = {
    {Renderer::gl3, 0, 3, 0, "#version 130", "OpenGL 3.0", ImGui_ImplOpenGL3_Init, ImGui_ImplOpenGL3_Shutdown,
     ImGui_ImplOpenGL3_NewFrame, ImGui_ImplOpenGL3_RenderDrawData, ImGui_ImplOpenGL3_CreateDeviceObjects},
    {Renderer::gles3, SDL_GL_CONTEXT_PROFILE_ES, 3, 0, "#version 300 es", "OpenGL ES 3.0", ImGui_ImplOpenGL3_Init,
     ImGui_ImplOpenGL3_Shutdown, ImGui_ImplOpenGL3_NewFrame, ImGui_ImplOpenGL3_RenderDrawData,
     ImGui_ImplOpenGL3_CreateDeviceObjects},
    {Renderer::gl2, 0, 2, 1, nullptr, "OpenGL 2.1", init_gl2, ImGui_ImplOpenGL2_Shutdown, ImGui_ImplOpenGL2_NewFrame,
     ImGui_ImplOpenGL2_RenderDrawData, ImGui_ImplOpenGL2_CreateDeviceObjects},
};

// Errors left by drawing are not the next call's own (the OpenGL 3 backend sets
// desktop-only state that OpenGL ES refuses, harmlessly): forgotten before a call whose
// error is checked.
void forget_gl_errors() {
    while (glGetError() != GL_NO_ERROR) {
    }
}

std::string gl_string(GLenum name) {
    const auto* s = reinterpret_cast<const char*>(glGetString(name));
    return s ? s : "";
}
}  // namespace

const char* renderer_name(Renderer r) {
    switch (r) {
        case Renderer::automatic: return "auto";
        case Renderer::gl3: return "gl3";
        case Renderer::gles3: return "gles3";
        case Renderer::gl2: return "gl2";
    }
    return "auto";
}

bool parse_renderer(const std::string& word, Renderer& out) {
    for (Renderer r : {Renderer::automatic, Renderer::gl3, Renderer::gles3, Renderer::gl2})
        if (word == renderer_name(r)) return out = r, true;
    return false;
}

void Window::close() {
    if (font_texture_) glDeleteTextures(1, &font_texture_);
    font_texture_ = 0;
    if (renderer_ready_) backend_->shutdown();
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
    // Under X11 the context comes through EGL, as on a board's console (kmsdrm): one path
    // to test, and Mesa opens it 20-30 ms sooner than through GLX. A driver without EGL
    // can still be given GLX with SDL_VIDEO_X11_FORCE_EGL=0 (the environment wins).
    SDL_SetHint(SDL_HINT_VIDEO_X11_FORCE_EGL, "1");
    if (SDL_InitSubSystem(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0)
        return Error{std::string("cannot start the display: ") + SDL_GetError() +
                     ". Run under X11/Wayland, under Xvfb (xvfb-run), or on a console with "
                     "SDL_VIDEODRIVER=kmsdrm"};
    const char* driver = SDL_GetCurrentVideoDriver();
    can_block_ = !(driver && std::strcmp(driver, "kmsdrm") == 0);

    Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_ALLOW_HIGHDPI;
    flags |= config.fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : SDL_WINDOW_SHOWN;
    std::string tried;
    for (const auto& b : kBackends) {
        if (config.renderer != Renderer::automatic && config.renderer != b.renderer) continue;
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, b.profile);
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, b.major);
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, b.minor);
        SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
        // ImGui draws in order with no depth test: a depth buffer (SDL asks for 16 bits
        // unless told) would be a screen's worth of memory for nothing.
        SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
        window_ = SDL_CreateWindow(config.title.c_str(), SDL_WINDOWPOS_CENTERED,
                                   SDL_WINDOWPOS_CENTERED, config.width, config.height, flags);
        if (window_) gl_ = SDL_GL_CreateContext(window_);
        if (gl_) {
            SDL_GL_MakeCurrent(window_, gl_);
            SDL_GL_SetSwapInterval(1);
            gl_version_ = gl_string(GL_VERSION);
            if (!b.init(b.glsl))
                return Error{std::string("the ") + b.words + " renderer failed to start on GL_VERSION '" + gl_version_ + "'"};
            backend_ = &b;
            renderer_ = b.renderer;
            renderer_ready_ = true;
            log::info(std::string("drawing with the ") + b.words + " renderer (" + renderer_name(b.renderer) +
                      ") on GL_VERSION '" + gl_version_ + "', GL_RENDERER '" + gl_string(GL_RENDERER) + "'" +
                      (tried.empty() ? "" : "; not available: " + tried));
            SDL_ShowCursor(SDL_DISABLE);  // touch kiosk: no pointer on screen
            return ok_status();
        }
        tried += std::string(tried.empty() ? "" : "; ") + b.words + " (" + SDL_GetError() + ")";
        if (window_) SDL_DestroyWindow(window_);
        window_ = nullptr;
    }
    return Error{"cannot create an OpenGL context on video driver '" + std::string(driver ? driver : "?") +
                 "' for " + (config.renderer == Renderer::automatic ? "any renderer" : std::string("renderer ") +
                 renderer_name(config.renderer)) + ": " + tried +
                 (config.renderer == Renderer::automatic ? "" : ". Try [display] renderer = auto")};
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
    backend_->new_frame();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(width()), static_cast<float>(height()));
    io.DisplayFramebufferScale = ImVec2(1, 1);
}

void Window::render() {
    glViewport(0, 0, width(), height());
    glClearColor(0, 0, 0, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    backend_->render(ImGui::GetDrawData());
}

void Window::present() { SDL_GL_SwapWindow(window_); }

void Window::render_and_present() {
    render();
    present();
}

Status Window::write_png(const std::string& path) const {
    int w = width(), h = height();
    // RGBA: the one read-back format OpenGL ES guarantees (RGB reads nothing there).
    std::vector<unsigned char> pixels(static_cast<std::size_t>(w) * h * 4);
    forget_gl_errors();
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    if (GLenum e = glGetError(); e != GL_NO_ERROR)
        return Error{"cannot read the screen back for " + path + " (GL error " + std::to_string(e) + ")"};
    for (std::size_t i = 0, n = static_cast<std::size_t>(w) * h; i < n; ++i)  // drop alpha: RGB in place
        std::memmove(&pixels[i * 3], &pixels[i * 4], 3);
    stbi_flip_vertically_on_write(1);  // GL rows run bottom-up
    // Light compression: the layout matrix writes hundreds of screens a run, and the
    // default level spends most of its time for a few percent of size.
    stbi_write_png_compression_level = 2;
    if (!stbi_write_png(path.c_str(), w, h, 3, pixels.data(), w * 3))
        return Error{"cannot write screenshot " + path + " (is the folder there and writable?)"};
    return ok_status();
}

// Whether a texture can be told to read as other channels (GL_TEXTURE_SWIZZLE_*): core in
// OpenGL ES 3.0 and OpenGL 3.3, an extension before that.
bool Window::can_swizzle() const {
    if (renderer_ == Renderer::gles3) return true;
    if (renderer_ != Renderer::gl3) return false;
    int major = 0, minor = 0;
    if (std::sscanf(gl_version_.c_str(), "%d.%d", &major, &minor) == 2 && (major > 3 || (major == 3 && minor >= 3)))
        return true;
    std::string extensions = gl_string(GL_EXTENSIONS);  // a compatibility context still has it
    return extensions.find("GL_ARB_texture_swizzle") != std::string::npos ||
           extensions.find("GL_EXT_texture_swizzle") != std::string::npos;
}

// ImGui's backends upload the atlas as RGBA, 4 bytes a pixel of white with the glyph's
// coverage as alpha, and with software GL that memory is the kiosk's own. Here it goes up
// as the coverage alone, one byte a pixel (GL_ALPHA): the fixed-function OpenGL 2 path
// multiplies the vertex colour by it as it is, and the shader paths are told to read the
// texture as white (swizzle). A GL 3.0 driver without swizzle gets luminance-alpha, two
// bytes a pixel. Nothing is converted on the CPU for the first, and the first frame does
// not wait for it. The backend is given a 1x1 stand-in to upload (it needs a texture of its
// own to start), and the atlas is uploaded here and named as the font texture.
Status Window::upload_fonts() {
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    GLint max_side = 0;
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &max_side);
    if (max_side > 0 && (atlas.TexWidth > max_side || atlas.TexHeight > max_side))
        return Error{"the font atlas (" + std::to_string(atlas.TexWidth) + "x" + std::to_string(atlas.TexHeight) +
                     ") is larger than this GPU's textures (" + std::to_string(max_side) +
                     "); set a lower [display] dpi"};
    unsigned char* coverage = nullptr;
    int w = 0, h = 0;
    atlas.GetTexDataAsAlpha8(&coverage, &w, &h);
    if (!device_objects_) {
        auto* stand_in = static_cast<unsigned char*>(IM_ALLOC(4));
        std::memset(stand_in, 0xFF, 4);
        atlas.TexPixelsRGBA32 = reinterpret_cast<unsigned int*>(stand_in);
        atlas.TexWidth = atlas.TexHeight = 1;
        device_objects_ = backend_->create_device_objects();  // shaders (GL 3) and the stand-in
        atlas.TexWidth = w;
        atlas.TexHeight = h;
        IM_FREE(atlas.TexPixelsRGBA32);
        atlas.TexPixelsRGBA32 = nullptr;
        if (!device_objects_) return Error{"the OpenGL renderer could not make its shaders and textures"};
    }
    bool one_byte = renderer_ == Renderer::gl2 || can_swizzle();
    std::vector<unsigned char> pairs;  // luminance-alpha, only where swizzle is missing
    if (!one_byte) {
        pairs.resize(static_cast<std::size_t>(w) * h * 2);
        for (std::size_t i = 0, n = static_cast<std::size_t>(w) * h; i < n; ++i) {
            pairs[i * 2] = 0xFF;
            pairs[i * 2 + 1] = coverage[i];
        }
    }
    if (font_texture_) glDeleteTextures(1, &font_texture_);
    glGenTextures(1, &font_texture_);
    glBindTexture(GL_TEXTURE_2D, font_texture_);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    forget_gl_errors();
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    if (one_byte) {
        if (renderer_ != Renderer::gl2) {
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_R, GL_ONE);
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_G, GL_ONE);
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_B, GL_ONE);
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_A, GL_ALPHA);
        }
        glTexImage2D(GL_TEXTURE_2D, 0, GL_ALPHA, w, h, 0, GL_ALPHA, GL_UNSIGNED_BYTE, coverage);
    } else {
        glTexImage2D(GL_TEXTURE_2D, 0, GL_LUMINANCE_ALPHA, w, h, 0, GL_LUMINANCE_ALPHA, GL_UNSIGNED_BYTE, pairs.data());
    }
    if (GLenum e = glGetError(); e != GL_NO_ERROR)
        return Error{"the font texture could not be uploaded to the GPU (GL error " + std::to_string(e) + ")"};
    font_texel_bytes_ = one_byte ? 1 : 2;
    atlas.SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(font_texture_)));
    atlas.ClearTexData();  // the texture holds the pixels now
    return ok_status();
}

}  // namespace aul::platform
