#include "kiosk/screens/screens.h"

#include <ctime>

#include "core/tracking.h"

namespace aul::kiosk {

namespace {

// What the check character says about the code typed so far: its words, and whether it
// is a mistake to fix (then shown as the form's errors are, with their icon and colour).
struct CodeHint {
    std::string words;
    bool ready = false;    // the code is whole and right
    bool mistake = false;  // a character that cannot be, too long, or the check disagrees
};
CodeHint code_hint(const Words& w, const std::string& typed) {
    std::string code = core::normalize_tracking_input(typed);
    switch (core::check_tracking_code(code)) {
        case core::TrackingCheck::ok: return {w("track.hint.ok"), true, false};
        case core::TrackingCheck::bad_character: return {w("track.hint.bad_character"), false, true};
        case core::TrackingCheck::too_long: return {w("track.hint.too_long"), false, true};
        case core::TrackingCheck::wrong_check: return {w("track.hint.wrong_check"), false, true};
        case core::TrackingCheck::too_short:
            return {core::format_text(w("track.hint.more"), "n", std::to_string(core::kTrackingLength - code.size())),
                    false, false};
    }
    return {};
}

void show_hint(Ui& ui, const CodeHint& hint, float width) {
    const Palette& p = ui.pal();
    if (hint.ready) ui.text(ui.glyph("check-circle") + " " + hint.words, TextFace::small, p.badge_volunteers, width);
    else if (hint.mistake) ui.problem(hint.words, TextFace::body, width);
    else ui.text(hint.words, TextFace::small, p.text_muted, width);
}

void status_card(Ui& ui, const TrackView& v, float width) {
    Theme& t = ui.theme();
    const Palette& p = ui.pal();
    const auto& s = *v.found;
    float inner = width - t.mm(8);
    ui.begin_card(width);
    // Found by the national server: its progress only, with no title or category to show.
    std::string code = core::format_tracking_code(s.tracking_code);
    ui.text(s.category.empty() ? code : code + "  ·  " + v.words("category." + s.category), TextFace::small,
            p.text_muted, inner);
    ui.text(s.title.empty() ? v.words("track.elsewhere") : s.title, TextFace::heading, p.text, inner);
    ui.badge(v.words("state." + s.state), "flag", p.primary);
    if (!s.answer.empty()) {
        ui.text(v.words("track.answer"), TextFace::small, p.primary, inner);
        ui.text(s.answer, TextFace::body, p.text, inner);
    }
    ui.text(v.words("track.history"), TextFace::small, p.primary, inner);
    for (auto it = s.history.rbegin(); it != s.history.rend(); ++it)
        ui.text(local_time_text(it->at_ms) + "   " + v.words("state." + it->state) + (it->note.empty() ? "" : ": " + it->note),
                TextFace::body, p.text, inner);
    ui.end_card();
}

// The heading and hint for a code this kiosk did not file, by what the national server
// said (or why it could not be asked); `retry` offers to ask again.
struct Elsewhere {
    const char* heading;
    const char* hint;
    bool retry;
};
Elsewhere elsewhere_words(std::optional<store::LookupOutcome> outcome) {
    using O = store::LookupOutcome;
    switch (outcome.value_or(O::unknown)) {
        case O::waiting: return {"track.asking", "track.asking_hint", false};
        case O::not_arrived: return {"track.not_arrived", "track.not_arrived_hint", false};  // days, not seconds
        case O::offline: return {"track.offline", "track.offline_hint", true};
        case O::limited: return {"track.limited", "track.limited_hint", false};
        case O::not_enrolled: return {"track.not_enrolled", "track.not_enrolled_hint", false};
        case O::found:
        case O::unknown: break;
    }
    return {"track.unknown", "track.unknown_hint", false};
}

void not_found_here(Ui& ui, const TrackView& v, float width, Intent& out) {
    Theme& t = ui.theme();
    const Palette& p = ui.pal();
    Elsewhere e = elsewhere_words(v.asking_server ? std::optional(store::LookupOutcome::waiting) : v.elsewhere);
    ui.text(v.words(e.heading), TextFace::heading, p.text, width);
    ui.text(v.words(e.hint), TextFace::body, p.text_muted, width);
    if (!e.retry) return;
    ImGui::Dummy(ImVec2(0, t.mm(2)));
    if (ui.button("track.retry", v.words("track.retry"), "refresh",
                  ImVec2(std::max(t.mm(55), ui.button_width(v.words("track.retry"), "refresh")), t.touch_min()),
                  ButtonKind::primary))
        keep_first(out, Intent::of(Intent::Kind::track_search));
}

}  // namespace

Intent draw_track(Ui& ui, const TrackView& v) {
    Intent out;
    Theme& t = ui.theme();
    const Palette& p = ui.pal();
    const auto [origin, avail, pad, width] = ui.page_area();
    ImGui::SetCursorScreenPos(ImVec2(origin.x + pad, origin.y + t.mm(3)));
    ui.begin_scroll("track.page", ImVec2(width + t.mm(3), avail.y - v.keyboard_height - t.mm(4)));
    ui.text(v.words("track.prompt"), TextFace::body, p.text, width);
    CodeHint hint = code_hint(v.words, *v.code);
    bool ready = hint.ready;
    float button_w = std::max(t.mm(55), ui.button_width(v.words("track.search"), "search"));
    float field_w = width - button_w - t.gap();
    std::string shown = core::format_tracking_code(core::normalize_tracking_input(*v.code));
    // The placeholder shows the code's shape, not a code a resident could take for theirs.
    {
        // A code typed is spelled aloud, as on the receipt; the placeholder is not read.
        auto as = ui.voice(shown.empty() ? UiItem::Voice::silent : UiItem::Voice::code);
        if (ui.text_field("track.code", shown, "···· ···· ···", ImVec2(field_w, t.touch_min()), v.focused))
            keep_first(out, Intent::focus(FieldId::track_code));
    }
    ImGui::SameLine();
    // Until the check character agrees the button stays grey and says why below.
    if (ui.button("track.search", v.words("track.search"), "search", ImVec2(button_w, t.touch_min()),
                  ready ? ButtonKind::primary : ButtonKind::secondary) &&
        ready)
        keep_first(out, Intent::of(Intent::Kind::track_search));
    if (!v.code->empty()) show_hint(ui, hint, width);
    ImGui::Dummy(ImVec2(0, t.mm(2)));
    if (!v.error.empty()) ui.text(v.error, TextFace::body, p.badge_partners, width);
    if (v.searched && v.found) status_card(ui, v, width);
    if (v.searched && !v.found && v.error.empty()) not_found_here(ui, v, width, out);
    ui.end_scroll();
    return out;
}

}  // namespace aul::kiosk
