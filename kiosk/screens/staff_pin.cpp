#include "kiosk/screens/screens.h"

#include <algorithm>

namespace aul::kiosk {

namespace {

// Filled and empty circles for the digits typed: someone looking over a shoulder sees how
// many, never which.
void draw_dots(Ui& ui, std::size_t typed, float width) {
    Theme& t = ui.theme();
    const Palette& p = ui.pal();
    ImVec2 at = ImGui::GetCursorScreenPos();
    float r = t.mm(2.2f), step = t.mm(7);
    std::size_t shown = std::max<std::size_t>(typed, 4);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (std::size_t i = 0; i < shown && (i + 1) * step <= width; ++i) {
        ImVec2 c(at.x + r + static_cast<float>(i) * step, at.y + step * 0.5f);
        if (i < typed) dl->AddCircleFilled(c, r, p.primary);
        else dl->AddCircle(c, r, p.border, 0, 2.0f);
    }
    ImGui::Dummy(ImVec2(width, step));
    ui.record("staff.pin.dots", std::to_string(typed), at, ImVec2(at.x + width, at.y + step), false);
}

Intent keypad(Ui& ui, const StaffPinView& v, float key_w, float key_h) {
    Intent out;
    Theme& t = ui.theme();
    static constexpr const char* kKeys[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "erase", "0", "ok"};
    for (int i = 0; i < 12; ++i) {
        std::string key = kKeys[i];
        bool erase = key == "erase", ok = key == "ok";
        ButtonKind kind = ok ? ButtonKind::primary : ButtonKind::secondary;
        std::string label = erase || ok ? "" : key;
        const char* icon = erase ? "long-arrow-left" : ok ? "check" : "";
        if (ui.button("staff.pin." + key, label, icon, ImVec2(key_w, key_h), kind) && !v.locked && !v.checking)
            keep_first(out, erase ? Intent::of(Intent::Kind::staff_pin_erase)
                         : ok     ? Intent::of(Intent::Kind::staff_pin_ok)
                                  : Intent::of(Intent::Kind::staff_pin_digit, key));
        if (i % 3 != 2) ImGui::SameLine(0, t.mm(2.5f));
    }
    return out;
}

}  // namespace

Intent draw_staff_pin(Ui& ui, const StaffPinView& v) {
    Intent out;
    Theme& t = ui.theme();
    const Palette& p = ui.pal();
    ImGuiIO& io = ImGui::GetIO();
    ui.begin_overlay("##staff_pin");
    // Keys as large as the screen's height allows, down to the panel's minimum target.
    float gap = t.mm(2.5f);
    float margin = t.mm(t.compact() ? 3 : 6);
    float key_h = std::clamp((io.DisplaySize.y - 2 * margin - 2 * t.pad() - 3 * gap) / 4, t.target_min(), t.mm(16));
    float key_w = std::max(key_h * 1.25f, std::min(t.mm(24), key_h * 1.5f));
    float pad_w = 3 * key_w + 2 * gap;
    float pad_h = 4 * key_h + 3 * gap;
    float w = std::min(io.DisplaySize.x - 2 * margin, t.mm(90) + pad_w + 3 * t.pad());
    float text_w = w - pad_w - 3 * t.pad();
    float h = pad_h + 2 * t.pad();
    ImVec2 min((io.DisplaySize.x - w) * 0.5f, std::max(margin, (io.DisplaySize.y - h) * 0.5f));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(min, ImVec2(min.x + w, min.y + h), p.background, t.radius() * 2);
    if (t.config().high_contrast) dl->AddRect(min, ImVec2(min.x + w, min.y + h), p.border, t.radius() * 2, 0, 3);

    // Left: what is asked, the dots, what happened (scrolling if large text needs it);
    // Cancel at the bottom, level with the keypad's last row, never over the text.
    float cancel_h = t.touch_min();
    ImGui::SetCursorScreenPos(ImVec2(min.x + t.pad(), min.y + t.pad()));
    ui.begin_scroll("staff.pin.text", ImVec2(text_w, pad_h - cancel_h - gap));
    float inner = text_w - t.mm(3);
    ImFont* hf = ui.font(TextFace::heading);
    std::string title = ui.glyph("lock") + "  " + v.title;
    ui.text(title, Ui::words_fit(hf, title, inner) ? TextFace::heading : TextFace::body, p.text, inner);
    ImGui::Dummy(ImVec2(0, t.mm(1)));
    draw_dots(ui, v.digits, inner);
    if (v.checking) ui.text(ui.glyph("clock-o") + "  " + v.words("staff.pin.checking"), TextFace::body, p.text_muted, inner);
    else if (!v.message.empty())
        ui.text((v.message_is_problem ? ui.glyph("exclamation-circle") + "  " : "") + v.message, TextFace::body,
                v.message_is_problem ? p.badge_partners : p.text_muted, inner);
    ui.end_scroll();
    ImGui::SetCursorScreenPos(ImVec2(min.x + t.pad(), min.y + t.pad() + pad_h - cancel_h));
    // Not while a PIN is being checked: its answer belongs to this pad.
    if (ui.fitted_button("staff.pin.cancel", v.words("staff.pin.cancel"), "times", text_w, ButtonKind::secondary) &&
        !v.checking)
        keep_first(out, Intent::of(Intent::Kind::staff_leave));

    // Right: the keypad.
    ImGui::SetCursorScreenPos(ImVec2(min.x + w - t.pad() - pad_w, min.y + t.pad()));
    ImGui::BeginGroup();
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, gap));
    keep_first(out, keypad(ui, v, key_w, key_h));
    ImGui::PopStyleVar();
    ImGui::EndGroup();
    ui.end_overlay();
    return out;
}

}  // namespace aul::kiosk
