#include "kiosk/session/volunteer_flow.h"

#include "core/text.h"
#include "platform/log.h"

namespace aul::kiosk {

bool VolunteerFlow::apply(const Intent& i) {
    using K = Intent::Kind;
    switch (i.kind) {
        case K::open_volunteer: open(i.text); return true;
        case K::volunteer_choose: choose(i.id, i.text); return true;
        case K::volunteer_consent:
            signup_.consent = !signup_.consent;
            std::erase_if(problems_, [](const core::FieldProblem& p) { return p.field == core::Field::consent; });
            return true;
        case K::volunteer_signup: sign_up(); return true;
        case K::volunteer_done: s_.show({}); return true;
        default: return false;
    }
}

std::string* VolunteerFlow::field_text(FieldId f) {
    if (f == FieldId::volunteer_name) return &signup_.name;
    if (f == FieldId::volunteer_phone) return &signup_.phone;
    return nullptr;
}

void VolunteerFlow::field_changed(FieldId f) {
    if (auto checked = field_spec(f).checks)
        std::erase_if(problems_, [c = *checked](const core::FieldProblem& p) { return p.field == c; });
}

void VolunteerFlow::open(const std::string& ngo) {
    s_.load_place();
    auto rows = s_.catalog.opportunities(s_.place.where().region, ngo);
    opportunities_ = rows ? std::move(*rows) : std::vector<store::CatalogStore::OpportunityRow>{};
    if (!rows) platform::log::error("opportunities: " + rows.error());
    make_contact_cards();
    mode_ = VolunteerView::Mode::list;
    s_.unfocus();
    if (ngo.empty()) s_.show({ScreenId::volunteer});
    else s_.push(ScreenId::volunteer);
}

void VolunteerFlow::make_contact_cards() {
    contact_cards_.clear();
    for (const auto& r : opportunities_)
        contact_cards_.push_back(contact_card(r.ngo_name, r.ngo_phone, r.ngo_email, r.ngo_address, s_.lang));
}

// `index` into the list shown, checked against the opportunity's id; -1 (or a stale
// index) means "any help" for the organisation on screen.
void VolunteerFlow::choose(std::int64_t index, const std::string& opportunity) {
    signup_ = core::SignupDraft{};
    problems_.clear();
    error_.clear();
    auto idx = static_cast<std::size_t>(index);
    if (index >= 0 && idx < opportunities_.size() && opportunities_[idx].opportunity.id == opportunity) {
        const auto& r = opportunities_[idx];
        signup_.opportunity = r.opportunity.id;
        signup_.ngo = r.opportunity.ngo;
        chosen_title_ = r.opportunity.title.in(s_.lang);
        chosen_ngo_ = r.ngo_name.in(s_.lang);
    } else if (const core::Ngo* ngo = catalog_.ngo()) {
        signup_.ngo = ngo->id;
        chosen_title_ = s_.text("volunteer.any_help");
        chosen_ngo_ = ngo->name.in(s_.lang);
    }
    mode_ = VolunteerView::Mode::form;
    if (s_.screen() != ScreenId::volunteer) s_.push(ScreenId::volunteer);
}

void VolunteerFlow::sign_up() {
    s_.unfocus();
    core::SignupDraft accepted = signup_;
    problems_ = core::clean_and_check(accepted);
    if (!problems_.empty()) return;
    accepted.lang = s_.lang;
    auto saved = s_.filing.file_signup(accepted, s_.wall_ms());
    if (!saved) {
        error_ = s_.save_failed("a volunteer sign-up", saved.error());
        return;
    }
    platform::log::info("volunteer sign-up " + *saved + " saved");
    signup_ = core::SignupDraft{};
    mode_ = VolunteerView::Mode::thanks;
}

void VolunteerFlow::reset() {
    signup_ = core::SignupDraft{};
    problems_.clear();
    error_.clear();
    mode_ = VolunteerView::Mode::list;
}

VolunteerView VolunteerFlow::view() const {
    VolunteerView v;
    v.words = s_.words();
    v.mode = mode_;
    v.rows = &opportunities_;
    v.contact_cards = &contact_cards_;
    v.chosen_title = chosen_title_;
    v.chosen_ngo = chosen_ngo_;
    const auto& st = s_.stack;
    v.offer_any_help = st.size() > 2 && st[st.size() - 2] == ScreenId::ngo;
    v.signups_open = s_.filing.can_seal_contacts();
    v.draft = &signup_;
    v.problems = problems_;
    v.focused_field = s_.focused;
    v.error = error_;
    return v;
}

}  // namespace aul::kiosk
