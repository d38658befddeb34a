#include "kiosk/search_worker.h"

namespace aul::kiosk {

SearchWorker::SearchWorker(store::CatalogStore store, std::function<void()> wake)
    : store_(std::move(store)), wake_(std::move(wake)), thread_([this] { run(); }) {}

SearchWorker::~SearchWorker() {
    {
        std::lock_guard lock(mu_);
        stop_ = true;
    }
    cv_.notify_all();
    thread_.join();
}

std::uint64_t SearchWorker::submit(store::NgoQuery q) {
    std::lock_guard lock(mu_);
    pending_ = std::move(q);
    ++submitted_;
    cv_.notify_all();
    return submitted_;
}

std::optional<SearchResult> SearchWorker::take() {
    std::lock_guard lock(mu_);
    return std::exchange(ready_, std::nullopt);
}

bool SearchWorker::busy() const {
    std::lock_guard lock(mu_);
    return finished_ < submitted_ || ready_.has_value();
}

void SearchWorker::run() {
    for (;;) {
        store::NgoQuery q;
        std::uint64_t generation = 0;
        {
            std::unique_lock lock(mu_);
            cv_.wait(lock, [&] { return stop_ || pending_.has_value(); });
            if (stop_) return;
            q = std::move(*pending_);
            pending_.reset();
            generation = submitted_;
        }
        auto found = store_.search(q);
        SearchResult r;
        r.generation = generation;
        if (found) {
            r.rowids = std::move(found->rowids);
            r.more = found->more;
        }
        else
            r.error = found.error();
        {
            std::lock_guard lock(mu_);
            finished_ = generation;
            // A newer query is already waiting: this answer is stale, skip it.
            if (pending_.has_value()) continue;
            ready_ = std::move(r);
        }
        if (wake_) wake_();
    }
}

}  // namespace aul::kiosk
