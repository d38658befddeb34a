#include "platform/fonts.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H
#include <imgui.h>
#include <imgui_freetype.h>
#include <utf8proc.h>
#include <zlib.h>

#include "core/files.h"
#include "core/text.h"

#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <regex>

namespace aul::platform {

namespace {

// Ranges the atlas covers; kept static because ImGui keeps the pointer until it builds.
const ImWchar kTextRanges[] = {
    0x0020, 0x00FF,  // Basic Latin + Latin-1 (« » and Kazakh Latin Ä Ö Ü)
    0x0100, 0x017F,  // Latin Extended-A (Kazakh Latin Ğ Ş Ū İ ı Ñ)
    0x0400, 0x045F,  // Cyrillic, Russian and І і
    0x0492, 0x0493,  // Ғ ғ
    0x049A, 0x049B,  // Қ қ
    0x04A2, 0x04A3,  // Ң ң
    0x04AE, 0x04B1,  // Ү ү Ұ ұ
    0x04BA, 0x04BB,  // Һ һ
    0x04D8, 0x04D9,  // Ә ә
    0x04E8, 0x04E9,  // Ө ө
    0x2010, 0x205E,  // General Punctuation (dashes, quotes, ellipsis, bullet)
    0x20B8, 0x20B8,  // ₸ tenge
    0x2116, 0x2116,  // № numero
    0x2190, 0x2193,  // arrows
    0,
};

bool file_readable(const std::string& path) { return std::ifstream(path).good(); }

Status require(const std::string& path, const char* package) {
    if (file_readable(path)) return ok_status();
    return Error{"font file " + path + " is missing; install the Debian package " + package};
}

ImFont* add_face(ImFontAtlas& atlas, const std::string& path, float px, const ImWchar* ranges,
                 bool merge) {
    ImFontConfig cfg;
    cfg.MergeMode = merge;
    cfg.OversampleH = 1;  // FreeType hinting makes oversampling unnecessary
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    cfg.GlyphMinAdvanceX = merge ? px : 0;  // icons as wide as they are tall, for alignment
    return atlas.AddFontFromFileTTF(path.c_str(), px, &cfg, ranges);
}

}  // namespace

Status IconNames::load(const std::string& css_path) {
    auto read = core::read_whole_file(css_path);
    if (!read) return Error{"icon names " + css_path + " are missing; install fonts-font-awesome"};
    const std::string& css = *read;
    // Rules look like: .fa-child:before {\n  content: "\f1ae";\n}; aliases share a rule.
    static const std::regex rule(R"re(((?:\.fa-[a-z0-9-]+:before,?\s*)+)\{\s*content:\s*"\\([0-9a-f]+)")re");
    static const std::regex name(R"(\.fa-([a-z0-9-]+):before)");
    for (std::sregex_iterator it(css.begin(), css.end(), rule), end; it != end; ++it) {
        auto cp = static_cast<std::uint32_t>(std::stoul((*it)[2].str(), nullptr, 16));
        std::string names = (*it)[1].str();
        for (std::sregex_iterator n(names.begin(), names.end(), name); n != end; ++n)
            map_.emplace((*n)[1].str(), cp);
    }
    if (map_.empty()) return Error{"no icon names found in " + css_path};
    return ok_status();
}

std::uint32_t IconNames::codepoint(std::string_view name) const {
    auto it = map_.find(name);
    return it == map_.end() ? 0 : it->second;
}

std::string IconNames::glyph(std::string_view name) const {
    std::uint32_t cp = codepoint(name);
    if (!cp) return {};
    utf8proc_uint8_t buf[4];
    auto n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), buf);
    return std::string(reinterpret_cast<char*>(buf), static_cast<std::size_t>(n));
}

