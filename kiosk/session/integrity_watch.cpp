#include "kiosk/session/integrity_watch.h"

#include "core/clock.h"
#include "ops/kiosk_data.h"
#include "platform/log.h"

namespace aul::kiosk {

IntegrityWatch::IntegrityWatch(std::string data_dir, platform::TaskRunner& tasks,
                               std::function<void(const store::Check&)> checked)
    : dir_(std::move(data_dir)), tasks_(tasks), checked_(std::move(checked)) {}

void IntegrityWatch::poll(std::int64_t now_ms) {
    if (due_ms_ == 0 || now_ms < due_ms_ || running()) return;
    std::string dir = dir_;
    task_ = tasks_.run(
        "integrity check",
        [dir, now_ms](const platform::StopToken&) {
            auto filing = ops::open_filing_connection(dir);
            if (!filing) return store::Check{"database", false, "integrity check: " + filing.error()};
            return store::check_database(*filing, now_ms);
        },
        [this, now_ms](store::Check result) { finished(std::move(result), now_ms); });
}

void IntegrityWatch::finished(store::Check result, std::int64_t started_ms) {
    std::int64_t took = core::now_ms() - started_ms;
    if (result.ok)
        platform::log::info("database integrity check: ok (" + std::to_string(took) + " ms)");
    else if (store::damage_mark(ops::KioskPaths{dir_}.db()))
        platform::log::error("database " + result.detail +
                             "; the kiosk sets the damaged file aside and starts a fresh one at its next start "
                             "(staff panel: Restart)");
    else  // busy, or the disk failed to read: the file is not known to be damaged
        platform::log::warn("database " + result.detail + "; tried again in a day, or now from the staff panel's self-test");
    due_ms_ = started_ms + kIntegrityEveryMs;
    last_ = result;
    if (checked_) checked_(*last_);
}

}  // namespace aul::kiosk
