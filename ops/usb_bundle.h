// Writing the kiosk's undelivered items to a USB stick (the staff panel, kioskctl export).
//
// Only kiosk-sync's user may read the kiosk's signing key (KioskPaths::private_dir), so the
// staff panel, in the resident-facing kiosk app, never signs: it asks kiosk-sync through
// the database, kiosk-sync signs the bundle into the data folder's outgoing/ and records
// the staged file with its answer, and the panel copies that file onto the stick.
// kioskctl signs itself where it may read the key (as root or kiosk-sync's user) and asks
// the same way where it may not.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "core/result.h"
#include "store/filing_store.h"
#include "store/kiosk_paths.h"
#include "store/kiosk_state.h"
#include "sync/bundle.h"

namespace aul::ops {

// Every undelivered item of the data folder `dir` into `file`, signed here, written whole
// or not at all, the file and its folder synced; from a connection of its own, so a slow
// stick never holds another connection up. The items stay queued for the online sync.
Result<sync::BundleReport> export_bundle(const std::string& dir, const std::string& file, std::int64_t now_ms);

// --- kiosk-sync's side ---

// Answers the pending usb_export request, if there is one: the bundle signed into
// outgoing/ (the folder 0770, the file 0640, so the asker, of kiosk-sync's group, can read
// and delete it), and the outcome recorded with the answer: the staged file and its
// counts, or why there is none. Staged files nobody collected (an asker that went away)
// are deleted an hour later. Returns what was staged or why not, for kiosk-sync's log;
// nullopt when nothing was asked.
std::optional<Result<sync::BundleReport>> answer_export_request(const store::KioskPaths& paths,
                                                                store::FilingStore& filing, std::int64_t now_ms);

// --- the asker's side (the staff panel; kioskctl run as the kiosk's user) ---

// Asks kiosk-sync for a bundle of the data folder `dir` and waits for its answer (past
// `within_ms`, the error ops::no_answer_text with code ops::kNoAnswerCode); then copies
// the staged file to `file`, written whole or not at all and synced, and deletes the
// staged one. Every part of kiosk-sync's answer is checked before it is used. `stopped`
// (when given) ends the wait early.
Result<sync::BundleReport> export_through_kiosk_sync(const std::string& dir, const std::string& file,
                                                     const std::function<bool()>& stopped = {},
                                                     std::int64_t within_ms = store::kAnswerWithinMs);

}  // namespace aul::ops
