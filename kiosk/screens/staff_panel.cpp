#include "kiosk/screens/screens.h"

#include <cstdio>

namespace aul::kiosk {

namespace {

// "Label: value" on one line, the label muted, wrapped to the card.
void fact(Ui& ui, std::string_view label, const std::string& value, float width, ImU32 colour = 0) {
    ui.text(std::string(label), TextFace::small, ui.pal().text_muted, width);
    ui.text(value, TextFace::body, colour ? colour : ui.pal().text, width);
}

std::string megabytes(const Words& w, std::int64_t bytes) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", static_cast<double>(bytes) / 1e6);
    return core::format_text(w("staff.megabytes"), "n", buf);
}

// A check's detail in the reader's language where it has words of ours; a server's or the
// system's own words (a failure's cause) as they came.
std::string check_detail(const Words& w, const store::Check& c) {
    return c.words.empty() ? c.detail : core::format_text(w(c.words), "n", c.value);
}

// Opens a card with its icon and heading; returns the width inside it.
float card(Ui& ui, std::string_view icon, const std::string& heading, float width) {
    float inner = width - ui.theme().mm(8);
    ui.begin_card(width);
    ui.text(ui.glyph(icon) + "  " + heading, TextFace::heading, ui.pal().text, inner);
    return inner;
}

void kiosk_card(Ui& ui, const StaffPanelView& v, float width) {
    const Words& w = v.words;
    const store::KioskStatus& s = *v.status;
    float inner = card(ui, "building", (v.kiosk_name.empty() ? w("staff.section.kiosk") : v.kiosk_name), width);
    // First thing on the panel: nothing else staff could do matters as much.
    if (s.damage_found)
        ui.text(ui.glyph("exclamation-circle") + "  " + w("staff.integrity.restart"), TextFace::body,
                ui.pal().badge_partners, inner);
    fact(ui, w("staff.kiosk_code"), s.kiosk_code.empty() ? w("staff.sync.none") : s.kiosk_code, inner);
    fact(ui, w("staff.locality"), v.place, inner);
    fact(ui, w("staff.enrolment"), s.enrolled ? s.server : w("staff.not_enrolled"), inner,
         s.enrolled ? 0 : ui.pal().badge_partners);
    fact(ui, w("staff.version"), v.version, inner);
    ui.end_card();
}

// The lines the session put in the reader's words; under the last error, small, kiosk-sync's
// own words for it, for whoever fixes it.
void sync_card(Ui& ui, const StaffPanelView& v, float width) {
    float inner = card(ui, "globe", v.words("staff.section.sync"), width);
    for (const auto& f : v.sync) fact(ui, f.label, f.value, inner, f.problem ? ui.pal().badge_partners : 0);
    if (!v.sync_error_detail.empty())
        ui.text(core::format_text(v.words("staff.sync.error_detail"), "detail", v.sync_error_detail), TextFace::small,
                ui.pal().text_muted, inner);
    ui.end_card();
}

void outbox_card(Ui& ui, const StaffPanelView& v, float width) {
    const Words& w = v.words;
    const store::KioskStatus& s = *v.status;
    float inner = card(ui, "paper-plane", w("staff.section.outbox"), width);
    std::string line = core::format_text(w("staff.outbox.line"), "proposals", std::to_string(s.outbox_proposals));
    ui.text(core::format_text(line, "signups", std::to_string(s.outbox_signups)), TextFace::body, ui.pal().text, inner);
    if (!s.quarantined.empty()) {
        ui.text(core::format_text(w("staff.quarantined"), "n", std::to_string(s.quarantined.size())), TextFace::small,
                ui.pal().badge_partners, inner);
        for (const auto& q : s.quarantined)
            ui.text(q.what + ": " + q.reason, TextFace::body, ui.pal().text, inner);
    }
    ui.end_card();
}

void storage_card(Ui& ui, const StaffPanelView& v, float width) {
    const Words& w = v.words;
    const store::KioskStatus& s = *v.status;
    float inner = card(ui, "hdd-o", w("staff.section.storage"), width);
    fact(ui, w("staff.database"), megabytes(w, s.database_bytes), inner);
    fact(ui, w("staff.disk_free"),
         s.disk_free_mb < 0 ? "?" : core::format_text(w("staff.detail.disk_free"), "n", std::to_string(s.disk_free_mb)),
         inner, s.disk_free_mb >= 0 && s.disk_free_mb < 100 ? ui.pal().badge_partners : 0);
    std::string verdict = s.integrity_verdict == "ok" ? w("staff.detail.integrity_ok") : s.integrity_verdict;
    std::string integrity =
        s.integrity_checked_ms > 0 ? v.when(s.integrity_checked_ms) + "  ·  " + verdict : w("staff.sync.never");
    fact(ui, w("staff.integrity"), integrity, inner,
         s.integrity_checked_ms > 0 && s.integrity_verdict != "ok" ? ui.pal().badge_partners : 0);
    ui.end_card();
}

void checks_card(Ui& ui, const StaffPanelView& v, float width) {
    const Words& w = v.words;
    float inner = card(ui, "stethoscope", w("staff.section.self_test"), width);
    for (const auto& c : *v.checks) {
        std::string name = w("staff.check." + c.name);
        ui.text(ui.glyph(c.ok ? "check-circle" : "exclamation-circle") + "  " + name, TextFace::body,
                c.ok ? ui.pal().badge_volunteers : ui.pal().badge_partners, inner);
        ui.text(check_detail(w, c), TextFace::small, ui.pal().text_muted, inner);
    }
    if (v.self_testing) ui.text(ui.glyph("clock-o") + "  " + w("staff.self_test.running"), TextFace::small, ui.pal().text_muted, inner);
    ui.end_card();
}

// The voice's volume with Quieter and Louder beside it; each step is spoken at the new level.
Intent voice_card(Ui& ui, const StaffPanelView& v, float width) {
    Intent out;
    const Words& w = v.words;
    Theme& t = ui.theme();
    float inner = card(ui, "volume-up", w("staff.section.voice"), width);
    if (!v.speech_enabled) {
        fact(ui, w("staff.voice.volume"), w("staff.voice.disabled"), inner, ui.pal().badge_partners);
        ui.end_card();
        return out;
    }
    fact(ui, w("staff.voice.volume"), std::to_string(v.speech_volume) + "%", inner);
    float half = (inner - t.gap()) / 2;
    for (auto [action, icon] : {std::pair{StaffAction::volume_down, "volume-down"}, std::pair{StaffAction::volume_up, "volume-up"}}) {
        std::string key = "staff.action." + std::string(staff_action_name(action));
        if (ui.button(key, w(key), icon, ImVec2(half, t.touch_min())) && !v.busy) keep_first(out, Intent::staff(action));
        if (action == StaffAction::volume_down) ImGui::SameLine(0, t.gap());
    }
    ui.end_card();
    return out;
}

}  // namespace

