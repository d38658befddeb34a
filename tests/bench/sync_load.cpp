// Load on the reference server: K simulated kiosks, each enrolled with its own code and
// token, sending heartbeats and small batches of proposals as fast as they can for S
// seconds, each over its own connection. Prints requests per second as JSON lines.
//   sync_load --url URL --ca FILE --server-data DIR --kiosks K --seconds S
// Delivery mode, as kiosk-sync delivers an outbox: each kiosk delivers N proposals in
// batches of B (P ms apart), sending a batch again until every item of it is accepted or
// a duplicate, for at most S seconds; the ids delivered are written to FILE, one a line.
//   sync_load ... --deliver N --batch B --pause-ms P --ids FILE
// A country, as kiosk-sync runs in each village: K kiosks enrolled first, then rounds as
// kiosk-sync makes them (its queued proposals pushed, statuses and the catalogue pulled, a
// heartbeat), each round on a fresh TLS connection. For S seconds every kiosk runs a round
// every 5 minutes at a random moment (the steady day); then the morning herd: every kiosk
// powered on within H seconds, each with Q proposals queued overnight on average. Figures
// per phase as JSON lines, named by LABEL.
//   sync_load --simulate LABEL --url URL --ca FILE --server-data DIR --kiosks K --steady S --herd H
//             [--queued Q] [--workers W]
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <mutex>
#include <random>
#include <tuple>
#include <string>
#include <thread>
#include <vector>

#include "core/clock.h"
#include "core/tracking.h"
#include "core/uuid.h"
#include "sync/client.h"
#include "sync/protocol.h"
#include "sync/server/server_store.h"

using namespace aul;
using namespace aul::sync;
using Clock = std::chrono::steady_clock;

