// Browsing the catalogue: the search box, category chips, the region picker, the result
// list and one organisation's page. Searches run as background tasks on a connection of
// their own, so typing never waits on SQLite; a newer query cancels the older one, whose
// answer is then never shown. A search answers with the count and the first page only;
// further pages are fetched the same way as the list scrolls towards them.
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
    // Rows a search answers first, and each further page fetched as the list scrolls: more
    // than the tallest screen shows, so a first screenful never waits for a second page.
    static constexpr std::int64_t kPageRows = 20;

    // A search, or a page of its results, is under way.
    bool searching() const { return search_.running() || page_.running(); }
    // The list is about to show rows up to `row` (exclusive): fetch the pages holding them.
    void want_rows(std::int64_t row);
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
    void take_page(std::uint64_t serial, std::size_t offset, Result<std::vector<std::int64_t>> page);
    void load_districts(const std::string& region);
    const store::NgoSummary* summary(std::int64_t rowid);

    Shared& s_;
    std::shared_ptr<SearchLane> lane_;
    platform::TaskHandle search_;
    platform::TaskHandle page_;
    platform::TaskHandle prepare_;
    std::uint64_t query_serial_ = 0;  // grows with every query: a page of an older one is stale
    store::NgoQuery query_;
    std::vector<std::int64_t> results_;  // the first rows of the list, as far as fetched
    std::int64_t result_count_ = 0;      // rows the whole list holds
    bool more_results_ = false;
    bool page_failed_ = false;           // a page did not come: not asked again for this query
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
