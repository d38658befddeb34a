#include "kiosk/screens/screens.h"

namespace aul::kiosk {

// The settlement's name and Save along the top; regions and the chosen region's districts
// in two lists below. The keyboard, when up, covers the lists, never the field.
Intent draw_staff_locality(Ui& ui, const StaffLocalityView& v) {
    Intent out;
    Theme& t = ui.theme();
    const Palette& p = ui.pal();
    const Words& w = v.words;
    const auto [origin, avail, pad, width] = ui.page_area();
    float b = t.touch_min();
    float x = origin.x + pad;
    ImGui::SetCursorScreenPos(ImVec2(x, origin.y + t.mm(3)));
    ImGui::BeginGroup();
    ui.text(ui.glyph("map-marker") + "  " + w("staff.locality.title"), TextFace::heading, p.text, width);
    ui.text(w("staff.locality.settlement"), TextFace::small, p.text_muted, width);
    ImGui::EndGroup();
    ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetItemRectMax().y + t.mm(1)));
    const std::string& save = w("staff.locality.save");
    float save_w = ui.button_width(save, "check");
    ImVec2 row = ImGui::GetCursorScreenPos();
    if (ui.text_field("staff.settlement", v.draft.settlement, w("staff.locality.settlement"),
                      ImVec2(width - save_w - t.gap(), b), v.settlement_focused))
        keep_first(out, Intent::focus(FieldId::staff_settlement));
    ImGui::SetCursorScreenPos(ImVec2(row.x + width - save_w, row.y));
    if (ui.button("staff.locality.save", save, "check", ImVec2(save_w, b), ButtonKind::primary))
        keep_first(out, Intent::of(Intent::Kind::staff_locality_save));
    ImGui::SetCursorScreenPos(ImVec2(x, row.y + b + t.mm(2)));
    if (!v.message.empty()) {
        ui.text(ui.glyph("exclamation-circle") + "  " + v.message, TextFace::body, p.badge_partners, width);
        ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y));
    }

    float col_w = (width - t.gap()) / 2;
    ImVec2 lists = ImGui::GetCursorScreenPos();
    float list_h = origin.y + avail.y - lists.y - t.mm(3) - v.keyboard_height;
    if (list_h < b) return out;
    // One choice of the list: the selected one highlighted; tapping it says which.
    auto choice = [&](const std::string& id, const std::string& label, const char* icon, bool selected,
                      Intent::Kind kind, const std::string& code) {
        if (ui.button(id, label, icon, ImVec2(col_w - t.mm(3), b), ButtonKind::secondary, selected))
            keep_first(out, Intent::of(kind, code));
    };
    ImGui::SetCursorScreenPos(lists);
    ui.begin_scroll("staff.regions", ImVec2(col_w, list_h));
    ui.text(w("staff.locality.region"), TextFace::small, p.text_muted, col_w);
    for (const auto& r : *v.regions)
        choice("staff.region." + r.code, r.name.in(w.lang), "map", r.code == v.draft.region,
               Intent::Kind::staff_locality_region, r.code);
    ui.end_scroll();
    ImGui::SetCursorScreenPos(ImVec2(lists.x + col_w + t.gap(), lists.y));
    ui.begin_scroll("staff.districts", ImVec2(col_w, list_h));
    ui.text(w("staff.locality.district"), TextFace::small, p.text_muted, col_w);
    choice("staff.district.none", w("staff.locality.no_district"), "globe", v.draft.district.empty(),
           Intent::Kind::staff_locality_district, "");
    for (const auto& d : *v.districts)
        choice("staff.district." + d.code, d.name.in(w.lang), "map-marker", d.code == v.draft.district,
               Intent::Kind::staff_locality_district, d.code);
    ui.end_scroll();
    return out;
}

}  // namespace aul::kiosk
