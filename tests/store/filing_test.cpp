#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sodium.h>

#include "store/kiosk_state.h"

#include <algorithm>
#include <cstdio>
#include <vector>
#include <random>
#include <sstream>

#include "common.h"
#include "damage_db.h"
#include "core/text.h"
#include "core/tracking.h"
#include "core/uuid.h"
#include "store/catalog_store.h"
#include "store/filing_store.h"
#include "store/track_lookups.h"

using namespace aul;

namespace {
store::FilingStore open_filing(const std::string& path) {
    auto db = store::open_kiosk_db(path);
    REQUIRE_MESSAGE(db.ok(), (db.ok() ? "" : db.error()));
    auto fs = store::FilingStore::open(std::move(*db));
    REQUIRE(fs.ok());
    return std::move(*fs);
}

core::ProposalDraft draft(const std::string& title) {
    core::ProposalDraft d;
    d.category = "water";
    d.region = "KZ-19";
    d.settlement = "Талғар";
    d.title = title;
    d.description = "Ауылда таза су жоқ.";
    REQUIRE(core::clean_and_check(d).empty());
    return d;
}
}  // namespace

TEST_CASE("filing needs a kiosk code, which is set once for life") {
    TempDir dir;
    auto fs = open_filing(dir.file("kiosk.db"));
    auto no_code = fs.file_proposal(draft("Су"), 1);
    REQUIRE_FALSE(no_code.ok());
    CHECK(no_code.error().find("kiosk code") != std::string::npos);
    CHECK_FALSE(fs.set_kiosk_code("K0QM").ok());  // 0 is not in the alphabet
    CHECK(fs.set_kiosk_code("K7QM").ok());
    CHECK(fs.set_kiosk_code("K7QM").ok());
    CHECK_FALSE(fs.set_kiosk_code("A7QM").ok());
    CHECK(*fs.kiosk_code() == "K7QM");
}

TEST_CASE("a filed proposal gets sequential valid codes and a queued history") {
    TempDir dir;
    auto fs = open_filing(dir.file("kiosk.db"));
    REQUIRE(fs.set_kiosk_code("K7QM").ok());
    auto a = fs.file_proposal(draft("Бірінші"), 1000);
    auto b = fs.file_proposal(draft("Екінші"), 2000);
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    CHECK(a->tracking_code == *core::make_tracking_code("K7QM", 1));
    CHECK(b->tracking_code == *core::make_tracking_code("K7QM", 2));
    CHECK(core::check_tracking_code(a->tracking_code) == core::TrackingCheck::ok);
    CHECK(a->id != b->id);
    auto found = fs.find(b->tracking_code);
    REQUIRE(found.ok());
    REQUIRE(found->has_value());
    CHECK((*found)->title == "Екінші");
    CHECK((*found)->state == "queued");
    REQUIRE((*found)->history.size() == 1);
    CHECK((*found)->history[0].at_ms == 2000);
    CHECK_FALSE(fs.find("K7QM222222X")->has_value());
    CHECK(*fs.unsent_count() == 2);
    CHECK(*fs.db().scalar_int("PRAGMA synchronous") == 2);  // FULL
}

TEST_CASE("contact details are sealed to the national key; the kiosk keeps only ciphertext") {
    TempDir dir;
    auto fs = open_filing(dir.file("kiosk.db"));
    REQUIRE(fs.set_kiosk_code("K7QM").ok());
    auto named = draft("Жол");
    named.anonymous = false;
    named.name = "Айгүл";
    named.phone = "+77011234567";
    named.consent = true;
    CHECK_FALSE(fs.can_seal_contacts());
    auto refused = fs.file_proposal(named, 1);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().find("enrolled") != std::string::npos);
    CHECK(*fs.db().scalar_int("SELECT count(*) FROM proposals") == 0);

    REQUIRE(sodium_init() >= 0);
    unsigned char pk[crypto_box_PUBLICKEYBYTES], sk[crypto_box_SECRETKEYBYTES];
    crypto_box_keypair(pk, sk);
    char b64[64];
    sodium_bin2base64(b64, sizeof b64, pk, sizeof pk, sodium_base64_VARIANT_ORIGINAL);
    CHECK_FALSE(fs.set_national_key("not a key").ok());
    REQUIRE(fs.set_national_key(b64).ok());
    REQUIRE(fs.file_proposal(named, 1).ok());
    REQUIRE(fs.file_proposal(draft("Жол 2"), 2).ok());
    CHECK(*fs.db().scalar_int("SELECT count(*) FROM proposals WHERE anonymous = 1 AND contact IS NULL") == 1);

    auto st = fs.db().prepare("SELECT contact FROM proposals WHERE anonymous = 0");
    REQUIRE(st->step().value());
    std::string sealed = st->text(0);
    CHECK(sealed.find("Айгүл") == std::string::npos);
    std::vector<unsigned char> box(sealed.size());
    size_t len = 0;
    REQUIRE(sodium_base642bin(box.data(), box.size(), sealed.c_str(), sealed.size(), nullptr, &len, nullptr,
                              sodium_base64_VARIANT_ORIGINAL) == 0);
    std::vector<unsigned char> plain(len - crypto_box_SEALBYTES);
    REQUIRE(crypto_box_seal_open(plain.data(), box.data(), len, pk, sk) == 0);  // only the secret key opens it
    std::string opened(plain.begin(), plain.end());
    CHECK(opened.find("Айгүл") != std::string::npos);
    CHECK(opened.find("+77011234567") != std::string::npos);
}

