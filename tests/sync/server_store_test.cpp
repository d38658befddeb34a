#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <set>

#include <nlohmann/json.hpp>
#include <sys/stat.h>
#include <unistd.h>

#include "core/files.h"

#include "core/tracking.h"
#include "sample_drafts.h"
#include "sealed_contact.h"
#include "core/uuid.h"
#include "store/db.h"
#include "sync/server/server_store.h"
#include "old_server_db.h"
#include "test_server.h"
#include "sync/signing.h"

using namespace aul;
using namespace aul::sync;

namespace {
// A server store in a folder of its own: on the backend under test, or on SQLite for the
// cases about upgrading an older server's SQLite file.
enum class On { tested_backend, sqlite_file };
struct Server {
    std::string dir = std::filesystem::temp_directory_path() / ("aul-server-" + core::new_uuid_v7());
    std::optional<ServerStore> s;
    explicit Server(On on = On::tested_backend) {
        auto opened = on == On::sqlite_file ? ServerStore::open(dir) : test::open_test_server(dir);
        REQUIRE_MESSAGE(opened.ok(), (opened.ok() ? "" : opened.error()));
        s.emplace(std::move(*opened));
    }
    ~Server() { std::filesystem::remove_all(dir); }
};

// A proposal as a kiosk sends it: its tracking code keyed with `key`, plain without.
ProposalItem item(const std::string& kiosk_code, int seq, const std::string& title,
                  const core::TrackingKey* key = nullptr) {
    ProposalItem p;
    p.id = core::new_uuid_v7();
    p.tracking_code = *core::make_tracking_code(kiosk_code, static_cast<std::uint64_t>(seq), key);
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

// Delivers proposals of these sequences as the enrolled kiosk `k` files them: keyed with
// the key its enrolment gave; plain below `plain_below` (filed before keyed codes).
void deliver(ServerStore& s, const EnrollResponse& k, const std::vector<int>& sequences, int plain_below = 0) {
    Kiosk kiosk = s.kiosk_for_token(k.token)->value();
    auto key = core::TrackingKey::from_hex(k.tracking_key);
    REQUIRE(key);
    SubmitRequest req;
    for (int seq : sequences)
        req.proposals.push_back(item(k.kiosk_code, seq, "Жол", seq < plain_below ? nullptr : &*key));
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
        for (int i = 0; i < 30; ++i) theirs.insert(1 + static_cast<int>(rng() % (core::kKeyedSequenceLimit - 1)));
        // Plain codes from before keyed ones, then keyed: the highest counts either way.
        deliver(*srv.s, ka, {mine.begin(), mine.end()}, static_cast<int>(rng() % 900000));
        deliver(*srv.s, kb, {theirs.begin(), theirs.end()});
        Board c;
        auto again = enrolled(*srv.s, c.ask(code_for(*srv.s, "KZ24"), ""));
        CHECK(again.highest_sequence == (mine.empty() ? 0 : *mine.rbegin()));
    }
}

TEST_CASE("a server database of version 2 keeps each kiosk's key, and revoked kiosks' keys stay refused") {
    Server srv(On::sqlite_file);
    Board a, b;
    auto ka = enrolled(*srv.s, a.ask(code_for(*srv.s), "KZ24"));
    auto kb = enrolled(*srv.s, b.ask(code_for(*srv.s), "KZ25"));
    REQUIRE(srv.s->revoke("KZ25").ok());
    srv.s.reset();
    test::make_version_4(srv.dir);
    {  // as version 2 left it
        auto db = store::Db::open(srv.dir + "/national.db");
        REQUIRE(db.ok());
        REQUIRE(db->exec("DROP TABLE tracking_secret; DROP TABLE lookup_counts; DROP INDEX status_changes_by_code; "
                         "ALTER TABLE kiosks DROP COLUMN issued_sequence; "
                         "DROP TABLE kiosk_keys; ALTER TABLE enrollment_codes DROP COLUMN for_kiosk; "
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

// ---- The server's keys ----

namespace {
// A named proposal from kiosk `k` with contact details sealed to the server's key.
std::string file_named(ServerStore& s, const EnrollResponse& k) {
    auto p = item(k.kiosk_code, 1, "Жол", nullptr);
    p.anonymous = false;
    p.contact_sealed = proposal_contact(s);
    auto res = s.submit(s.kiosk_for_token(k.token)->value(), {{p}, {}}, kSampleReceivedMs);
    REQUIRE(res.ok());
    REQUIRE(res->results[0].status == ItemStatus::accepted);
    return p.tracking_code;
}
std::string opened_error(const std::string& dir) {
    auto s = test::open_test_server(dir);
    return s.ok() ? std::string() : s.error();
}
}  // namespace

TEST_CASE("the server's keys live in server.keys (0600), never in the database; an instance needs the same file") {
    Server srv;
    auto k = enrolled(*srv.s, Board().ask(code_for(*srv.s), "KZ24"));
    std::string code = file_named(*srv.s, k);
    const std::string keys = srv.dir + "/server.keys";
    struct stat st {};
    REQUIRE(::stat(keys.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    auto text = core::read_whole_file(keys);
    REQUIRE(text.ok());
    auto secret = nlohmann::json::parse(*text)["contact_secret_key"].get<std::string>();
    // The database records the public key and a fingerprint: nothing that opens a contact.
    auto identity = srv.s->db().query("SELECT contact_public_key, tracking_fingerprint FROM server_identity");
    REQUIRE(identity.ok());
    REQUIRE(identity->size() == 1);
    CHECK((*identity)[0].text(0) == *srv.s->public_key());
    CHECK((*identity)[0].text(0).find(secret) == std::string::npos);
    CHECK((*identity)[0].text(1).find(secret) == std::string::npos);
    CHECK(srv.s->open_contact(code).ok());

    // Another instance of the same database: without the file, with another server's file,
    // or with a file others can read, it refuses to start and says what to do.
    REQUIRE(::rename(keys.c_str(), (keys + ".away").c_str()) == 0);
    CHECK(opened_error(srv.dir).find("copy server.keys") != std::string::npos);
    CHECK(::access(keys.c_str(), F_OK) != 0);  // no fresh keys made in its place
    Server other;
    REQUIRE(std::filesystem::copy_file(other.dir + "/server.keys", keys));
    CHECK(opened_error(srv.dir).find("does not hold the keys") != std::string::npos);
    REQUIRE(::rename((keys + ".away").c_str(), keys.c_str()) == 0);
    REQUIRE(::chmod(keys.c_str(), 0640) == 0);
    CHECK(opened_error(srv.dir).find("chmod 600") != std::string::npos);
    REQUIRE(::chmod(keys.c_str(), 0600) == 0);
    auto again = test::open_test_server(srv.dir);
    REQUIRE_MESSAGE(again.ok(), (again.ok() ? "" : again.error()));
    CHECK(again->open_contact(code).ok());
    CHECK(again->tracking_key_for("KZ24")->hex() == k.tracking_key);
}

TEST_CASE("a version-4 SQLite server's keys move to server.keys: sealed contacts still open, tracking keys unchanged") {
    Server srv(On::sqlite_file);
    auto k = enrolled(*srv.s, Board().ask(code_for(*srv.s), "KZ24"));
    std::string code = file_named(*srv.s, k);
    const std::string public_key = *srv.s->public_key();
    srv.s.reset();
    test::make_version_4(srv.dir);
    auto reopened = ServerStore::open(srv.dir);
    REQUIRE_MESSAGE(reopened.ok(), (reopened.ok() ? "" : reopened.error()));
    CHECK(*reopened->public_key() == public_key);
    CHECK(reopened->tracking_key_for("KZ24")->hex() == k.tracking_key);
    auto contact = reopened->open_contact(code);
    REQUIRE_MESSAGE(contact.ok(), (contact.ok() ? "" : contact.error()));
    CHECK(contact->find("Айгүл") != std::string::npos);
    CHECK(*reopened->db().scalar("SELECT count(*) FROM sqlite_master WHERE name IN ('keys', 'tracking_secret')") == 0);
    struct stat st {};
    REQUIRE(::stat((srv.dir + "/server.keys").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
}

// ---- Keyed tracking codes and lookups from any kiosk ----

TEST_CASE("each kiosk code has its own tracking key, the same at every enrolment") {
    Server srv;
    Board a, b, replacement;
    auto ka = enrolled(*srv.s, a.ask(code_for(*srv.s), "KZ24"));
    auto kb = enrolled(*srv.s, b.ask(code_for(*srv.s), "KZ25"));
    REQUIRE(core::TrackingKey::from_hex(ka.tracking_key));
    CHECK(ka.tracking_key != kb.tracking_key);
    auto again = enrolled(*srv.s, replacement.ask(code_for(*srv.s, "KZ24"), ""));
    CHECK(again.tracking_key == ka.tracking_key);  // codes issued before and after stay distinct
    Kiosk k = srv.s->kiosk_for_token(again.token)->value();
    auto identity = srv.s->identity(k);
    REQUIRE(identity.ok());
    CHECK(identity->kiosk_code == "KZ24");
    CHECK(identity->tracking_key == ka.tracking_key);
    // Another server (another secret) orders the same kiosk code otherwise.
    Server other;
    CHECK(other.s->tracking_key_for("KZ24")->hex() != ka.tracking_key);
}

namespace {
struct TwoKiosks {
    Server srv;
    Board a_board, b_board;
    EnrollResponse a = enrolled(*srv.s, a_board.ask(code_for(*srv.s), "KZ24"));
    EnrollResponse b = enrolled(*srv.s, b_board.ask(code_for(*srv.s), "KZ25"));
    Kiosk kiosk_a = srv.s->kiosk_for_token(a.token)->value();
    Kiosk kiosk_b = srv.s->kiosk_for_token(b.token)->value();
    core::TrackingKey key_a = *core::TrackingKey::from_hex(a.tracking_key);
    std::string code_a(int seq) const { return *core::make_tracking_code("KZ24", static_cast<std::uint64_t>(seq), &key_a); }
    TrackLookup look_up(const Kiosk& asking, const std::string& code, std::int64_t now = kSampleReceivedMs,
                        LookupLimits limits = {}) {
        auto reply = srv.s->look_up(asking, code, now, limits);
        REQUIRE_MESSAGE(reply.ok(), (reply.ok() ? "" : reply.error()));
        REQUIRE_MESSAGE(reply->answer, "refused by the rate limit");
        return *reply->answer;
    }
};
}  // namespace

TEST_CASE("a code filed at kiosk A is followed from kiosk B: state, history and answer, nothing else") {
    TwoKiosks t;
    deliver(*t.srv.s, t.a, {1, 2});
    REQUIRE(t.srv.s->set_status(t.code_a(1), "in_review", "", kSampleReceivedMs + 1000).ok());
    REQUIRE(t.srv.s->set_status(t.code_a(1), "accepted", "Жөндеу мамырда басталады.", kSampleReceivedMs + 2000).ok());
    auto seen = t.look_up(t.kiosk_b, t.code_a(1));
    CHECK(seen.found == LookupFound::yes);
    CHECK(seen.state == "accepted");
    CHECK(seen.answer == "Жөндеу мамырда басталады.");
    REQUIRE(seen.history.size() == 3);
    CHECK(seen.history[0].state == "delivered");
    CHECK(seen.history[2].state == "accepted");
    // What travels: progress only; never the text, the place, the contact or the kiosk.
    std::string wire = encode(seen);
    for (const char* never : {"Жол", "Шұңқыр", "KZ-19", "contact", "kiosk", t.kiosk_a.id.c_str(), "title"})
        CHECK_MESSAGE(wire.find(never) == std::string::npos, never << " in " << wire);
    auto back = decode_track_lookup(wire, t.code_a(1));
    REQUIRE(back.ok());
    CHECK(back->history.size() == 3);
}

TEST_CASE("a code not delivered yet reads as on its way; a code never issued as unknown") {
    TwoKiosks t;
    deliver(*t.srv.s, t.a, {1});
    Heartbeat hb;
    hb.highest_sequence = 3;  // filed 2 and 3 offline
    REQUIRE(t.srv.s->record_heartbeat(t.kiosk_a, hb, kSampleReceivedMs).ok());
    CHECK(t.look_up(t.kiosk_b, t.code_a(3)).found == LookupFound::not_arrived);
    CHECK(t.look_up(t.kiosk_b, t.code_a(2)).found == LookupFound::not_arrived);
    CHECK(t.look_up(t.kiosk_b, t.code_a(4)).found == LookupFound::unknown);
    CHECK(t.look_up(t.kiosk_b, *core::make_tracking_code("ZZZZ", 1)).found == LookupFound::unknown);
    CHECK(t.look_up(t.kiosk_b, "KZ24 nonsense").found == LookupFound::unknown);
    // An older heartbeat never lowers what the kiosk said it issued.
    hb.highest_sequence = 1;
    REQUIRE(t.srv.s->record_heartbeat(t.kiosk_a, hb, kSampleReceivedMs + 1).ok());
    CHECK(t.look_up(t.kiosk_b, t.code_a(3)).found == LookupFound::not_arrived);
    // Codes issued before keyed ones (plain) keep working.
    deliver(*t.srv.s, t.a, {5}, /*plain_below=*/6);
    CHECK(t.look_up(t.kiosk_b, *core::make_tracking_code("KZ24", 5)).found == LookupFound::yes);
}

TEST_CASE("guessing codes is refused past the kiosk's hourly limit; others and the next hour are not") {
    const unsigned seed = std::random_device{}();
    MESSAGE("seed " << seed);
    std::mt19937 rng(seed);
    TwoKiosks t;
    deliver(*t.srv.s, t.a, {1});
    LookupLimits limits;
    std::int64_t now = kSampleReceivedMs - kSampleReceivedMs % 3'600'000 + 60'000;  // a minute into an hour
    // Guesses: valid-looking codes of kiosk A, at random sequences.
    auto guess = [&] { return t.code_a(2 + static_cast<int>(rng() % 800'000'000)); };
    for (std::int64_t i = 0; i < limits.misses_per_hour; ++i) {
        auto r = t.srv.s->look_up(t.kiosk_b, guess(), now + i, limits);
        REQUIRE(r.ok());
        REQUIRE(r->answer);
        CHECK(r->answer->found == LookupFound::unknown);
    }
    auto refused = t.srv.s->look_up(t.kiosk_b, t.code_a(1), now + 100, limits);
    REQUIRE(refused.ok());
    CHECK_FALSE(refused->answer);  // even a right code, once the guesses are spent
    CHECK(refused->retry_after_s > 3000);
    CHECK(refused->retry_after_s <= 3600);
    // Counted per kiosk, in the database: kiosk A is not limited by B's guessing, and a
    // second connection to the same database (another server instance) sees B's count.
    CHECK(t.look_up(t.kiosk_a, t.code_a(1), now + 200).found == LookupFound::yes);
    {
        auto instance2 = test::open_test_server(t.srv.dir);
        REQUIRE(instance2.ok());
        CHECK_FALSE(instance2->look_up(t.kiosk_b, t.code_a(1), now + 300, limits)->answer);
    }
    CHECK(t.look_up(t.kiosk_b, t.code_a(1), now + 3'600'000).found == LookupFound::yes);  // the next hour
    // Found codes count too, against a higher limit: walking through real codes is bounded.
    LookupLimits few{3, 100};
    std::int64_t later = now + 10 * 3'600'000;
    for (int i = 0; i < 3; ++i) CHECK(t.look_up(t.kiosk_b, t.code_a(1), later + i, few).found == LookupFound::yes);
    CHECK_FALSE(t.srv.s->look_up(t.kiosk_b, t.code_a(1), later + 10, few)->answer);
}

TEST_CASE("tracking answers are checked by the kiosk: the code asked, known states, bounded and clean") {
    TrackLookup ok{"KZ24ABCDEFG", LookupFound::yes, "accepted", "Жауап", {{"delivered", 1}, {"accepted", 2}}};
    std::string code = ok.tracking_code;
    CHECK(decode_track_lookup(encode(ok), code).ok());
    CHECK_FALSE(decode_track_lookup(encode(ok), "KZ24ABCDEFH").ok());  // an answer for another code
    auto bad_state = ok;
    bad_state.state = "hacked";
    CHECK_FALSE(decode_track_lookup(encode(bad_state), code).ok());
    auto bad_history = ok;
    bad_history.history.push_back({"launched", 3});
    CHECK_FALSE(decode_track_lookup(encode(bad_history), code).ok());
    auto long_answer = ok;
    long_answer.answer = std::string(core::kMaxAnswerBytes + 1, 'a');
    CHECK_FALSE(decode_track_lookup(encode(long_answer), code).ok());
    auto many = ok;
    many.history.assign(core::kMaxHistoryEntries + 1, {"in_review", 5});
    CHECK_FALSE(decode_track_lookup(encode(many), code).ok());
    auto controls = ok;
    controls.answer = "Жауап\x1b[31m\x07 берілді";
    auto cleaned = decode_track_lookup(encode(controls), code);
    REQUIRE(cleaned.ok());
    CHECK(cleaned->answer.find('\x1b') == std::string::npos);
    CHECK(cleaned->answer.find('\x07') == std::string::npos);
    CHECK_FALSE(decode_track_lookup("{\"tracking_code\": \"KZ24ABCDEFG\", \"found\": \"maybe\"}", code).ok());
    CHECK_FALSE(decode_track_lookup("<html>portal</html>", code).ok());
}
