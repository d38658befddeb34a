#include "kiosk/session/catalog_flow.h"

#include <mutex>

#include "platform/log.h"

namespace aul::kiosk {

// The search connection, owned jointly by the flow and any search still running, so a
// search outliving the flow (at exit) never touches a closed connection.
struct CatalogFlow::SearchLane {
    explicit SearchLane(store::CatalogStore c) : store(std::move(c)) {
        if (auto cached = store.cache_for_search(); !cached)
            platform::log::error("search connection: " + cached.error());  // searches work, only slower
    }
    std::mutex mu;  // a cancelled search may still run while the next one starts
    store::CatalogStore store;
};

CatalogFlow::CatalogFlow(Shared& s, store::CatalogStore search_connection)
    : s_(s), lane_(std::make_shared<SearchLane>(std::move(search_connection))) {}

bool CatalogFlow::apply(const Intent& i) {
    using K = Intent::Kind;
    switch (i.kind) {
        case K::open_catalog: open(i.text); return true;
        case K::open_ngo: open_ngo(i.id); return true;
        case K::clear_search:
            search_text_.clear();
            field_changed(FieldId::ngos_search);
            return true;
        case K::set_category:
            query_.category = i.text;
            submit_search();
            return true;
        case K::open_region_picker:
            picker_open_ = true;
            picker_region_.clear();
            return true;
        case K::pick_region:
            load_districts(i.text);
            if (!i.text.empty() && !districts_.empty()) {
                picker_region_ = i.text;  // next: which district
            } else {
                query_.region = i.text;
                query_.district.clear();
                picker_open_ = false;
                submit_search();
            }
            return true;
        case K::pick_district:
            query_.region = picker_region_;
            query_.district = i.text;
            picker_open_ = false;
            submit_search();
            return true;
        case K::close_picker: picker_open_ = false; return true;
        default: return false;
    }
}

bool CatalogFlow::back() {
    if (!picker_open_) return false;
    picker_open_ = false;
    return true;
}

void CatalogFlow::field_changed(FieldId f) {
    if (f != FieldId::ngos_search) return;
    query_.text = search_text_;
    submit_search();
}

// Browsing order is alphabetical in the reader's language.
void CatalogFlow::language_changed() {
    if (query_.text.empty() && s_.screen() == ScreenId::catalog) submit_search();
}

// The catalogue opens on the kiosk's own region: most residents look for help nearby, and
// the whole country is one tap away (pick_region with no region).
void CatalogFlow::open(const std::string& category) {
    query_ = store::NgoQuery{};
    query_.category = category;
    query_.region = home_region();
    search_text_.clear();
    s_.unfocus();
    picker_open_ = false;
    s_.show({ScreenId::catalog});
    submit_search();
}

// The region of the kiosk's place when the catalogue knows it; none (all regions) for a
// kiosk without a place, or with one the catalogue no longer lists.
std::string CatalogFlow::home_region() const {
    const std::string& here = s_.place.where().region;
    for (const auto& r : s_.regions)
        if (r.code == here) return here;
    return {};
}

void CatalogFlow::open_ngo(std::int64_t rowid) {
    s_.unfocus();
    auto n = s_.catalog.ngo(rowid);
    ngo_.reset();
    ngo_error_.clear();
    if (n) ngo_ = std::move(*n);
    else ngo_error_ = n.error();
    s_.push(ScreenId::ngo);
}

void CatalogFlow::open_first_ngo() {
    if (auto first = s_.catalog.first_ngo(s_.lang); first && *first) open_ngo(**first);
}

void CatalogFlow::submit_search() {
    query_.lang = s_.lang;
    search_.cancel();  // only the newest query's answer is shown
    page_.cancel();
    ++query_serial_;
    search_ = s_.tasks.run(
        "search",
        [lane = lane_, q = query_](const platform::StopToken& stop) -> Result<store::SearchHits> {
            std::lock_guard lock(lane->mu);
            if (stop.stop_requested()) return Error{"cancelled"};
            return lane->store.search_first(q, kPageRows);
        },
        [this](Result<store::SearchHits> found) { take_answer(std::move(found)); });
    // Browsing now, typing soon: a connection's first typed search in a language reads
    // every NGO's place in its alphabet, so that is read while the resident looks.
    if (store::CatalogStore::match_expression(query_.text).empty() && !prepare_.running())
        prepare_ = s_.tasks.run(
            "search-prepare",
            [lane = lane_, lang = query_.lang](const platform::StopToken& stop) -> Status {
                std::lock_guard lock(lane->mu);
                if (stop.stop_requested()) return ok_status();
                return lane->store.prepare_text_search(lang);
            },
            [](Status prepared) {
                if (!prepared) platform::log::warn("search: " + prepared.error());  // the first search reads it
            });
}

void CatalogFlow::take_answer(Result<store::SearchHits> found) {
    if (found) {
        results_ = std::move(found->rowids);
        result_count_ = found->count;
        more_results_ = found->more;
        search_error_.clear();
    } else {
        platform::log::error("search failed: " + found.error());
        results_.clear();
        result_count_ = 0;
        more_results_ = false;
        search_error_ = s_.text("ngos.error");
    }
    page_failed_ = false;
    summaries_.clear();
    scroll_to_top_ = true;
}

// One page at a time, in order, whole pages: page k is rows [k*n, (k+1)*n) of the list.
void CatalogFlow::want_rows(std::int64_t row) {
    const auto have = static_cast<std::int64_t>(results_.size());
    if (row <= have || have >= result_count_ || search_.running() || page_.running() || page_failed_) return;
    const std::int64_t pages = (row - have + kPageRows - 1) / kPageRows;
    page_ = s_.tasks.run(
        "search-page",
        [lane = lane_, q = query_, have, rows = pages * kPageRows](
            const platform::StopToken& stop) -> Result<std::vector<std::int64_t>> {
            std::lock_guard lock(lane->mu);
            if (stop.stop_requested()) return Error{"cancelled"};
            return lane->store.search_page(q, have, rows);
        },
        [this, serial = query_serial_, offset = results_.size()](Result<std::vector<std::int64_t>> page) {
            take_page(serial, offset, std::move(page));
        });
}

// A page belongs after the rows already listed, of the query they answer; any other is
// stale (a newer keystroke, a reset) and dropped.
void CatalogFlow::take_page(std::uint64_t serial, std::size_t offset, Result<std::vector<std::int64_t>> page) {
    if (serial != query_serial_ || offset != results_.size()) return;
    if (!page) {
        platform::log::error("search page failed: " + page.error());
        page_failed_ = true;
        return;
    }
    results_.insert(results_.end(), page->begin(), page->end());
    // The catalogue changed under the query: what was counted is no longer there.
    if (page->empty()) page_failed_ = true;
}

void CatalogFlow::load_districts(const std::string& region) {
    if (!districts_.empty() && districts_.front().region == region) return;
    districts_.clear();
    if (region.empty()) return;
    if (auto d = s_.catalog.districts(region)) districts_ = std::move(*d);
}

const store::NgoSummary* CatalogFlow::summary(std::int64_t rowid) {
    auto it = summaries_.find(rowid);
    if (it != summaries_.end()) return &it->second;
    // A visible row costs one indexed lookup, once; the cache is cleared with new results.
    auto found = s_.catalog.summaries(std::span<const std::int64_t>(&rowid, 1));
    if (!found || found->empty()) return nullptr;
    return &summaries_.emplace(rowid, std::move(found->front())).first->second;
}

void CatalogFlow::forget_cached() {
    districts_.clear();
    summaries_.clear();
}

void CatalogFlow::reset() {
    search_.cancel();
    page_.cancel();
    ++query_serial_;
    search_text_.clear();
    query_ = store::NgoQuery{};
    results_.clear();
    result_count_ = 0;
    more_results_ = false;
    page_failed_ = false;
    search_error_.clear();
    picker_open_ = false;
    picker_region_.clear();
    ngo_.reset();
    ngo_error_.clear();
}

CatalogView CatalogFlow::view() {
    CatalogView v;
    v.words = s_.words();
    v.categories = &s_.categories;
    v.regions = &s_.regions;
    v.districts = &districts_;
    v.query = &query_;
    v.results = &results_;
    v.result_count = result_count_;
    v.more_results = more_results_;
    v.searching = searching();
    v.error = search_error_;
    v.search_text = &search_text_;
    v.search_focused = s_.focused == FieldId::ngos_search;
    v.scroll_to_top = std::exchange(scroll_to_top_, false);
    v.picker_open = picker_open_;
    v.picker_region = picker_region_;
    v.summary = [this](std::int64_t id) { return summary(id); };
    v.want_rows = [this](std::int64_t row) { want_rows(row); };
    return v;
}

NgoView CatalogFlow::ngo_view() {
    NgoView v{s_.words(), ngo(), ngo_error_, &s_.categories, {}, {}, {}};
    if (ngo_) {
        v.contact_card = contact_card(ngo_->name, ngo_->phone, ngo_->email, ngo_->address, s_.lang);
        v.region_name = region_name(&s_.regions, ngo_->region, s_.lang);
        if (!ngo_->district.empty()) {
            load_districts(ngo_->region);
            for (const auto& d : districts_)
                if (d.code == ngo_->district) v.district_name = d.name.in(s_.lang);
        }
    }
    return v;
}

}  // namespace aul::kiosk
