#include "platform/fonts.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H
#include <imgui.h>
#include <imgui_freetype.h>
#include <utf8proc.h>

#include "core/files.h"
#include "core/text.h"

#include <algorithm>
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

Result<FontSet> build_fonts(ImFontAtlas& atlas, const FontFiles& files, const FontSizes& sizes,
                            const std::vector<std::uint32_t>& icons) {
    for (auto [path, pkg] : {std::pair{&files.regular, "fonts-noto-core"},
                             std::pair{&files.bold, "fonts-noto-core"},
                             std::pair{&files.icons, "fonts-font-awesome"}})
        AUL_TRY(require(*path, pkg));

    // ImGui keeps the range pointer until the atlas is built; one static buffer serves.
    static std::vector<ImWchar> icon_ranges;
    icon_ranges.clear();
    std::vector<std::uint32_t> sorted = icons;
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    for (auto cp : sorted)
        if (cp > 0 && cp <= 0xFFFF) {
            icon_ranges.push_back(static_cast<ImWchar>(cp));
            icon_ranges.push_back(static_cast<ImWchar>(cp));
        }
    icon_ranges.push_back(0);
    const bool have_icons = icon_ranges.size() > 1;

    atlas.Clear();
    atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    atlas.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
    atlas.TexDesiredWidth = 2048;
    // GL3 and GLES3 take any texture height: rounding it up to a power of two would double
    // the atlas (8 to 16 MiB) for a few icons more.
    atlas.Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;

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
