// Runs catalogue searches on a background thread with its own database connection, so
// typing never waits on SQLite. Only the newest query matters: older pending ones are
// dropped, and results carry the generation of the query they answer.
#pragma once
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "store/catalog_store.h"

namespace aul::kiosk {

struct SearchResult {
    std::uint64_t generation = 0;
    std::vector<std::int64_t> rowids;
    bool more = false;  // more matches than listed (store::SearchHits::more)
    std::string error;  // non-empty when the search failed
};

class SearchWorker {
public:
    // `wake` is called from the worker thread when a result is ready (to wake the UI loop).
    SearchWorker(store::CatalogStore store, std::function<void()> wake);
    ~SearchWorker();

    std::uint64_t submit(store::NgoQuery q);
    // The newest finished result, once.
    std::optional<SearchResult> take();
    bool busy() const;

private:
    void run();

    store::CatalogStore store_;
    std::function<void()> wake_;
    mutable std::mutex mu_;
    std::condition_variable cv_;
    std::optional<store::NgoQuery> pending_;
    std::uint64_t submitted_ = 0;
    std::uint64_t finished_ = 0;
    std::optional<SearchResult> ready_;
    bool stop_ = false;
    std::thread thread_;
};

}  // namespace aul::kiosk
