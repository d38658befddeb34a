// One sync round of a kiosk with the national server: push the outbox in batches, apply
// each item's result, pull status changes. Shared by kiosk-sync and kioskctl sync-now.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/catalog_store.h"
#include "store/filing_store.h"
#include "store/kiosk_state.h"
#include "sync/kiosk_paths.h"

namespace aul::sync {

struct RoundReport {
    int pushed = 0, delivered = 0, quarantined = 0, pulled = 0;
    int catalog_changes = 0;    // records and tombstones applied
    std::int64_t outbox = 0;
    std::string error;          // empty when the round completed
    bool retryable = true;      // false: stop until staff act (revoked, not enrolled)
    long retry_after_s = -1;    // the server asked for this pause
    long wire_bytes = 0;        // bytes of bodies on the network, compressed
    long json_bytes = 0;        // the same, uncompressed
    int requests = 0;
    std::string json() const;   // the summary kiosk-sync --once prints
};

// Enrols the kiosk: spends `code` at `url`, keeps the CA copy, the token (0600), a new
// signing key for USB bundles (0600; its public half goes to the server) and the
// settings; the kiosk code becomes the one the server confirmed.
Status enroll(const KioskPaths& paths, store::FilingStore& filing, const std::string& url, const std::string& code,
              const std::string& ca_file);

using store::Check;
// Checks that need the national server: reachable, TLS with the pinned CA, the clock
// against the server's Date header (within 5 minutes), the token still accepted.
std::vector<Check> server_checks(const KioskPaths& paths, store::FilingStore& filing);

// `timeout_s`: the longest one exchange may take (kiosk-sync --timeout). Ends with a
// heartbeat; `uptime_s` is kiosk-sync's own. Each direction that completes stamps its
// success (store::mark_direction_ok) for the staff panel and `kioskctl status`.

// `stopping` is asked between batches and catalogue pages: when it says yes, the round
// ends after the exchange and transaction in hand (SIGTERM stops kiosk-sync this way).
RoundReport sync_round(const KioskPaths& paths, store::FilingStore& filing, store::CatalogStore& catalog,
                       std::int64_t now_ms, long timeout_s = 60, std::int64_t uptime_s = 0,
                       const std::function<bool()>& stopping = {});

}  // namespace aul::sync
