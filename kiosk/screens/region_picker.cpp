#include "kiosk/screens/screens.h"

#include <algorithm>

namespace aul::kiosk {

// Two columns of one-line names if every name shows whole so, else two columns of two-line
// names, else one column: a place name is never cut ("Алматинская обл…").
Intent draw_place_choices(Ui& ui, const std::vector<PlaceChoice>& choices, float width) {
    Intent out;
    Theme& t = ui.theme();
    float room = width - t.mm(3);  // the scroll bar's
    float two_lines = std::max(t.touch_min(), ui.font(TextFace::body)->FontSize * 2.4f);
    auto all_fit = [&](int c, float h) {
        float w = (room - (c - 1) * t.gap()) / c;
        return std::all_of(choices.begin(), choices.end(),
                           [&](const PlaceChoice& pc) { return ui.label_fits(pc.label, pc.icon, ImVec2(w, h)); });
    };
    int cols = 1;
    float row_h = two_lines;
    for (auto [c, h] : {std::pair{2, t.touch_min()}, std::pair{2, two_lines}, std::pair{1, t.touch_min()}}) {
        if (all_fit(c, h)) {
            cols = c;
            row_h = h;
            break;
        }
    }
    ImVec2 size((room - (cols - 1) * t.gap()) / cols, row_h);
    int n = 0;
    for (const auto& c : choices) {
        if (ui.button(c.id, c.label, c.icon, size, ButtonKind::secondary, c.selected)) keep_first(out, c.pick);
        if (++n % cols != 0) ImGui::SameLine();
    }
    if (n % cols != 0) ImGui::NewLine();
    return out;
}

// A sheet over the catalogue: regions first, then the districts of a region that has them.
Intent draw_region_picker(Ui& ui, const CatalogView& v) {
    Intent out;
    Theme& t = ui.theme();
    const Palette& p = ui.pal();
    ImGuiIO& io = ImGui::GetIO();
    ui.begin_overlay("##region_picker");

    float margin = t.mm(t.compact() ? 3 : 12);
    ImVec2 panel_min(margin, margin * 0.6f);
    ImVec2 panel_max(io.DisplaySize.x - margin, io.DisplaySize.y - margin * 0.6f);
    ImGui::GetWindowDrawList()->AddRectFilled(panel_min, panel_max, p.background, t.radius() * 2);
    if (t.config().high_contrast) ImGui::GetWindowDrawList()->AddRect(panel_min, panel_max, p.border, t.radius() * 2, 0, 3);
    float pad = t.pad();
    float width = panel_max.x - panel_min.x - 2 * pad;
    ImGui::SetCursorScreenPos(ImVec2(panel_min.x + pad, panel_min.y + pad));
    ImGui::BeginGroup();

    bool districts = !v.picker_region.empty() && v.districts && !v.districts->empty();
    std::string title = districts ? region_name(v.regions, v.picker_region, v.words.lang) : v.words("ngos.region_title");
    float close_w = std::max(t.touch_min() * 2.6f, ui.button_width(v.words("ngos.close"), "times"));
    ImVec2 title_pos = ImGui::GetCursorScreenPos();
    ImGui::PushFont(ui.font(TextFace::heading));
    ImGui::SetCursorScreenPos(ImVec2(title_pos.x, title_pos.y + (t.touch_min() - ui.font(TextFace::heading)->FontSize) * 0.5f));
    ImGui::TextUnformatted(title.c_str());
    ImGui::PopFont();
    ui.record("", title, title_pos, ImVec2(title_pos.x + width - close_w, title_pos.y + t.touch_min()), false);
    ImGui::SetCursorScreenPos(ImVec2(title_pos.x + width - close_w, title_pos.y));
    if (ui.button("picker.close", v.words("ngos.close"), "times", ImVec2(close_w, t.touch_min())))
        keep_first(out, Intent::of(Intent::Kind::close_picker));
    ImGui::Dummy(ImVec2(0, t.mm(1)));

    std::vector<PlaceChoice> choices;
    if (districts) {
        choices.push_back({"picker.district.all", v.words("ngos.district_any"), "map",
                           v.query->district.empty() && v.query->region == v.picker_region,
                           Intent::of(Intent::Kind::pick_district, "")});
        for (const auto& d : *v.districts)
            choices.push_back({"picker.district." + d.code, d.name.in(v.words.lang), "map-marker",
                               v.query->district == d.code, Intent::of(Intent::Kind::pick_district, d.code)});
    } else {
        choices.push_back({"picker.region.all", v.words("ngos.region_any"), "globe", v.query->region.empty(),
                           Intent::of(Intent::Kind::pick_region, "")});
        if (v.regions)
            for (const auto& r : *v.regions)
                choices.push_back({"picker.region." + r.code, r.name.in(v.words.lang), "map-marker",
                                   v.query->region == r.code, Intent::of(Intent::Kind::pick_region, r.code)});
    }
    float list_h = panel_max.y - ImGui::GetCursorScreenPos().y - pad;
    ui.begin_scroll("picker.list", ImVec2(width, list_h));
    keep_first(out, draw_place_choices(ui, choices, width));
    ui.end_scroll();
    ImGui::EndGroup();
    ui.end_overlay();
    return out;
}

}  // namespace aul::kiosk