// Facts on the left in cards that scroll, what the last action did above them; the actions
// in one column on the right, always in view. Leaving is the top bar's first button.
Intent draw_staff_panel(Ui& ui, const StaffPanelView& v) {
    Intent out;
    Theme& t = ui.theme();
    const Palette& p = ui.pal();
    const auto [origin, avail, pad, width] = ui.page_area();
    static constexpr struct {
        StaffAction action;
        const char* icon;
    } kActions[] = {{StaffAction::sync, "refresh"},        {StaffAction::self_test, "stethoscope"},
                    {StaffAction::export_bundle, "usb"},   {StaffAction::locality, "map-marker"},
                    {StaffAction::pin, "key"},             {StaffAction::speech_test, "volume-up"},
                    {StaffAction::restart, "power-off"}};
    auto key = [](StaffAction a) { return "staff.action." + std::string(staff_action_name(a)); };
    // As wide as the longest action needs (large text, long words), within reason.
    float actions_w = std::min(t.mm(92), width * 0.42f);
    for (const auto& a : kActions) actions_w = std::max(actions_w, ui.button_width(v.words(key(a.action)), a.icon));
    actions_w = std::min(actions_w, width * 0.55f);
    float facts_w = width - actions_w - t.gap() * 2;
    float top = origin.y + t.mm(3);

    // What the last action did stays in view above the facts, however far they scroll.
    ImGui::SetCursorScreenPos(ImVec2(origin.x + pad, top));
    float list_top = top;
    if (!v.message.empty()) {
        ui.text(ui.glyph(v.message_is_problem ? "exclamation-circle" : "info-circle") + "  " + v.message,
                TextFace::body, v.message_is_problem ? p.badge_partners : p.primary, facts_w);
        list_top = ImGui::GetItemRectMax().y + t.mm(2);
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x + pad, list_top));
    ui.begin_scroll("staff.list", ImVec2(facts_w + t.mm(3), origin.y + avail.y - list_top - t.mm(1)));
    if (v.checks && !v.checks->empty()) checks_card(ui, v, facts_w);
    if (v.status) {
        kiosk_card(ui, v, facts_w);
        sync_card(ui, v, facts_w);
        outbox_card(ui, v, facts_w);
        storage_card(ui, v, facts_w);
    }
    keep_first(out, voice_card(ui, v, facts_w));
    ui.end_scroll();

    // The actions scroll too where the screen is short (a 7-inch panel, large text); a
    // label too long for one line takes two.
    float x = origin.x + pad + width - actions_w;
    ImGui::SetCursorScreenPos(ImVec2(x, top));
    ui.begin_scroll("staff.actions", ImVec2(actions_w + t.mm(3), origin.y + avail.y - top - t.mm(1)));
    float two_lines = std::max(t.touch_min(), ui.font(TextFace::body)->FontSize * 2.4f);
    for (const auto& a : kActions) {
        const std::string& label = v.words(key(a.action));
        ImVec2 size(actions_w, t.touch_min());
        if (!ui.label_fits(label, a.icon, size)) size.y = two_lines;
        if (ui.button(key(a.action), label, a.icon, size,
                      a.action == StaffAction::sync ? ButtonKind::primary : ButtonKind::secondary) &&
            !v.busy)
            keep_first(out, Intent::staff(a.action));
        ImGui::Dummy(ImVec2(0, t.mm(0.5f)));
    }
    ui.end_scroll();
    return out;
}

}  // namespace aul::kiosk
