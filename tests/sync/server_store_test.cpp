#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <set>

#include "core/tracking.h"
#include "sample_drafts.h"
#include "sealed_contact.h"
#include "core/uuid.h"
#include "store/db.h"
#include "sync/server/server_store.h"
#include "sync/signing.h"

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
    // Another code would break the codes it printed: the same code is a re-enrolment,
    // which takes a code the operators made for it. Nothing is spent.
    std::string spare = *srv.s->new_enrollment_code();
    auto clash = srv.s->enroll({spare, "", "", "", "KZ24", ""});
    REQUIRE_FALSE(clash.ok());
    CHECK(clash.error().find("enrollment-code --for KZ24") != std::string::npos);
    CHECK(srv.s->enroll({spare, "", "", "", "KZ25", ""})->kiosk_code == "KZ25");
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

// ---- Re-enrolment, retries after a lost reply, previous keys ----

namespace {
// A kiosk's side of an enrolment: its signing key and the request it makes, with the proof.
struct Board {
    SigningKey key = std::move(*SigningKey::generate());
    EnrollRequest ask(const std::string& code, const std::string& kiosk_code) const {
        EnrollRequest r{code, "KZ-19", "", "Талғар", kiosk_code, key.public_key()};
        r.proof = key.sign(enrollment_proof(code, r.signing_key));
        return r;
    }
};

std::string code_for(ServerStore& s, const std::string& kiosk_code = "") {
    auto c = s.new_enrollment_code(kiosk_code);
    REQUIRE_MESSAGE(c.ok(), (c.ok() ? "" : c.error()));
    return *c;
}

EnrollResponse enrolled(ServerStore& s, const EnrollRequest& r) {
    auto out = s.enroll(r);
    REQUIRE_MESSAGE(out.ok(), (out.ok() ? "" : out.error()));
    return *out;
}

void deliver(ServerStore& s, const EnrollResponse& k, const std::vector<int>& sequences) {
    Kiosk kiosk = s.kiosk_for_token(k.token)->value();
    SubmitRequest req;
    for (int seq : sequences) req.proposals.push_back(item(k.kiosk_code, seq, "Жол"));
    auto res = s.submit(kiosk, req, kSampleReceivedMs);
    REQUIRE(res.ok());
    for (const auto& r : res->results) REQUIRE(r.status == ItemStatus::accepted);
}

bool token_works(ServerStore& s, const std::string& token) {
    auto k = s.kiosk_for_token(token);
    return k.ok() && k->has_value() && !(*k)->revoked;
}
}  // namespace

TEST_CASE("a code made for a kiosk re-enrols it: same id and code, the old token ends, old keys still sign") {
    // The same kiosk presenting its code (a token lost) or none (its database set aside).
    for (std::string presented : {"KZ24", ""}) {
        CAPTURE(presented);
        Server srv;
        Board old_board, new_board;
        auto first = enrolled(*srv.s, old_board.ask(code_for(*srv.s), "KZ24"));
        CHECK(first.highest_sequence == 0);
        CHECK_FALSE(first.reenrolled);
        deliver(*srv.s, first, {1, 2, 3});

        CHECK_FALSE(srv.s->new_enrollment_code("ZZZZ").ok());  // no such kiosk
        std::string code = code_for(*srv.s, "KZ24");
        auto other = srv.s->enroll(new_board.ask(code, "KZ25"));
        REQUIRE_FALSE(other.ok());
        CHECK_MESSAGE(other.error().find("for kiosk KZ24") != std::string::npos, other.error());
        CHECK(other.error().find("not spent") != std::string::npos);
        auto forged = new_board.ask(code, presented);
        forged.proof = old_board.key.sign(enrollment_proof(code, forged.signing_key));
        CHECK_FALSE(srv.s->enroll(forged).ok());
        CHECK(token_works(*srv.s, first.token));  // refusals changed nothing

        auto again = enrolled(*srv.s, new_board.ask(code, presented));
        CHECK(again.kiosk_id == first.kiosk_id);
        CHECK(again.kiosk_code == "KZ24");
        CHECK(again.highest_sequence == 3);
        CHECK(again.reenrolled);
        CHECK_FALSE(token_works(*srv.s, first.token));
        CHECK(token_works(*srv.s, again.token));
        auto keys = srv.s->signing_keys(first.kiosk_id);
        REQUIRE(keys.ok());
        CHECK(*keys == std::vector<std::string>{new_board.key.public_key(), old_board.key.public_key()});
        auto kiosks = srv.s->kiosks_json();
        CHECK(std::count(kiosks->begin(), kiosks->end(), '\n') == 1);  // no orphan kiosk
        // Its status changes stay its own: it is the same kiosk.
        Kiosk k = srv.s->kiosk_for_token(again.token)->value();
        CHECK(srv.s->status_since(k, 0)->changes.size() == 3);
        deliver(*srv.s, again, {4});
    }
}

