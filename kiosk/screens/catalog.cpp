#include "kiosk/screens/screens.h"

#include <functional>

#include <imgui_internal.h>

#include <algorithm>

namespace aul::kiosk {

namespace {

std::string region_button_label(const CatalogView& v) {
    const auto& q = *v.query;
    if (q.region.empty()) return v.words("ngos.region_any");
    std::string label = region_name(v.regions, q.region, v.words.lang);
    if (!q.district.empty() && v.districts)
        for (const auto& d : *v.districts)
            if (d.code == q.district) label = d.name.in(v.words.lang);
    return label;
}

std::string count_text(const CatalogView& v) {
    if (v.searching && v.result_count == 0) return v.words("ngos.searching");
    const char* key = v.more_results ? "ngos.count_many" : "ngos.count";
    return core::format_text(v.words(key), "count", std::to_string(v.result_count));
}

// The column of the region filters at the right of the page.
float region_width(Theme& t, float width) { return std::min(t.mm(85), width * 0.38f); }

// The search box with, beside it, the region picker, or while typing the result count
// (the keyboard needs the room the filters take).
Intent search_row(Ui& ui, const CatalogView& v, float width) {
    Intent out;
    Theme& t = ui.theme();
    ImVec2 row_start = ImGui::GetCursorScreenPos();
    float region_w = region_width(t, width);
    // A region's name too long for the column beside the search box gets a row of its own.
    std::string region_label = region_button_label(v);
    bool region_below = !ui.label_fits(region_label, "map-marker", ImVec2(region_w, t.touch_min()));
    bool has_text = !v.search_text->empty();
    float clear_w = has_text ? t.touch_min() + t.mm(2) : 0;
    float box_w = width - (region_below && !v.search_focused ? 0 : region_w + t.gap()) - clear_w;
    std::string hint = ui.glyph("search") + "  " + v.words("ngos.search_hint");
    if (ui.text_field("ngos.search", *v.search_text, hint, ImVec2(box_w, t.touch_min()), v.search_focused))
        keep_first(out, Intent::focus(FieldId::ngos_search));
    if (has_text) {
        ImGui::SameLine(0, t.mm(2));
        if (ui.button("ngos.search.clear", "", "times", ImVec2(t.touch_min(), t.touch_min())))
            keep_first(out, Intent::of(Intent::Kind::clear_search));
    }
    if (!region_below || v.search_focused) ImGui::SameLine();
    if (v.search_focused) {
        ImVec2 at = ImGui::GetCursorScreenPos();
        ImFont* sf = ui.font(TextFace::small);
        ImGui::SetCursorScreenPos(ImVec2(at.x + t.mm(2), at.y + (t.touch_min() - sf->FontSize) * 0.5f));
        ui.text(count_text(v), TextFace::small, ui.pal().text_muted, region_w - t.mm(2));
        ImGui::SetCursorScreenPos(ImVec2(row_start.x, row_start.y + t.touch_min() + ImGui::GetStyle().ItemSpacing.y));
        return out;
    }
    if (ui.button("ngos.region", region_label, "map-marker", ImVec2(region_below ? width : region_w, t.touch_min()),
                  ButtonKind::secondary, !v.query->region.empty()))
        keep_first(out, Intent::of(Intent::Kind::open_region_picker));
    return out;
}

Intent category_chips(Ui& ui, const CatalogView& v, float width) {
    Intent out;
    Theme& t = ui.theme();
    ui.begin_scroll("ngos.chips", ImVec2(width, t.touch_min() + t.mm(1)), /*horizontal=*/true);
    if (ui.chip("ngos.category.all", v.words("ngos.all_categories"), "th-large", v.query->category.empty()))
        keep_first(out, Intent::of(Intent::Kind::set_category, ""));
    if (v.categories) {
        for (const auto& c : *v.categories) {
            ImGui::SameLine(0, t.mm(2));
            if (ui.chip("ngos.category." + c.code, c.name.in(v.words.lang), c.icon, v.query->category == c.code))
                keep_first(out, Intent::of(Intent::Kind::set_category, c.code));
        }
    }
    ui.end_scroll();
    return out;
}

// The number found and, while a region narrows the list, "All regions" beside it, right
// under the region picker: the catalogue opens on the kiosk's own region, and the whole
// country is one tap away.
Intent count_row(Ui& ui, const CatalogView& v, float width) {
    Intent out;
    Theme& t = ui.theme();
    const Palette& p = ui.pal();
    if (v.query->region.empty()) {
        ui.text(count_text(v), TextFace::small, p.text_muted, width);
        return out;
    }
    float region_w = std::min(width * 0.6f, std::max(region_width(t, width), ui.button_width(v.words("ngos.region_any"), "globe")));
    ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + (t.touch_min() - ui.font(TextFace::small)->FontSize) * 0.5f));
    ui.text(count_text(v), TextFace::small, p.text_muted, width - region_w - t.gap());
    ImGui::SetCursorScreenPos(ImVec2(at.x + width - region_w, at.y));
    if (ui.button("ngos.region.all", v.words("ngos.region_any"), "globe", ImVec2(region_w, t.touch_min())))
        keep_first(out, Intent::of(Intent::Kind::pick_region, ""));
    return out;
}

