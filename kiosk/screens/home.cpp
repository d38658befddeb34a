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
    };
    constexpr int kColumns = 2;
    constexpr int kRows = (std::size(tasks) + kColumns - 1) / kColumns;
    float tile_w = (width - (kColumns - 1) * t.gap()) / kColumns;
    float avail_h = ImGui::GetContentRegionAvail().y - pad;
    float tile_h = std::max(t.touch_min() * 1.5f, (avail_h - (kRows - 1) * t.gap()) / kRows);
    // Every task stays on the first screen: a caption that would make its tile taller is
    // left out; a label alone may still grow the tiles (large text), and the page scrolls.
    auto caption_fits = [&](const Task& task) {
        return ui.tile_min_height(w(task.label), task.caption, tile_w) <= tile_h;
    };
    for (const auto& task : tasks) tile_h = std::max(tile_h, ui.tile_min_height(w(task.label), "", tile_w));
    int n = 0;
    for (const auto& task : tasks) {
        std::string caption = caption_fits(task) ? task.caption : std::string();
        if (ui.tile(task.id, w(task.label), caption, task.icon, ImVec2(tile_w, tile_h), task.colour))
            keep_first(out, task.intent);
        if (++n % kColumns != 0) ImGui::SameLine();
    }
    ImGui::EndGroup();
    ImGui::Dummy(ImVec2(0, pad));
    ui.end_scroll();
    return out;
}

}  // namespace aul::kiosk
