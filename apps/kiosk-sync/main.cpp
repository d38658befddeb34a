// kiosk-sync: the kiosk's only link to the national server, and the only process that
// reads its secrets. `--once` does one round and prints a JSON summary; without it, it
// keeps the outbox empty and statuses fresh, and answers the staff's requests (sync now,
// server check, a USB bundle to sign) written into the database.
// Settings: [sync] of /etc/aul/kiosk.conf (or --config FILE); --timeout wins over it.
#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <random>
#include <string>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "core/clock.h"
#include "ops/kiosk_data.h"
#include "ops/settings.h"
#include "ops/sync_round.h"
#include "platform/log.h"
#include "platform/service.h"
#include "store/instance_lock.h"
#include "store/kiosk_state.h"
#include "sync/kiosk_sync.h"
#include "sync/lookups.h"

using namespace aul;

namespace {
volatile std::sig_atomic_t g_stop = 0;
void on_signal(int) { g_stop = 1; }

using Clock = std::chrono::steady_clock;

// Statuses and heartbeats every minute; the catalogue every five (it changes rarely, and
// a pull that finds nothing new costs one small request). Failures back off up to ten
// minutes, the outbox only up to two: a resident's proposal should leave soon after the
// line comes back, and a refused connection costs the village nothing.
constexpr double kStatusEveryS = 60, kCatalogueEveryS = 300;
constexpr double kBackoffCapS = 600, kPushBackoffCapS = 120;

using core::now_ms;

// When one direction of the sync is next due. After a failure it waits with exponential
// backoff and full jitter (5 s doubling to `cap_s`), or as long as the server asked
// (Retry-After, already capped at an hour); after a success, `every_s`.
class Schedule {
public:
    Schedule(double every_s, double cap_s) : every_s_(every_s), cap_s_(cap_s) {}
    bool due(Clock::time_point now) const { return now >= due_; }
    void soon() { due_ = Clock::now(); }
    // After an attempt: due again in `every_s` when it went well, else after a backoff.
    void after(const sync::RoundReport& rep, std::mt19937& rng) {
        if (rep.error.empty()) {
            backoff_s_ = kFirstBackoffS;
            due_ = Clock::now() + seconds(every_s_);
            return;
        }
        double wait = rep.retryable ? std::uniform_real_distribution<double>(0, backoff_s_)(rng) : cap_s_;
        if (rep.retry_after_s > 0) wait = std::max(wait, static_cast<double>(rep.retry_after_s));
        backoff_s_ = std::min(cap_s_, backoff_s_ * 2);
        due_ = Clock::now() + seconds(wait);
    }
    // Wall-clock time it is due, for the staff's "next try".
    std::int64_t due_ms() const {
        return now_ms() + std::chrono::duration_cast<std::chrono::milliseconds>(due_ - Clock::now()).count();
    }

private:
    static constexpr double kFirstBackoffS = 5;
    static Clock::duration seconds(double s) {
        return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(s));
    }
    double every_s_, cap_s_;
    double backoff_s_ = kFirstBackoffS;
    Clock::time_point due_ = Clock::now();
};

// Being offline is a village's normal day: a failed exchange that will be retried is a
// warning, one that waits for staff (revoked, not enrolled) an error. The same failure
// again and again is logged once (then at debug level), and its end is logged.
class DirectionLog {
public:
    explicit DirectionLog(std::string name) : name_(std::move(name)) {}
    void report(const sync::RoundReport& rep) {
        using platform::log::Level;
        if (!rep.error.empty()) {
            bool again = rep.error == last_error_;
            platform::log::write(again ? Level::debug : (rep.retryable ? Level::warn : Level::error),
                                 name_ + ": " + rep.json());
            last_error_ = rep.error;
            return;
        }
        bool recovered = !last_error_.empty();
        last_error_.clear();
        bool moved = rep.pushed || rep.delivered || rep.pulled || rep.catalog_changes;
        Level level = rep.quarantined > 0 ? Level::warn : (moved || recovered) ? Level::info : Level::debug;
        platform::log::write(level, name_ + (recovered ? " (working again): " : ": ") + rep.json());
    }

private:
    std::string name_;
    std::string last_error_;
};

// How each direction last went, shared by the two threads; either writes the picture
// staff see (kioskctl status, the panel) after its own work, through its own connection.
struct SharedOutcome {
    std::mutex mu;
    // The last attempt's error per direction (none when it went well) and when it is next
    // due (0 for the outbox while nothing waits in it).
    struct Failure {
        std::string words, kind;  // as in RoundReport
        void take(const sync::RoundReport& rep) { words = rep.error, kind = rep.error_kind; }
    };
    Failure push_error, status_error, catalog_error;
    std::int64_t push_next_ms = 0, status_next_ms = 0, catalog_next_ms = 0;
    std::uint64_t pulls_done = 0;   // catalogue pulls finished, for a staff request to wait on
    bool pull_asked = false;        // staff asked for a sync: pull now, whatever the schedule
    std::condition_variable changed;

