// Browsing the catalogue: the search box, category chips, the region picker, the result
// list and one organisation's page. Searches run as background tasks on a connection of
// their own, so typing never waits on SQLite; a newer query cancels the older one, whose
// answer is then never shown.
#pragma once
#include <memory>
#include <optional>
#include <unordered_map>

#include "kiosk/session/shared.h"

namespace aul::kiosk {

class CatalogFlow final : public Flow {
public:
    // `search_connection` is a second connection to the kiosk's database, for searches.
    CatalogFlow(Shared& s, store::CatalogStore search_connection);

    bool apply(const Intent& i) override;
    bool back() override;
    std::string* field_text(FieldId f) override { return f == FieldId::ngos_search ? &search_text_ : nullptr; }
    void field_changed(FieldId f) override;
    void language_changed() override;
    void reset() override;
    bool holds_resident_data() const override { return !search_text_.empty() || picker_open_; }

    // Opens the catalogue on the kiosk's own region (home_region), `category` chosen.
    void open(const std::string& category);
    std::string home_region() const;
    void open_ngo(std::int64_t rowid);
    // The first organisation in the reader's order (--screen ngo).
    void open_first_ngo();
    // A search is under way: what is shown is not its answer yet.
    bool searching() const { return search_.running(); }
    // The catalogue changed underneath: cached rows and districts are stale.
    void forget_cached();
    // The organisation on screen, if any.
    const core::Ngo* ngo() const { return ngo_ ? &*ngo_ : nullptr; }
    bool picker_open() const { return picker_open_; }

    CatalogView view();
    NgoView ngo_view();

private:
    struct SearchLane;
    void submit_search();
    void take_answer(Result<store::SearchHits> found);
    void load_districts(const std::string& region);
    const store::NgoSummary* summary(std::int64_t rowid);

    Shared& s_;
    std::shared_ptr<SearchLane> lane_;
    platform::TaskHandle search_;
    store::NgoQuery query_;
    std::vector<std::int64_t> results_;
    bool more_results_ = false;
    std::string search_error_;
    std::string search_text_;
    bool scroll_to_top_ = false;
    bool picker_open_ = false;
    std::string picker_region_;
    std::vector<core::District> districts_;  // of one region, the last asked for
    std::unordered_map<std::int64_t, store::NgoSummary> summaries_;
    std::optional<core::Ngo> ngo_;
    std::string ngo_error_;
};

}  // namespace aul::kiosk
