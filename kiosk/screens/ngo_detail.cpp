#include "kiosk/screens/screens.h"

#include "core/validate.h"

namespace aul::kiosk {

namespace {
// One titled block of the profile; `first` skips the space above the first block of a card.
void section(Ui& ui, const Words& w, const char* key, const std::string& body, float width, bool& first) {
    if (body.empty()) return;
    if (!first) ImGui::Dummy(ImVec2(0, ui.theme().mm(1.5f)));
    first = false;
    ui.text(w(key), TextFace::small, ui.pal().primary, width);
    ui.text(body, TextFace::body, ui.pal().text, width);
}

void contact_line(Ui& ui, const char* icon, const std::string& label, const std::string& value, float width) {
    if (value.empty()) return;
    ui.text(ui.glyph(icon) + "  " + label + ": " + value, TextFace::body, ui.pal().text, width);
}
}  // namespace

Intent draw_ngo(Ui& ui, const NgoView& v) {
    Theme& t = ui.theme();
    const Palette& p = ui.pal();
    const Words& w = v.words;
    float pad = t.pad();
    ImVec2 origin = ImGui::GetCursorScreenPos();
    ImVec2 avail = ImGui::GetContentRegionAvail();
    ImGui::SetCursorScreenPos(ImVec2(origin.x + pad, origin.y + t.mm(2)));
    float width = avail.x - 2 * pad;
    ui.begin_scroll("ngo.page", ImVec2(width, avail.y - t.mm(2)));
    float text_w = width - t.mm(4);
    if (!v.ngo) {
        ui.text(v.error.empty() ? w("ngo.missing") : v.error, TextFace::heading, p.text, text_w);
        ui.end_scroll();
        return {};
    }
    const core::Ngo& n = *v.ngo;
    ImGui::Dummy(ImVec2(0, t.mm(2)));
    ui.text(n.name.in(w.lang), TextFace::heading, p.text, text_w);
    if (n.needs_volunteers || n.seeks_partners) {
        if (n.needs_volunteers) ui.badge(w("badge.volunteers"), "hand-paper-o", p.badge_volunteers);
        if (n.needs_volunteers && n.seeks_partners) ImGui::SameLine();
        if (n.seeks_partners) ui.badge(w("badge.partners"), "handshake-o", p.badge_partners);
    }
    std::string where = v.region_name + (v.district_name.empty() ? "" : ", " + v.district_name);
    ui.text(ui.glyph("map-marker") + "  " + where, TextFace::body, p.text_muted, text_w);
    Intent out;
    if (n.needs_volunteers) {
        // Its listed opportunities, or an offer of any help when it lists none.
        if (ui.fitted_button("ngo.volunteer", w("ngo.volunteer"), "hand-paper-o", text_w))
            keep_first(out, Intent::of(Intent::Kind::open_volunteer, n.id));
    }

    std::string cats;
    for (const auto& code : n.categories)
        if (const core::Category* c = find_category(v.categories, code))
            cats += (cats.empty() ? "" : "  ·  ") + c->name.in(w.lang);
    float card_text_w = text_w - 2 * t.mm(4);
    ImGui::Dummy(ImVec2(0, t.mm(1)));
    ui.begin_card(text_w);
    bool first = true;
    section(ui, w, "ngo.categories", cats, card_text_w, first);
    section(ui, w, "ngo.mission", n.mission.in(w.lang), card_text_w, first);
    section(ui, w, "ngo.services", n.services.in(w.lang), card_text_w, first);
    section(ui, w, "ngo.area", n.area.in(w.lang), card_text_w, first);
    ui.end_card();

    ui.begin_card(text_w);
    // The contact lines, and beside them the same contact as a QR code to take home.
    float qr_w = contact_qr_width(ui, v.contact_card);
    float lines_w = qr_w > 0 ? card_text_w - qr_w - t.gap() : card_text_w;
    ImVec2 lines_top = ImGui::GetCursorScreenPos();
    ImGui::BeginGroup();
    ui.text(w("ngo.contacts"), TextFace::small, p.primary, lines_w);
    contact_line(ui, "phone", w("ngo.phone"), core::format_kz_phone(n.phone), lines_w);
    contact_line(ui, "envelope", w("ngo.email"), n.email, lines_w);
    contact_line(ui, "building", w("ngo.address"), n.address.in(w.lang), lines_w);
    contact_line(ui, "id-card", w("ngo.bin"), n.bin, lines_w);
    ImGui::EndGroup();
    draw_contact_qr(ui, "ngo.contact_qr", v.contact_card, w, ImVec2(lines_top.x + card_text_w - qr_w, lines_top.y));
    ui.end_card();
    ImGui::Dummy(ImVec2(0, t.mm(6)));
    ui.end_scroll();
    return out;
}

}  // namespace aul::kiosk