    // The line `systemctl status` shows.
    std::string summary(std::int64_t outbox) {
        std::lock_guard lock(mu);
        std::string error = first_error().words;
        return error.empty() ? "last exchange ok, outbox " + std::to_string(outbox) : error;
    }

    void save(store::FilingStore& filing) {
        Failure error;
        std::int64_t next = 0;
        {
            std::lock_guard lock(mu);
            error = first_error();
            next = std::min(status_next_ms, catalog_next_ms);
            if (push_next_ms > 0) next = std::min(next, push_next_ms);
        }
        (void)store::save_round_outcome(filing, now_ms(), next, error.words, error.kind);
    }

private:
    Failure first_error() const {
        if (!push_error.words.empty()) return push_error;
        if (!status_error.words.empty()) return status_error;
        if (catalog_error.words.empty()) return {};
        return {"catalogue: " + catalog_error.words, catalog_error.kind};
    }
};

void sleep_a_little(double seconds) {
    auto until = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
    while (!g_stop && Clock::now() < until) std::this_thread::sleep_for(std::chrono::milliseconds(100));
}

int usage() {
    std::fputs("usage: kiosk-sync --data DIR [--once] [--timeout SECONDS] [--config FILE] [--log-level LEVEL]\n", stderr);
    return 2;
}

int fail(const std::string& why) {
    platform::log::error(why);
    return 1;
}
}  // namespace

