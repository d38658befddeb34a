// The look of Aul: colours, sizes in millimetres at the configured screen density, fonts.
#pragma once
#include <imgui.h>

#include <algorithm>

#include "platform/fonts.h"

namespace aul::kiosk {

struct Palette {
    ImU32 background, surface, surface_pressed, text, text_muted, primary, primary_pressed,
        on_primary, accent, on_accent, chip, chip_selected, on_chip_selected, border,
        badge_volunteers, badge_partners, on_badge, focus;
};

struct ThemeConfig {
    float dpi = 149.0f;          // 1280x800 on a 10.1" panel; larger panels get larger targets
    bool high_contrast = false;  // white/yellow on black
    bool large_text = false;     // every face 1.3x
};

class Theme {
public:
    explicit Theme(ThemeConfig cfg) : cfg_(cfg) {}

    // Millimetres to pixels at the configured density.
    float mm(float millimetres) const { return millimetres / 25.4f * cfg_.dpi; }

    // The screen the kiosk draws on, in px; with the density it gives the panel's size.
    void set_screen(ImVec2 px) { screen_ = px; }
    ImVec2 screen() const { return screen_; }
    // A 7-inch panel (about 150 x 90 mm): compact layouts, smaller minimum targets.
    bool compact() const;
    // Portrait: taller than wide, as floor-standing kiosks are.
    bool portrait() const { return screen_.y > screen_.x; }

    // The smallest edge a tap target may have: 15 mm on 10-inch panels and larger, 11 mm
    // on 7-inch ones, where 15 mm targets leave no room for anything else.
    float target_min() const { return mm(compact() ? 11.0f : 15.0f); }
    // The smallest on-screen keyboard key: 12 mm, or 9 mm on 7-inch panels, where a
    // 12-letter row of wider keys does not fit the 150 mm screen.
    float key_min() const { return mm(compact() ? 9.0f : 12.0f); }
    // The smallest size a label may step down to so it shows whole: the standard text
    // setting's small face (large text may step down to it, standard text barely).
    float small_floor() const;
    // A row a finger taps: the minimum target, taller when large text needs it.
    float touch_min() const;
    float gap() const { return mm(3.0f); }         // space between targets
    float pad() const { return mm(5.0f); }         // screen margin
    float radius() const { return mm(2.5f); }
    // The square of a QR code a phone saves from arm's length (an organisation's contact):
    // 32 mm, and never under 2 px a module for the densest contact card (core::kVcardMaxBytes:
    // version 18, 89 modules and 4 of margin, 186 px). Then the column it stands in, with
    // its caption under it.
    float contact_qr() const { return std::max(mm(32.0f), 186.0f); }
    float contact_qr_column() const { return std::max(mm(48.0f), contact_qr()); }

    // Font sizes: body text cap height 4.8 mm, 1.3x in large-text mode.
    platform::FontSizes font_sizes() const;
    // Cap height per pixel of font size, read from the font file (platform::cap_height_per_pixel).
    void set_cap_ratio(float r) { cap_ratio_ = r; }

    const Palette& palette() const;
    const ThemeConfig& config() const { return cfg_; }
    void set_high_contrast(bool on) { cfg_.high_contrast = on; }
    void set_large_text(bool on) { cfg_.large_text = on; }

    // Applies colours and spacing to ImGui's style (no window chrome anywhere).
    void apply_to_imgui() const;

    platform::FontSet fonts;

private:
    ThemeConfig cfg_;
    ImVec2 screen_{1280, 800};
    float cap_ratio_ = 0.524f;  // Noto Sans: 714 / (1069 + 293)
};

}  // namespace aul::kiosk
