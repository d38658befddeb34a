#include <doctest/doctest.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "core/vcard.h"
#include "kiosk/theme.h"
#include "kiosk/ui.h"
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
            float cap_mm = cap_height_px(*fonts->set.body) / theme.mm(1.0f);
            CHECK_MESSAGE(cap_mm >= 4.8f - 0.2f, "dpi " << dpi << ": cap height " << cap_mm << " mm");
            if (large) CHECK(cap_mm >= 4.8f * 1.25f);
        }
    }
}

TEST_CASE("minimum targets follow the panel: 15 mm from 10 inches up, 11 mm (keys 9 mm) on 7-inch panels") {
    struct Panel {
        ImVec2 size;
        float dpi;
        bool seven_inch;
    };
    const Panel panels[] = {{{800, 480}, 133, true},     {{1024, 600}, 170, true},    {{1280, 800}, 149, false},
                            {{1920, 1080}, 102, false},  {{1080, 1920}, 102, false},  {{1280, 800}, 100, false}};
    for (const auto& p : panels) {
        for (bool large : {false, true}) {
            kiosk::Theme t(kiosk::ThemeConfig{p.dpi, false, large});
            t.set_screen(p.size);
            INFO(p.size.x << "x" << p.size.y << " at " << p.dpi << " dpi, large text " << large);
            CHECK(t.compact() == p.seven_inch);
            float per_mm = p.dpi / 25.4f;
            CHECK(t.target_min() == doctest::Approx((p.seven_inch ? 11.0f : 15.0f) * per_mm));
            CHECK(t.key_min() == doctest::Approx((p.seven_inch ? 9.0f : 12.0f) * per_mm));
            // A touch row holds a line of body text, so large text makes it taller, never smaller.
            CHECK(t.touch_min() >= t.target_min());
            CHECK(t.touch_min() >= t.font_sizes().body);
        }
    }
}

TEST_CASE("a contact's QR code: a square of about 32 mm, 2 px a module at least, whatever the catalogue holds") {
    std::string longest_name, longest_address;
    for (int i = 0; i < 60; ++i) longest_name += "Қазақ ";  // past the catalogue's 300 letters
    for (int i = 0; i < 170; ++i) longest_address += "көше, ";
    const std::string cards[] = {
        core::contact_vcard({"Аул", "+77011234567", "", ""}),
        core::contact_vcard({"«Алтын жас» қарттарға қамқорлық қоры, Аягөз", "+77479537485", "info@altyn-zhas-ayagoz.kz",
                             "Абай облысы, Аягөз қ., Бұқар жырау көшесі, 136, 33-кеңсе"}),
        core::contact_vcard({longest_name, "+77011234567", std::string(90, 'a') + "@mail.kz", longest_address}),
    };
    for (float dpi : {100.0f, 149.0f, 200.0f}) {
        kiosk::Theme theme(kiosk::ThemeConfig{dpi, false, false});
        kiosk::Ui ui(theme);
        float side = theme.contact_qr();
        CHECK(side >= theme.mm(32.0f));
        CHECK(side <= theme.contact_qr_column());
        for (const auto& card : cards) {
            REQUIRE(card.size() <= core::kVcardMaxBytes);
            INFO("dpi " << dpi << ", " << card.size() << " bytes");
            CHECK(ui.qr_module_px(card, side) >= 2);
        }
    }
    kiosk::Theme theme(kiosk::ThemeConfig{});
    kiosk::Ui ui(theme);
    // The densest card fills the square at 149 dpi: 93 modules of 2 px in 187 px.
    CHECK(ui.qr_module_px(cards[2], theme.contact_qr()) * 93 <= theme.contact_qr());
    CHECK(ui.qr_module_px(std::string(8000, 'x'), theme.contact_qr()) == 0);  // too long to encode: nothing drawn
}