TEST_CASE("asking again after a lost reply answers the same kiosk; the code is good for nobody else") {
    Server srv;
    Board board, stranger;
    for (std::string for_kiosk : {"", "KZ24"}) {
        CAPTURE(for_kiosk);
        std::string code = code_for(*srv.s, for_kiosk);
        auto request = board.ask(code, "KZ24");
        auto first = enrolled(*srv.s, request);
        auto retry = enrolled(*srv.s, request);
        CHECK(retry.kiosk_id == first.kiosk_id);
        CHECK(retry.kiosk_code == "KZ24");
        CHECK(retry.public_key == first.public_key);
        CHECK(retry.reenrolled == first.reenrolled);
        CHECK(retry.highest_sequence == first.highest_sequence);
        // The server keeps only hashes: the retry gets a fresh token, the unseen one ends.
        CHECK(retry.token != first.token);
        CHECK_FALSE(token_works(*srv.s, first.token));
        CHECK(token_works(*srv.s, retry.token));
        if (for_kiosk.empty()) deliver(*srv.s, retry, {1, 2});

        auto other = srv.s->enroll(stranger.ask(code, ""));
        REQUIRE_FALSE(other.ok());
        CHECK(other.error().find("used already") != std::string::npos);
        // The kiosk's public key is no secret; without its secret half the proof fails.
        auto copied = request;
        copied.proof = "";
        CHECK_FALSE(srv.s->enroll(copied).ok());
        copied.proof = stranger.key.sign(enrollment_proof(code, request.signing_key));
        CHECK_FALSE(srv.s->enroll(copied).ok());
        CHECK(token_works(*srv.s, retry.token));
        auto kiosks = srv.s->kiosks_json();
        CHECK(std::count(kiosks->begin(), kiosks->end(), '\n') == 1);
    }
    SUBCASE("an enrolment without a proof cannot be asked again") {
        std::string code = code_for(*srv.s);
        EnrollRequest bare{code, "", "", "", "", board.key.public_key()};
        REQUIRE(srv.s->enroll(bare).ok());
        CHECK_FALSE(srv.s->enroll(bare).ok());
    }
    SUBCASE("a code spent before the kiosk enrolled again, or was revoked, answers no more") {
        std::string old_code = code_for(*srv.s, "KZ24");
        auto old_request = board.ask(old_code, "KZ24");
        REQUIRE(srv.s->enroll(old_request).ok());
        Board next;
        REQUIRE(srv.s->enroll(next.ask(code_for(*srv.s, "KZ24"), "KZ24")).ok());
        auto stale = srv.s->enroll(old_request);
        REQUIRE_FALSE(stale.ok());
        CHECK(stale.error().find("enrolled again since") != std::string::npos);
        std::string last = code_for(*srv.s, "KZ24");
        Board latest;
        auto request = latest.ask(last, "KZ24");
        REQUIRE(srv.s->enroll(request).ok());
        REQUIRE(srv.s->revoke("KZ24").ok());
        auto after = srv.s->enroll(request);
        REQUIRE_FALSE(after.ok());
        CHECK(after.error().find("revoked") != std::string::npos);
    }
}

