// For tests of the USB export through kiosk-sync: a kiosk made ready to sign bundles (as
// enrolment leaves it, minus the network), and a stand-in for kiosk-sync that answers the
// export requests the way its main loop does, on a connection of its own.
#pragma once
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <string>
#include <thread>

#include "core/clock.h"
#include "core/validate.h"
#include "ops/kiosk_data.h"
#include "ops/usb_bundle.h"
#include "sample_drafts.h"
#include "sync/signing.h"

// The kiosk of `dir` as enrolment leaves it for bundles: its code, its id and a signing
// key in private/; then `proposals` anonymous proposals filed. Returns the key's public half.
inline std::string ready_to_sign(const std::string& dir, aul::store::FilingStore& filing, int proposals) {
    REQUIRE(filing.set_kiosk_code("KZ24").ok());
    REQUIRE(filing.set_setting("kiosk_id", "0190f3a4-b5c6-7000-8000-000000000001").ok());
    auto key = aul::sync::SigningKey::generate();
    REQUIRE(key.ok());
    REQUIRE(key->save(aul::store::KioskPaths{dir}.signing_key()).ok());
    for (int i = 0; i < proposals; ++i) {
        auto draft = sample_proposal(i, false);
        REQUIRE(aul::core::clean_and_check(draft).empty());
        REQUIRE(filing.file_proposal(draft, kSampleFiledMs + i).ok());
    }
    return key->public_key();
}

// Answers each export request with `answer` (by default kiosk-sync's own,
// ops::answer_export_request), looking every 20 ms, until destroyed.
class KioskSyncStandIn {
public:
    using Answer = std::function<void(aul::store::FilingStore&)>;
    explicit KioskSyncStandIn(const std::string& dir, Answer answer = {}) {
        if (!answer)
            answer = [dir](aul::store::FilingStore& filing) {
                (void)aul::ops::answer_export_request(aul::store::KioskPaths{dir}, filing, aul::core::now_ms());
            };
        auto own = aul::ops::open_filing_connection(dir);
        REQUIRE(own.ok());
        thread_ = std::thread([this, filing = std::move(*own), answer]() mutable {
            while (!stop_) {
                answer(filing);
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
        });
    }
    ~KioskSyncStandIn() {
        stop_ = true;
        thread_.join();
    }
    KioskSyncStandIn(const KioskSyncStandIn&) = delete;
    KioskSyncStandIn& operator=(const KioskSyncStandIn&) = delete;

private:
    std::atomic<bool> stop_{false};
    std::thread thread_;
};
