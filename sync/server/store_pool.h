// A fixed set of connections to the server's database, one lent to each request in turn:
// requests on different connections run at once (PostgreSQL; SQLite readers), and a
// request never shares its connection's transaction with another.
#pragma once
#include <condition_variable>
#include <mutex>
#include <vector>

#include "sync/server/server_store.h"

namespace aul::sync {

class StorePool {
public:
    // `first` and size-1 more connections like it.
    static Result<std::unique_ptr<StorePool>> open(ServerStore first, std::size_t size);

    class Lease {
    public:
        Lease(StorePool& pool, ServerStore* store) : pool_(&pool), store_(store) {}
        Lease(Lease&& o) noexcept : pool_(o.pool_), store_(std::exchange(o.store_, nullptr)) {}
        Lease& operator=(Lease&&) = delete;
        ~Lease() {
            if (store_) pool_->give_back(store_);
        }
        ServerStore& operator*() const { return *store_; }
        ServerStore* operator->() const { return store_; }

    private:
        StorePool* pool_;
        ServerStore* store_;
    };
    // Waits for a free connection.
    Lease borrow();
    std::size_t size() const { return stores_.size(); }

private:
    StorePool() = default;
    void give_back(ServerStore* store);
    std::vector<std::unique_ptr<ServerStore>> stores_;
    std::vector<ServerStore*> free_;
    std::mutex mu_;
    std::condition_variable freed_;
};

}  // namespace aul::sync