// A child process files proposals in a loop and reports each one the moment its commit
// returns, as the receipt screen would show it; it is killed with SIGKILL at a random
// moment. Every reported proposal must be present and intact afterwards.
TEST_CASE("receipt-confirmed proposals survive SIGKILL at random moments") {
    TempDir dir;
    std::string path = dir.file("kiosk.db");
    {
        auto fs = open_filing(path);
        REQUIRE(fs.set_kiosk_code("K7QM").ok());
    }
    std::mt19937 rng(2024);
    std::vector<std::pair<std::string, std::string>> confirmed;  // code, title
    int counter = 0;
    for (int round = 0; round < 25; ++round) {
        int pipefd[2];
        REQUIRE(pipe(pipefd) == 0);
        int first = counter;
        pid_t child = fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            close(pipefd[0]);
            auto db = store::open_kiosk_db(path);
            if (!db) _exit(3);
            auto fs = store::FilingStore::open(std::move(*db));
            for (int i = first;; ++i) {
                core::ProposalDraft d;
                d.category = "roads";
                d.region = "KZ-19";
                d.title = "Proposal " + std::to_string(i);
                d.description = std::string(200 + i % 50, 'x');
                auto filed = fs->file_proposal(d, i);
                if (!filed) _exit(4);
                std::string line = filed->tracking_code + " " + d.title + "\n";
                if (write(pipefd[1], line.data(), line.size()) < 0) _exit(5);
            }
        }
        close(pipefd[1]);
        // The random moment counts from the child's first receipt, not from the fork: opening
        // the database takes well under a millisecond here but tens of them on a slow board
        // or under an emulator, where a kill counted from the fork finds nothing confirmed.
        std::string got;
        char buf[4096];
        ssize_t n;
        while (got.find('\n') == std::string::npos && (n = read(pipefd[0], buf, sizeof buf)) > 0)
            got.append(buf, static_cast<std::size_t>(n));
        usleep(static_cast<useconds_t>(std::uniform_int_distribution<int>(2000, 40000)(rng)));
        kill(child, SIGKILL);
        int status = 0;
        waitpid(child, &status, 0);
        CHECK(WIFSIGNALED(status));
        while ((n = read(pipefd[0], buf, sizeof buf)) > 0) got.append(buf, static_cast<std::size_t>(n));
        close(pipefd[0]);
        std::istringstream lines(got);
        std::string line;
        while (std::getline(lines, line)) {  // a line cut by the kill has no newline: not confirmed
            if (!lines.eof() || got.back() == '\n') {
                auto space = line.find(' ');
                confirmed.emplace_back(line.substr(0, space), line.substr(space + 1));
                ++counter;
            }
        }
    }
    auto fs = open_filing(path);
    CHECK(confirmed.size() > 50);
    auto check = fs.db().prepare("PRAGMA integrity_check");
    REQUIRE(check->step().value());
    CHECK(check->text(0) == "ok");
    for (const auto& [code, title] : confirmed) {
        auto found = fs.find(code);
        REQUIRE(found.ok());
        REQUIRE_MESSAGE(found->has_value(), code << " was confirmed but is missing");
        CHECK((*found)->title == title);
        CHECK((*found)->history.size() == 1);
    }
    MESSAGE(confirmed.size() << " confirmed proposals over 25 kills, all present");
}