namespace {

// The loopback address kiosk `i` connects from: each village its own, as on the internet.
std::string village_address(std::size_t i) {
    const std::size_t n = i + 1;
    return "127.10." + std::to_string(n / 250) + "." + std::to_string(1 + n % 250);
}

struct Enrolled {
    std::string code, token, address;
    std::uint64_t seq = 0;
    std::int64_t status_cursor = 0, catalog_cursor = 0;
};

ProposalItem proposal_of(Enrolled& k) {
    ProposalItem p;
    p.id = core::new_uuid_v7();
    p.tracking_code = *core::make_tracking_code(k.code, ++k.seq);
    p.category = "roads";
    p.region = "KZ-19";
    p.title = "Шұңқыр";
    p.description = "Жолда үлкен шұңқыр бар";
    p.lang = "kk";
    p.created_ms = core::now_ms();
    return p;
}

// One phase's figures: every request's latency, errors, proposals delivered, and how late
// rounds started against their schedule (the generator keeping up).
struct Phase {
    std::mutex mu;
    std::vector<double> latency_ms;
    long requests = 0, errors = 0, delivered = 0, rounds = 0;
    double worst_lag_ms = 0;
    void print(const std::string& label, const std::string& phase, double seconds) {
        std::sort(latency_ms.begin(), latency_ms.end());
        auto pct = [&](double p) {
            return latency_ms.empty() ? 0.0 : latency_ms[static_cast<std::size_t>(p * (latency_ms.size() - 1))];
        };
        const std::string name = "sync.country." + label + "." + phase;
        auto line = [&](const char* what, double v, const char* unit) {
            std::printf("{\"name\": \"%s.%s\", \"value\": %.2f, \"unit\": \"%s\"}\n", name.c_str(), what, v, unit);
        };
        line("requests_per_s", requests / seconds, "req/s");
        line("latency.p50", pct(0.5), "ms");
        line("latency.p99", pct(0.99), "ms");
        line("errors", static_cast<double>(errors), "requests");
        line("proposals_delivered", static_cast<double>(delivered), "proposals");
        line("rounds", static_cast<double>(rounds), "rounds");
        line("worst_round_lag", worst_lag_ms, "ms");
        std::fflush(stdout);
    }
};

// A kiosk-sync round for kiosk `k`, `queued` proposals in its outbox.
void run_round(ClientConfig cfg, Enrolled& k, int queued, Phase& phase) {
    cfg.source_address = k.address;
    Client client(cfg);
    std::vector<double> lat;
    long errors = 0, delivered = 0;
    auto timed = [&](auto&& call) {
        auto t0 = Clock::now();
        auto reply = call();
        lat.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
        if (!reply || reply->status != 200) ++errors;
        return reply;
    };
    if (queued > 0) {
        SubmitRequest batch;
        for (int i = 0; i < queued; ++i) batch.proposals.push_back(proposal_of(k));
        auto reply = timed([&] { return client.post("/v1/submissions", encode(batch), k.token); });
        if (reply && reply->status == 200)
            if (auto answer = decode_submit_response(reply->body))
                for (const auto& r : answer->results) delivered += r.status == ItemStatus::accepted;
    }
    auto status = timed([&] { return client.get("/v1/status?since=" + std::to_string(k.status_cursor), k.token); });
    if (status && status->status == 200)
        if (auto s = decode_status_response(status->body)) k.status_cursor = s->cursor;
    auto page = timed([&] { return client.get("/v1/catalog?since=" + std::to_string(k.catalog_cursor), k.token); });
    if (page && page->status == 200)
        if (auto c = decode_catalog_page(page->body)) k.catalog_cursor = c->cursor;
    (void)timed([&] { return client.post("/v1/heartbeat", encode(Heartbeat{"load", 1, 0, 0, 0, 0, 1000}), k.token); });
    std::lock_guard lock(phase.mu);
    phase.latency_ms.insert(phase.latency_ms.end(), lat.begin(), lat.end());
    phase.requests += static_cast<long>(lat.size());
    phase.errors += errors;
    phase.delivered += delivered;
    ++phase.rounds;
}

// Runs every (start offset, kiosk, queued) of `plan` at its moment on `workers` threads.
void run_plan(const ClientConfig& cfg, std::vector<Enrolled>& kiosks,
              std::vector<std::tuple<double, std::size_t, int>> plan, int workers, Phase& phase) {
    std::sort(plan.begin(), plan.end());
    std::atomic<std::size_t> next{0};
    const auto start = Clock::now();
    std::vector<std::thread> pool;
    for (int w = 0; w < workers; ++w) {
        pool.emplace_back([&] {
            for (std::size_t i; (i = next++) < plan.size();) {
                auto [at_s, kiosk, queued] = plan[i];
                auto due = start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(at_s));
                std::this_thread::sleep_until(due);
                double lag = std::chrono::duration<double, std::milli>(Clock::now() - due).count();
                {
                    std::lock_guard lock(phase.mu);
                    phase.worst_lag_ms = std::max(phase.worst_lag_ms, lag);
                }
                run_round(cfg, kiosks[kiosk], queued, phase);
            }
        });
    }
    for (auto& t : pool) t.join();
}

