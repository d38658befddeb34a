#include "kiosk/screens/screens.h"

#include <algorithm>

namespace aul::kiosk {

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

    // Two columns where every name shows whole, on one line or two; one otherwise.
    std::vector<std::string> names;
    if (districts) {
        names.push_back(v.words("ngos.district_any"));
        for (const auto& d : *v.districts) names.push_back(d.name.in(v.words.lang));
    } else if (v.regions) {
        names.push_back(v.words("ngos.region_any"));
        for (const auto& r : *v.regions) names.push_back(r.name.in(v.words.lang));
    }
    // Two columns of one-line names if they fit, else of two-line ones, else one column.
    float room = width - t.mm(3);
    float two_lines = std::max(t.touch_min(), ui.font(TextFace::body)->FontSize * 2.4f);
    auto all_fit = [&](int c, float h) {
        float w = (room - (c - 1) * t.gap()) / c;
        return std::all_of(names.begin(), names.end(),
                           [&](const std::string& n) { return ui.label_fits(n, "map-marker", ImVec2(w, h)); });
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
    float col_w = (room - (cols - 1) * t.gap()) / cols;
    ImVec2 size(col_w, row_h);
    float list_h = panel_max.y - ImGui::GetCursorScreenPos().y - pad;
    ui.begin_scroll("picker.list", ImVec2(width, list_h));
    int n = 0;
    auto place = [&] {
        if (++n % cols != 0) ImGui::SameLine();
    };
    if (districts) {
        if (ui.button("picker.district.all", v.words("ngos.district_any"), "map", size, ButtonKind::secondary,
                      v.query->district.empty() && v.query->region == v.picker_region))
            keep_first(out, Intent::of(Intent::Kind::pick_district, ""));
        place();
        for (const auto& d : *v.districts) {
            if (ui.button("picker.district." + d.code, d.name.in(v.words.lang), "map-marker", size,
                          ButtonKind::secondary, v.query->district == d.code))
                keep_first(out, Intent::of(Intent::Kind::pick_district, d.code));
            place();
        }
    } else {
        if (ui.button("picker.region.all", v.words("ngos.region_any"), "globe", size, ButtonKind::secondary,
                      v.query->region.empty()))
            keep_first(out, Intent::of(Intent::Kind::pick_region, ""));
        place();
        if (v.regions) {
            for (const auto& r : *v.regions) {
                if (ui.button("picker.region." + r.code, r.name.in(v.words.lang), "map-marker", size,
                              ButtonKind::secondary, v.query->region == r.code))
                    keep_first(out, Intent::of(Intent::Kind::pick_region, r.code));
                place();
            }
        }
    }
    ui.end_scroll();
    ImGui::EndGroup();
    ui.end_overlay();
    return out;
}

}  // namespace aul::kiosk
