// A sync round run in this process (kiosk-sync --once, kioskctl sync-now while kiosk-sync
// is stopped). It needs the network client, so it stands in aul_ops_net: the kiosk app,
// which has no network, does not link it.
#pragma once
#include <functional>
#include <string>

#include "ops/kiosk_data.h"
#include "sync/kiosk_sync.h"

namespace aul::ops {

// Every direction one after the other (outbox, statuses, catalogue, heartbeat), the
// outcome recorded for `kioskctl status` and the staff panel. `stopping` ends it early.
sync::RoundReport run_round(const KioskPaths& paths, KioskStores& stores, long timeout_s = 60,
                            const std::function<bool()>& stopping = {});

// The checks that need the national server (ops::self_test's `server`).
std::vector<store::Check> server_checks(const KioskPaths& paths, store::FilingStore& filing);

// kiosk-sync answers what staff asked of it that needs its network or its keys, between
// its exchanges: the server checks of a self-test and a USB bundle to sign. Returns a line
// for its log when something worth it happened ("" otherwise), and whether it went well.
struct StaffAnswer {
    std::string line;
    bool ok = true;
};
StaffAnswer answer_staff_requests(const KioskPaths& paths, store::FilingStore& filing);

}  // namespace aul::ops