int simulate(const std::string& label, const ClientConfig& cfg, const std::string& server_dir, int count, int steady_s,
             int herd_s, double queued, int workers) {
    std::vector<std::string> codes;
    {
        auto database = remembered_database(server_dir, "");
        if (!database) return std::fprintf(stderr, "sync_load: %s\n", database.error().c_str()), 1;
        auto store = ServerStore::open(ServerDatabase{server_dir, *database});
        if (!store) return std::fprintf(stderr, "sync_load: %s\n", store.error().c_str()), 1;
        for (int i = 0; i < count; ++i) codes.push_back(*store->new_enrollment_code());
    }
    std::vector<Enrolled> kiosks(static_cast<std::size_t>(count));
    std::atomic<int> next{0}, refused{0};
    std::vector<std::thread> pool;
    for (int w = 0; w < workers; ++w) {
        pool.emplace_back([&] {
            for (int i; (i = next++) < count;) {
                ClientConfig from = cfg;
                from.source_address = village_address(static_cast<std::size_t>(i));
                Client client(from);
                Result<EnrollResponse> e = Error{"enrol"};
                for (int attempt = 0; attempt < 20 && !e; ++attempt) {
                    auto reply = client.post("/v1/enroll", encode(EnrollRequest{codes[static_cast<std::size_t>(i)], "", "", "", "", ""}), "");
                    if (reply && reply->status == 200) e = decode_enroll_response(reply->body);
                    if (!e) std::this_thread::sleep_for(std::chrono::milliseconds(100));
                }
                if (!e) {
                    ++refused;
                    continue;
                }
                kiosks[static_cast<std::size_t>(i)] = Enrolled{e->kiosk_code, e->token, from.source_address};
            }
        });
    }
    for (auto& t : pool) t.join();
    if (refused > 0) return std::fprintf(stderr, "sync_load: %d kiosks could not enrol\n", refused.load()), 1;

    std::mt19937 rng(42);
    std::uniform_real_distribution<double> when(0.0, 1.0);
    // The steady day: a round every 300 s, at a moment of each kiosk's own.
    std::vector<std::tuple<double, std::size_t, int>> plan;
    for (std::size_t k = 0; k < kiosks.size(); ++k)
        for (double at = when(rng) * 300.0; at < steady_s; at += 300.0 * (0.9 + 0.2 * when(rng)))
            plan.emplace_back(at, k, when(rng) < 0.02 ? 1 : 0);
    Phase steady;
    run_plan(cfg, kiosks, plan, workers, steady);
    steady.print(label, "steady", steady_s);
    // The morning herd: every kiosk on within herd_s, its night's proposals queued.
    plan.clear();
    std::poisson_distribution<int> night(queued);
    for (std::size_t k = 0; k < kiosks.size(); ++k) plan.emplace_back(when(rng) * herd_s, k, night(rng));
    Phase herd;
    auto t0 = Clock::now();
    run_plan(cfg, kiosks, plan, workers, herd);
    herd.print(label, "herd", std::max(static_cast<double>(herd_s), std::chrono::duration<double>(Clock::now() - t0).count()));
    return steady.errors + herd.errors == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    std::string url, ca, server_dir, ids_file, label;
    int kiosks = 100, seconds = 10, deliver = 0, batch_size = 2, pause_ms = 0, steady = 60, herd = 60, workers = 64;
    double queued = 1.0;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string a = argv[i];
        if (a == "--url") url = argv[i + 1];
        else if (a == "--ca") ca = argv[i + 1];
        else if (a == "--server-data") server_dir = argv[i + 1];
        else if (a == "--kiosks") kiosks = std::atoi(argv[i + 1]);
        else if (a == "--seconds") seconds = std::atoi(argv[i + 1]);
        else if (a == "--deliver") deliver = std::atoi(argv[i + 1]);
        else if (a == "--batch") batch_size = std::max(1, std::atoi(argv[i + 1]));
        else if (a == "--pause-ms") pause_ms = std::atoi(argv[i + 1]);
        else if (a == "--ids") ids_file = argv[i + 1];
        else if (a == "--simulate") label = argv[i + 1];
        else if (a == "--steady") steady = std::atoi(argv[i + 1]);
        else if (a == "--herd") herd = std::atoi(argv[i + 1]);
        else if (a == "--queued") queued = std::atof(argv[i + 1]);
        else if (a == "--workers") workers = std::max(1, std::atoi(argv[i + 1]));
    }
    if (!label.empty()) return simulate(label, ClientConfig{url, ca}, server_dir, kiosks, steady, herd, queued, workers);
    std::vector<std::string> codes;
    {
        auto database = remembered_database(server_dir, "");
        if (!database) return std::fprintf(stderr, "sync_load: %s\n", database.error().c_str()), 1;
        auto store = ServerStore::open(ServerDatabase{server_dir, *database});
        if (!store) return std::fprintf(stderr, "sync_load: %s\n", store.error().c_str()), 1;
        for (int i = 0; i < kiosks; ++i) codes.push_back(*store->new_enrollment_code());
    }
    std::atomic<long> requests{0}, failures{0}, resent{0};
    std::mutex delivered_mu;
    std::vector<std::string> delivered;
    std::vector<std::vector<double>> latencies(static_cast<std::size_t>(kiosks));
    auto deadline = Clock::now() + std::chrono::seconds(seconds);
    std::vector<std::thread> threads;
    for (int k = 0; k < kiosks; ++k) {
        threads.emplace_back([&, k] {
            Client client({url, ca});
            Result<EnrollResponse> enrolled = Error{"enrol"};
            for (int attempt = 0; attempt < 20 && !enrolled; ++attempt) {  // as staff try again when told to
                if (attempt > 0) std::this_thread::sleep_for(std::chrono::milliseconds(200));
                auto reply = client.post("/v1/enroll", encode(EnrollRequest{codes[static_cast<std::size_t>(k)], "", "", "", "", ""}), "");
                if (reply && reply->status == 200) enrolled = decode_enroll_response(reply->body);
                if (reply && reply->status != 200 && reply->status != 503) break;
            }
            if (!enrolled) {
                ++failures;
                return;
            }
            auto& lat = latencies[static_cast<std::size_t>(k)];
            Enrolled me{enrolled->kiosk_code, enrolled->token, ""};
            auto proposal = [&] { return proposal_of(me); };
            for (int sent = 0; sent < deliver && Clock::now() < deadline;) {
                SubmitRequest batch;
                for (int i = 0; i < batch_size && sent < deliver; ++i, ++sent) batch.proposals.push_back(proposal());
                // Sent again, unchanged, until the server has every item: a lost reply or a
                // dead instance must neither lose nor duplicate anything.
                for (bool done = false; !done && Clock::now() < deadline;) {
                    auto t0 = Clock::now();
                    auto reply = client.post("/v1/submissions", encode(batch), enrolled->token);
                    lat.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
                    ++requests;
                    auto answer = reply && reply->status == 200 ? decode_submit_response(reply->body)
                                                                : Result<SubmitResponse>(Error{"no answer"});
                    done = answer && answer->results.size() == batch.proposals.size() &&
                           std::all_of(answer->results.begin(), answer->results.end(), [](const ItemResult& r) {
                               return r.status == ItemStatus::accepted || r.status == ItemStatus::duplicate;
                           });
                    if (!done) {
                        ++resent;
                        std::this_thread::sleep_for(std::chrono::milliseconds(100));
                    }
                }
                std::lock_guard lock(delivered_mu);
                for (const auto& p : batch.proposals) delivered.push_back(p.id);
                if (pause_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(pause_ms));
            }
            while (deliver == 0 && Clock::now() < deadline) {
                SubmitRequest batch;
                for (int i = 0; i < 2; ++i) batch.proposals.push_back(proposal());
                auto t0 = Clock::now();
                auto a = client.post("/v1/heartbeat", encode(Heartbeat{"load", 1, 0, 0, 0, 0, 1000}), enrolled->token);
                auto t1 = Clock::now();
                auto b = client.post("/v1/submissions", encode(batch), enrolled->token);
                auto t2 = Clock::now();
                lat.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
                lat.push_back(std::chrono::duration<double, std::milli>(t2 - t1).count());
                requests += 2;
                if (!a || a->status != 200 || !b || b->status != 200) ++failures;
            }
        });
    }
    auto start = Clock::now();
    for (auto& t : threads) t.join();
    double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    std::vector<double> all;
    for (auto& l : latencies) all.insert(all.end(), l.begin(), l.end());
    std::sort(all.begin(), all.end());
    auto pct = [&](double p) { return all.empty() ? 0.0 : all[static_cast<std::size_t>(p * (all.size() - 1))]; };
    std::printf("{\"name\": \"sync.load.%d_kiosks.requests_per_s\", \"value\": %.1f, \"unit\": \"req/s\"}\n", kiosks,
                static_cast<double>(requests.load()) / elapsed);
    std::printf("{\"name\": \"sync.load.%d_kiosks.latency.median\", \"value\": %.2f, \"unit\": \"ms\"}\n", kiosks, pct(0.5));
    std::printf("{\"name\": \"sync.load.%d_kiosks.latency.p99\", \"value\": %.2f, \"unit\": \"ms\"}\n", kiosks, pct(0.99));
    std::printf("{\"name\": \"sync.load.%d_kiosks.failures\", \"value\": %ld, \"unit\": \"requests\"}\n", kiosks,
                failures.load());
    if (deliver > 0) {
        std::printf("{\"name\": \"sync.load.%d_kiosks.delivered\", \"value\": %zu, \"unit\": \"proposals\"}\n", kiosks,
                    delivered.size());
        std::printf("{\"name\": \"sync.load.%d_kiosks.resent\", \"value\": %ld, \"unit\": \"batches\"}\n", kiosks,
                    resent.load());
        std::ofstream out(ids_file);
        for (const auto& id : delivered) out << id << "\n";
        return delivered.size() == static_cast<std::size_t>(kiosks) * static_cast<std::size_t>(deliver) ? 0 : 1;
    }
    return failures.load() == 0 ? 0 : 1;
}
