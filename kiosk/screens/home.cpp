#include "kiosk/screens/screens.h"

#include <algorithm>

namespace aul::kiosk {

namespace {
// Each language is offered in its own words, so a reader finds theirs at a glance.
constexpr struct {
    core::Lang lang;
    const char* id;
    const char* label;
} kLanguages[] = {
    {core::Lang::kk, "home.lang.kk", "Қазақша"},
    {core::Lang::ru, "home.lang.ru", "Русский"},
    {core::Lang::en, "home.lang.en", "English"},
};
constexpr int kShortcutCategories = 6;
}  // namespace

Intent draw_home(Ui& ui, const HomeView& v) {
    Intent out;
    Theme& t = ui.theme();
    const Palette& p = ui.pal();
    const Words& w = v.words;
    float pad = t.pad();
    ImVec2 origin = ImGui::GetCursorScreenPos();
    ImVec2 avail = ImGui::GetContentRegionAvail();
    float width = avail.x - 2 * pad;
    // The page scrolls when large text makes it taller than the screen.
    ImGui::SetCursorScreenPos(ImVec2(origin.x + pad, origin.y));
    ui.begin_scroll("home.page", ImVec2(avail.x - pad, avail.y));
    ImGui::Dummy(ImVec2(0, pad * 0.5f));
    ImGui::BeginGroup();

    ui.text(w("home.greeting"), TextFace::heading, p.text, width);
    ui.text(w("home.subtitle"), TextFace::body, p.text_muted, width);
    ImGui::Dummy(ImVec2(0, t.mm(1)));

    float lang_w = std::min(t.mm(62), (width - 2 * t.gap()) / 3);
    for (const auto& l : kLanguages) {
        if (ui.button(l.id, l.label, w.lang == l.lang ? "check" : "globe", ImVec2(lang_w, t.touch_min()),
                      ButtonKind::secondary, w.lang == l.lang)) {
            Intent i = Intent::of(Intent::Kind::set_lang);
            i.lang = l.lang;
            keep_first(out, i);
        }
        ImGui::SameLine();
    }
    ImGui::NewLine();
    ImGui::Dummy(ImVec2(0, t.mm(2)));

    // The catalogue tile takes the left; shortcuts into its busiest areas the right.
    float avail_h = ImGui::GetContentRegionAvail().y - pad;
    float tile_w = width * 0.36f;
    std::string caption = core::format_text(w("home.ngos.caption"), "count", std::to_string(v.ngo_count));
    // Shortcut rows fit a two-line label; the tile is as tall as their grid, or the screen.
    float row_h = std::max(t.touch_min(), ui.font(TextFace::body)->FontSize * 2.5f);
    float tile_h = std::max({3 * row_h + 2 * t.gap(), avail_h, ui.tile_min_height(w("home.ngos"), caption, tile_w)});
    row_h = std::max(row_h, (tile_h - 2 * t.gap()) / 3);
    if (ui.tile("home.ngos", w("home.ngos"), caption, "search", ImVec2(tile_w, tile_h), p.primary))
        keep_first(out, Intent::of(Intent::Kind::open_catalog));
    ImGui::SameLine(0, t.gap() * 2);

    ImGui::BeginGroup();
    float col_w = (width - tile_w - t.gap() * 3) / 2;
    int shown = 0;
    if (v.categories) {
        for (const auto& c : *v.categories) {
            if (shown == kShortcutCategories) break;
            if (ui.button("home.category." + c.code, c.name.in(w.lang), c.icon, ImVec2(col_w, row_h)))
                keep_first(out, Intent::of(Intent::Kind::open_catalog, c.code));
            if (++shown % 2 == 1) ImGui::SameLine();
        }
    }
    ImGui::EndGroup();
    ImGui::EndGroup();
    ImGui::Dummy(ImVec2(0, pad));
    ui.end_scroll();
    return out;
}

}  // namespace aul::kiosk
