#include "kiosk/screens/screens.h"

namespace aul::kiosk {

Intent draw_idle_prompt(Ui& ui, const IdlePromptView& v) {
    Intent out;
    Theme& t = ui.theme();
    const Palette& p = ui.pal();
    ImGuiIO& io = ImGui::GetIO();
    ui.begin_overlay("##idle");
    float w = std::min(io.DisplaySize.x - 2 * t.mm(12), t.mm(170));
    float pad = t.pad();
    ImVec2 min((io.DisplaySize.x - w) * 0.5f, io.DisplaySize.y * 0.18f);
    ImGui::SetCursorScreenPos(ImVec2(min.x + pad, min.y + pad));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    ImGui::BeginGroup();
    float inner = w - 2 * pad;
    ui.text(ui.glyph("clock-o") + "  " + v.words("idle.title"), TextFace::heading, p.text, inner);
    ui.text(core::format_text(v.words("idle.body"), "n", std::to_string(v.seconds_left)), TextFace::body, p.text, inner);
    ImGui::Dummy(ImVec2(0, t.mm(2)));
    if (ui.button("idle.continue", v.words("idle.continue"), "hand-pointer-o", ImVec2(inner, t.touch_min() * 1.4f),
                  ButtonKind::primary))
        keep_first(out, Intent::of(Intent::Kind::idle_continue));
    ImGui::EndGroup();
    ImVec2 max(min.x + w, ImGui::GetItemRectMax().y + pad);
    dl->ChannelsSetCurrent(0);
    dl->AddRectFilled(min, max, p.background, t.radius() * 2);
    if (t.config().high_contrast) dl->AddRect(min, max, p.border, t.radius() * 2, 0, 3);
    dl->ChannelsMerge();
    ui.end_overlay();
    return out;
}

}  // namespace aul::kiosk
