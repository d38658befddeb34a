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

    float touch_min() const { return mm(15.0f); }  // smallest tap target edge
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
    float cap_ratio_ = 0.524f;  // Noto Sans: 714 / (1069 + 293)
};

}  // namespace aul::kiosk