namespace {

// The atlas's settings, whether it is rasterised or loaded.
void prepare(ImFontAtlas& atlas) {
    atlas.Clear();
    atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    atlas.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
    atlas.TexDesiredWidth = 2048;
    // GL 2.1 (with non-power-of-two textures), GL 3 and GLES 3 take any texture height:
    // rounding it up to a power of two would double the atlas for a few icons more.
    atlas.Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
}

Result<FontSet> rasterise(ImFontAtlas& atlas, const FontFiles& files, const FontSizes& sizes,
                          const std::vector<std::uint32_t>& sorted_icons) {
    // ImGui keeps the range pointer until the atlas is built; one static buffer serves.
    static std::vector<ImWchar> icon_ranges;
    icon_ranges.clear();
    for (auto cp : sorted_icons)
        if (cp > 0 && cp <= 0xFFFF) {
            icon_ranges.push_back(static_cast<ImWchar>(cp));
            icon_ranges.push_back(static_cast<ImWchar>(cp));
        }
    icon_ranges.push_back(0);
    const bool have_icons = icon_ranges.size() > 1;

    prepare(atlas);

    FontSet set;
    auto text_face = [&](const std::string& path, float px) {
        ImFont* f = add_face(atlas, path, px, kTextRanges, false);
        if (f && have_icons) add_face(atlas, files.icons, px * 0.9f, icon_ranges.data(), true);
        return f;
    };
    set.body = text_face(files.regular, sizes.body);
    set.small = text_face(files.regular, sizes.small);
    set.heading = text_face(files.bold, sizes.heading);
    static const ImWchar kDisplayRanges[] = {0x0020, 0x0020, 0x0030, 0x0039, 0x0041, 0x005A, 0};
    set.display = add_face(atlas, files.bold, sizes.display, kDisplayRanges, false);
    if (have_icons) {
        ImFontConfig cfg;
        cfg.GlyphMinAdvanceX = sizes.icon;
        set.icon = atlas.AddFontFromFileTTF(files.icons.c_str(), sizes.icon, &cfg, icon_ranges.data());
    } else {
        set.icon = set.heading;
    }
    if (!set.body || !set.small || !set.heading || !set.icon || !set.display || !atlas.Build())
        return Error{"the font atlas could not be built (FreeType failed to read a font file)"};
    return set;
}

// --- the atlas kept on disk ---

constexpr std::uint32_t kCacheMagic = 0x41554C46;  // "AULF" as this machine writes it
constexpr std::size_t kMaxCacheBytes = 64u << 20;
constexpr int kMaxTexSide = 16384;
constexpr std::uint32_t kMaxGlyphs = 65536;
constexpr std::size_t kCachesKept = 4;

// zlib's CRC-32 of the bytes, for the file's checksum (a few GB/s: a ms for the atlas).
std::uint64_t checksum(std::string_view bytes) {
    uLong crc = crc32_z(0L, Z_NULL, 0);
    return crc32_z(crc, reinterpret_cast<const Bytef*>(bytes.data()), bytes.size());
}

// A name for the key (FNV-1a): the file's name, not its check.
std::uint64_t fnv1a(std::string_view bytes) {
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : bytes) h = (h ^ c) * 1099511628211ull;
    return h;
}

// Everything the atlas is made of, in words: a change to any of it builds a new one.
std::string cache_key(const FontFiles& files, const FontSizes& sizes, const std::vector<std::uint32_t>& icons) {
    std::string key = "aul font atlas 1; imgui " + std::to_string(IMGUI_VERSION_NUM) + "; glyph " +
                      std::to_string(sizeof(ImFontGlyph)) + "; wchar " + std::to_string(sizeof(ImWchar)) + "; files";
    for (const std::string* path : {&files.regular, &files.bold, &files.icons}) {
        struct stat st {};
        ::stat(path->c_str(), &st);
        key += " " + *path + ":" + std::to_string(st.st_size) + ":" + std::to_string(st.st_mtim.tv_sec) + "." +
               std::to_string(st.st_mtim.tv_nsec);
    }
    char buf[128];
    std::snprintf(buf, sizeof buf, "; sizes %.4f %.4f %.4f %.4f %.4f; ranges", sizes.body, sizes.small, sizes.heading,
                  sizes.icon, sizes.display);
    key += buf;
    for (const ImWchar* r = kTextRanges; *r; ++r) key += " " + std::to_string(*r);
    key += "; icons";
    for (auto cp : icons) key += " " + std::to_string(cp);
    return key;
}

std::string cache_path(const std::string& dir, const std::string& key) {
    char name[40];
    std::snprintf(name, sizeof name, "/fonts-%016llx.atlas", static_cast<unsigned long long>(fnv1a(key)));
    return dir + name;
}

// Plain values appended to, and read back from, the file's bytes.
struct Writer {
    std::string out;
    template <typename T> void put(const T& v) { out.append(reinterpret_cast<const char*>(&v), sizeof v); }
    void put_bytes(const void* p, std::size_t n) { out.append(static_cast<const char*>(p), n); }
};
struct Reader {
    std::string_view in;
    bool ok = true;
    template <typename T> T get() {
        T v{};
        if (in.size() < sizeof v) return ok = false, v;
        std::memcpy(&v, in.data(), sizeof v);
        in.remove_prefix(sizeof v);
        return v;
    }
    std::string_view take(std::size_t n) {
        if (in.size() < n) return ok = false, std::string_view{};
        auto v = in.substr(0, n);
        in.remove_prefix(n);
        return v;
    }
};

int font_index(const ImFontAtlas& atlas, const ImFont* f) {
    for (int i = 0; i < atlas.Fonts.Size; ++i)
        if (atlas.Fonts[i] == f) return i;
    return -1;
}

