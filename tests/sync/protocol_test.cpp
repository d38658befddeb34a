#include <doctest/doctest.h>

#include "sync/protocol.h"

using namespace aul::sync;

TEST_CASE("messages survive a round trip through JSON") {
    SubmitRequest req;
    ProposalItem p;
    p.id = "0190f3a4-b5c6-7fff-bfff-ffffffffffff";
    p.tracking_code = "KZ24222223X";
    p.category = "water";
    p.region = "KZ-19";
    p.title = "Су жоқ";
    p.description = "Үш апта";
    p.lang = "kk";
    p.created_ms = 1700000000000;
    req.proposals.push_back(p);
    auto back = decode_submit_request(encode(req));
    REQUIRE_MESSAGE(back.ok(), (back.ok() ? "" : back.error()));
    CHECK(back->proposals[0].title == "Су жоқ");
    CHECK(back->proposals[0].created_ms == 1700000000000);
    CHECK(back->proposals[0].anonymous);

    SubmitResponse res{{{"a", ItemStatus::duplicate, ""}, {"b", ItemStatus::rejected, "title is empty"}}};
    auto r = decode_submit_response(encode(res));
    REQUIRE(r.ok());
    CHECK(r->results[1].status == ItemStatus::rejected);
    CHECK(r->results[1].reason == "title is empty");

    StatusResponse st{{{"KZ24222223X", "in_review", "", 5, 7}}, 7};
    auto s = decode_status_response(encode(st));
    REQUIRE(s.ok());
    CHECK(s->cursor == 7);
    CHECK(s->changes[0].state == "in_review");
}

TEST_CASE("untrusted JSON is refused with the field named, never a crash") {
    CHECK(decode_submit_response("<html>captive portal</html>").error().find("not JSON") != std::string::npos);
    CHECK_FALSE(decode_submit_response("[]").ok());
    CHECK(decode_submit_response(R"({"results": [{"id": 5}]})").error().find("results[0]") != std::string::npos);
    CHECK(decode_submit_response(R"({"results": [{"id": "a", "status": "maybe"}]})").error().find("maybe") !=
          std::string::npos);
    CHECK(decode_status_response(R"({"changes": [{"tracking_code": "X", "state": "lost", "at_ms": 1, "seq": 1}], "cursor": 1})")
              .error()
              .find("lost") != std::string::npos);
    CHECK_FALSE(decode_enroll_response(R"({"kiosk_id": "k"})").ok());
    CHECK_FALSE(decode_submit_request("{\"proposals\": [{\"id\": \"\xFF\"}]}").ok());
    std::string huge = R"({"proposals": [)";
    for (std::size_t i = 0; i <= kMaxBatchItems; ++i) huge += std::string(i ? "," : "") + "{}";
    huge += "]}";
    CHECK(decode_submit_request(huge).error().find("more than") != std::string::npos);
    CHECK(decode_error(encode_error("token revoked", false)).value() == "token revoked");
}

TEST_CASE("an enrolment answer carries the highest sequence and whether the kiosk was enrolled before") {
    EnrollResponse r{"id", "KZ24", "token", "key", 1006, true};
    auto back = decode_enroll_response(encode(r));
    REQUIRE(back.ok());
    CHECK(back->highest_sequence == 1006);
    CHECK(back->reenrolled);
    // From a server older than re-enrolment: nothing known, no gap asked for.
    auto old = decode_enroll_response(R"({"kiosk_id":"k","kiosk_code":"KZ24","token":"t","public_key":"p"})");
    REQUIRE(old.ok());
    CHECK(old->highest_sequence == 0);
    CHECK_FALSE(old->reenrolled);
    auto negative = decode_enroll_response(
        R"({"kiosk_id":"k","kiosk_code":"KZ24","token":"t","public_key":"p","highest_sequence":-1})");
    REQUIRE_FALSE(negative.ok());
    CHECK(negative.error().find("highest_sequence") != std::string::npos);
    auto req = decode_enroll_request(R"({"enrollment_code":"C","proof":"AAAA"})");
    REQUIRE_FALSE(req.ok());
    CHECK(req.error().find("proof") != std::string::npos);
}
