#include "kiosk/session/propose_flow.h"

#include <algorithm>

#include "core/text.h"
#include "core/tracking.h"
#include "platform/log.h"
#include "store/kiosk_state.h"

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
        case K::propose_council:
            // Only a council the place can address (or none).
            if (i.text.empty() ||
                std::any_of(councils_.begin(), councils_.end(), [&](const core::Council& c) { return c.id == i.text; }))
                draft_.council = i.text;
            return true;
        case K::propose_place_here:
            if (step_ == 1 && kiosk_knows_place()) {
                s_.unfocus();
                use_kiosk_place();
            }
            return true;
        case K::propose_place_elsewhere:
            if (step_ == 1) pick_elsewhere();
            return true;
        case K::propose_place_region: pick_region(i.text); return true;
        case K::propose_place_district: pick_district(i.text); return true;
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
        case K::propose_edit: edit(static_cast<int>(i.id)); return true;
        case K::receipt_done: s_.show({}); return true;
        default: return false;
    }
}

// In the wizard, Back means the previous step, wherever it is tapped; inside the place
// picker, the level above.
bool ProposeFlow::back() {
    if (s_.screen() != ScreenId::propose) return false;
    s_.unfocus();
    problems_.clear();
    if (step_ == 1 && place_up()) return true;
    if (step_ > 0) go_to_step(step_ - 1);
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
        case FieldId::propose_settlement: return &draft_.settlement;
        default: return nullptr;
    }
}

// The resident is fixing the field: its problem message goes.
void ProposeFlow::field_changed(FieldId f) {
    if (auto checked = field_spec(f).checks) drop_problems(*checked);
}

