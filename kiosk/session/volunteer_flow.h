// Signing up as a volunteer: the opportunities near the kiosk (or of one organisation),
// the chosen one's form, and the thanks. Contact details are sealed for the national
// server as they are saved, as for proposals.
#pragma once
#include "kiosk/session/catalog_flow.h"
#include "kiosk/session/shared.h"

namespace aul::kiosk {

class VolunteerFlow final : public Flow {
public:
    // `catalog` gives the organisation on screen, for "any help" from its page.
    VolunteerFlow(Shared& s, const CatalogFlow& catalog) : s_(s), catalog_(catalog) {}

    bool apply(const Intent& i) override;
    std::string* field_text(FieldId f) override;
    void field_changed(FieldId f) override;
    void reset() override;
    void language_changed() override { make_contact_cards(); }
    bool holds_resident_data() const override { return !signup_.name.empty() || !signup_.phone.empty(); }

    // ngo: a catalogue id to list only its opportunities, or empty for all near the kiosk.
    void open(const std::string& ngo);
    VolunteerView::Mode mode() const { return mode_; }
    const std::vector<core::FieldProblem>& problems() const { return problems_; }
    VolunteerView view() const;

private:
    void choose(std::int64_t index, const std::string& opportunity);
    void sign_up();
    void make_contact_cards();

    Shared& s_;
    const CatalogFlow& catalog_;
    VolunteerView::Mode mode_ = VolunteerView::Mode::list;
    std::vector<store::CatalogStore::OpportunityRow> opportunities_;
    std::vector<std::string> contact_cards_;  // of each opportunity's organisation, in the reader's language
    std::string chosen_title_, chosen_ngo_;
    core::SignupDraft signup_;
    std::vector<core::FieldProblem> problems_;
    std::string error_;
};

}  // namespace aul::kiosk
