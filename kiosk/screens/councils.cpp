#include "kiosk/screens/screens.h"

namespace aul::kiosk {

namespace {

const char* level_key(const std::string& level) {
    if (level == "national") return "councils.level.national";
    if (level == "regional") return "councils.level.regional";
    return "councils.level.district";
}

// One council: who it is, what it deals with, when it meets, and a way to write to it.
Intent council_card(Ui& ui, const CouncilsView& v, const core::Council& c, float width) {
    Intent out;
    Theme& t = ui.theme();
    const Palette& p = ui.pal();
    const Words& w = v.words;
    float inner = width - t.mm(8);
    ui.begin_card(width);
    ui.badge(w(level_key(c.level)), "university", c.level == "national" ? p.primary : p.badge_volunteers);
    ui.text(c.name.in(w.lang), TextFace::heading, p.text, inner);
    std::string topics;
    for (const auto& code : c.topics) topics += (topics.empty() ? "" : "  ·  ") + w("category." + code);
    if (!topics.empty()) {
        ui.text(w("councils.topics"), TextFace::small, p.primary, inner);
        ui.text(topics, TextFace::body, p.text, inner);
    }
    if (!c.description.in(w.lang).empty()) ui.text(c.description.in(w.lang), TextFace::body, p.text, inner);
    if (!c.meetings.in(w.lang).empty()) {
        ui.text(w("councils.meetings"), TextFace::small, p.primary, inner);
        ui.text(ui.glyph("calendar") + "  " + c.meetings.in(w.lang), TextFace::body, p.text, inner);
    }
    ImGui::Dummy(ImVec2(0, t.mm(1)));
    if (ui.fitted_button("councils.propose." + c.id, w("councils.propose"), "bullhorn", inner))
        keep_first(out, Intent::of(Intent::Kind::open_propose, c.id));
    ui.end_card();
    return out;
}

}  // namespace

Intent draw_councils(Ui& ui, const CouncilsView& v) {
    Intent out;
    Theme& t = ui.theme();
    const auto [origin, avail, pad, width] = ui.page_area();
    ImGui::SetCursorScreenPos(ImVec2(origin.x + pad, origin.y + t.mm(3)));
    ui.begin_scroll("councils.list", ImVec2(width + t.mm(3), avail.y - t.mm(4)));
    ui.text(core::format_text(v.words("councils.intro"), "place", v.place), TextFace::body, ui.pal().text_muted, width);
    ImGui::Dummy(ImVec2(0, t.mm(1)));
    if (!v.councils || v.councils->empty()) ui.text(v.words("councils.none"), TextFace::heading, ui.pal().text, width);
    if (v.councils)
        for (const auto& c : *v.councils) {
            keep_first(out, council_card(ui, v, c, width));
            ImGui::Dummy(ImVec2(0, t.mm(1)));
        }
    ui.end_scroll();
    return out;
}

}  // namespace aul::kiosk
