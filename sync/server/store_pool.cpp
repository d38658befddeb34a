#include "sync/server/store_pool.h"

namespace aul::sync {

Result<std::unique_ptr<StorePool>> StorePool::open(ServerStore first, std::size_t size) {
    std::unique_ptr<StorePool> pool(new StorePool());
    pool->stores_.push_back(std::make_unique<ServerStore>(std::move(first)));
    while (pool->stores_.size() < std::max<std::size_t>(size, 1)) {
        AUL_TRY_ASSIGN(auto more, pool->stores_.front()->another());
        pool->stores_.push_back(std::make_unique<ServerStore>(std::move(more)));
    }
    for (auto& s : pool->stores_) pool->free_.push_back(s.get());
    return pool;
}

StorePool::Lease StorePool::borrow() {
    std::unique_lock lock(mu_);
    freed_.wait(lock, [&] { return !free_.empty(); });
    ServerStore* s = free_.back();
    free_.pop_back();
    return Lease(*this, s);
}

void StorePool::give_back(ServerStore* store) {
    {
        std::lock_guard lock(mu_);
        free_.push_back(store);
    }
    freed_.notify_one();
}

}  // namespace aul::sync
