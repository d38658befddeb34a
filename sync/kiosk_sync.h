// One sync round of a kiosk with the national server: push the outbox in batches, apply
// each item's result, pull status changes. Shared by kiosk-sync and kioskctl sync-now.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/catalog_store.h"
#include "store/filing_store.h"
#include "store/kiosk_state.h"
#include "sync/client.h"
#include "sync/kiosk_paths.h"

namespace aul::sync {

struct RoundReport;
// Brings the catalogue reply for the changes after version `since`; nullopt with the
// reason written into the report when there is none.
using CatalogFetch = std::function<std::optional<std::string>(std::int64_t since, RoundReport& rep)>;

struct RoundReport {
    int pushed = 0, delivered = 0, quarantined = 0, pulled = 0;
    int catalog_changes = 0;    // records and tombstones applied
    std::int64_t outbox = 0;
    std::string error;          // empty when the round completed
    std::string error_kind;     // its kind, one of store::sync_error's, for the staff panel
    bool retryable = true;      // false: stop until staff act (revoked, not enrolled)
    long retry_after_s = -1;    // the server asked for this pause
    long wire_bytes = 0;        // bytes of bodies on the network, compressed
    long json_bytes = 0;        // the same, uncompressed
    int requests = 0;
    std::string json() const;   // the summary kiosk-sync --once prints
    // Counts `other` in; its error becomes this report's when this one has none yet.
    void add(const RoundReport& other);
    // The round failed: why, as a kind (store::sync_error) and in words.
    void fail(std::string_view kind, std::string words);
};

// The kind (store::sync_error) of a failed exchange: a transport failure by its code
// (sync/client.h), a reply by its HTTP status.
std::string_view error_kind_of(const Error& transport);
std::string_view error_kind_of_status(long http_status);

// Counts one exchange (its request and bytes) into the report.
void count_exchange(RoundReport& rep, const Reply& r);

// The longest pause a server's Retry-After can impose: an hour.
inline constexpr long kMaxRetryAfterS = 3600;

// Enrols the kiosk: spends `code` at `url`, keeps the CA copy, the token (0600), a new
// signing key for USB bundles (0600; its public half goes to the server) and the
// settings; the kiosk code becomes the one the server confirmed.
Status enroll(const KioskPaths& paths, store::FilingStore& filing, const std::string& url, const std::string& code,
              const std::string& ca_file);

using store::Check;
// Checks that need the national server: reachable, TLS with the pinned CA, the clock
// against the server's Date header (within 5 minutes), the token still accepted.
std::vector<Check> server_checks(const KioskPaths& paths, store::FilingStore& filing);

// The kiosk's connection to its national server: the client and its bearer token.
struct Link {
    Client client;
    std::string token;
    Link(const ClientConfig& cfg, std::string token_) : client(cfg), token(std::move(token_)) {}
    // nullopt (with the reason in `rep`, not retryable) when the kiosk is not enrolled.
    static std::optional<Link> open(const KioskPaths& paths, const store::FilingStore& filing, long timeout_s,
                                    RoundReport& rep);
    CatalogFetch catalog_fetch();
};

// Each direction of the exchange, for kiosk-sync to run and back off independently.
// Pushes the outbox in batches until it is empty; stamps the push's success.
void push_outbox(Link& link, store::FilingStore& filing, std::int64_t now_ms, RoundReport& rep,
                 const std::function<bool()>& stopping = {});
// Pulls this kiosk's proposals' status changes; stamps its success.
void pull_status(Link& link, store::FilingStore& filing, std::int64_t now_ms, RoundReport& rep);
// Tells the server how the kiosk is doing (best effort: never an error).
void heartbeat(Link& link, const KioskPaths& paths, store::FilingStore& filing, const RoundReport& rep,
               std::int64_t uptime_s);
// Pulls catalogue pages from the pull cursor until the server has no more, through
// `fetch`, checking each page (it moves the cursor, its records meet the publishing rules)
// before the store keeps it; the store applies the whole pull when its last page is in.

// `timeout_s`: the longest one exchange may take (kiosk-sync --timeout). Ends with a
// heartbeat; `uptime_s` is kiosk-sync's own. Each direction that completes stamps its
// success (store::mark_direction_ok) for the staff panel and `kioskctl status`.

// `stopping` is asked between batches and catalogue pages: when it says yes, the round
// ends after the exchange and transaction in hand (SIGTERM stops kiosk-sync this way).
void pull_catalog(const CatalogFetch& fetch, store::CatalogStore& catalog, RoundReport& rep,
                  const std::function<bool()>& stopping = {});

// All directions one after the other (kiosk-sync --once, kioskctl sync-now).
RoundReport sync_round(const KioskPaths& paths, store::FilingStore& filing, store::CatalogStore& catalog,
                       std::int64_t now_ms, long timeout_s = 60, std::int64_t uptime_s = 0,
                       const std::function<bool()>& stopping = {});

}  // namespace aul::sync