// `tight`: under a header on a short screen, the words without the large icon above them.
void empty_state(Ui& ui, const CatalogView& v, float width, bool tight = false) {
    Theme& t = ui.theme();
    if (!tight) {
        ImGui::Dummy(ImVec2(0, t.mm(8)));
        ImVec2 pos = ImGui::GetCursorScreenPos();
        ui.icon("search", pos, t.mm(16), ui.pal().text_muted);
        ImGui::Dummy(ImVec2(0, t.mm(18)));
    }
    ui.text(v.words("ngos.empty"), TextFace::heading, ui.pal().text, width);
    ui.text(v.words("ngos.empty_hint"), TextFace::body, ui.pal().text_muted, width);
}

// One result: category icon, name, where it works, and what it is looking for.
bool result_row(Ui& ui, const CatalogView& v, const store::NgoSummary& s, int visible_index, float width,
                float row_h) {
    Theme& t = ui.theme();
    const Palette& p = ui.pal();
    ImVec2 pos = ImGui::GetCursorScreenPos();
    std::string id = "ngos.row." + std::to_string(s.rowid);
    std::string recorded = visible_index >= 0 ? "ngos.result." + std::to_string(visible_index) : std::string();
    bool held = false;
    bool tapped = ui.tap_area(id, ImVec2(width, row_h - t.mm(1.5f)), held, recorded);
    ImVec2 max(pos.x + width, pos.y + row_h - t.mm(1.5f));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, max, held ? p.surface_pressed : p.surface, t.radius());
    if (t.config().high_contrast) dl->AddRect(pos, max, p.border, t.radius(), 0, 2.0f);

    float icon_box = t.mm(14);
    float pad = t.mm(3.5f);
    ImVec2 ip(pos.x + pad, pos.y + (max.y - pos.y - icon_box) * 0.5f);
    dl->AddRectFilled(ip, ImVec2(ip.x + icon_box, ip.y + icon_box), p.chip, icon_box * 0.5f);
    const core::Category* cat = find_category(v.categories, s.first_category);
    ui.icon(cat ? cat->icon : "users", ImVec2(ip.x + icon_box * 0.2f, ip.y + icon_box * 0.2f), icon_box * 0.6f, p.primary);

    float tx = ip.x + icon_box + pad;
    float text_w = max.x - tx - pad;
    ImFont* bf = ui.font(TextFace::body);
    ImFont* sf = ui.font(TextFace::small);
    const std::string& name = s.name.in(v.words.lang);
    float ty = pos.y + pad * 0.8f;
    ImGui::PushFont(bf);
    ImGui::PushStyleColor(ImGuiCol_Text, p.text);
    ImGui::RenderTextEllipsis(dl, ImVec2(tx, ty), ImVec2(tx + text_w, ty + bf->FontSize), tx + text_w, tx + text_w,
                              name.c_str(), nullptr, nullptr);
    ImGui::PopStyleColor();
    ImGui::PopFont();

    std::string where = region_name(v.regions, s.region, v.words.lang);
    std::string line2 = ui.glyph("map-marker") + " " + where;
    if (s.needs_volunteers) line2 += "    " + ui.glyph("hand-paper-o") + " " + v.words("badge.volunteers");
    if (s.seeks_partners) line2 += "    " + ui.glyph("handshake-o") + " " + v.words("badge.partners");
    float ly = ty + bf->FontSize + t.mm(1.5f);
    ImGui::PushFont(sf);
    ImGui::PushStyleColor(ImGuiCol_Text, p.text_muted);
    ImGui::RenderTextEllipsis(dl, ImVec2(tx, ly), ImVec2(tx + text_w, ly + sf->FontSize), tx + text_w, tx + text_w,
                              line2.c_str(), nullptr, nullptr);
    ImGui::PopStyleColor();
    ImGui::PopFont();

    if (!recorded.empty()) ui.record(recorded, name, pos, max, true);
    ui.record("", where, ImVec2(tx, ly), ImVec2(tx + text_w, ly + sf->FontSize), false);
    return tapped;
}

float result_row_height(const Ui& ui) {
    Theme& t = const_cast<Ui&>(ui).theme();
    return ui.font(TextFace::body)->FontSize + ui.font(TextFace::small)->FontSize + t.mm(10);
}