TEST_CASE("a volunteer sign-up is saved whole") {
    TempDir dir;
    auto fs = open_filing(dir.file("kiosk.db"));
    unsigned char pk[crypto_box_PUBLICKEYBYTES], sk[crypto_box_SECRETKEYBYTES];
    REQUIRE(sodium_init() >= 0);
    crypto_box_keypair(pk, sk);
    char b64[64];
    sodium_bin2base64(b64, sizeof b64, pk, sizeof pk, sodium_base64_VARIANT_ORIGINAL);
    REQUIRE(fs.set_national_key(b64).ok());
    core::SignupDraft s;
    s.opportunity = "opp-1";
    s.ngo = "ngo-1";
    s.name = "Данияр";
    s.phone = "+77011234567";
    s.consent = true;
    auto id = fs.file_signup(s, 42);
    REQUIRE(id.ok());
    CHECK(core::is_uuid(*id));
    CHECK(*fs.db().scalar_int("SELECT count(*) FROM volunteer_signups WHERE created_ms = 42 AND sent_ms IS NULL") == 1);
}

TEST_CASE("a full disk refuses the proposal whole, with a message that says so") {
    TempDir dir;
    auto fs = open_filing(dir.file("kiosk.db"));
    REQUIRE(fs.set_kiosk_code("K7QM").ok());
    // SQLite's page limit stands in for a full card: past it every write fails with SQLITE_FULL.
    auto pages = fs.db().scalar_int("PRAGMA page_count");
    REQUIRE(fs.db().exec("PRAGMA max_page_count = " + std::to_string(*pages + 3)).ok());
    auto big = draft("Үлкен");
    big.description = std::string(1900, 'x');
    int saved = 0;
    std::string error;
    for (int i = 0; i < 100; ++i) {
        auto r = fs.file_proposal(big, i);
        if (!r) {
            error = r.error();
            break;
        }
        ++saved;
    }
    REQUIRE_FALSE(error.empty());
    CHECK(error.find("disk is full") != std::string::npos);
    CHECK(*fs.db().scalar_int("SELECT count(*) FROM proposals") == saved);
    CHECK(*fs.db().scalar_int("SELECT count(*) FROM proposal_history") == saved);  // nothing half-written
}

TEST_CASE("sync outcomes: delivered items leave the outbox, refused ones wait in quarantine with the reason") {
    TempDir dir;
    auto fs = open_filing(dir.file("kiosk.db"));
    REQUIRE(fs.set_kiosk_code("K7QM").ok());
    auto a = fs.file_proposal(draft("Бір"), 1);
    auto b = fs.file_proposal(draft("Екі"), 2);
    auto c = fs.file_proposal(draft("Үш"), 3);
    REQUIRE(fs.outgoing(50)->size() == 3);
    using O = store::FilingStore::Outcome;
    REQUIRE(fs.apply_outcomes({{a->id, O::delivered, ""}, {b->id, O::quarantined, "error.title.empty"}}, 10).ok());
    auto left = fs.outgoing(50);
    REQUIRE(left->size() == 1);
    CHECK(left->front().id == c->id);  // the refused one never blocks the rest
    CHECK(*fs.unsent_count() == 1);
    CHECK(*fs.quarantined_count() == 1);
    auto delivered = fs.find(a->tracking_code);
    CHECK((*delivered)->state == "delivered");
    CHECK((*delivered)->history.size() == 2);
    // Applying the same acknowledgement again changes nothing.
    REQUIRE(fs.apply_outcomes({{a->id, O::delivered, ""}}, 11).ok());
    CHECK((*fs.find(a->tracking_code))->history.size() == 2);
    // Status changes move with their cursor.
    REQUIRE(fs.apply_state_changes({{a->tracking_code, "accepted", "Жөндейміз", 20}}, 42).ok());
    CHECK((*fs.find(a->tracking_code))->answer == "Жөндейміз");
    CHECK(*fs.setting("status_cursor") == "42");
}

// ---- The sequence floor: no tracking code issued twice, whatever happened before ----

