#include "ops/sync_round.h"

#include "core/clock.h"

namespace aul::ops {

sync::RoundReport run_round(const KioskPaths& paths, KioskStores& stores, long timeout_s,
                            const std::function<bool()>& stopping) {
    auto rep = sync::sync_round(paths, stores.filing, stores.catalog, core::now_ms(), timeout_s, 0, stopping);
    (void)store::save_round_outcome(stores.filing, core::now_ms(), 0, rep.error);
    return rep;
}

std::vector<store::Check> server_checks(const KioskPaths& paths, store::FilingStore& filing) {
    return sync::server_checks(paths, filing);
}

}  // namespace aul::ops