std::string serialise(const ImFontAtlas& atlas, const FontSet& set, const std::string& key) {
    Writer w;
    w.put(kCacheMagic);
    w.put(static_cast<std::uint32_t>(key.size()));
    w.put_bytes(key.data(), key.size());
    w.put(atlas.TexWidth);
    w.put(atlas.TexHeight);
    w.put(atlas.TexUvWhitePixel);
    w.put_bytes(atlas.TexUvLines, sizeof atlas.TexUvLines);
    for (const ImFont* f : {set.body, set.small, set.heading, set.icon, set.display}) w.put(font_index(atlas, f));
    w.put(static_cast<std::uint32_t>(atlas.Fonts.Size));
    for (const ImFont* f : atlas.Fonts) {
        w.put(f->FontSize);
        w.put(f->Ascent);
        w.put(f->Descent);
        w.put(f->Scale);
        w.put(f->FallbackChar);
        w.put(f->EllipsisChar);
        w.put(f->DotChar);
        w.put(static_cast<std::uint32_t>(f->Glyphs.Size));
        w.put_bytes(f->Glyphs.Data, sizeof(ImFontGlyph) * static_cast<std::size_t>(f->Glyphs.Size));
    }
    w.put_bytes(atlas.TexPixelsAlpha8, static_cast<std::size_t>(atlas.TexWidth) * atlas.TexHeight);
    w.put(checksum(w.out));
    return w.out;
}

bool glyph_sane(const ImFontGlyph& g) {
    auto unit = [](float v) { return v >= 0.0f && v <= 1.0f; };
    return g.Codepoint <= 0xFFFF && unit(g.U0) && unit(g.V0) && unit(g.U1) && unit(g.V1) && std::isfinite(g.AdvanceX) &&
           std::isfinite(g.X0) && std::isfinite(g.Y0) && std::isfinite(g.X1) && std::isfinite(g.Y1);
}

// Loads the atlas from `bytes` into `atlas`, or says why it cannot. Every count and
// size is checked against the bytes before it is used: the file may be damaged or foreign.
Result<FontSet> deserialise(ImFontAtlas& atlas, std::string_view bytes, const std::string& key) {
    if (bytes.size() < sizeof(std::uint64_t)) return Error{"too short"};
    std::string_view body = bytes.substr(0, bytes.size() - sizeof(std::uint64_t));
    std::uint64_t sum = 0;
    std::memcpy(&sum, bytes.data() + body.size(), sizeof sum);
    if (sum != checksum(body)) return Error{"damaged (checksum)"};
    Reader r{body};
    if (r.get<std::uint32_t>() != kCacheMagic) return Error{"not an atlas of this machine"};
    auto key_len = r.get<std::uint32_t>();
    if (!r.ok || key_len > 65536 || r.take(key_len) != key) return Error{"made from other fonts or sizes"};
    int w = r.get<int>(), h = r.get<int>();
    auto white = r.get<ImVec2>();
    auto lines = r.take(sizeof atlas.TexUvLines);
    std::array<int, 5> roles{};
    for (int& i : roles) i = r.get<int>();
    auto count = r.get<std::uint32_t>();
    if (!r.ok || w <= 0 || h <= 0 || w > kMaxTexSide || h > kMaxTexSide || count == 0 || count > 16)
        return Error{"damaged (header)"};
    for (int i : roles)
        if (i < 0 || i >= static_cast<int>(count)) return Error{"damaged (faces)"};

    prepare(atlas);
    for (std::uint32_t i = 0; i < count; ++i) {
        ImFont* f = IM_NEW(ImFont);
        atlas.Fonts.push_back(f);  // owned by the atlas from here on, freed by its Clear()
        f->ContainerAtlas = &atlas;
        f->FontSize = r.get<float>();
        f->Ascent = r.get<float>();
        f->Descent = r.get<float>();
        f->Scale = r.get<float>();
        f->FallbackChar = r.get<ImWchar>();
        f->EllipsisChar = r.get<ImWchar>();
        f->DotChar = r.get<ImWchar>();
        auto glyphs = r.get<std::uint32_t>();
        if (!r.ok || glyphs == 0 || glyphs > kMaxGlyphs || !(f->FontSize > 0 && f->FontSize < 1000) ||
            !std::isfinite(f->Ascent) || !std::isfinite(f->Descent) || !(f->Scale > 0 && f->Scale < 100))
            return atlas.Clear(), Error{"damaged (face " + std::to_string(i) + ")"};
        auto raw = r.take(sizeof(ImFontGlyph) * glyphs);
        if (!r.ok) return atlas.Clear(), Error{"damaged (glyphs)"};
        f->Glyphs.resize(static_cast<int>(glyphs));
        std::memcpy(f->Glyphs.Data, raw.data(), raw.size());
        for (const ImFontGlyph& g : f->Glyphs)
            if (!glyph_sane(g)) return atlas.Clear(), Error{"damaged (a glyph)"};
        f->BuildLookupTable();
    }
    auto pixels = r.take(static_cast<std::size_t>(w) * h);
    if (!r.ok || !r.in.empty()) return atlas.Clear(), Error{"damaged (pixels)"};
    atlas.TexWidth = w;
    atlas.TexHeight = h;
    atlas.TexUvScale = ImVec2(1.0f / static_cast<float>(w), 1.0f / static_cast<float>(h));
    atlas.TexUvWhitePixel = white;
    std::memcpy(atlas.TexUvLines, lines.data(), lines.size());
    atlas.TexPixelsAlpha8 = static_cast<unsigned char*>(IM_ALLOC(pixels.size()));
    std::memcpy(atlas.TexPixelsAlpha8, pixels.data(), pixels.size());
    atlas.TexReady = true;
    FontSet set;
    set.body = atlas.Fonts[roles[0]];
    set.small = atlas.Fonts[roles[1]];
    set.heading = atlas.Fonts[roles[2]];
    set.icon = atlas.Fonts[roles[3]];
    set.display = atlas.Fonts[roles[4]];
    return set;
}

