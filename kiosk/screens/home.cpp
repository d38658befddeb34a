#include "kiosk/screens/screens.h"

#include <algorithm>

namespace aul::kiosk {

namespace {

struct Task {
    const char* id;
    const char* label;
    std::string caption;
    const char* icon;
    ImU32 colour;
    Intent intent;
};

// The five tasks and the voice guide's tile.
constexpr int kCells = 6;

// The voice tile's label names it in every language, the reader's first: a resident who
// cannot read the kiosk's current language still finds the speaker and their word.
std::string voice_label(const Words& w) {
    // The dot is bound to the word after it (a no-break space): a label that wraps starts
    // its next line with "· Voice" rather than leaving a dot at the end of the first.
    std::string out = w("home.voice");
    for (core::Lang l : core::kAllLangs)
        if (l != w.lang) out += " ·\u00a0" + w.tr->get(l, "home.voice");
    return out;
}

// As many columns as keep every word of every label whole (at most three on a wide
// screen, two otherwise): a label broken inside a word ("Денсаулы/қ") is worse than a
// page that scrolls.
int home_columns(const Ui& ui, const Words& w, const std::vector<Task>& tasks, float width) {
    const Theme& t = const_cast<Ui&>(ui).theme();
    // A portrait kiosk stacks its tasks: one column of wide tiles down its height.
    if (t.portrait()) return 1;
    int most = width > t.mm(300) ? 3 : 2;
    for (int cols = most; cols > 1; --cols) {
        float tile_w = (width - (cols - 1) * t.gap()) / cols;
        bool fits = true;
        for (const auto& task : tasks) fits = fits && ui.tile_words_fit(task.label ? w(task.label) : voice_label(w), tile_w);
        if (fits) return cols;
    }
    return 1;
}

}  // namespace

Intent draw_home(Ui& ui, const HomeView& v) {
    Intent out;
    Theme& t = ui.theme();
    const Palette& p = ui.pal();
    const Words& w = v.words;
    const auto [origin, avail, pad, width] = ui.page_area();
    // The resident's tasks as large tiles, filing a proposal first: it is why most come.
    const std::vector<Task> tasks{
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
        {"home.voice", nullptr, w(v.voice_guide ? "home.voice.on" : "home.voice.caption"), "volume-up", p.accent,
         Intent::of(Intent::Kind::toggle_voice_guide)},
    };
    auto label = [&](const Task& task) { return task.label ? w(task.label) : voice_label(w); };
    int cols = home_columns(ui, w, tasks, width);
    int rows = (kCells + cols - 1) / cols;
    float tile_w = (width - (cols - 1) * t.gap()) / cols;
    float min_h = t.touch_min() * 1.2f;
    for (const auto& task : tasks) min_h = std::max(min_h, ui.tile_min_height(label(task), "", tile_w));
    // The greeting heads the page when the grid still fits beneath it.
    ImFont* hf = ui.font(TextFace::heading);
    float greeting_h = hf->FontSize + t.mm(3);
    float grid_room = avail.y - pad * 1.5f;  // the margins above and below the grid
    bool greeting = grid_room - greeting_h >= rows * min_h + (rows - 1) * t.gap();
    if (greeting) grid_room -= greeting_h;
    float tile_h = std::max(min_h, (grid_room - (rows - 1) * t.gap()) / rows);
    // Tiles taller than this read as panels, not buttons: they grow no further.
    tile_h = std::min(tile_h, std::max(min_h, t.mm(70)));
    // Every task stays on the first screen: captions show only when all of them fit. All
    // tiles share one label face so the grid reads as one.
    bool captions = true;
    for (const auto& task : tasks) captions = captions && ui.tile_min_height(label(task), task.caption, tile_w) <= tile_h;
    ImFont* face = ui.font(TextFace::heading);
    for (const auto& task : tasks)
        if (ui.tile_label_face(label(task), captions ? task.caption : "", ImVec2(tile_w, tile_h)) != face)
            face = ui.font(TextFace::body);

    // The page scrolls when large text makes it taller than the screen.
    ImGui::SetCursorScreenPos(ImVec2(origin.x + pad, origin.y));
    ui.begin_scroll("home.page", ImVec2(avail.x - pad, avail.y));
    ImGui::Dummy(ImVec2(0, pad * 0.5f));
    if (greeting) {
        auto as = ui.voice(UiItem::Voice::heading);
        ui.text(w("home.greeting"), TextFace::heading, p.text, width);
        ImGui::Dummy(ImVec2(0, t.mm(1)));
    }
    ImGui::BeginGroup();
    int n = 0;
    for (const auto& task : tasks) {
        bool voice_on = v.voice_guide && !task.label;
        // The voice tile says it is on wherever its words fit, whatever the others show.
        bool caption_shown = captions || (voice_on && ui.tile_min_height(label(task), task.caption, tile_w) <= tile_h);
        std::string caption = caption_shown ? task.caption : std::string();
        if (ui.tile(task.id, label(task), caption, task.icon, ImVec2(tile_w, tile_h), task.colour, face, voice_on))
            keep_first(out, task.intent);
        if (++n % cols != 0) ImGui::SameLine();
    }
    ImGui::EndGroup();
    ImGui::Dummy(ImVec2(0, pad));
    ui.end_scroll();
    return out;
}

}  // namespace aul::kiosk