TEST_CASE("revocation ends the token and every key; the operators' code re-enrols with a new key only") {
    Server srv;
    Board board, replacement;
    auto first = enrolled(*srv.s, board.ask(code_for(*srv.s), "KZ24"));
    REQUIRE(srv.s->revoke("KZ24").ok());
    CHECK_FALSE(token_works(*srv.s, first.token));
    CHECK(srv.s->signing_keys(first.kiosk_id)->empty());
    auto back = enrolled(*srv.s, replacement.ask(code_for(*srv.s, "KZ24"), ""));
    CHECK(back.kiosk_id == first.kiosk_id);
    CHECK(token_works(*srv.s, back.token));
    CHECK_FALSE(token_works(*srv.s, first.token));
    CHECK(*srv.s->signing_keys(first.kiosk_id) == std::vector<std::string>{replacement.key.public_key()});
    // The operators may trust a key again by registering it.
    REQUIRE(srv.s->set_signing_key("KZ24", board.key.public_key()).ok());
    CHECK(*srv.s->signing_keys(first.kiosk_id) ==
          std::vector<std::string>{board.key.public_key(), replacement.key.public_key()});
}

TEST_CASE("the highest sequence told at re-enrolment is the kiosk code's own, whatever was delivered") {
    const unsigned seed = 20240611;
    MESSAGE("seed " << seed);
    std::mt19937 rng(seed);
    for (int round = 0; round < 20; ++round) {
        CAPTURE(round);
        Server srv;
        Board a, b;
        auto ka = enrolled(*srv.s, a.ask(code_for(*srv.s), "KZ24"));
        auto kb = enrolled(*srv.s, b.ask(code_for(*srv.s), "KZ25"));
        std::set<int> mine, theirs;
        int n = static_cast<int>(rng() % 30);
        for (int i = 0; i < n; ++i) mine.insert(1 + static_cast<int>(rng() % 900000));
        for (int i = 0; i < 30; ++i) theirs.insert(1 + static_cast<int>(rng() % 887503680u));
        deliver(*srv.s, ka, {mine.begin(), mine.end()});
        deliver(*srv.s, kb, {theirs.begin(), theirs.end()});
        Board c;
        auto again = enrolled(*srv.s, c.ask(code_for(*srv.s, "KZ24"), ""));
        CHECK(again.highest_sequence == (mine.empty() ? 0 : *mine.rbegin()));
    }
}

TEST_CASE("a server database of version 2 keeps each kiosk's key, and revoked kiosks' keys stay refused") {
    Server srv;
    Board a, b;
    auto ka = enrolled(*srv.s, a.ask(code_for(*srv.s), "KZ24"));
    auto kb = enrolled(*srv.s, b.ask(code_for(*srv.s), "KZ25"));
    REQUIRE(srv.s->revoke("KZ25").ok());
    srv.s.reset();
    {  // as version 2 left it
        auto db = store::Db::open(srv.dir + "/national.db");
        REQUIRE(db.ok());
        REQUIRE(db->exec("DROP TABLE kiosk_keys; ALTER TABLE enrollment_codes DROP COLUMN for_kiosk; "
                         "ALTER TABLE enrollment_codes DROP COLUMN spent_key; "
                         "ALTER TABLE enrollment_codes DROP COLUMN used_ms; PRAGMA user_version=2")
                    .ok());
    }
    auto reopened = ServerStore::open(srv.dir);
    REQUIRE_MESSAGE(reopened.ok(), (reopened.ok() ? "" : reopened.error()));
    srv.s.emplace(std::move(*reopened));
    CHECK(*srv.s->signing_keys(ka.kiosk_id) == std::vector<std::string>{a.key.public_key()});
    CHECK(srv.s->signing_keys(kb.kiosk_id)->empty());
    CHECK(token_works(*srv.s, ka.token));
    auto again = enrolled(*srv.s, Board().ask(code_for(*srv.s, "KZ24"), "KZ24"));
    CHECK(again.kiosk_id == ka.kiosk_id);
}
