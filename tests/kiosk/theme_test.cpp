#include <doctest/doctest.h>
#include <imgui.h>

#include "kiosk/theme.h"
#include "platform/fonts.h"

using namespace aul;

namespace {
// Height of the capital H as rasterised: the cap height a resident actually sees.
float cap_height_px(const ImFont& f) {
    const ImFontGlyph* g = f.FindGlyphNoFallback('H');
    REQUIRE(g != nullptr);
    return g->Y1 - g->Y0;
}
}  // namespace

TEST_CASE("body text has a cap height of at least 4.8 mm at the configured density") {
    for (float dpi : {100.0f, 149.0f, 200.0f}) {
        for (bool large : {false, true}) {
            kiosk::Theme theme(kiosk::ThemeConfig{dpi, false, large});
            theme.set_cap_ratio(*platform::cap_height_per_pixel(platform::FontFiles{}.regular));
            ImFontAtlas atlas;
            auto fonts = platform::build_fonts(atlas, platform::FontFiles{}, theme.font_sizes(), {});
            REQUIRE(fonts.ok());
            float cap_mm = cap_height_px(*fonts->body) / theme.mm(1.0f);
            CHECK_MESSAGE(cap_mm >= 4.8f - 0.2f, "dpi " << dpi << ": cap height " << cap_mm << " mm");
            if (large) CHECK(cap_mm >= 4.8f * 1.25f);
        }
    }
}

TEST_CASE("the touch minimum is 15 mm whatever the density") {
    kiosk::Theme a(kiosk::ThemeConfig{100, false, false});
    kiosk::Theme b(kiosk::ThemeConfig{200, false, false});
    CHECK(a.touch_min() == doctest::Approx(15.0f / 25.4f * 100));
    CHECK(b.touch_min() == doctest::Approx(2 * a.touch_min()));
}
