#include "kiosk/screens/screens.h"

namespace aul::kiosk {

namespace {

void problems_for(Ui& ui, const VolunteerView& v, core::Field field, float width) {
    for (const auto& p : v.problems)
        if (p.field == field)
            ui.text(ui.glyph("exclamation-circle") + " " + v.words(p.message_key), TextFace::small, ui.pal().badge_partners,
                    width);
}

Intent list(Ui& ui, const VolunteerView& v, float width) {
    Intent out;
    Theme& t = ui.theme();
    const Palette& p = ui.pal();
    const Words& w = v.words;
    float inner = width - t.mm(8);
    ui.text(w("volunteer.intro"), TextFace::body, p.text_muted, width);
    if (!v.signups_open)
        ui.text(ui.glyph("lock") + "  " + w("volunteer.closed"), TextFace::body, p.badge_partners, width);
    if (v.offer_any_help && v.signups_open) {
        if (ui.fitted_button("volunteer.any", w("volunteer.any_help"), "hand-paper-o", width))
            keep_first(out, Intent::of(Intent::Kind::volunteer_choose, "", -1));
    } else if (!v.rows || v.rows->empty()) {
        ui.text(w("volunteer.none"), TextFace::heading, p.text, width);
    }
    if (!v.rows) return out;
    for (std::size_t i = 0; i < v.rows->size(); ++i) {
        const auto& r = (*v.rows)[i];
        ImGui::Dummy(ImVec2(0, t.mm(1)));
        ui.begin_card(width);
        // The organisation's contact as a QR code beside the opportunity.
        static const std::string kNoCard;
        const std::string& card = v.contact_cards && i < v.contact_cards->size() ? (*v.contact_cards)[i] : kNoCard;
        float qr_w = contact_qr_width(ui, card);
        float text_w = qr_w > 0 ? inner - qr_w - t.gap() : inner;
        ImVec2 top = ImGui::GetCursorScreenPos();
        ImGui::BeginGroup();
        ui.text(r.opportunity.title.in(w.lang), TextFace::heading, p.text, text_w);
        ui.text(ui.glyph("users") + "  " + r.ngo_name.in(w.lang), TextFace::body, p.primary, text_w);
        if (!r.opportunity.when.in(w.lang).empty())
            ui.text(ui.glyph("calendar") + "  " + r.opportunity.when.in(w.lang), TextFace::body, p.text, text_w);
        if (!r.opportunity.description.in(w.lang).empty())
            ui.text(r.opportunity.description.in(w.lang), TextFace::body, p.text_muted, text_w);
        if (v.signups_open &&
            ui.fitted_button("volunteer.choose." + r.opportunity.id, w("volunteer.choose"), "hand-paper-o", text_w))
            keep_first(out, Intent::of(Intent::Kind::volunteer_choose, r.opportunity.id, static_cast<std::int64_t>(i)));
        ImGui::EndGroup();
        draw_contact_qr(ui, "volunteer.contact_qr." + r.opportunity.id, card, w, ImVec2(top.x + inner - qr_w, top.y));
        ui.end_card();
    }
    return out;
}

Intent form(Ui& ui, const VolunteerView& v, float width) {
    Intent out;
    Theme& t = ui.theme();
    const Palette& p = ui.pal();
    const Words& w = v.words;
    const auto& d = *v.draft;
    if (!v.problems.empty())
        ui.text(ui.glyph("exclamation-circle") + " " + w("propose.fix_below"), TextFace::body, p.badge_partners, width);
    ui.text(v.chosen_title, TextFace::heading, p.text, width);
    ui.text(ui.glyph("users") + "  " + v.chosen_ngo, TextFace::body, p.primary, width);
    ImGui::Dummy(ImVec2(0, t.mm(1)));
    struct Row {
        FieldId id;
        const char* label;
        const std::string& text;
        core::Field field;
    };
    const Row rows[] = {{FieldId::volunteer_name, "propose.name.label", d.name, core::Field::name},
                        {FieldId::volunteer_phone, "propose.phone.label", d.phone, core::Field::phone}};
    for (const auto& r : rows) {
        ui.text(w(r.label), TextFace::small, p.primary, width);
        {
            auto as = ui.voice(field_voice(r.id));
            if (ui.text_field(std::string(field_widget(r.id)), r.text, "", ImVec2(width, t.touch_min()),
                              v.focused_field == r.id))
                keep_first(out, Intent::focus(r.id));
        }
        problems_for(ui, v, r.field, width);
    }
    ImGui::Dummy(ImVec2(0, t.mm(1)));
    if (ui.check_row("volunteer.consent", w("volunteer.consent.text"), d.consent, width))
        keep_first(out, Intent::of(Intent::Kind::volunteer_consent));
    problems_for(ui, v, core::Field::consent, width);
    if (!v.error.empty()) ui.text(v.error, TextFace::body, p.badge_partners, width);
    return out;
}

Intent thanks(Ui& ui, const VolunteerView& v, float width) {
    Intent out;
    Theme& t = ui.theme();
    const Palette& p = ui.pal();
    ui.text(ui.glyph("check-circle") + "  " + v.words("volunteer.thanks"), TextFace::heading, p.badge_volunteers, width);
    ui.text(v.chosen_title + " · " + v.chosen_ngo, TextFace::body, p.text, width);
    ui.text(v.words("volunteer.thanks_next"), TextFace::body, p.text_muted, width);
    ImGui::Dummy(ImVec2(0, t.mm(2)));
    const std::string& label = v.words("receipt.done");
    if (ui.button("volunteer.done", label, "home", ImVec2(std::max(t.mm(80), ui.button_width(label, "home")), t.touch_min()),
                  ButtonKind::primary))
        keep_first(out, Intent::of(Intent::Kind::volunteer_done));
    return out;
}

}  // namespace

Intent draw_volunteer(Ui& ui, const VolunteerView& v) {
    Intent out;
    Theme& t = ui.theme();
    const PageArea page = ui.page_area();
    const auto [origin, avail, pad, width] = page;
    // The form keeps its Sign up button in view below the fields, unless the keyboard is up.
    bool bar = v.mode == VolunteerView::Mode::form && v.keyboard_height <= 0;
    float bar_h = bar ? t.touch_min() + 2 * t.mm(3) : 0;
    ImGui::SetCursorScreenPos(ImVec2(origin.x + pad, origin.y + t.mm(3)));
    // The list, the form and the thanks each open at their top.
    float& shown_mode = ui.memo("volunteer.mode");
    if (shown_mode != static_cast<float>(v.mode)) ui.scroll_all_to_start();
    shown_mode = static_cast<float>(v.mode);
    ui.begin_scroll("volunteer.list", ImVec2(width + t.mm(3), avail.y - v.keyboard_height - bar_h - t.mm(4)));
    switch (v.mode) {
        case VolunteerView::Mode::list: keep_first(out, list(ui, v, width)); break;
        case VolunteerView::Mode::form: keep_first(out, form(ui, v, width)); break;
        case VolunteerView::Mode::thanks: keep_first(out, thanks(ui, v, width)); break;
    }
    ImGui::Dummy(ImVec2(0, t.mm(3)));
    ui.end_scroll();
    if (bar) {
        if (ui.page_action(page, "volunteer.signup", v.words("volunteer.signup"), "check"))
            keep_first(out, Intent::of(Intent::Kind::volunteer_signup));
    }
    return out;
}

}  // namespace aul::kiosk
