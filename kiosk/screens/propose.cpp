#include "kiosk/screens/screens.h"

#include <algorithm>
#include <optional>

#include "core/proposal.h"
#include "core/text.h"
#include "core/validate.h"

namespace aul::kiosk {

namespace {

constexpr const char* kStepTitles[kProposeSteps] = {"propose.step.category", "propose.step.place",
                                                    "propose.step.text", "propose.step.contact",
                                                    "propose.step.review"};

// Where the field of the step's first problem lies on the page (content coordinates, so
// whatever the scroll), found while the page is drawn, to bring it into view.
struct FirstProblem {
    std::optional<core::Field> field;
    float top = -1, bottom = -1;
    explicit FirstProblem(const ProposeView& v) {
        if (!v.problems.empty()) field = v.problems.front().field;
    }
    // A field's block (its label) starts here.
    void mark(core::Field f) {
        if (field == f && top < 0) top = ImGui::GetCursorPosY();
    }
};

// Problems of one field, in the danger colour, right under it.
void problems_for(Ui& ui, const ProposeView& v, core::Field field, float width, FirstProblem& first) {
    first.mark(field);  // a field without a label of its own: its problem is the mark
    for (const auto& p : v.problems)
        if (p.field == field) ui.problem(v.words(p.message_key), TextFace::small, width);
    if (first.field == field && first.bottom < 0) first.bottom = ImGui::GetCursorPosY();
}

// "Title  23 / 150": the label and a live count of what is left to write.
void label_with_counter(Ui& ui, const Words& w, const char* key, const std::string& text, std::size_t max, float width) {
    std::string counter = std::to_string(core::codepoint_count(text)) + " / " + std::to_string(max);
    ImVec2 pos = ImGui::GetCursorScreenPos();
    ui.text(w(key), TextFace::small, ui.pal().primary, width);
    ImFont* sf = ui.font(TextFace::small);
    float cw = sf->CalcTextSizeA(sf->FontSize, FLT_MAX, 0, counter.c_str()).x;
    ImVec2 at(pos.x + width - cw, pos.y);
    ImGui::GetWindowDrawList()->AddText(sf, sf->FontSize, at, ui.pal().text_muted, counter.c_str());
    ui.record("", counter, at, ImVec2(at.x + cw, at.y + sf->FontSize), false);
}

// The step's question with the dots and "Step 3 of 5" beside it, or below it where the
// two do not fit side by side.
void progress(Ui& ui, const ProposeView& v, float width) {
    Theme& t = ui.theme();
    const Palette& p = ui.pal();
    ImVec2 pos = ImGui::GetCursorScreenPos();
    std::string step = core::format_text(v.words("propose.progress"), "n", std::to_string(v.step + 1));
    step = core::format_text(step, "total", std::to_string(kProposeSteps));
    const std::string& question = v.words(kStepTitles[v.step]);
    ImFont* sf = ui.font(TextFace::small);
    ImFont* hf = ui.font(TextFace::heading);
    float sw = sf->CalcTextSizeA(sf->FontSize, FLT_MAX, 0, step.c_str()).x;
    float dot = t.mm(3.5f), gap = t.mm(2);
    float dots_w = kProposeSteps * dot + (kProposeSteps - 1) * gap;
    float side_w = std::max(sw, dots_w);
    float heading_room = width - side_w - t.mm(4);
    bool beside = Ui::words_fit(hf, question, heading_room) &&
                  hf->CalcTextSizeA(hf->FontSize, FLT_MAX, heading_room, question.c_str()).y <= hf->FontSize * 2.1f;
    {
        auto as = ui.voice(UiItem::Voice::question);
        ui.text(question, TextFace::heading, p.text, beside ? heading_room : width);
    }
    float x = beside ? pos.x + width - side_w : pos.x;
    float y = beside ? pos.y + t.mm(2) : ImGui::GetCursorScreenPos().y;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (int i = 0; i < kProposeSteps; ++i) {
        ImVec2 c(x + (beside ? side_w - dots_w : 0) + i * (dot + gap) + dot * 0.5f, y + dot * 0.5f);
        if (i <= v.step)
            dl->AddCircleFilled(c, dot * 0.5f, p.primary);
        else
            dl->AddCircle(c, dot * 0.5f - 1, p.border, 0, 2.0f);
    }
    ImVec2 at = beside ? ImVec2(pos.x + width - sw, y + dot + t.mm(1.5f)) : ImVec2(x + dots_w + t.mm(3), y);
    dl->AddText(sf, sf->FontSize, at, p.text_muted, step.c_str());
    {
        auto as = ui.voice(UiItem::Voice::heading);  // "Step 3 of 5" before the step's question
        ui.record("", step, at, ImVec2(at.x + sw, at.y + sf->FontSize), false);
    }
    if (!beside) ImGui::Dummy(ImVec2(width, std::max(dot, sf->FontSize) + t.mm(1)));
}

Intent category_step(Ui& ui, const ProposeView& v, float width, FirstProblem& first) {
    Intent out;
    Theme& t = ui.theme();
    float h = std::max(t.touch_min() * 1.25f, ui.font(TextFace::body)->FontSize * 2.4f);  // two-line labels
    std::vector<std::string> labels;
    for (const auto& c : core::kProposalCategories) labels.push_back(v.words("category." + std::string(c.code)));
    int columns = ui.columns_fitting(labels, "building", width, h, t.portrait() ? 2 : 4);
    float w = (width - (columns - 1) * t.gap()) / columns;
    problems_for(ui, v, core::Field::category, width, first);  // above the grid, which fills the page
    int n = 0;
    for (const auto& c : core::kProposalCategories) {
        std::string code(c.code);
        if (ui.button("propose.category." + code, v.words("category." + code), c.icon,
                      ImVec2(w, h), ButtonKind::secondary, v.draft->category == code))
            keep_first(out, Intent::of(Intent::Kind::propose_category, code));
        if (++n % columns != 0) ImGui::SameLine();
    }
    if (n % columns != 0) ImGui::NewLine();
    return out;
}

// The councils the place can address, as a choice; none is the default.
Intent council_choice(Ui& ui, const ProposeView& v, float width) {
    Intent out;
    Theme& t = ui.theme();
    ImGui::Dummy(ImVec2(0, t.mm(1)));
    ui.text(v.words("propose.council.label"), TextFace::small, ui.pal().text_muted, width);
    ImVec2 size(width, t.touch_min());
    if (ui.button("propose.council.none", v.words("propose.council.none"), "users", size, ButtonKind::secondary,
                  v.draft->council.empty()))
        keep_first(out, Intent::of(Intent::Kind::propose_council, ""));
    if (v.councils)
        for (const auto& c : *v.councils)
            if (ui.button("propose.council." + c.id, c.name.in(v.words.lang), "university", size,
                          ButtonKind::secondary, v.draft->council == c.id))
                keep_first(out, Intent::of(Intent::Kind::propose_council, c.id));
    return out;
}

// The kiosk's own place or another; the picker's regions, a region's districts, then the
// village or town's name (see PlaceLevel). Back (the session's) goes up a level.
Intent place_step(Ui& ui, const ProposeView& v, float width, FirstProblem& first) {
    using K = Intent::Kind;
    Intent out;
    Theme& t = ui.theme();
    const Words& w = v.words;
    const Palette& p = ui.pal();
    const auto& d = *v.draft;
    std::vector<PlaceChoice> choices;
    switch (v.place_level) {
        case PlaceLevel::here: {
            ui.text(w("propose.place.label"), TextFace::small, p.primary, width);
            // Tall enough for a long place name to wrap onto a second line.
            float h = std::max(t.touch_min() * 1.25f, ui.font(TextFace::body)->FontSize * 2.4f);
            if (ui.button("propose.place.here", v.here, "map-marker", ImVec2(width, h), ButtonKind::secondary,
                          v.place_is_here))
                keep_first(out, Intent::of(K::propose_place_here));
            if (ui.button("propose.place.elsewhere", w("propose.place.elsewhere"), "map", ImVec2(width, t.touch_min())))
                keep_first(out, Intent::of(K::propose_place_elsewhere));
            problems_for(ui, v, core::Field::place, width, first);
            keep_first(out, council_choice(ui, v, width));
            return out;
        }
        case PlaceLevel::region:
            problems_for(ui, v, core::Field::place, width, first);  // above the list, which fills the page
            ui.text(w("propose.place.region"), TextFace::small, p.primary, width);
            if (v.regions)
                for (const auto& r : *v.regions)
                    choices.push_back({"propose.region." + r.code, r.name.in(w.lang), "map-marker", d.region == r.code,
                                       Intent::of(K::propose_place_region, r.code)});
            keep_first(out, draw_place_choices(ui, choices, width));
            return out;
        case PlaceLevel::district:
            problems_for(ui, v, core::Field::place, width, first);
            ui.text(ui.glyph("map-marker") + "  " + region_name(v.regions, d.region, w.lang), TextFace::body, p.text,
                    width);
            ui.text(w("propose.place.district"), TextFace::small, p.primary, width);
            if (v.districts)
                for (const auto& x : *v.districts)
                    choices.push_back({"propose.district." + x.code, x.name.in(w.lang), "map-marker",
                                       d.district == x.code, Intent::of(K::propose_place_district, x.code)});
            // After the list, as a resident looks for theirs first.
            choices.push_back({"propose.district.none", w("propose.place.district_unlisted"), "question-circle", false,
                               Intent::of(K::propose_place_district, "")});
            keep_first(out, draw_place_choices(ui, choices, width));
            return out;
        case PlaceLevel::settlement:
            // The name, then the district and region chosen: read as an address, and while
            // the keyboard is up the field stands at the top of what is left of the page.
            first.mark(core::Field::place);
            ui.text(w("propose.place.settlement"), TextFace::small, p.primary, width);
            if (ui.text_field("propose.settlement", d.settlement, w("propose.place.settlement.hint"),
                              ImVec2(width, t.touch_min()), v.focused_field == FieldId::propose_settlement))
                keep_first(out, Intent::focus(FieldId::propose_settlement));
            problems_for(ui, v, core::Field::place, width, first);
            ui.text(ui.glyph("map-marker") + "  " + v.picked, TextFace::body, p.text, width);
            keep_first(out, council_choice(ui, v, width));
            return out;
    }
    return out;
}

// `room`: the height of the page region, which a focused description field must not
// outgrow (it would hide its own start or end behind the keyboard).
Intent text_step(Ui& ui, const ProposeView& v, float width, float room, FirstProblem& first) {
    Intent out;
    Theme& t = ui.theme();
    const auto& d = *v.draft;
    first.mark(core::Field::title);
    label_with_counter(ui, v.words, "propose.title.label", d.title, core::kTitleMax, width);
    if (ui.text_field("propose.title", d.title, v.words("propose.title.hint"), ImVec2(width, t.touch_min()),
                      v.focused_field == FieldId::propose_title))
        keep_first(out, Intent::focus(FieldId::propose_title));
    problems_for(ui, v, core::Field::title, width, first);
    ImGui::Dummy(ImVec2(0, t.mm(1)));
    first.mark(core::Field::description);
    label_with_counter(ui, v.words, "propose.description.label", d.description, core::kDescriptionMax, width);
    float body = ui.font(TextFace::body)->FontSize;
    float field_h = std::max(t.touch_min(), std::min(body * 3.4f + t.mm(6), room - t.mm(2)));
    if (ui.text_field("propose.description", d.description, v.words("propose.description.hint"),
                      ImVec2(width, field_h), v.focused_field == FieldId::propose_description, true))
        keep_first(out, Intent::focus(FieldId::propose_description));
    problems_for(ui, v, core::Field::description, width, first);
    return out;
}

Intent contact_step(Ui& ui, const ProposeView& v, float width, FirstProblem& first) {
    Intent out;
    Theme& t = ui.theme();
    const auto& d = *v.draft;
    // Side by side where both labels show whole (on two lines if need be), else one above
    // the other.
    std::vector<std::string> both{v.words("propose.anonymous"), v.words("propose.named")};
    float choice_h = t.touch_min() * 1.2f;
    int cols = v.contacts_allowed ? ui.columns_fitting(both, "user", width, choice_h, 2) : 1;
    if (cols == 1 && v.contacts_allowed) {
        float two_lines = std::max(choice_h, ui.font(TextFace::body)->FontSize * 2.4f);
        if (ui.columns_fitting(both, "user", width, two_lines, 2) == 2) {
            cols = 2;
            choice_h = two_lines;
        }
    }
    float choice_w = (width - (cols - 1) * t.gap()) / cols;
    if (ui.button("propose.anonymous", v.words("propose.anonymous"), "user-o", ImVec2(choice_w, choice_h),
                  ButtonKind::secondary, d.anonymous))
        keep_first(out, Intent::of(Intent::Kind::propose_anonymous, "", 1));
    if (v.contacts_allowed) {
        if (cols > 1) ImGui::SameLine();
        if (ui.button("propose.named", v.words("propose.named"), "user", ImVec2(choice_w, choice_h),
                      ButtonKind::secondary, !d.anonymous))
            keep_first(out, Intent::of(Intent::Kind::propose_anonymous, "", 0));
    } else {
        ui.text(ui.glyph("lock") + "  " + v.words("propose.named.unavailable"), TextFace::body, ui.pal().text_muted,
                width);
    }
    if (d.anonymous) {
        ui.text(ui.glyph("info-circle") + "  " + v.words("propose.anonymous.note"), TextFace::body,
                ui.pal().text_muted, width);
        return out;
    }
    struct Row {
        FieldId id;
        const char* label;
        const std::string& text;
        core::Field field;
    };
    const Row rows[] = {{FieldId::propose_name, "propose.name.label", d.name, core::Field::name},
                        {FieldId::propose_phone, "propose.phone.label", d.phone, core::Field::phone},
                        {FieldId::propose_iin, "propose.iin.label", d.iin, core::Field::iin}};
    for (const auto& r : rows) {
        first.mark(r.field);
        ui.text(v.words(r.label), TextFace::small, ui.pal().primary, width);
        {
            auto as = ui.voice(field_voice(r.id));
            if (ui.text_field(std::string(field_widget(r.id)), r.text, "", ImVec2(width, t.touch_min()),
                              v.focused_field == r.id))
                keep_first(out, Intent::focus(r.id));
        }
        problems_for(ui, v, r.field, width, first);
    }
    ImGui::Dummy(ImVec2(0, t.mm(1)));
    first.mark(core::Field::consent);
    if (ui.check_row("propose.consent", v.words("propose.consent.text"), d.consent, width))
        keep_first(out, Intent::of(Intent::Kind::propose_consent));
    problems_for(ui, v, core::Field::consent, width, first);
    return out;
}

// A line of the review: what it is, and the resident's words. Contact details are shown
// but never spoken ("name and phone given").
struct ReviewLine {
    const char* key;
    std::string value;
    bool personal = false;
};

void review_line(Ui& ui, const Words& w, const ReviewLine& line, float width) {
    if (line.value.empty()) return;
    ui.text(w(line.key), TextFace::small, ui.pal().primary, width);
    auto as = ui.voice(line.personal ? UiItem::Voice::personal : UiItem::Voice::read);
    ui.text(line.value, TextFace::body, ui.pal().text, width);
}

// One section of the review, with Change on its right, which opens the step the section
// was written on. `width`: inside the review's card.
Intent review_section(Ui& ui, const ProposeView& v, int step, const char* name,
                      std::initializer_list<ReviewLine> lines, float width) {
    Intent out;
    Theme& t = ui.theme();
    const std::string& change = v.words("propose.edit");
    float change_w = ui.button_width(change, "pencil");
    ImVec2 top = ImGui::GetCursorScreenPos();
    for (const auto& line : lines) review_line(ui, v.words, line, width - change_w - t.gap());
    float lines_end = ImGui::GetCursorScreenPos().y;
    ImGui::SetCursorScreenPos(ImVec2(top.x + width - change_w, top.y));
    if (ui.button(std::string("propose.edit.") + name, change, "pencil", ImVec2(change_w, t.touch_min())))
        out = Intent::of(Intent::Kind::propose_edit, "", step);
    ImGui::SetCursorScreenPos(ImVec2(top.x, std::max(lines_end, ImGui::GetItemRectMax().y + t.mm(1))));
    return out;
}

// The sections of the proposal in one card, a rule between them.
Intent review_step(Ui& ui, const ProposeView& v, float width) {
    Intent out;
    Theme& t = ui.theme();
    const auto& d = *v.draft;
    float inner = width - t.mm(8);  // inside the card's padding
    std::string council;
    if (v.councils)
        for (const auto& c : *v.councils)
            if (c.id == d.council) council = c.name.in(v.words.lang);
    std::string contact = d.anonymous ? v.words("propose.anonymous") : d.name + ", " + core::format_kz_phone(d.phone);
    auto rule = [&] {
        ImVec2 at = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddLine(ImVec2(at.x, at.y), ImVec2(at.x + inner, at.y), ui.pal().border, 1.5f);
        ImGui::Dummy(ImVec2(inner, t.mm(1)));
    };
    // Above the proposal: the page comes back to its top when saving fails.
    if (!v.submit_error.empty()) ui.problem(v.submit_error, TextFace::body, width);
    ui.begin_card(width);
    keep_first(out, review_section(ui, v, 0, "category", {{"propose.review.category", v.words("category." + d.category)}},
                                   inner));
    rule();
    keep_first(out, review_section(ui, v, 1, "place",
                                   {{"propose.review.place", v.place}, {"propose.review.council", council}}, inner));
    rule();
    keep_first(out, review_section(ui, v, 2, "text",
                                   {{"propose.title.label", d.title}, {"propose.description.label", d.description}},
                                   inner));
    rule();
    keep_first(out, review_section(ui, v, 3, "contact", {{"propose.review.contact", contact, !d.anonymous}}, inner));
    ui.end_card();
    return out;
}

}  // namespace

Intent draw_propose(Ui& ui, const ProposeView& v) {
    Intent out;
    Theme& t = ui.theme();
    const auto [origin, avail, pad, width] = ui.page_area();
    float m = t.mm(t.compact() ? 1.5f : 3.0f);
    float bar_h = t.touch_min() + 2 * m;
    bool typing = v.keyboard_height > 0;
    bool last = v.step == kReviewStep;
    const std::string& back = v.words("propose.back");
    // Changing a section from the review, Next says it goes back there.
    const std::string& next = v.words(last ? "propose.submit" : v.to_review ? "propose.to_review" : "propose.next");
    const char* next_icon = last ? "paper-plane" : "arrow-right";
    float next_w = std::min(width - ui.button_width(back, "arrow-left") - t.gap(),
                            std::max(t.mm(t.compact() ? 50 : 70), ui.button_width(next, next_icon)));
    // The step's action stays one tap away while typing: Back and Next above the keyboard,
    // or, where a 7-inch panel with large text has no room for that row, Next beside the
    // field (the top bar's Back still steps back).
    float keyboard_top = origin.y + avail.y - v.keyboard_height;
    bool beside = typing && keyboard_top - bar_h - (origin.y + m) < t.touch_min() + t.mm(2);
    float page_bottom = beside ? keyboard_top - m : keyboard_top - bar_h;
    float page_w = beside ? width - next_w - t.gap() : width;

    ImGui::SetCursorScreenPos(ImVec2(origin.x + pad, origin.y + m));
    if (!typing) progress(ui, v, width);  // while typing, the field needs the room more
    ImGui::SetCursorScreenPos(ImVec2(origin.x + pad, ImGui::GetCursorScreenPos().y));
    float page_top = ImGui::GetCursorScreenPos().y;
    float page_h = std::max(t.touch_min(), page_bottom - page_top);
    ui.begin_scroll("propose.page", ImVec2(page_w + t.mm(3), page_h));
    // A step (or a level of the place picker) opens at its top; a field being typed into
    // is then brought into view by the field itself.
    if (v.scroll_to_top) ImGui::SetScrollY(0);
    float inner = page_w - t.mm(1);
    FirstProblem first(v);
    // Problems may sit below the fold: say so at the top of the step.
    bool below = false;
    // (A category's or a place's problems stand at the top of their step already.)
    for (const auto& pr : v.problems)
        below = below || (pr.field != core::Field::category && pr.field != core::Field::place);
    if (below)
        ui.problem(v.words("propose.fix_below"), TextFace::body, inner);
    switch (v.step) {
        case 0: keep_first(out, category_step(ui, v, inner, first)); break;
        case 1: keep_first(out, place_step(ui, v, inner, first)); break;
        case 2: keep_first(out, text_step(ui, v, inner, page_h, first)); break;
        case 3: keep_first(out, contact_step(ui, v, inner, first)); break;
        default: keep_first(out, review_step(ui, v, inner)); break;
    }
    ImGui::Dummy(ImVec2(0, t.mm(2)));
    // Next or Send found problems: the first one, with its field, comes into view unless it
    // already is (the note at the top then stays in view too).
    if (v.scroll_to_problem && first.bottom >= 0) {
        float shown_from = v.scroll_to_top ? 0.0f : ImGui::GetScrollY();
        float top = first.top >= 0 ? first.top : first.bottom;
        if (top < shown_from || first.bottom > shown_from + ImGui::GetWindowHeight())
            ImGui::SetScrollY(std::max(0.0f, top - t.mm(2)));
    }
    ui.end_scroll();

    float y = beside ? page_bottom - t.touch_min() : page_bottom + m;
    if (!beside) {
        ImGui::SetCursorScreenPos(ImVec2(origin.x + pad, y));
        if (ui.button("propose.back", back, "arrow-left", ImVec2(ui.button_width(back, "arrow-left"), t.touch_min())))
            keep_first(out, Intent::of(Intent::Kind::propose_back));
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x + pad + width - next_w, y));
    if (ui.button(last ? "propose.submit" : "propose.next", next, next_icon, ImVec2(next_w, t.touch_min()),
                  ButtonKind::primary))
        keep_first(out, Intent::of(last ? Intent::Kind::propose_submit : Intent::Kind::propose_next));
    return out;
}

}  // namespace aul::kiosk