TEST_CASE("the next sequence is above both the highest filed and the floor, and the floor never goes down") {
    const unsigned seed = 7301;
    MESSAGE("seed " << seed);
    std::mt19937 rng(seed);
    for (int round = 0; round < 25; ++round) {
        CAPTURE(round);
        TempDir dir;
        auto fs = open_filing(dir.file("kiosk.db"));
        REQUIRE(fs.set_kiosk_code("KZ24").ok());
        core::TrackingKey key;  // an enrolled kiosk's: keyed codes reach far higher floors
        key.bytes.fill(static_cast<unsigned char>(round));
        REQUIRE(fs.set_tracking_key(key).ok());
        CHECK(*fs.sequence_floor() == 0);
        std::int64_t highest = 0, floor = 0;
        for (int step = 0; step < 8; ++step) {
            if (rng() % 2) {
                // Floors around the highest sequence: below it, at it, above it, far above.
                std::int64_t f = std::max<std::int64_t>(0, highest + static_cast<std::int64_t>(rng() % 3000) - 1000);
                if (rng() % 5 == 0) f = static_cast<std::int64_t>(rng() % 800000000u);
                CAPTURE(f);
                REQUIRE(fs.raise_sequence_floor(f).ok());
                floor = std::max(floor, f);
                CHECK(*fs.sequence_floor() == floor);
            }
            auto filed = fs.file_proposal(draft("Жол"), step);
            REQUIRE(filed.ok());
            std::int64_t expected = std::max(highest + 1, floor + 1);
            CHECK(filed->tracking_code == *core::make_tracking_code("KZ24", static_cast<std::uint64_t>(expected), &key));
            highest = expected;
            CHECK(*fs.highest_sequence() == highest);
        }
    }
}

TEST_CASE("a floor at the last sequence a code can carry leaves nothing to file, and says so") {
    TempDir dir;
    auto fs = open_filing(dir.file("kiosk.db"));
    REQUIRE(fs.set_kiosk_code("KZ24").ok());
    REQUIRE(fs.raise_sequence_floor(static_cast<std::int64_t>(core::kPlainSequenceLimit) - 2).ok());
    auto last = fs.file_proposal(draft("Соңғы"), 1);
    REQUIRE(last.ok());
    CHECK(core::tracking_sequence(last->tracking_code) == core::kPlainSequenceLimit - 1);
    auto none = fs.file_proposal(draft("Тағы"), 2);
    REQUIRE_FALSE(none.ok());
    CHECK(none.error().find("tracking codes") != std::string::npos);
}

TEST_CASE("a database set aside as damaged: tracking codes continue above it, or jump when it cannot be read") {
    TempDir dir;
    std::string path = dir.file("kiosk.db");
    {
        auto fs = open_filing(path);
        REQUIRE(fs.set_kiosk_code("KZ24").ok());
        REQUIRE(fs.raise_sequence_floor(40).ok());
        for (int i = 0; i < 5; ++i) REQUIRE(fs.file_proposal(draft("Су"), i).ok());  // 41 .. 45
    }
    CHECK(*store::highest_sequence_in(path) == 45);
    SUBCASE("the proposals of the damaged file still read") {
        REQUIRE(damage_table(path, "categories"));
        {
            // Opening reads too little to notice; the background check finds it and marks it.
            auto running = open_filing(path);
            CHECK_FALSE(store::check_database(running, 1'700'000'000'000).ok);
            REQUIRE(store::damage_mark(path).has_value());
        }
        store::OpenReport report;
        auto db = store::open_kiosk_db(path, &report, store::OpenCheck::set_aside_marked);
        REQUIRE_MESSAGE(db.ok(), (db.ok() ? "" : db.error()));
        REQUIRE_FALSE(report.damaged_copy.empty());
        auto aside = store::read_set_aside_sequences(path);
        CHECK(aside.read == 1);
        CHECK(aside.highest == 45);
        CHECK(aside.unreadable.empty());
        auto fs = store::FilingStore::open(std::move(*db));
        REQUIRE(fs.ok());
        CHECK(*fs->sequence_floor() == 45);
        REQUIRE(fs->set_kiosk_code("KZ24").ok());  // as the configuration sets it again
        CHECK(fs->file_proposal(draft("Жол"), 9)->tracking_code == *core::make_tracking_code("KZ24", 46));
    }
    SUBCASE("nothing of the damaged file reads") {
        REQUIRE(damage_all_but_header(path));
        store::OpenReport report;
        auto db = store::open_kiosk_db(path, &report);
        REQUIRE_MESSAGE(db.ok(), (db.ok() ? "" : db.error()));
        REQUIRE_FALSE(report.damaged_copy.empty());
        CHECK_FALSE(store::highest_sequence_in(report.damaged_copy).ok());
        auto aside = store::read_set_aside_sequences(path);
        CHECK(aside.read == 0);
        CHECK(aside.unreadable == std::vector<std::string>{report.damaged_copy});
        auto fs = store::FilingStore::open(std::move(*db));
        REQUIRE(fs.ok());
        CHECK(*fs->sequence_floor() == store::kUnreadableSetAsideFloor);
        REQUIRE(fs->set_kiosk_code("KZ24").ok());
        CHECK(fs->file_proposal(draft("Жол"), 9)->tracking_code ==
              *core::make_tracking_code("KZ24", store::kUnreadableSetAsideFloor + 1));
    }
}

