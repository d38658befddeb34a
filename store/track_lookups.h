// Looking a tracking code up on the national server, for a code this kiosk did not file.
// The resident-facing kiosk has no network: it writes the code here, kiosk-sync asks the
// server and writes the answer back beside it (the same way the staff panel asks for a
// sync, store/kiosk_state.h). Only a proposal's progress is kept: its state, history and
// the operators' answer, never its text, place or contact. Rows are forgotten an hour
// after they were asked (kiosk-sync looks for old ones every minute).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/filing_store.h"

namespace aul::store {

enum class LookupOutcome {
    waiting,      // kiosk-sync has not answered yet
    found,        // the server has it: `progress` holds its state, history and answer
    not_arrived,  // filed at another kiosk that has not delivered it yet
    unknown,      // no proposal has this code
    offline,      // the national server could not be reached
    limited,      // this kiosk asked too often; try again later
    not_enrolled  // this kiosk cannot ask the server at all
};
std::string_view lookup_outcome_name(LookupOutcome o);
std::optional<LookupOutcome> lookup_outcome_named(std::string_view name);

// A proposal's progress as the server told it (category and title stay empty).
using RemoteProgress = ProposalStatus;

struct LookupAnswer {
    LookupOutcome outcome = LookupOutcome::waiting;
    RemoteProgress progress;        // when found
    std::int64_t asked_ms = 0, answered_ms = 0;
};

// kiosk-sync takes only questions younger than this: an older one nobody waits for.
inline constexpr std::int64_t kLookupFreshMs = 60'000;
// Answers are kept this long, then forgotten (codes a resident looked up are theirs).
inline constexpr std::int64_t kLookupKeepMs = 3'600'000;

// --- the kiosk ---
// Asks (again) about canonical code `code`: any earlier answer for it is dropped.
Status ask_lookup(FilingStore& filing, const std::string& code, std::int64_t now_ms);
// The question about `code` and its answer, nullopt when it was never asked (or forgotten).
// What kiosk-sync wrote is checked again here: an answer that does not read as one is
// reported as an error, never shown.
Result<std::optional<LookupAnswer>> lookup_answer(const FilingStore& filing, const std::string& code);

// --- kiosk-sync ---
// Codes asked within kLookupFreshMs and not answered yet, oldest first, at most `max`.
Result<std::vector<std::string>> pending_lookups(const FilingStore& filing, std::int64_t now_ms, int max = 8);
// Writes the answer for `code` (if it is still asked).
Status answer_lookup(FilingStore& filing, const std::string& code, LookupOutcome outcome,
                     const RemoteProgress& progress, std::int64_t now_ms);
// Forgets questions asked more than kLookupKeepMs before `now_ms`, with their answers.
Status forget_old_lookups(FilingStore& filing, std::int64_t now_ms);

}  // namespace aul::store