// `header`, when given, is drawn at the top of the list and scrolls away with it: on a
// short screen (a 7-inch panel with large text) a fixed header would leave no room for a
// single result.
Intent result_list(Ui& ui, const CatalogView& v, ImVec2 size, const std::function<Intent()>& header) {
    Intent out;
    Theme& t = ui.theme();
    float row_h = result_row_height(ui);
    ui.begin_scroll("ngos.list", size);
    if (v.scroll_to_top) ImGui::SetScrollY(0);
    if (header) keep_first(out, header());
    float start_y = ImGui::GetCursorPosY();
    const auto& rows = *v.results;
    // The list is as long as the whole answer; rows not fetched yet are blank until their
    // page arrives, so the scroll bar and every row's place hold from the first frame.
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(v.result_count), row_h);
    int shown_end = 0, shown_rows = 0;
    const ImRect clip = ImGui::GetCurrentWindow()->ClipRect;
    int visible = 0;
    float width = ImGui::GetContentRegionAvail().x - t.mm(3);
    while (clipper.Step()) {
        shown_end = std::max(shown_end, clipper.DisplayEnd);
        shown_rows = std::max(shown_rows, clipper.DisplayEnd - clipper.DisplayStart);
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            ImGui::SetCursorPosY(start_y + static_cast<float>(i) * row_h);
            const store::NgoSummary* s =
                static_cast<std::size_t>(i) < rows.size() ? v.summary(rows[static_cast<std::size_t>(i)]) : nullptr;
            if (!s) {
                ImGui::Dummy(ImVec2(width, row_h));
                continue;
            }
            float top = ImGui::GetCursorScreenPos().y;
            // Counted from the first row not mostly scrolled away above: rows below the
            // view count on, so a script can bring the next one in as a finger would.
            bool counted = top + row_h * 0.5f >= clip.Min.y;
            if (result_row(ui, v, *s, counted ? visible : -1, width, row_h))
                keep_first(out, Intent::of(Intent::Kind::open_ngo, "", s->rowid));
            if (counted) ++visible;
        }
    }
    // A screenful ahead, so a finger scrolling at reading pace never meets blank rows.
    if (v.want_rows) v.want_rows(shown_end + shown_rows);
    ui.end_scroll();
    ImVec2 lp = ImGui::GetItemRectMin();
    ui.record("ngos.list", "", lp, ImGui::GetItemRectMax(), false);
    return out;
}

}  // namespace

Intent draw_catalog(Ui& ui, const CatalogView& v) {
    Intent out;
    Theme& t = ui.theme();
    const Palette& p = ui.pal();
    float pad = t.pad();
    ImVec2 origin = ImGui::GetCursorScreenPos();
    ImVec2 room = ImGui::GetContentRegionAvail();
    float width = room.x - 2 * pad;
    // Search, region, chips, the count: above the list, or at its top where a fixed header
    // would leave the list less than two results' room.
    auto header = [&] {
        Intent h;
        keep_first(h, search_row(ui, v, width));
        // While the keyboard is up the chips step aside so the results stay in view.
        if (!v.search_focused) keep_first(h, category_chips(ui, v, width));
        if (!v.search_focused) keep_first(h, count_row(ui, v, width));
        if (!v.error.empty()) ui.text(v.error, TextFace::body, p.badge_partners, width);
        return h;
    };
    float top = origin.y + t.mm(3);
    float bottom = origin.y + room.y - t.mm(2) - v.keyboard_height;
    // The header's height as last drawn decides where it goes this frame.
    float& header_h = ui.memo("ngos.header");
    bool cramped = bottom - (top + header_h) < result_row_height(ui) * 2.0f;
    ImGui::SetCursorScreenPos(ImVec2(origin.x + pad, top));
    float list_top = top;
    if (!cramped) {
        ImGui::BeginGroup();
        keep_first(out, header());
        ImGui::EndGroup();
        header_h = ImGui::GetItemRectSize().y + ImGui::GetStyle().ItemSpacing.y;
        list_top = top + header_h;
        ImGui::SetCursorScreenPos(ImVec2(origin.x + pad, list_top));
    }
    ImVec2 list_size(width + t.mm(3), bottom - list_top);
    if (v.result_count == 0 && !v.searching && !cramped) {
        // In a region of its own: the keyboard may leave it little room.
        ui.begin_scroll("ngos.empty", list_size);
        empty_state(ui, v, width);
        ui.end_scroll();
    } else {
        auto measured_header = [&] {
            float y0 = ImGui::GetCursorPosY();
            Intent h = header();
            header_h = ImGui::GetCursorPosY() - y0;
            if (v.result_count == 0 && !v.searching) empty_state(ui, v, width, /*tight=*/true);
            return h;
        };
        keep_first(out, result_list(ui, v, list_size, cramped ? std::function<Intent()>(measured_header) : nullptr));
    }
    return out;
}

}  // namespace aul::kiosk
