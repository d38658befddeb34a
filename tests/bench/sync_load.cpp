// Load on the reference server: K simulated kiosks, each enrolled with its own code and
// token, sending heartbeats and small batches of proposals as fast as they can for S
// seconds, each over its own connection. Prints requests per second as JSON lines.
//   sync_load --url URL --ca FILE --server-data DIR --kiosks K --seconds S
// Delivery mode, as kiosk-sync delivers an outbox: each kiosk delivers N proposals in
// batches of B (P ms apart), sending a batch again until every item of it is accepted or
// a duplicate, for at most S seconds; the ids delivered are written to FILE, one a line.
//   sync_load ... --deliver N --batch B --pause-ms P --ids FILE
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <mutex>
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

int main(int argc, char** argv) {
    std::string url, ca, server_dir, ids_file;
    int kiosks = 100, seconds = 10, deliver = 0, batch_size = 2, pause_ms = 0;
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
    }
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
            std::uint64_t seq = 0;
            auto& lat = latencies[static_cast<std::size_t>(k)];
            auto proposal = [&] {
                ProposalItem p;
                p.id = core::new_uuid_v7();
                p.tracking_code = *core::make_tracking_code(enrolled->kiosk_code, ++seq);
                p.category = "roads";
                p.region = "KZ-19";
                p.title = "Шұңқыр";
                p.description = "Жолда үлкен шұңқыр бар";
                p.lang = "kk";
                p.created_ms = core::now_ms();
                return p;
            };
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