// Keeps the newest few atlases of the folder (standard and large text, a dpi changed).
void prune_cache(const std::string& dir) {
    namespace fs = std::filesystem;
    std::vector<std::pair<fs::file_time_type, fs::path>> atlases;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (it->path().extension() == ".atlas") atlases.emplace_back(it->last_write_time(ec), it->path());
    if (atlases.size() <= kCachesKept) return;
    std::sort(atlases.begin(), atlases.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (std::size_t i = kCachesKept; i < atlases.size(); ++i) fs::remove(atlases[i].second, ec);
}

}  // namespace

Result<FontBuild> build_fonts(ImFontAtlas& atlas, const FontFiles& files, const FontSizes& sizes,
                              const std::vector<std::uint32_t>& icons, const std::string& cache_dir) {
    for (auto [path, pkg] : {std::pair{&files.regular, "fonts-noto-core"},
                             std::pair{&files.bold, "fonts-noto-core"},
                             std::pair{&files.icons, "fonts-font-awesome"}})
        AUL_TRY(require(*path, pkg));
    std::vector<std::uint32_t> sorted = icons;
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());

    FontBuild out;
    std::string key, path;
    if (!cache_dir.empty()) {
        key = cache_key(files, sizes, sorted);
        path = cache_path(cache_dir, key);
        if (auto bytes = core::read_whole_file(path, kMaxCacheBytes)) {
            auto loaded = deserialise(atlas, *bytes, key);
            if (loaded) {
                out.set = *loaded;
                out.from_cache = true;
                return out;
            }
            out.cache_problem = "the cached font atlas " + path + " was not used: " + loaded.error();
        }
    }
    AUL_TRY_ASSIGN(out.set, rasterise(atlas, files, sizes, sorted));
    if (!cache_dir.empty()) {
        ::mkdir(cache_dir.c_str(), 0770);
        if (auto s = core::write_file_atomically(path, serialise(atlas, out.set, key), 0640); !s)
            out.cache_problem += (out.cache_problem.empty() ? "" : "; ") + s.error();
        prune_cache(cache_dir);
    }
    // The font files ImGui read in to rasterise (a copy for every face: megabytes) are not
    // needed by the built fonts, as an atlas loaded from the cache shows.
    atlas.ClearInputData();
    return out;
}

Result<float> cap_height_per_pixel(const std::string& font_path) {
    FT_Library lib = nullptr;
    if (FT_Init_FreeType(&lib) != 0) return Error{"FreeType could not start"};
    FT_Face face = nullptr;
    float ratio = 0;
    if (FT_New_Face(lib, font_path.c_str(), 0, &face) == 0) {
        auto* os2 = static_cast<TT_OS2*>(FT_Get_Sfnt_Table(face, FT_SFNT_OS2));
        int span = face->ascender - face->descender;
        if (os2 && os2->sCapHeight > 0 && span > 0) ratio = static_cast<float>(os2->sCapHeight) / static_cast<float>(span);
        FT_Done_Face(face);
    }
    FT_Done_FreeType(lib);
    if (ratio <= 0) return Error{"cannot read the cap height of " + font_path + "; is the font file whole?"};
    return ratio;
}

std::vector<std::uint32_t> missing_glyphs(const ImFont& font, std::string_view text) {
    std::vector<std::uint32_t> missing;
    core::for_each_codepoint(text, [&](char32_t cp, std::string_view) {
        if (cp <= 0x20 || cp == 0x7F) return;
        if (cp > 0xFFFF || !font.FindGlyphNoFallback(static_cast<ImWchar>(cp))) missing.push_back(cp);
    });
    return missing;
}

}  // namespace aul::platform
