#include "ops/kiosk_sync_requests.h"

#include <chrono>
#include <thread>

#include "core/clock.h"

namespace aul::ops {

Result<Asked> ask_kiosk_sync(store::FilingStore& filing, store::SyncRequest what, std::int64_t now_ms) {
    AUL_TRY_ASSIGN(auto stamp, store::request(filing, what, now_ms));
    return Asked{what, stamp, now_ms};
}

Answer answer(const store::FilingStore& filing, const Asked& asked, std::int64_t now_ms, std::int64_t within_ms) {
    if (store::handled_at(filing, asked.what) >= asked.stamp) return Answer::answered;
    return now_ms - asked.asked_ms > within_ms ? Answer::no_answer : Answer::waiting;
}

std::string no_answer_text(std::int64_t within_ms) {
    std::string within = within_ms >= 1000 && within_ms % 1000 == 0 ? std::to_string(within_ms / 1000) + " s"
                                                                     : std::to_string(within_ms) + " ms";
    return "kiosk-sync did not answer within " + within +
           ": is the aul-kiosk-sync service running? (journalctl -u aul-kiosk-sync)";
}

bool wait_for_answer(const std::function<bool()>& answered, std::int64_t within_ms, std::int64_t poll_every_ms,
                     const std::function<bool()>& stopped) {
    const std::int64_t until = core::now_ms() + within_ms;
    for (;;) {
        if (answered()) return true;
        if (core::now_ms() > until || (stopped && stopped())) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(poll_every_ms));
    }
}

Result<Asked> ask_kiosk_sync_and_wait(store::FilingStore& filing, store::SyncRequest what, std::int64_t within_ms,
                                      std::int64_t poll_every_ms, const std::function<bool()>& stopped) {
    AUL_TRY_ASSIGN(auto asked, ask_kiosk_sync(filing, what, core::now_ms()));
    auto answered = [&] { return store::handled_at(filing, what) >= asked.stamp; };
    if (wait_for_answer(answered, within_ms, poll_every_ms, stopped)) return asked;
    if (stopped && stopped()) return Error{"stopped waiting for kiosk-sync's answer"};
    return Error{no_answer_text(within_ms), kNoAnswerCode};
}

}  // namespace aul::ops
