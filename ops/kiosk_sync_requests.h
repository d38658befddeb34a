// Asking kiosk-sync, the kiosk's only process with the network and the only one that may
// read the kiosk's secrets, for a sync round, its checks of the national server or a
// signed USB bundle, and waiting for its answer. The question and the answer pass through
// the database (store/kiosk_state.h), so the kiosk app and kioskctl ask the same way.
#pragma once
#include <cstdint>
#include <functional>
#include <string>

#include "core/result.h"
#include "store/filing_store.h"
#include "store/kiosk_state.h"

namespace aul::ops {

// A question put to kiosk-sync: what, the stamp it answers, and when it was asked.
struct Asked {
    store::SyncRequest what = store::SyncRequest::sync_now;
    std::int64_t stamp = 0;
    std::int64_t asked_ms = 0;
};
Result<Asked> ask_kiosk_sync(store::FilingStore& filing, store::SyncRequest what, std::int64_t now_ms);

enum class Answer { waiting, answered, no_answer };
// Whether kiosk-sync has answered by `now_ms`; no_answer once `within_ms` have passed without.
Answer answer(const store::FilingStore& filing, const Asked& asked, std::int64_t now_ms,
              std::int64_t within_ms = store::kAnswerWithinMs);

// What to tell a person when kiosk-sync did not answer within `within_ms`.
std::string no_answer_text(std::int64_t within_ms = store::kAnswerWithinMs);
// The Error::code of that answer, so a screen can say it in its own words.
inline constexpr int kNoAnswerCode = -1;

// Looks every `poll_every_ms` until `answered()` says yes (true), or `within_ms` passed or
// `stopped()` says yes (false).
bool wait_for_answer(const std::function<bool()>& answered, std::int64_t within_ms, std::int64_t poll_every_ms,
                     const std::function<bool()>& stopped = {});

// Asks and waits, looking every `poll_every_ms`: the question once kiosk-sync answered it
// (its round's outcome is then in store::sync_progress, its server checks in
// store::saved_server_checks, an export's in store::handled_outcome); the no-answer text
// (code kNoAnswerCode) when it stayed silent. `stopped` (when given) ends the wait early:
// whoever asked went away.
Result<Asked> ask_kiosk_sync_and_wait(store::FilingStore& filing, store::SyncRequest what,
                                      std::int64_t within_ms = store::kAnswerWithinMs,
                                      std::int64_t poll_every_ms = 500, const std::function<bool()>& stopped = {});

}  // namespace aul::ops
