#include "kiosk/session/propose_flow.h"

#include "core/text.h"
#include "core/tracking.h"
#include "platform/log.h"

namespace aul::kiosk {

bool field_on_step(core::Field f, int step) {
    using F = core::Field;
    switch (step) {
        case 0: return f == F::category;
        case 1: return f == F::place;
        case 2: return f == F::title || f == F::description;
        case 3: return f == F::name || f == F::phone || f == F::iin || f == F::consent;
        default: return true;
    }
}

bool ProposeFlow::apply(const Intent& i) {
    using K = Intent::Kind;
    switch (i.kind) {
        case K::open_propose: open(i.text); return true;
        case K::propose_category:
            draft_.category = i.text;
            drop_problems(core::Field::category);
            return true;
        case K::propose_council: draft_.council = i.text; return true;
        case K::propose_anonymous:
            draft_.anonymous = i.id == 1;
            s_.unfocus();
            problems_.clear();
            return true;
        case K::propose_consent:
            draft_.consent = !draft_.consent;
            drop_problems(core::Field::consent);
            return true;
        case K::propose_next: next(); return true;
        case K::propose_back:
            back();
            return true;
        case K::propose_submit: submit(); return true;
        case K::receipt_done: s_.show({}); return true;
        default: return false;
    }
}

// In the wizard, Back means the previous step, wherever it is tapped.
bool ProposeFlow::back() {
    if (s_.screen() != ScreenId::propose) return false;
    s_.unfocus();
    problems_.clear();
    if (step_ > 0) --step_;
    else s_.stack.pop_back();
    return true;
}

std::string* ProposeFlow::field_text(FieldId f) {
    switch (f) {
        case FieldId::propose_title: return &draft_.title;
        case FieldId::propose_description: return &draft_.description;
        case FieldId::propose_name: return &draft_.name;
        case FieldId::propose_phone: return &draft_.phone;
        case FieldId::propose_iin: return &draft_.iin;
        default: return nullptr;
    }
}

// The resident is fixing the field: its problem message goes.
void ProposeFlow::field_changed(FieldId f) {
    if (auto checked = field_spec(f).checks) drop_problems(*checked);
}

void ProposeFlow::open(const std::string& council) {
    s_.load_place();  // a proposal is about where the kiosk stands now
    const store::Locality& here = s_.place.where();
    draft_ = core::ProposalDraft{};
    draft_.region = here.region;
    draft_.district = here.district;
    draft_.settlement = here.settlement;
    draft_.council = council;
    step_ = 0;
    problems_.clear();
    submit_error_.clear();
    s_.unfocus();
    s_.show({ScreenId::propose});
}

void ProposeFlow::show_receipt(std::string code) {
    receipt_code_ = std::move(code);
    s_.show({ScreenId::receipt});
}

void ProposeFlow::show_latest_receipt() {
    auto latest = s_.filing.latest_tracking_code();
    if (latest && !latest->empty()) return show_receipt(*latest);
    auto kiosk = s_.filing.kiosk_code();
    show_receipt(core::make_tracking_code(kiosk && !kiosk->empty() ? *kiosk : "KZ24", 1).value_or("KZ24222223X"));
}

void ProposeFlow::show_problems_of_step(const std::vector<core::FieldProblem>& all) {
    problems_.clear();
    for (const auto& p : all)
        if (field_on_step(p.field, step_)) problems_.push_back(p);
}

void ProposeFlow::next() {
    s_.unfocus();
    core::ProposalDraft copy = draft_;
    show_problems_of_step(core::clean_and_check(copy));
    if (problems_.empty() && step_ < kProposeSteps - 1) ++step_;
}

void ProposeFlow::submit() {
    core::ProposalDraft accepted = draft_;
    auto problems = core::clean_and_check(accepted);
    if (!problems.empty()) {
        // Back to the first step with a problem, showing that step's problems.
        for (int step = 0; step < kProposeSteps; ++step)
            if (field_on_step(problems.front().field, step)) {
                step_ = step;
                break;
            }
        show_problems_of_step(problems);
        return;
    }
    accepted.lang = s_.lang;
    auto filed = s_.filing.file_proposal(accepted, s_.wall_ms());
    if (!filed) {
        submit_error_ = s_.save_failed("a proposal", filed.error());
        return;
    }
    platform::log::info("proposal " + filed->tracking_code + " saved");
    draft_ = core::ProposalDraft{};
    problems_.clear();
    submit_error_.clear();
    show_receipt(filed->tracking_code);
}

void ProposeFlow::drop_problems(core::Field f) {
    std::erase_if(problems_, [f](const core::FieldProblem& p) { return p.field == f; });
}

void ProposeFlow::reset() {
    draft_ = core::ProposalDraft{};
    step_ = 0;
    problems_.clear();
    submit_error_.clear();
    receipt_code_.clear();
}

bool ProposeFlow::holds_resident_data() const {
    return !draft_.title.empty() || !draft_.description.empty() || !draft_.name.empty() || !draft_.phone.empty() ||
           !draft_.iin.empty();
}

ProposeView ProposeFlow::view() const {
    ProposeView v;
    v.words = s_.words();
    v.step = step_;
    v.draft = &draft_;
    v.problems = problems_;
    v.place = s_.place_line();  // a proposal is about the kiosk's own locality
    v.councils = &s_.place.councils();
    v.focused_field = s_.focused;
    v.submit_error = submit_error_;
    v.contacts_allowed = s_.filing.can_seal_contacts();
    return v;
}

}  // namespace aul::kiosk
