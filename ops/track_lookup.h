// Following a tracking code this kiosk did not file: kiosk-sync asks the national server
// (store/track_lookups.h), the kiosk waits for its answer. For the Track screen, on a
// background task.
#pragma once
#include <cstdint>
#include <functional>
#include <string>

#include "core/result.h"
#include "store/track_lookups.h"

namespace aul::ops {

// kiosk-sync asks within a third of a second and gives the server sync::kLookupTimeoutS
// (15 s); past this it is taken as silent.
inline constexpr std::int64_t kLookupWithinMs = 20'000;

// Asks kiosk-sync about canonical code `code` through its own connection to the data
// folder `dir`, and waits for the answer. When kiosk-sync stays silent (stopped, or not
// running), the answer is `offline`, as the resident can do nothing else about it, and
// the log says why. `stopped()` ends the wait early (the resident left): `waiting` then.
// A kiosk never enrolled is answered `not_enrolled` at once.
Result<store::LookupAnswer> look_up_elsewhere(const std::string& dir, const std::string& code,
                                              const std::function<bool()>& stopped = {},
                                              std::int64_t within_ms = kLookupWithinMs,
                                              std::int64_t poll_every_ms = 150);

}  // namespace aul::ops
