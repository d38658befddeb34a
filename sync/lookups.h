// kiosk-sync's side of tracking from any kiosk: it answers the Track screen's questions
// about codes this kiosk did not file (store/track_lookups.h) by asking the national
// server, and fetches the kiosk's tracking key (core::TrackingKey) when it has none.
#pragma once
#include <cstdint>
#include <functional>

#include "store/filing_store.h"
#include "sync/kiosk_sync.h"

namespace aul::sync {

// A lookup must come back while a resident waits at the screen.
inline constexpr long kLookupTimeoutS = 15;

// Asks the server about each pending question and writes the answers; returns how many.
// Without a link (not enrolled) every pending question is answered so at once.
int answer_lookups(Link* link, store::FilingStore& filing, std::int64_t now_ms);

// kiosk-sync's lookup thread: looks for questions every `every_ms` on its own connection
// to the database and the server, until `stopping` says so.
void serve_lookups(const KioskPaths& paths, store::FilingStore& filing, const std::function<bool()>& stopping,
                   int every_ms = 300);

// Fetches and keeps the kiosk's tracking key (GET /v1/kiosk) when the database has none:
// a kiosk enrolled before keyed tracking codes gets it at its next status pull.
void fetch_tracking_key(Link& link, store::FilingStore& filing, RoundReport& rep);

}  // namespace aul::sync
