// Filing a proposal: the five-step wizard (category, place, text, contact, review) and the
// receipt with its tracking code. A proposal is about the kiosk's own place unless the
// resident picks another (region, district, village); a kiosk that does not know where it
// stands asks for the place. It is saved into the kiosk's database, and the receipt
// appears only once the commit has returned.
#pragma once
#include "kiosk/session/shared.h"

namespace aul::kiosk {

class ProposeFlow final : public Flow {
public:
    explicit ProposeFlow(Shared& s) : s_(s) {}

    bool apply(const Intent& i) override;
    bool back() override;
    std::string* field_text(FieldId f) override;
    void field_changed(FieldId f) override;
    void reset() override;
    bool holds_resident_data() const override;

    // council: the council to address, or empty.
    void open(const std::string& council);
    void show_receipt(std::string code);
    // The receipt of this kiosk's latest proposal, or of a specimen code when none was
    // filed yet (--screen receipt, for tests and docs).
    void show_latest_receipt();
    int step() const { return step_; }
    const core::ProposalDraft& draft() const { return draft_; }
    const std::vector<core::FieldProblem>& problems() const { return problems_; }
    const std::string& receipt_code() const { return receipt_code_; }
    PlaceLevel place_level() const { return level_; }

    // Takes the one-shot scroll requests: call once per drawn frame.
    ProposeView view();
    ReceiptView receipt_view() const { return ReceiptView{s_.words(), receipt_code_}; }

private:
    void next();
    void submit();
    void edit(int step);
    void go_to_step(int step);
    // Every problem of the draft in form order, the place's as the picker sees it.
    std::vector<core::FieldProblem> all_problems(core::ProposalDraft& cleaned) const;
    std::vector<core::FieldProblem> place_problems() const;
    int first_step_with(const std::vector<core::FieldProblem>& all, int from) const;
    void show_problems_of_step(const std::vector<core::FieldProblem>& all);
    void drop_problems(core::Field f);
    // The place step.
    bool kiosk_knows_place() const { return !s_.place.where().region.empty(); }
    void use_kiosk_place();
    void pick_elsewhere();
    void pick_region(const std::string& code);
    void pick_district(const std::string& code);
    bool place_up();
    void set_level(PlaceLevel level);
    void load_councils();
    store::Locality draft_place() const { return {draft_.region, draft_.district, draft_.settlement}; }

    Shared& s_;
    core::ProposalDraft draft_;
    int step_ = 0;
    std::vector<core::FieldProblem> problems_;  // of the current step
    std::string submit_error_;
    std::string receipt_code_;
    PlaceLevel level_ = PlaceLevel::here;
    std::vector<core::District> districts_;  // of the draft's region
    std::vector<core::Council> councils_;    // the draft's place can address
    bool to_review_ = false;                 // a section is being edited from the review
    // One-shot requests to the page's scrolling, taken by view().
    bool scroll_top_ = false, scroll_problem_ = false;
};

// Which fields each wizard step asks for, to show a step only its own problems.
bool field_on_step(core::Field f, int step);

}  // namespace aul::kiosk
