// kiosk-sync: the kiosk's only link to the national server. `--once` does one round and
// prints a JSON summary; without it, it keeps the outbox empty and statuses fresh, and
// answers the staff's requests (sync now, server check) written into the database.
// Settings: [sync] of /etc/aul/kiosk.conf (or --config FILE); --timeout wins over it.
#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <random>
#include <string>
#include <thread>

#include "kiosk/config.h"
#include "platform/log.h"
#include "store/catalog_store.h"
#include "store/filing_store.h"
#include "store/instance_lock.h"
#include "store/kiosk_state.h"
#include "platform/service.h"
#include "sync/kiosk_sync.h"

using namespace aul;

namespace {
volatile std::sig_atomic_t g_stop = 0;
void on_signal(int) { g_stop = 1; }

std::int64_t now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// Sleeps up to `seconds`, waking early to stop, or when `wake` says there is work.
template <typename Wake>
void nap(double seconds, Wake&& wake) {
    auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (!g_stop && std::chrono::steady_clock::now() < until) {
        std::this_thread::sleep_for(std::chrono::seconds(2));  // a cheap look at the outbox
        if (wake()) return;
    }
}

// Being offline is a village's normal day: a failed round that will be retried is a
// warning, one that waits for staff (revoked, not enrolled) an error. A round that moved
// nothing happens every minute and only matters when debugging.
platform::log::Level round_level(const sync::RoundReport& rep) {
    using platform::log::Level;
    if (!rep.error.empty()) return rep.retryable ? Level::warn : Level::error;
    if (rep.quarantined > 0) return Level::warn;  // the server refused something: staff should look
    bool moved = rep.pushed || rep.delivered || rep.pulled || rep.catalog_changes;
    return moved ? Level::info : Level::debug;
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
    std::string dir, config_path = kiosk::kDefaultConfigPath;
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
    auto cfg = kiosk::load_config(config_path);
    if (!cfg) {
        platform::log::error(cfg.error());
        return 2;
    }
    long timeout_s = timeout_option > 0 ? timeout_option : cfg->sync_timeout_seconds;
    std::signal(SIGTERM, on_signal);
    std::signal(SIGINT, on_signal);
    sync::KioskPaths paths{dir};
    auto lock = store::InstanceLock::acquire(dir, "kiosk-sync");
    if (!lock) return fail(lock.error());
    auto db = store::open_kiosk_db(paths.db());
    if (!db) return fail(db.error());
    auto filing = store::FilingStore::open(std::move(*db));
    auto catalog_db = store::open_kiosk_db_connection(paths.db());
    if (!filing || !catalog_db) return fail(!filing ? filing.error() : catalog_db.error());
    store::CatalogStore catalog(std::move(*catalog_db));
    if (once) {
        auto rep = sync::sync_round(paths, *filing, catalog, now_ms(), timeout_s, 0, [] { return g_stop != 0; });
        (void)store::save_round_outcome(*filing, now_ms(), 0, rep.error);
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
    // Exponential backoff with full jitter on failure: 5 s doubling to a 10-minute cap.
    std::mt19937 rng(std::random_device{}());
    const auto started = std::chrono::steady_clock::now();
    double backoff = 5;
    const double kCap = 600, kStatusEvery = 60;
    // Staff may ask for server checks from the panel; answered before a round and between
    // its batches and pages, so a long catalogue download does not keep them waiting.
    auto answer_server_check = [&] {
        if (std::int64_t asked = store::pending_request(*filing, store::SyncRequest::server_check)) {
            (void)store::save_server_checks(*filing, sync::server_checks(paths, *filing));
            (void)store::mark_handled(*filing, store::SyncRequest::server_check, asked);
        }
    };
    // Between batches and pages: the watchdog hears from a long round too.
    auto between_steps = [&] {
        service.alive();
        answer_server_check();
        return g_stop != 0;
    };
    while (!g_stop) {
        answer_server_check();
        std::int64_t sync_asked = store::pending_request(*filing, store::SyncRequest::sync_now);
        auto uptime = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started);
        auto rep = sync::sync_round(paths, *filing, catalog, now_ms(), timeout_s, uptime.count(), between_steps);
        if (g_stop) {
            platform::log::info("stopping: " + rep.json());
            break;
        }
        platform::log::write(round_level(rep), "round: " + rep.json());
        service.status(rep.error.empty() ? "last round ok, outbox " + std::to_string(rep.outbox) : rep.error);
        service.alive();
        double wait = kStatusEvery;
        if (!rep.error.empty()) {
            wait = rep.retryable ? std::uniform_real_distribution<double>(0, backoff)(rng) : kCap;
            if (rep.retry_after_s > 0) wait = std::max(wait, static_cast<double>(rep.retry_after_s));
            backoff = std::min(kCap, backoff * 2);
        } else {
            backoff = 5;
        }
        std::int64_t ended = now_ms();
        (void)store::save_round_outcome(*filing, ended, ended + static_cast<std::int64_t>(wait * 1000), rep.error);
        if (sync_asked) (void)store::mark_handled(*filing, store::SyncRequest::sync_now, sync_asked);
        nap(wait, [&] {
            service.alive();  // the nap's 2 s steps keep the watchdog fed
            return (rep.error.empty() && filing->unsent_count().value_or(0) > 0) ||
                   store::pending_request(*filing, store::SyncRequest::sync_now) ||
                   store::pending_request(*filing, store::SyncRequest::server_check);
        });
    }
    service.stopping();
    return 0;
}
