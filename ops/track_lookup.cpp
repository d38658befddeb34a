#include "ops/track_lookup.h"

#include "core/clock.h"
#include "ops/kiosk_data.h"
#include "ops/kiosk_sync_requests.h"
#include "platform/log.h"
#include "store/kiosk_state.h"

namespace aul::ops {

Result<store::LookupAnswer> look_up_elsewhere(const std::string& dir, const std::string& code,
                                              const std::function<bool()>& stopped, std::int64_t within_ms,
                                              std::int64_t poll_every_ms) {
    AUL_TRY_ASSIGN(auto filing, open_filing_connection(dir));
    store::LookupAnswer answer;
    // A kiosk never enrolled has no server to ask: said at once, not after a wait.
    if (!store::is_enrolled(filing)) {
        answer.outcome = store::LookupOutcome::not_enrolled;
        return answer;
    }
    AUL_TRY(store::ask_lookup(filing, code, core::now_ms()));
    std::optional<store::LookupAnswer> got;
    std::string problem;
    auto answered = [&] {
        auto a = store::lookup_answer(filing, code);
        if (!a) problem = a.error();
        else if (*a && (*a)->answered_ms > 0) got = std::move(**a);
        return !problem.empty() || got.has_value();
    };
    bool done = wait_for_answer(answered, within_ms, poll_every_ms, stopped);
    if (!problem.empty()) return Error{problem};
    if (got) return *got;
    if (!done && !(stopped && stopped())) {
        platform::log::warn("tracking lookup: " + no_answer_text(within_ms));
        answer.outcome = store::LookupOutcome::offline;
    }
    return answer;
}

}  // namespace aul::ops