int main(int argc, char** argv) {
    platform::log::init("kiosk-sync");
    std::string dir, config_path = ops::kDefaultConfigPath;
    bool once = false;
    long timeout_option = 0;  // 0: as the settings say
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        bool has_value = i + 1 < argc;
        if (a == "--data" && has_value) dir = argv[++i];
        else if (a == "--once") once = true;
        else if (a == "--timeout" && has_value) timeout_option = std::max(1L, std::atol(argv[++i]));
        else if (a == "--config" && has_value) config_path = argv[++i];
        else if (a == "--log-level" && has_value) {
            if (!platform::log::set_level_option(argv[++i])) return 2;
        } else return usage();
    }
    if (dir.empty()) {
        platform::log::error("--data DIR is required");
        return usage();
    }
    auto cfg = ops::load_config(config_path);
    if (!cfg) {
        platform::log::error(cfg.error());
        return 2;
    }
    long timeout_s = timeout_option > 0 ? timeout_option : cfg->sync_timeout_seconds;
    std::signal(SIGTERM, on_signal);
    std::signal(SIGINT, on_signal);
    ops::KioskPaths paths{dir};
    auto lock = store::InstanceLock::acquire(dir, "kiosk-sync");
    if (!lock) return fail(lock.error());
    auto stores = ops::open_stores(dir);
    if (!stores) return fail(stores.error());
    store::FilingStore& filing = stores->filing;
    store::CatalogStore& catalog = stores->catalog;
    if (once) {
        auto rep = ops::run_round(paths, *stores, timeout_s, [] { return g_stop != 0; });
        std::printf("%s\n", rep.json().c_str());
        return rep.error.empty() ? 0 : 1;
    }
    platform::log::info(std::string("kiosk-sync ") + AUL_VERSION + " starting with data in " + dir +
                        ", request timeout " + std::to_string(timeout_s) + " s");
    platform::ServiceNotifier service;
    // One exchange must end well inside the watchdog: it is fed only between exchanges.
    if (service.ping_every_s() > 0 && timeout_s > static_cast<long>(service.ping_every_s())) {
        long cap = static_cast<long>(service.ping_every_s());
        platform::log::warn("a request may take " + std::to_string(timeout_s) + " s, longer than half the service's " +
                            "watchdog; using " + std::to_string(cap) + " s (raise WatchdogSec with " +
                            "systemctl edit aul-kiosk-sync to allow more)");
        timeout_s = cap;
    }
    service.ready("syncing with the national server");
    std::mt19937 rng(std::random_device{}());
    const auto started = Clock::now();
    auto uptime_s = [&] { return std::chrono::duration_cast<std::chrono::seconds>(Clock::now() - started).count(); };
    auto stopping = [] { return g_stop != 0; };
    SharedOutcome outcome;

    // The catalogue on its own thread and connections: a long or stalled download never
    // holds back a resident's proposal, and its failures back off on their own.
    std::thread catalogue_thread([&] {
        auto own = ops::open_filing_connection(dir);
        if (!own) {
            platform::log::error("catalogue: " + own.error());
            return;
        }
        Schedule schedule(kCatalogueEveryS, kBackoffCapS);
        DirectionLog log("catalogue");
        std::mt19937 rng(std::random_device{}());
        while (!g_stop) {
            {
                std::unique_lock lock(outcome.mu);
                outcome.changed.wait_for(lock, std::chrono::seconds(1));
                if (!outcome.pull_asked && !schedule.due(Clock::now())) continue;
                outcome.pull_asked = false;
            }
            sync::RoundReport rep;
            if (auto link = sync::Link::open(paths, *own, timeout_s, rep)) {
                sync::pull_catalog(link->catalog_fetch(), catalog, rep, stopping);
                if (rep.error.empty()) (void)store::mark_direction_ok(*own, store::Direction::catalog, now_ms());
            }
            if (g_stop) {
                platform::log::info("stopping: " + rep.json());
                break;
            }
            log.report(rep);
            schedule.after(rep, rng);
            {
                std::lock_guard lock(outcome.mu);
                outcome.catalog_error.take(rep);
                outcome.catalog_next_ms = schedule.due_ms();
                ++outcome.pulls_done;
            }
            outcome.changed.notify_all();
            outcome.save(*own);
        }
    });

    // Tracking lookups for the Track screen on their own thread and connections: a resident
    // waiting at the screen never waits behind a long push or catalogue pull.
    std::thread lookup_thread([&] {
        auto own = ops::open_filing_connection(dir);
        if (!own) {
            platform::log::error("tracking lookups: " + own.error());
            return;
        }
        sync::serve_lookups(paths, *own, stopping);
    });

    // This thread: the outbox (a new filing leaves at once), statuses, heartbeats, and the
    // staff's requests. It feeds the watchdog every second, whatever the catalogue does.
    Schedule push(0, kPushBackoffCapS), status(kStatusEveryS, kBackoffCapS);
    DirectionLog push_log("outbox"), status_log("status");
    std::int64_t outbox_seen = 0;
    // Staff waiting on the panel (a self-test, a USB export) are answered between exchanges.
    auto answer_staff = [&] {
        auto answered = ops::answer_staff_requests(paths, filing);
        using platform::log::Level;
        if (!answered.line.empty()) platform::log::write(answered.ok ? Level::info : Level::warn, answered.line);
    };
    auto between_steps = [&] {
        service.alive();
        answer_staff();
        return g_stop != 0;
    };

    while (!g_stop) {
        service.alive();
        answer_staff();
        std::int64_t sync_asked = store::pending_request(filing, store::SyncRequest::sync_now);
        std::uint64_t pulls_before = 0;
        if (sync_asked) {
            push.soon();
            status.soon();
            {
                std::lock_guard lock(outcome.mu);
                outcome.pull_asked = true;
                pulls_before = outcome.pulls_done;
            }
            outcome.changed.notify_all();
        }
        std::int64_t outbox = filing.unsent_count().value_or(0);
        if (outbox > outbox_seen) push.soon();  // a new filing: try now, even while backing off
        outbox_seen = outbox;
        bool worked = false;
        if (outbox > 0 && push.due(Clock::now())) {
            sync::RoundReport rep;
            if (auto link = sync::Link::open(paths, filing, timeout_s, rep))
                sync::push_outbox(*link, filing, now_ms(), rep, between_steps);
            if (g_stop) {
                platform::log::info("stopping: " + rep.json());
                break;
            }
            rep.outbox = outbox_seen = filing.unsent_count().value_or(-1);
            push_log.report(rep);
            push.after(rep, rng);
            if (rep.error.empty() && rep.delivered > 0) status.soon();  // "delivered" shows at once
            std::lock_guard lock(outcome.mu);
            outcome.push_error.take(rep);
            outcome.push_next_ms = rep.outbox > 0 ? push.due_ms() : 0;
            worked = true;
        }
        if (status.due(Clock::now())) {
            sync::RoundReport rep;
            if (auto link = sync::Link::open(paths, filing, timeout_s, rep)) {
                sync::pull_status(*link, filing, now_ms(), rep);
                rep.outbox = filing.unsent_count().value_or(-1);
                if (rep.retryable) sync::heartbeat(*link, paths, filing, rep, uptime_s());
            }
            status_log.report(rep);
            status.after(rep, rng);
            std::lock_guard lock(outcome.mu);
            outcome.status_error.take(rep);
            outcome.status_next_ms = status.due_ms();
            worked = true;
        }
        if (sync_asked) {
            // The staff's sync is answered once the catalogue has been pulled too.
            std::unique_lock lock(outcome.mu);
            auto until = Clock::now() + std::chrono::milliseconds(store::kAnswerWithinMs / 2);
            while (!g_stop && outcome.pulls_done == pulls_before && Clock::now() < until) {
                outcome.changed.wait_for(lock, std::chrono::seconds(1));
                service.alive();
            }
        }
        if (worked || sync_asked) {
            outcome.save(filing);
            service.status(outcome.summary(outbox_seen));
        }
        if (sync_asked) (void)store::mark_handled(filing, store::SyncRequest::sync_now, sync_asked);
        sleep_a_little(1);
    }
    g_stop = 1;
    outcome.changed.notify_all();
    catalogue_thread.join();
    lookup_thread.join();
    service.stopping();
    return 0;
}
