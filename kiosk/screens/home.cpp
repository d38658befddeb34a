#include "kiosk/screens/screens.h"

#include <algorithm>

namespace aul::kiosk {


Intent draw_home(Ui& ui, const HomeView& v) {
    Intent out;
    Theme& t = ui.theme();
    const Palette& p = ui.pal();
    const Words& w = v.words;
    const auto [origin, avail, pad, width] = ui.page_area();
    // The page scrolls when large text makes it taller than the screen.
    ImGui::SetCursorScreenPos(ImVec2(origin.x + pad, origin.y));
    ui.begin_scroll("home.page", ImVec2(avail.x - pad, avail.y));
    ImGui::Dummy(ImVec2(0, pad * 0.5f));
    ImGui::BeginGroup();

    ImGui::Dummy(ImVec2(0, t.mm(1)));

    // The resident's tasks as large tiles, filing a proposal first: it is why most come.
    struct Task {
        const char* id;
        const char* label;
        std::string caption;
        const char* icon;
        ImU32 colour;
        Intent intent;
    };
    const Task tasks[] = {
        {"home.propose", "home.propose", w("home.propose.caption"), "bullhorn", p.accent,
         Intent::of(Intent::Kind::open_propose)},
        {"home.ngos", "home.ngos", core::format_text(w("home.ngos.caption"), "count", std::to_string(v.ngo_count)),
         "search", p.primary, Intent::of(Intent::Kind::open_catalog)},
        {"home.track", "home.track", w("home.track.caption"), "question-circle", p.badge_volunteers,
         Intent::of(Intent::Kind::open_track)},
        {"home.councils", "home.councils", w("home.councils.caption"), "university", p.badge_partners,
         Intent::of(Intent::Kind::open_councils)},
        {"home.volunteer", "home.volunteer", w("home.volunteer.caption"), "hand-paper-o", p.primary,
         Intent::of(Intent::Kind::open_volunteer)},
    };
    constexpr int kColumns = 2;
    constexpr int kRows = (std::size(tasks) + kColumns - 1) / kColumns;
    float tile_w = (width - (kColumns - 1) * t.gap()) / kColumns;
    float avail_h = ImGui::GetContentRegionAvail().y - pad;
    float tile_h = std::max(t.touch_min() * 1.5f, (avail_h - (kRows - 1) * t.gap()) / kRows);
    // Every task stays on the first screen: captions show only when all of them fit; a
    // label alone may still grow the tiles (large text), and then the page scrolls. All
    // tiles share one label face so the grid reads as one.
    for (const auto& task : tasks) tile_h = std::max(tile_h, ui.tile_min_height(w(task.label), "", tile_w));
    bool captions = true;
    for (const auto& task : tasks) captions = captions && ui.tile_min_height(w(task.label), task.caption, tile_w) <= tile_h;
    ImFont* face = ui.font(TextFace::heading);
    for (const auto& task : tasks)
        if (ui.tile_label_face(w(task.label), captions ? task.caption : "", ImVec2(tile_w, tile_h)) != face)
            face = ui.font(TextFace::body);
    int n = 0;
    for (const auto& task : tasks) {
        std::string caption = captions ? task.caption : std::string();
        if (ui.tile(task.id, w(task.label), caption, task.icon, ImVec2(tile_w, tile_h), task.colour, face))
            keep_first(out, task.intent);
        if (++n % kColumns != 0) ImGui::SameLine();
    }
    ImGui::EndGroup();
    ImGui::Dummy(ImVec2(0, pad));
    ui.end_scroll();
    return out;
}

}  // namespace aul::kiosk
