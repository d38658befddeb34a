#include "ops/sync_round.h"

#include "core/clock.h"
#include "ops/usb_bundle.h"

namespace aul::ops {

sync::RoundReport run_round(const KioskPaths& paths, KioskStores& stores, long timeout_s,
                            const std::function<bool()>& stopping) {
    auto rep = sync::sync_round(paths, stores.filing, stores.catalog, core::now_ms(), timeout_s, 0, stopping);
    (void)store::save_round_outcome(stores.filing, core::now_ms(), 0, rep.error, rep.error_kind);
    return rep;
}

std::vector<store::Check> server_checks(const KioskPaths& paths, store::FilingStore& filing) {
    return sync::server_checks(paths, filing);
}

StaffAnswer answer_staff_requests(const KioskPaths& paths, store::FilingStore& filing) {
    if (std::int64_t asked = store::pending_request(filing, store::SyncRequest::server_check)) {
        (void)store::save_server_checks(filing, sync::server_checks(paths, filing));
        (void)store::mark_handled(filing, store::SyncRequest::server_check, asked);
    }
    auto staged = answer_export_request(paths, filing, core::now_ms());
    if (!staged) return {};
    if (!*staged) return {"usb export for the staff: " + staged->error(), false};
    return {"usb export for the staff: signed " + std::to_string((*staged)->proposals) + " proposals and " +
                std::to_string((*staged)->signups) + " volunteer sign-ups into " + (*staged)->file,
            true};
}

}  // namespace aul::ops
