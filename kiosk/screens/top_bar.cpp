#include "kiosk/screens/screens.h"

#include <imgui_internal.h>

#include <ctime>

namespace aul::kiosk {

float top_bar_height(const Ui& ui) {
    Ui& u = const_cast<Ui&>(ui);
    return u.theme().touch_min() + 2 * u.theme().mm(3);
}

// Back and home on the left, the title, then language and accessibility on the right:
// the same place on every screen, so a resident who is lost always finds a way out.
Intent draw_top_bar(Ui& ui, const TopBarView& v) {
    Intent out;
    Theme& t = ui.theme();
    const Palette& p = ui.pal();
    float h = top_bar_height(ui);
    ImVec2 origin = ImGui::GetCursorScreenPos();
    float width = ImGui::GetContentRegionAvail().x;
    ImGui::GetWindowDrawList()->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + h), p.surface);
    ImGui::GetWindowDrawList()->AddLine(ImVec2(origin.x, origin.y + h), ImVec2(origin.x + width, origin.y + h),
                                        p.border, 2.0f);
    float m = t.mm(3);
    float b = t.touch_min();
    ImGui::SetCursorScreenPos(ImVec2(origin.x + m, origin.y + m));
    if (v.show_back) {
        const std::string& back = v.back_label.empty() ? v.words("nav.back") : v.back_label;
        if (ui.button("nav.back", back, "arrow-left", ImVec2(ui.button_width(back, "arrow-left"), b)))
            keep_first(out, Intent::of(Intent::Kind::go_back));
        ImGui::SameLine();
        if (ui.button("nav.home", "", "home", ImVec2(b, b))) keep_first(out, Intent::of(Intent::Kind::go_home));
        ImGui::SameLine();
    }
    // Right-hand group, laid out from the right edge.
    // On home the languages are offered in full, each written in itself (home.lang.*);
    // elsewhere short, so the way back has room (nav.lang.*).
    static constexpr struct {
        core::Lang lang;
        const char* short_id;
        const char* short_label;
        const char* full_id;
        const char* full_label;
    } kLangs[] = {{core::Lang::kk, "nav.lang.kk", "ҚАЗ", "home.lang.kk", "Қазақша"},
                  {core::Lang::ru, "nav.lang.ru", "РУС", "home.lang.ru", "Русский"},
                  {core::Lang::en, "nav.lang.en", "ENG", "home.lang.en", "English"}};
    auto lang_width = [&](const auto& l) {
        // Short names keep their width unless large text needs more: never cut to "Қ…".
        return v.full_language_names ? ui.button_width(l.full_label, "")
                                     : std::max(b * 1.25f, ui.button_width(l.short_label, ""));
    };
    float right_w = 2 * b + 4 * t.mm(2) + t.mm(4);
    for (const auto& l : kLangs) right_w += lang_width(l);
    float title_x = ImGui::GetCursorScreenPos().x + t.mm(2);
    float right_x = origin.x + width - m - right_w;

    ImFont* hf = ui.font(TextFace::heading);
    float title_w = right_x - title_x - t.mm(3);
    ImVec2 ts = hf->CalcTextSizeA(hf->FontSize, FLT_MAX, 0, v.title.c_str());
    // A title cut short reads worse than none: the screen itself says where one is.
    if (ts.x <= title_w && !v.title.empty()) {
        ImVec2 tp(title_x, origin.y + (h - ts.y) * 0.5f);
        ImGui::PushFont(hf);
        ImGui::PushStyleColor(ImGuiCol_Text, p.text);
        ImGui::RenderTextEllipsis(ImGui::GetWindowDrawList(), tp, ImVec2(title_x + title_w, tp.y + ts.y), title_x + title_w,
                                  title_x + title_w, v.title.c_str(), nullptr, &ts);
        ImGui::PopStyleColor();
        ImGui::PopFont();
        ui.record("", v.title, tp, ImVec2(title_x + std::min(ts.x, title_w), tp.y + ts.y), false);
    }

    ImGui::SetCursorScreenPos(ImVec2(right_x, origin.y + m));
    for (const auto& l : kLangs) {
        const char* id = v.full_language_names ? l.full_id : l.short_id;
        const char* label = v.full_language_names ? l.full_label : l.short_label;
        if (ui.button(id, label, "", ImVec2(lang_width(l), b), ButtonKind::secondary, v.words.lang == l.lang)) {
            keep_first(out, Intent::language(l.lang));
        }
        ImGui::SameLine(0, t.mm(2));
    }
    ImGui::SameLine(0, t.mm(4));
    if (ui.button("nav.contrast", "", "adjust", ImVec2(b, b), ButtonKind::secondary, v.high_contrast))
        keep_first(out, Intent::of(Intent::Kind::toggle_contrast));
    ImGui::SameLine(0, t.mm(2));
    if (ui.button("nav.large_text", "", "text-height", ImVec2(b, b), ButtonKind::secondary, v.large_text))
        keep_first(out, Intent::of(Intent::Kind::toggle_large_text));
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + h + 2));
    return out;
}

}  // namespace aul::kiosk