TEST_CASE("a folder with no set-aside database reads as nothing set aside") {
    TempDir dir;
    auto aside = store::read_set_aside_sequences(dir.file("kiosk.db"));
    CHECK(aside.read == 0);
    CHECK(aside.highest == 0);
    CHECK(aside.unreadable.empty());
    CHECK_FALSE(store::highest_sequence_in(dir.file("absent.db")).ok());
}

TEST_CASE("quarantine counts proposals and sign-ups alike; requeue puts one back in the outbox") {
    TempDir dir;
    auto fs = open_filing(dir.file("kiosk.db"));
    REQUIRE(fs.set_kiosk_code("K7QM").ok());
    unsigned char pk[crypto_box_PUBLICKEYBYTES], sk[crypto_box_SECRETKEYBYTES];
    crypto_box_keypair(pk, sk);
    char b64[64];
    sodium_bin2base64(b64, sizeof b64, pk, sizeof pk, sodium_base64_VARIANT_ORIGINAL);
    REQUIRE(fs.set_national_key(b64).ok());
    auto a = fs.file_proposal(draft("Бір"), 1);
    auto b = fs.file_proposal(draft("Екі"), 2);
    core::SignupDraft s;
    s.ngo = "ngo-000001";
    s.name = "Данияр";
    s.phone = "+77011234567";
    s.consent = true;
    REQUIRE(core::clean_and_check(s).empty());
    auto signup = fs.file_signup(s, 3);
    REQUIRE(signup.ok());
    using O = store::FilingStore::Outcome;
    REQUIRE(fs.apply_outcomes({{a->id, O::delivered, ""},
                               {b->id, O::quarantined, "the region was never published in the national catalogue"},
                               {*signup, O::quarantined, "the organisation was never published in the national catalogue"}},
                              10)
                .ok());
    // One list serves the staff panel, kioskctl status and the heartbeat's count.
    auto items = fs.quarantined_items();
    REQUIRE(items.ok());
    REQUIRE(items->size() == 2);
    CHECK(*fs.quarantined_count() == 2);
    CHECK(items->at(0).what == "volunteer sign-up " + *signup);  // newest first
    CHECK(items->at(1).what == b->tracking_code);
    CHECK(*fs.unsent_count() == 0);

    // Staff type the code as printed on the receipt, in any case, with dashes.
    auto printed = core::format_tracking_code(b->tracking_code);
    auto back = fs.requeue(core::to_lower(printed));
    REQUIRE_MESSAGE(back.ok(), (back.ok() ? "" : back.error()));
    CHECK(*back == "proposal " + b->tracking_code);
    CHECK(*fs.unsent_count() == 1);
    CHECK(fs.outgoing(50)->front().id == b->id);
    REQUIRE(fs.requeue(*signup).ok());
    CHECK(fs.outgoing_signups(50)->size() == 1);
    CHECK(*fs.quarantined_count() == 0);

    auto again = fs.requeue(b->tracking_code);
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().find("is not quarantined") != std::string::npos);
    auto delivered = fs.requeue(a->tracking_code);
    REQUIRE_FALSE(delivered.ok());
    CHECK(delivered.error().find("delivered already") != std::string::npos);
    auto unknown = fs.requeue("K7QM-NOPE-XYZ");
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().find("no proposal") != std::string::npos);
    CHECK_FALSE(fs.requeue("").ok());
}

TEST_CASE("once the tracking key arrives, codes are keyed; plain ones filed before stay valid and distinct") {
    TempDir dir;
    auto fs = open_filing(dir.file("kiosk.db"));
    REQUIRE(fs.set_kiosk_code("KZ24").ok());
    auto plain = fs.file_proposal(draft("Бірінші"), 1);
    REQUIRE(plain.ok());
    CHECK(plain->tracking_code == *core::make_tracking_code("KZ24", 1));
    core::TrackingKey key;
    key.bytes.fill(7);
    REQUIRE(fs.set_tracking_key(key).ok());
    REQUIRE(fs.set_tracking_key(key).ok());  // the same key again changes nothing
    core::TrackingKey other = key;
    other.bytes[0] = 8;
    auto refused = fs.set_tracking_key(other);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().find("another tracking key") != std::string::npos);
    CHECK(fs.tracking_key()->value() == key);
    auto keyed = fs.file_proposal(draft("Екінші"), 2);
    REQUIRE(keyed.ok());
    CHECK(keyed->tracking_code == *core::make_tracking_code("KZ24", 2, &key));
    CHECK_FALSE(core::is_plain_tracking_code(keyed->tracking_code));
    CHECK(fs.find(plain->tracking_code)->has_value());
    CHECK(fs.find(keyed->tracking_code)->has_value());
    CHECK(*fs.highest_sequence() == 2);
}

