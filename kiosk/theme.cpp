#include "kiosk/theme.h"

#include <algorithm>

namespace aul::kiosk {

namespace {
constexpr ImU32 rgb(unsigned hex) {
    return IM_COL32((hex >> 16) & 0xFF, (hex >> 8) & 0xFF, hex & 0xFF, 0xFF);
}

// Sky blue and steppe gold of the national flag, deepened for legible white text.
const Palette kStandard{
    .background = rgb(0xF4F1EA),
    .surface = rgb(0xFFFFFF),
    .surface_pressed = rgb(0xDCE9EC),
    .text = rgb(0x1B2730),
    .text_muted = rgb(0x4E5B64),
    .primary = rgb(0x006C84),
    .primary_pressed = rgb(0x004E60),
    .on_primary = rgb(0xFFFFFF),
    .accent = rgb(0xF2B705),
    .on_accent = rgb(0x1B2730),
    .chip = rgb(0xE2ECEE),
    .chip_selected = rgb(0x006C84),
    .on_chip_selected = rgb(0xFFFFFF),
    .border = rgb(0xC9D3D6),
    .badge_volunteers = rgb(0x2E6B30),
    .badge_partners = rgb(0x8A4B00),
    .on_badge = rgb(0xFFFFFF),
    .focus = rgb(0xF2B705),
};

const Palette kHighContrast{
    .background = rgb(0x000000),
    .surface = rgb(0x111111),
    .surface_pressed = rgb(0x333333),
    .text = rgb(0xFFFFFF),
    .text_muted = rgb(0xE6E6E6),
    .primary = rgb(0xFFD400),
    .primary_pressed = rgb(0xC9A700),
    .on_primary = rgb(0x000000),
    .accent = rgb(0xFFD400),
    .on_accent = rgb(0x000000),
    .chip = rgb(0x000000),
    .chip_selected = rgb(0xFFD400),
    .on_chip_selected = rgb(0x000000),
    .border = rgb(0xFFFFFF),
    .badge_volunteers = rgb(0x7CFC7C),
    .badge_partners = rgb(0xFFB347),
    .on_badge = rgb(0x000000),
    .focus = rgb(0x00E5FF),
};
}  // namespace

platform::FontSizes Theme::font_sizes() const {
    float scale = cfg_.large_text ? 1.3f : 1.0f;
    float body = mm(4.8f) / cap_ratio_ * scale;
    return {.body = body, .small = body * 0.85f, .heading = body * 1.3f, .icon = mm(13.0f) * scale,
            .display = mm(14.0f) / cap_ratio_ * scale};
}

bool Theme::compact() const {
    float shorter_mm = std::min(screen_.x, screen_.y) / cfg_.dpi * 25.4f;
    return shorter_mm < 110.0f;
}

float Theme::small_floor() const { return mm(4.8f) / cap_ratio_ * 0.85f; }

float Theme::touch_min() const {
    // A label of one line of body text with a little room above and below.
    return std::max(target_min(), font_sizes().body + mm(1.5f));
}

const Palette& Theme::palette() const { return cfg_.high_contrast ? kHighContrast : kStandard; }

void Theme::apply_to_imgui() const {
    const Palette& p = palette();
    ImGuiStyle& s = ImGui::GetStyle();
    s = ImGuiStyle();
    s.WindowPadding = ImVec2(0, 0);
    s.WindowBorderSize = 0;
    s.ChildBorderSize = 0;
    s.WindowRounding = 0;
    s.FrameRounding = radius();
    s.FramePadding = ImVec2(mm(3), mm(3));
    s.FrameBorderSize = cfg_.high_contrast ? 2.0f : 1.0f;
    s.ItemSpacing = ImVec2(gap(), gap());
    s.ScrollbarSize = mm(2.5f);
    s.ScrollbarRounding = mm(1.5f);
    s.TouchExtraPadding = ImVec2(0, 0);
    auto col = [](ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); };
    ImVec4* c = s.Colors;
    c[ImGuiCol_WindowBg] = col(p.background);
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_PopupBg] = col(p.surface);
    c[ImGuiCol_Text] = col(p.text);
    c[ImGuiCol_TextDisabled] = col(p.text_muted);
    c[ImGuiCol_FrameBg] = col(p.surface);
    c[ImGuiCol_FrameBgHovered] = col(p.surface);
    c[ImGuiCol_FrameBgActive] = col(p.surface);
    c[ImGuiCol_Border] = col(p.border);
    c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_ScrollbarGrab] = col(p.border);
    c[ImGuiCol_ScrollbarGrabHovered] = col(p.border);
    c[ImGuiCol_ScrollbarGrabActive] = col(p.primary);
    c[ImGuiCol_TextSelectedBg] = col(p.chip);
    c[ImGuiCol_NavHighlight] = col(p.focus);
    c[ImGuiCol_ModalWindowDimBg] = ImVec4(0, 0, 0, 0.55f);
}

}  // namespace aul::kiosk
