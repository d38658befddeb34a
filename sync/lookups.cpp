#include "sync/lookups.h"

#include <chrono>
#include <thread>

#include "core/clock.h"
#include "platform/log.h"
#include "store/track_lookups.h"
#include "sync/protocol.h"

namespace aul::sync {

namespace {

using store::LookupOutcome;

// One question put to the server, and what the Track screen should say about it.
std::pair<LookupOutcome, store::RemoteProgress> ask_server(Link& link, const std::string& code) {
    auto reply = link.client.get("/v1/track?code=" + code, link.token);
    if (!reply) return {LookupOutcome::offline, {}};
    if (reply->status == 429) return {LookupOutcome::limited, {}};
    if (reply->status == 401 || reply->status == 403) return {LookupOutcome::not_enrolled, {}};
    if (reply->status != 200) return {LookupOutcome::offline, {}};
    auto answer = decode_track_lookup(reply->body, code);
    if (!answer) {
        // A portal's page or a broken server: the resident is told the server is out of reach.
        platform::log::warn("tracking lookup: " + answer.error());
        return {LookupOutcome::offline, {}};
    }
    switch (answer->found) {
        case LookupFound::not_arrived: return {LookupOutcome::not_arrived, {}};
        case LookupFound::unknown: return {LookupOutcome::unknown, {}};
        case LookupFound::yes: break;
    }
    store::RemoteProgress progress;
    progress.tracking_code = code;
    progress.state = answer->state;
    progress.answer = answer->answer;
    for (const auto& e : answer->history) progress.history.push_back({e.state, e.at_ms, {}});
    return {LookupOutcome::found, std::move(progress)};
}

}  // namespace

int answer_lookups(Link* link, store::FilingStore& filing, std::int64_t now_ms) {
    auto pending = store::pending_lookups(filing, now_ms);
    if (!pending) {
        platform::log::warn("tracking lookups: " + pending.error());
        return 0;
    }
    int answered = 0;
    for (const auto& code : *pending) {
        auto [outcome, progress] =
            link ? ask_server(*link, code) : std::pair{LookupOutcome::not_enrolled, store::RemoteProgress{}};
        if (auto s = store::answer_lookup(filing, code, outcome, progress, core::now_ms()); !s)
            platform::log::warn("tracking lookups: " + s.error());
        else
            ++answered;
    }
    return answered;
}

void serve_lookups(const KioskPaths& paths, store::FilingStore& filing, const std::function<bool()>& stopping,
                   int every_ms) {
    std::int64_t forgotten_ms = 0;
    while (!stopping()) {
        if (core::now_ms() - forgotten_ms > 60'000) {  // even when nobody asks any more
            forgotten_ms = core::now_ms();
            if (auto s = store::forget_old_lookups(filing, forgotten_ms); !s)
                platform::log::warn("tracking lookups: " + s.error());
        }
        auto pending = store::pending_lookups(filing, core::now_ms(), 1);
        if (pending && !pending->empty()) {
            // Opened for each burst of questions (they are rare): an enrolment since the
            // last one is picked up, and no connection is held open in between.
            RoundReport ignored;
            auto link = Link::open(paths, filing, kLookupTimeoutS, ignored);
            int answered = answer_lookups(link ? &*link : nullptr, filing, core::now_ms());
            platform::log::info("tracking lookups answered: " + std::to_string(answered));
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(every_ms));
    }
}

void fetch_tracking_key(Link& link, store::FilingStore& filing, RoundReport& rep) {
    auto have = filing.tracking_key();
    if (!have || have->has_value()) return;
    auto reply = link.client.get("/v1/kiosk", link.token);
    if (!reply || reply->status != 200) return;  // an older server: codes stay plain
    count_exchange(rep, *reply);
    auto identity = decode_kiosk_identity(reply->body);
    auto code = filing.kiosk_code();
    if (!identity || !code || identity->kiosk_code != *code) {
        platform::log::warn("the national server's answer about this kiosk was refused: " +
                            (identity ? "it names kiosk code " + identity->kiosk_code : identity.error()));
        return;
    }
    if (auto s = filing.set_tracking_key(*core::TrackingKey::from_hex(identity->tracking_key)); !s)
        platform::log::error(s.error());
    else
        platform::log::info("tracking codes of this kiosk are keyed from now on");
}

}  // namespace aul::sync
