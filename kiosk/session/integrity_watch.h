// The database's whole-file integrity check, kept off the start-up path: it runs once the
// first screen is up and then once a day, as a task with a connection of its own, so a
// large catalogue on a slow SD card never holds a frame. A damaged file is marked beside
// the database (store::mark_damaged): the staff panel, `kioskctl status` and the log say
// so, and the kiosk sets the file aside at its next start (store::OpenCheck).
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "platform/tasks.h"
#include "store/kiosk_state.h"

namespace aul::kiosk {

inline constexpr std::int64_t kIntegrityEveryMs = 24LL * 3600 * 1000;

class IntegrityWatch {
public:
    // `checked` hears each outcome on the UI thread (the staff desk re-reads its status).
    IntegrityWatch(std::string data_dir, platform::TaskRunner& tasks, std::function<void(const store::Check&)> checked = {});

    // The first check is due at `due_ms` (the kiosk calls this once its first frame is up).
    void schedule(std::int64_t due_ms) { due_ms_ = due_ms; }
    // Starts the check once it is due; call every loop.
    void poll(std::int64_t now_ms);
    // When the next check is due (0: none scheduled, or one is running).
    std::int64_t due_ms() const { return running() ? 0 : due_ms_; }
    bool running() const { return task_.running(); }
    // The last check's outcome, once one finished.
    const std::optional<store::Check>& last() const { return last_; }

private:
    void finished(store::Check result, std::int64_t started_ms);

    std::string dir_;
    platform::TaskRunner& tasks_;
    std::function<void(const store::Check&)> checked_;
    std::int64_t due_ms_ = 0;
    std::optional<store::Check> last_;
    platform::TaskHandle task_;
};

}  // namespace aul::kiosk
