// Fonts for the kiosk, rasterised with FreeType into one ImGui atlas: Noto Sans for text
// (Latin, Latin Extended-A for Kazakh Latin, Cyrillic with the nine Kazakh letters,
// punctuation, № and ₸) with Font Awesome 4.7 icons merged in.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

struct ImFont;
struct ImFontAtlas;

namespace aul::platform {

struct FontFiles {
    std::string regular = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf";  // fonts-noto-core
    std::string bold = "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf";
    std::string icons = "/usr/share/fonts/truetype/font-awesome/fontawesome-webfont.ttf";  // fonts-font-awesome
    std::string icon_names = "/usr/share/fonts-font-awesome/css/font-awesome.css";
};

// Pixel sizes of the four faces the theme uses.
struct FontSizes {
    float body = 40;     // body text; the theme derives it from the cap height in mm
    float small = 32;    // secondary lines (counts, captions)
    float heading = 54;  // screen titles and names, bold
    float icon = 84;     // large icons on tiles
    float display = 110; // tracking codes on the receipt: capitals and digits only
};

struct FontSet {
    ImFont* body = nullptr;
    ImFont* small = nullptr;
    ImFont* heading = nullptr;
    ImFont* icon = nullptr;     // icons only
    ImFont* display = nullptr;  // A-Z, 0-9 and space, very large
};

// Font Awesome icon names ("child", "search") to code points, read from the CSS the
// font package ships, so names stay those of the published icon set.
class IconNames {
public:
    Status load(const std::string& css_path);
    // 0 when the name is unknown.
    std::uint32_t codepoint(std::string_view name) const;
    // UTF-8 of the icon, or "" when unknown.
    std::string glyph(std::string_view name) const;

private:
    std::map<std::string, std::uint32_t, std::less<>> map_;
};

// Clears the atlas and adds the faces. `icons` lists the code points icons may use.
// The atlas is built (rasterised) before returning, so errors surface here.
//
// With a `cache_dir`, the built atlas (glyph tables and its 8-bit pixels) is kept there
// and the next start loads it instead of rasterising again: tens of milliseconds here,
// several times that on a board. Its name and header hold everything it is made of (the
// font files' paths, sizes and times, the sizes, the icons, the ranges, ImGui's version),
// so a change builds it anew; a damaged or foreign file is ignored (and replaced). The
// few most recent atlases are kept (standard and large text, a changed dpi).
struct FontBuild {
    FontSet set;
    bool from_cache = false;
    std::string cache_problem;  // why a cached atlas present was not used, or could not be written
};
Result<FontBuild> build_fonts(ImFontAtlas& atlas, const FontFiles& files, const FontSizes& sizes,
                              const std::vector<std::uint32_t>& icons, const std::string& cache_dir = "");

// Cap height per pixel of ImGui font size for a font file. ImGui asks FreeType for a size
// whose ascender-to-descender span is the pixel size, so the cap height is
// sCapHeight / (ascender - descender) of it (about 0.52 for Noto Sans).
Result<float> cap_height_per_pixel(const std::string& font_path);

// Code points of `text` that `font` has no glyph for (spaces and controls ignored).
std::vector<std::uint32_t> missing_glyphs(const ImFont& font, std::string_view text);

}  // namespace aul::platform
