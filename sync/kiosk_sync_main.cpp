// kiosk-sync: the kiosk's only link to the national server. `--once` does one round and
// prints a JSON summary; without it, it keeps the outbox empty and statuses fresh, and
// answers the staff's requests (sync now, server check) written into the database.
#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <random>
#include <string>
#include <thread>

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
}  // namespace

int main(int argc, char** argv) {
    std::string dir;
    bool once = false;
    long timeout_s = 60;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--data" && i + 1 < argc) dir = argv[++i];
        else if (a == "--once") once = true;
        else if (a == "--timeout" && i + 1 < argc) timeout_s = std::max(1L, std::atol(argv[++i]));
        else {
            std::fputs("usage: kiosk-sync --data DIR [--once] [--timeout SECONDS]\n", stderr);
            return 2;
        }
    }
    if (dir.empty()) {
        std::fputs("kiosk-sync: --data DIR is required\n", stderr);
        return 2;
    }
    std::signal(SIGTERM, on_signal);
    std::signal(SIGINT, on_signal);
    sync::KioskPaths paths{dir};
    auto lock = store::InstanceLock::acquire(dir, "kiosk-sync");
    if (!lock) {
        std::fprintf(stderr, "kiosk-sync: %s\n", lock.error().c_str());
        return 1;
    }
    auto db = store::open_kiosk_db(paths.db());
    if (!db) {
        std::fprintf(stderr, "kiosk-sync: %s\n", db.error().c_str());
        return 1;
    }
    auto filing = store::FilingStore::open(std::move(*db));
    auto catalog_db = store::open_kiosk_db_connection(paths.db());
    if (!filing || !catalog_db) {
        std::fprintf(stderr, "kiosk-sync: %s\n", (!filing ? filing.error() : catalog_db.error()).c_str());
        return 1;
    }
    store::CatalogStore catalog(std::move(*catalog_db));
    if (once) {
        auto rep = sync::sync_round(paths, *filing, catalog, now_ms(), timeout_s, 0, [] { return g_stop != 0; });
        std::printf("%s\n", rep.json().c_str());
        return rep.error.empty() ? 0 : 1;
    }
    platform::ServiceNotifier service;
    service.ready("syncing with the national server");
    // Exponential backoff with full jitter on failure: 5 s doubling to a 10-minute cap.
    std::mt19937 rng(std::random_device{}());
    const auto started = std::chrono::steady_clock::now();
    double backoff = 5;
    const double kCap = 600, kStatusEvery = 60;
    while (!g_stop) {
        // Staff may ask for a server check or a sync from the panel or kioskctl.
        if (std::int64_t asked = store::pending_request(*filing, store::SyncRequest::server_check)) {
            (void)store::save_server_checks(*filing, sync::server_checks(paths, *filing));
            (void)store::mark_handled(*filing, store::SyncRequest::server_check, asked);
        }
        std::int64_t sync_asked = store::pending_request(*filing, store::SyncRequest::sync_now);
        auto uptime = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started);
        auto rep = sync::sync_round(paths, *filing, catalog, now_ms(), timeout_s, uptime.count(), [] { return g_stop != 0; });
        if (g_stop) break;
        std::fprintf(stderr, "kiosk-sync: %s: %s\n", rep.error.empty() ? "info" : "error", rep.json().c_str());
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
