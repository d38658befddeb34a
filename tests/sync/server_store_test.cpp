#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "core/tracking.h"
#include "sample_drafts.h"
#include "sealed_contact.h"
#include "core/uuid.h"
#include "sync/server/server_store.h"

using namespace aul;
using namespace aul::sync;

namespace {
struct Server {
    std::string dir = std::filesystem::temp_directory_path() / ("aul-server-" + core::new_uuid_v7());
    std::optional<ServerStore> s;
    Server() {
        auto opened = ServerStore::open(dir);
        REQUIRE_MESSAGE(opened.ok(), (opened.ok() ? "" : opened.error()));
        s.emplace(std::move(*opened));
    }
    ~Server() { std::filesystem::remove_all(dir); }
};

ProposalItem item(const std::string& kiosk_code, int seq, const std::string& title) {
    ProposalItem p;
    p.id = core::new_uuid_v7();
    p.tracking_code = *core::make_tracking_code(kiosk_code, static_cast<std::uint64_t>(seq));
    p.category = "roads";
    p.region = "KZ-19";
    p.title = title;
    p.description = "Шұңқыр";
    p.lang = "kk";
    p.created_ms = kSampleFiledMs;
    return p;
}
}  // namespace

TEST_CASE("enrolment spends a code once and gives each kiosk its own code and token") {
    Server srv;
    auto code = srv.s->new_enrollment_code();
    REQUIRE(code.ok());
    auto a = srv.s->enroll({*code, "KZ-19", "", "Талғар", "", ""});
    REQUIRE(a.ok());
    CHECK(a->kiosk_code.size() == 4);
    CHECK_FALSE(srv.s->enroll({*code, "", "", "", "", ""}).ok());
    CHECK_FALSE(srv.s->enroll({"NOPE", "", "", "", "", ""}).ok());
    auto b = srv.s->enroll({*srv.s->new_enrollment_code(), "", "", "", "", ""});
    REQUIRE(b.ok());
    CHECK(a->kiosk_code != b->kiosk_code);
    CHECK(srv.s->kiosk_for_token(a->token)->value().code == a->kiosk_code);
    CHECK_FALSE(srv.s->kiosk_for_token("forged")->has_value());
    auto kept = srv.s->enroll({*srv.s->new_enrollment_code(), "", "", "", "KZ24", ""});
    CHECK(kept->kiosk_code == "KZ24");  // the installation's code, still free
    auto clash = srv.s->enroll({*srv.s->new_enrollment_code(), "", "", "", "KZ24", ""});
    CHECK(clash->kiosk_code != "KZ24");
    REQUIRE(srv.s->revoke(a->kiosk_code).ok());
    CHECK(srv.s->kiosk_for_token(a->token)->value().revoked);
}

TEST_CASE("items are stored once: duplicate, conflict and rejection per item") {
    Server srv;
    auto k = srv.s->enroll({*srv.s->new_enrollment_code(), "", "", "", "", ""});
    Kiosk kiosk = srv.s->kiosk_for_token(k->token)->value();
    auto first = item(k->kiosk_code, 1, "Жол");
    auto bad = item(k->kiosk_code, 2, "   ");
    auto foreign = item("ZZZZ", 3, "Бөтен");
    auto res = srv.s->submit(kiosk, {{first, bad, foreign}, {}}, kSampleReceivedMs);
    REQUIRE(res.ok());
    CHECK(res->results[0].status == ItemStatus::accepted);
    CHECK(res->results[1].status == ItemStatus::rejected);
    CHECK(res->results[1].reason == "error.title.empty");
    CHECK(res->results[2].status == ItemStatus::rejected);
    auto again = srv.s->submit(kiosk, {{first}, {}}, kSampleReceivedMs);
    CHECK(again->results[0].status == ItemStatus::duplicate);
    auto changed = first;
    changed.title = "Басқа";
    CHECK(srv.s->submit(kiosk, {{changed}, {}}, kSampleReceivedMs)->results[0].status == ItemStatus::conflict);
    auto listing = srv.s->proposals_json();
    REQUIRE(listing.ok());
    CHECK(std::count(listing->begin(), listing->end(), '\n') == 1);

    auto st = srv.s->status_since(kiosk, 0);
    REQUIRE(st->changes.size() == 1);
    CHECK(st->changes[0].state == "delivered");
    REQUIRE(srv.s->set_status(first.tracking_code, "in_review", "Қаралуда", 20).ok());
    auto next = srv.s->status_since(kiosk, st->cursor);
    REQUIRE(next->changes.size() == 1);
    CHECK(next->changes[0].answer == "Қаралуда");
    CHECK_FALSE(srv.s->set_status(first.tracking_code, "lost", "", 21).ok());
    CHECK_FALSE(srv.s->set_status("KZ24222224F", "accepted", "", 21).ok());
}

TEST_CASE("volunteer sign-ups are deduplicated the same way") {
    Server srv;
    auto k = srv.s->enroll({*srv.s->new_enrollment_code(), "", "", "", "", ""});
    Kiosk kiosk = srv.s->kiosk_for_token(k->token)->value();
    SignupItem s{core::new_uuid_v7(), "opp-000001", "ngo-000001", "ru", signup_contact(*srv.s), kSampleFiledMs};
    SignupItem unsealed{core::new_uuid_v7(), "", "ngo-000001", "ru", "", kSampleFiledMs};
    auto res = srv.s->submit(kiosk, {{}, {s, unsealed}}, kSampleReceivedMs);
    REQUIRE(res.ok());
    CHECK(res->results[0].status == ItemStatus::accepted);
    CHECK(res->results[1].status == ItemStatus::rejected);
    CHECK(srv.s->submit(kiosk, {{}, {s}}, kSampleReceivedMs)->results[0].status == ItemStatus::duplicate);
    CHECK(*srv.s->signup_count() == 1);
}