void ProposeFlow::open(const std::string& council) {
    s_.load_place();  // a proposal is about where the kiosk stands now, unless the resident says otherwise
    draft_ = core::ProposalDraft{};
    draft_.council = council;
    step_ = 0;
    problems_.clear();
    submit_error_.clear();
    to_review_ = false;
    scroll_top_ = true;
    scroll_problem_ = false;
    s_.unfocus();
    if (kiosk_knows_place()) {
        use_kiosk_place();
    } else {
        // Nobody told this kiosk where it stands: the resident says where the problem is.
        districts_.clear();
        level_ = PlaceLevel::region;
        load_councils();
    }
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

// --- the place step ---

void ProposeFlow::use_kiosk_place() {
    const store::Locality& here = s_.place.where();
    draft_.region = here.region;
    draft_.district = here.district;
    draft_.settlement = here.settlement;
    districts_.clear();
    if (auto d = s_.catalog.districts(here.region)) districts_ = std::move(*d);
    set_level(PlaceLevel::here);
    load_councils();
    drop_problems(core::Field::place);
}

void ProposeFlow::pick_elsewhere() {
    s_.unfocus();
    draft_.region.clear();
    draft_.district.clear();
    draft_.settlement.clear();  // the kiosk's village's name, not one the resident wrote
    districts_.clear();
    set_level(PlaceLevel::region);
    load_councils();
    drop_problems(core::Field::place);
}

// Codes come from the screen, which lists the catalogue's: anything else is not taken.
void ProposeFlow::pick_region(const std::string& code) {
    if (step_ != 1 || level_ != PlaceLevel::region) return;
    if (std::none_of(s_.regions.begin(), s_.regions.end(), [&](const core::Region& r) { return r.code == code; })) {
        platform::log::warn("proposal: region " + code + " is not in the catalogue; not taken");
        return;
    }
    if (code != draft_.region) {
        draft_.region = code;
        draft_.district.clear();
        districts_.clear();
        if (auto d = s_.catalog.districts(code)) districts_ = std::move(*d);
        else platform::log::error("the districts of " + code + " could not be read: " + d.error());
    }
    // A region the catalogue lists no districts of (a city) goes straight to the name.
    set_level(districts_.empty() ? PlaceLevel::settlement : PlaceLevel::district);
    load_councils();
    drop_problems(core::Field::place);
    if (level_ == PlaceLevel::settlement && draft_.settlement.empty()) s_.focus(FieldId::propose_settlement);
}

void ProposeFlow::pick_district(const std::string& code) {
    if (step_ != 1 || level_ != PlaceLevel::district) return;
    if (!code.empty() &&
        std::none_of(districts_.begin(), districts_.end(), [&](const core::District& d) { return d.code == code; })) {
        platform::log::warn("proposal: district " + code + " is not in region " + draft_.region + "; not taken");
        return;
    }
    draft_.district = code;
    set_level(PlaceLevel::settlement);
    load_councils();
    drop_problems(core::Field::place);
    // The name is all that is left to give: the keyboard comes up for it.
    if (draft_.settlement.empty()) s_.focus(FieldId::propose_settlement);
}

// Back inside the picker: the level above, keeping what was chosen there highlighted. Above
// the regions is the kiosk's own place, when it has one; otherwise the previous step.
bool ProposeFlow::place_up() {
    switch (level_) {
        case PlaceLevel::settlement:
            set_level(districts_.empty() ? PlaceLevel::region : PlaceLevel::district);
            return true;
        case PlaceLevel::district: set_level(PlaceLevel::region); return true;
        case PlaceLevel::region:
            if (!kiosk_knows_place()) return false;
            use_kiosk_place();
            return true;
        case PlaceLevel::here: return false;
    }
    return false;
}

void ProposeFlow::set_level(PlaceLevel level) {
    if (level != level_) scroll_top_ = true;  // a new list starts at its top
    level_ = level;
}

// The councils of the draft's place; a council chosen for another place is dropped.
void ProposeFlow::load_councils() {
    councils_.clear();
    if (auto c = s_.catalog.councils_for(draft_.region, draft_.district)) councils_ = std::move(*c);
    else platform::log::error("the councils could not be read: " + c.error());
    if (std::none_of(councils_.begin(), councils_.end(), [&](const core::Council& c) { return c.id == draft_.council; }))
        draft_.council.clear();
}

// What the picker still needs before Next: the level it stands at says what to choose.
std::vector<core::FieldProblem> ProposeFlow::place_problems() const {
    using F = core::Field;
    switch (level_) {
        case PlaceLevel::here: return {};
        case PlaceLevel::region: return {{F::place, "error.place.region"}};
        case PlaceLevel::district: return {{F::place, "error.place.district"}};
        case PlaceLevel::settlement:
            if (core::clean_text(draft_.settlement, false).empty()) return {{F::place, "error.place.settlement"}};
            return {};
    }
    return {};
}

// --- the wizard ---

std::vector<core::FieldProblem> ProposeFlow::all_problems(core::ProposalDraft& cleaned) const {
    auto all = core::clean_and_check(cleaned);
    auto place = place_problems();
    if (place.empty()) return all;
    // The picker's words say what to do next; they stand where the place's would.
    std::erase_if(all, [](const core::FieldProblem& p) { return p.field == core::Field::place; });
    auto at = std::find_if(all.begin(), all.end(), [](const core::FieldProblem& p) { return p.field != core::Field::category; });
    all.insert(at, place.begin(), place.end());
    return all;
}

int ProposeFlow::first_step_with(const std::vector<core::FieldProblem>& all, int from) const {
    for (int step = from; step < kReviewStep; ++step)
        for (const auto& p : all)
            if (field_on_step(p.field, step)) return step;
    return kReviewStep;
}

void ProposeFlow::show_problems_of_step(const std::vector<core::FieldProblem>& all) {
    problems_.clear();
    for (const auto& p : all)
        if (field_on_step(p.field, step_)) problems_.push_back(p);
}

void ProposeFlow::go_to_step(int step) {
    s_.unfocus();
    problems_.clear();
    step_ = step;
    scroll_top_ = true;  // every step opens at its top, the review with the category first
    if (step == kReviewStep) to_review_ = false;
}

void ProposeFlow::next() {
    s_.unfocus();
    core::ProposalDraft copy = draft_;
    auto all = all_problems(copy);
    show_problems_of_step(all);
    if (!problems_.empty()) {
        scroll_problem_ = true;
        return;
    }
    if (step_ >= kReviewStep) return;
    // Changing one section from the review, the resident has already seen the others
    // there: Next takes them straight back to it rather than through every later step
    // again (which reads as starting over), stopping only where a later step now has a
    // problem to fix.
    int to = to_review_ ? first_step_with(all, step_ + 1) : step_ + 1;
    go_to_step(to);
    if (to != kReviewStep && to_review_) {
        show_problems_of_step(all);
        scroll_problem_ = !problems_.empty();
    }
}

void ProposeFlow::edit(int step) {
    if (step_ != kReviewStep || step < 0 || step >= kReviewStep) return;
    submit_error_.clear();
    to_review_ = true;
    go_to_step(step);
}

void ProposeFlow::submit() {
    core::ProposalDraft accepted = draft_;
    auto problems = all_problems(accepted);
    if (problems.empty() && level_ != PlaceLevel::here) {
        // A place the resident picked came from the catalogue as the screen listed it; it
        // is checked against the catalogue as it is now, which kiosk-sync may have changed.
        if (auto known = store::check_locality(s_.catalog, {accepted.region, accepted.district, accepted.settlement});
            !known) {
            platform::log::warn("proposal: the place chosen is not in the catalogue any more: " + known.error());
            problems.push_back({core::Field::place, "error.place.unknown"});
            set_level(PlaceLevel::region);
        }
    }
    if (!problems.empty()) {
        // Back to the first step with a problem, showing that step's problems; once fixed,
        // Next returns here.
        to_review_ = true;
        go_to_step(first_step_with(problems, 0));
        show_problems_of_step(problems);
        scroll_problem_ = true;
        return;
    }
    accepted.lang = s_.lang;
    auto filed = s_.filing.file_proposal(accepted, s_.wall_ms());
    if (!filed) {
        submit_error_ = s_.save_failed("a proposal", filed.error());
        scroll_top_ = true;  // where the reason is written, whatever part of the review was in view
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
    level_ = PlaceLevel::here;
    districts_.clear();
    councils_.clear();
    to_review_ = false;
    scroll_top_ = scroll_problem_ = false;
}

bool ProposeFlow::holds_resident_data() const {
    bool typed_place = level_ != PlaceLevel::here && !draft_.settlement.empty();
    return !draft_.title.empty() || !draft_.description.empty() || !draft_.name.empty() || !draft_.phone.empty() ||
           !draft_.iin.empty() || typed_place;
}

ProposeView ProposeFlow::view() {
    ProposeView v;
    v.words = s_.words();
    v.step = step_;
    v.draft = &draft_;
    v.problems = problems_;
    v.place = place_text(draft_place(), districts_, &s_.regions, s_.lang);
    v.councils = &councils_;
    v.focused_field = s_.focused;
    v.submit_error = submit_error_;
    v.contacts_allowed = s_.filing.can_seal_contacts();
    v.place_level = level_;
    if (kiosk_knows_place()) v.here = s_.place_line();
    v.place_is_here = level_ == PlaceLevel::here;
    v.picked = place_text({draft_.region, draft_.district, ""}, districts_, &s_.regions, s_.lang);
    v.regions = &s_.regions;
    v.districts = &districts_;
    v.to_review = to_review_;
    v.scroll_to_top = std::exchange(scroll_top_, false);
    v.scroll_to_problem = std::exchange(scroll_problem_, false);
    return v;
}

}  // namespace aul::kiosk