TEST_CASE("lookups of other kiosks' codes: asked, answered by kiosk-sync, read back checked, then forgotten") {
    TempDir dir;
    auto kiosk = open_filing(dir.file("kiosk.db"));
    auto sync = open_filing(dir.file("kiosk.db"));  // kiosk-sync's own connection
    const std::string code = *core::make_tracking_code("KZ25", 9);
    CHECK_FALSE(store::lookup_answer(kiosk, code)->has_value());
    REQUIRE(store::ask_lookup(kiosk, code, 1'000'000).ok());
    auto waiting = store::lookup_answer(kiosk, code);
    REQUIRE(waiting.ok());
    REQUIRE(waiting->has_value());
    CHECK((*waiting)->outcome == store::LookupOutcome::waiting);
    CHECK(*store::pending_lookups(sync, 1'000'500) == std::vector<std::string>{code});
    CHECK(store::pending_lookups(sync, 1'000'000 + store::kLookupFreshMs + 1)->empty());  // nobody waits any more

    store::RemoteProgress progress;
    progress.state = "accepted";
    progress.answer = "Жауап";
    progress.history = {{"delivered", 5, {}}, {"accepted", 6, {}}};
    REQUIRE(store::answer_lookup(sync, code, store::LookupOutcome::found, progress, 1'001'000).ok());
    CHECK(store::pending_lookups(sync, 1'001'000)->empty());
    auto found = store::lookup_answer(kiosk, code);
    REQUIRE(found.ok());
    CHECK((*found)->outcome == store::LookupOutcome::found);
    CHECK((*found)->progress.state == "accepted");
    CHECK((*found)->progress.answer == "Жауап");
    CHECK((*found)->progress.history.size() == 2);
    CHECK((*found)->progress.title.empty());

    // Asking again starts over; an answer only ever lands on a question still open.
    REQUIRE(store::ask_lookup(kiosk, code, 2'000'000).ok());
    CHECK((*store::lookup_answer(kiosk, code))->outcome == store::LookupOutcome::waiting);
    REQUIRE(store::answer_lookup(sync, code, store::LookupOutcome::offline, {}, 2'000'100).ok());
    REQUIRE(store::answer_lookup(sync, code, store::LookupOutcome::found, progress, 2'000'200).ok());
    CHECK((*store::lookup_answer(kiosk, code))->outcome == store::LookupOutcome::offline);

    // What another process wrote is read back only when it reads as an answer.
    REQUIRE(sync.db().exec("UPDATE track_lookups SET outcome = 'found', state = 'hacked'").ok());
    CHECK_FALSE(store::lookup_answer(kiosk, code).ok());
    REQUIRE(sync.db().exec("UPDATE track_lookups SET state = 'accepted', history = '[{\"state\": 1}]'").ok());
    CHECK_FALSE(store::lookup_answer(kiosk, code).ok());
    REQUIRE(sync.db().exec("UPDATE track_lookups SET history = '[]', outcome = 'whatever'").ok());
    CHECK_FALSE(store::lookup_answer(kiosk, code).ok());

    // An hour later the codes a resident looked up are gone.
    const std::string later = *core::make_tracking_code("KZ25", 10);
    REQUIRE(store::ask_lookup(kiosk, later, 2'000'000 + store::kLookupKeepMs + 1).ok());
    REQUIRE(store::answer_lookup(sync, later, store::LookupOutcome::unknown, {}, 2'000'000 + store::kLookupKeepMs + 2).ok());
    CHECK_FALSE(store::lookup_answer(kiosk, code)->has_value());
    CHECK((*store::lookup_answer(kiosk, later))->outcome == store::LookupOutcome::unknown);
    REQUIRE(store::forget_old_lookups(sync, 2'000'000 + 2 * store::kLookupKeepMs + 3).ok());
    CHECK_FALSE(store::lookup_answer(kiosk, later)->has_value());  // even unasked, nothing stays
}
