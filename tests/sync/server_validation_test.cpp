// The national server is the authority: whatever an enrolled kiosk sends, it checks with
// the kiosk's own rules and stores only the cleaned item. Each test looks into national.db
// itself, so "refused" means nothing of it was stored and "cleaned" means nothing raw was.
#include <doctest/doctest.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include <climits>
#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <set>

#include "core/proposal.h"
#include "core/text.h"
#include "core/tracking.h"
#include "core/uuid.h"
#include "sample_drafts.h"
#include "sealed_contact.h"
#include "store/catalog_store.h"
#include "store/common.h"
#include "sync/server/server_store.h"
#include "test_server.h"
#include "test_files.h"

using namespace aul;
using namespace aul::sync;

namespace {

struct Office {
    TempDir dir;
    std::string folder = dir.file("server");
    std::optional<ServerStore> server;
    Kiosk kiosk;
    std::string code;
    int seq = 0;

    explicit Office(bool with_catalogue = true) {
        auto opened = test::open_test_server(folder);
        REQUIRE_MESSAGE(opened.ok(), (opened.ok() ? "" : opened.error()));
        server.emplace(std::move(*opened));
        if (with_catalogue) publish(asset("demo/catalog.json"));
        kiosk = enrol();
        code = kiosk.code;
    }
    void publish(const std::string& catalogue) {
        auto rep = server->publish_catalog(catalogue, kSampleFiledMs);
        REQUIRE_MESSAGE(rep.ok(), (rep.ok() ? "" : rep.error()));
    }
    Kiosk enrol() {
        auto k = server->enroll({*server->new_enrollment_code(), "KZ-19", "", "Талғар", "", ""});
        REQUIRE(k.ok());
        return server->kiosk_for_token(k->token)->value();
    }
    // A proposal exactly as a kiosk sends one, in Almaty Region.
    ProposalItem proposal() {
        ProposalItem p;
        p.id = core::new_uuid_v7();
        p.tracking_code = *core::make_tracking_code(code, static_cast<std::uint64_t>(++seq));
        p.category = "water";
        p.region = "KZ-19";
        p.district = "KZ-19-01";
        p.settlement = "Талғар";
        p.council = "council-kz19";
        p.title = "Су құбыры";
        p.description = "Ауылда су жоқ";
        p.lang = "kk";
        p.created_ms = kSampleFiledMs;
        return p;
    }
    SignupItem signup() {
        return SignupItem{core::new_uuid_v7(), "opp-000001", "ngo-000001", "ru", signup_contact(*server), kSampleFiledMs};
    }
    ItemResult send(const ProposalItem& p, const Kiosk* from = nullptr) {
        auto res = server->submit(from ? *from : kiosk, {{p}, {}}, kSampleReceivedMs);
        REQUIRE_MESSAGE(res.ok(), (res.ok() ? "" : res.error()));
        REQUIRE(res->results.size() == 1);
        return res->results[0];
    }
    ItemResult send(const SignupItem& s, const Kiosk* from = nullptr) {
        auto res = server->submit(from ? *from : kiosk, {{}, {s}}, kSampleReceivedMs);
        REQUIRE_MESSAGE(res.ok(), (res.ok() ? "" : res.error()));
        REQUIRE(res->results.size() == 1);
        return res->results[0];
    }

    // Straight from the database, past the store's answers: the stored body of an item, if any.
    std::optional<nlohmann::json> stored(const char* table, const std::string& id) {
        auto rows = server->db().query(std::string("SELECT body FROM ") + table + " WHERE id = ?1", {id});
        REQUIRE(rows.ok());
        std::optional<nlohmann::json> out;
        if (!rows->empty()) out = nlohmann::json::parse((*rows)[0].text(0));
        return out;
    }
    std::int64_t rows(const char* table) {
        auto n = server->db().scalar(std::string("SELECT count(*) FROM ") + table);
        REQUIRE(n.ok());
        return *n;
    }
};

// Refused: rejected with a reason containing `why`, and no row of it in national.db.
void refused(Office& o, const ProposalItem& p, const std::string& why) {
    auto before = o.rows("proposals");
    auto r = o.send(p);
    CHECK_MESSAGE(r.status == ItemStatus::rejected, "accepted: " << why);
    CHECK_MESSAGE(r.reason.find(why) != std::string::npos, r.reason);
    CHECK_FALSE(o.stored("proposals", p.id).has_value());
    CHECK(o.rows("proposals") == before);
}
void refused(Office& o, const SignupItem& s, const std::string& why) {
    auto r = o.send(s);
    CHECK_MESSAGE(r.status == ItemStatus::rejected, "accepted: " << why);
    CHECK_MESSAGE(r.reason.find(why) != std::string::npos, r.reason);
    CHECK_FALSE(o.stored("signups", s.id).has_value());
}

bool has_control(const std::string& s) {
    bool found = false;
    core::for_each_codepoint(s, [&](char32_t cp, std::string_view) { found = found || (core::is_control(cp) && cp != '\n'); });
    return found;
}

// A random string of letters (Latin, Cyrillic, Kazakh), spaces, newlines, tabs and every
// kind of control a hostile kiosk could send (C0, DEL, C1 with ESC's CSI, bidi overrides).
std::string random_text(std::mt19937& rng, std::size_t max_len) {
    static const std::vector<std::string> pieces = {
        "a",  "Z",     "ж",       "Қ",       "ү",      "ё",  " ",      "  ", "\n", "\t", "\x1b", "\x1b[31m",
        "\r", "\x07",  "\x7f",    "\xc2\x9b", "\xc2\x85", "\u202e", "\u2066", "\x01", "\x00", "7", ".", "«"};
    std::uniform_int_distribution<std::size_t> len(0, max_len), pick(0, pieces.size() - 1);
    std::string out;
    for (std::size_t n = len(rng); n > 0; --n) {
        const std::string& piece = pieces[pick(rng)];
        out += piece.empty() ? std::string(1, '\0') : piece;
    }
    return out;
}

}  // namespace

TEST_CASE("the server stores the cleaned text, never what was sent") {
    Office o;
    SUBCASE("5 000 trailing spaces are stored trimmed") {
        auto p = o.proposal();
        p.title = "Жол" + std::string(5000, ' ');
        p.description = std::string(3000, ' ') + "Шұңқыр\n\n" + std::string(5000, ' ');
        p.settlement = "  Талғар  ";
        REQUIRE(o.send(p).status == ItemStatus::accepted);
        auto body = o.stored("proposals", p.id);
        REQUIRE(body);
        CHECK((*body)["title"] == "Жол");
        CHECK((*body)["description"] == "Шұңқыр");
        CHECK((*body)["settlement"] == "Талғар");
        // The same item sent again is the same stored item: a duplicate, not a conflict.
        CHECK(o.send(p).status == ItemStatus::duplicate);
    }
    SUBCASE("100 000 control characters: a title of nothing else is refused, around text they are dropped") {
        std::string controls;
        for (int i = 0; i < 100000; ++i) controls += static_cast<char>(1 + i % 31);
        auto only = o.proposal();
        only.title = controls;
        refused(o, only, "error.title.empty");
        auto mixed = o.proposal();
        mixed.description = controls + "Су жоқ" + controls;
        REQUIRE(o.send(mixed).status == ItemStatus::accepted);
        auto body = o.stored("proposals", mixed.id);
        REQUIRE(body);
        CHECK((*body)["description"] == "Су жоқ");
    }
    SUBCASE("a 500 000-character description is refused") {
        auto p = o.proposal();
        p.description = std::string(500000, 'x');
        refused(o, p, "error.description.too_long");
        p.description = std::string(core::kDescriptionMax, 'x');
        p.id = core::new_uuid_v7();
        CHECK(o.send(p).status == ItemStatus::accepted);
    }
    SUBCASE("a settlement longer than the form allows is refused") {
        auto p = o.proposal();
        p.settlement = std::string(core::kSettlementMax + 1, 'a');
        refused(o, p, "settlement");
    }
    SUBCASE("random text with every kind of control: stored exactly as the kiosk's form would clean it") {
        const unsigned seed = 20240101;
        std::mt19937 rng(seed);
        int accepted = 0;
        for (int i = 0; i < 300; ++i) {
            auto p = o.proposal();
            p.title = random_text(rng, 200);
            p.description = random_text(rng, 3000);
            p.settlement = random_text(rng, 40);
            INFO("seed " << seed << ", case " << i);
            auto r = o.send(p);
            auto body = o.stored("proposals", p.id);
            core::ProposalDraft form;
            form.category = p.category;
            form.region = p.region;
            form.title = p.title;
            form.description = p.description;
            form.settlement = p.settlement;
            bool form_accepts = core::clean_and_check(form).empty() &&
                                core::codepoint_count(form.settlement) <= core::kSettlementMax;
            REQUIRE(form_accepts == (r.status == ItemStatus::accepted));
            REQUIRE(body.has_value() == form_accepts);
            if (!body) continue;
            ++accepted;
            for (const char* field : {"title", "description", "settlement"}) {
                std::string v = (*body)[field];
                CHECK_FALSE(has_control(v));
                CHECK(v == core::to_nfc(v));
                if (!v.empty()) {
                    CHECK(v.front() != ' ');
                    CHECK(v.back() != ' ');
                }
            }
            CHECK((*body)["title"] == form.title);
            CHECK((*body)["description"] == form.description);
            CHECK((*body)["settlement"] == form.settlement);
        }
        CHECK(accepted > 30);  // the generator makes both kinds
        CHECK(accepted < 300);
    }
}

TEST_CASE("codes the national catalogue never published are refused; withdrawn ones still accepted") {
    Office o;
    SUBCASE("unknown region, district, council, category") {
        auto p = o.proposal();
        p.region = "KZ-99";
        p.district = "";
        refused(o, p, "region was never published");
        p = o.proposal();
        p.district = "KZ-19-99";
        refused(o, p, "district was never published");
        p = o.proposal();
        p.council = "council-nowhere";
        refused(o, p, "council was never published");
        p = o.proposal();
        p.category = "children";  // an NGO area of work, not a kind of problem
        refused(o, p, "error.category.missing");
        p = o.proposal();
        p.region = "<script>";
        refused(o, p, "region");
    }
    SUBCASE("a district of another region") {
        auto p = o.proposal();
        p.region = "KZ-11";
        p.council = "";
        refused(o, p, "not in the region");
        p.district = "";
        p.id = core::new_uuid_v7();
        CHECK(o.send(p).status == ItemStatus::accepted);
    }
    SUBCASE("a region withdrawn after the filing stays acceptable") {
        auto doc = nlohmann::json::parse(asset("demo/catalog.json"));
        auto in_kz11 = [](const nlohmann::json& r) { return r.contains("region") && r["region"] == "KZ-11"; };
        std::set<std::string> gone_ngos;
        for (const auto& n : doc["ngos"])
            if (in_kz11(n)) gone_ngos.insert(n["id"].get<std::string>());
        auto drop = [&](const char* kind, auto&& pred) {
            auto& list = doc[kind];
            list.erase(std::remove_if(list.begin(), list.end(), pred), list.end());
        };
        drop("regions", [](const nlohmann::json& r) { return r["code"] == "KZ-11"; });
        drop("ngos", in_kz11);
        drop("councils", in_kz11);
        drop("opportunities", [&](const nlohmann::json& r) {
            return in_kz11(r) || (r["ngo"].is_string() && gone_ngos.count(r["ngo"].get<std::string>()) > 0);
        });
        o.publish(doc.dump());
        auto p = o.proposal();
        p.region = "KZ-11";
        p.district = "";
        p.council = "council-kz11";
        CHECK(o.send(p).status == ItemStatus::accepted);
        REQUIRE(o.stored("proposals", p.id));
        auto s = o.signup();
        s.ngo = *gone_ngos.begin();
        s.opportunity = "";
        CHECK(o.send(s).status == ItemStatus::accepted);
    }
    SUBCASE("before any catalogue, codes must still look like codes") {
        Office bare(false);
        auto p = bare.proposal();
        p.region = "KZ-99";
        p.district = "KZ-99-01";
        p.council = "any-council";
        CHECK(bare.send(p).status == ItemStatus::accepted);
        auto q = bare.proposal();
        q.region = "KZ 19\x1b";
        refused(bare, q, "region");
        auto r = bare.proposal();
        r.council = std::string(500, 'c');
        refused(bare, r, "council");
        auto s = bare.signup();
        s.ngo = "ngo/../../etc";
        refused(bare, s, "organisation");
    }
}

TEST_CASE("language, creation time, ids: what no kiosk sends is refused") {
    Office o;
    auto p = o.proposal();
    p.lang = "<script>";
    refused(o, p, "language");
    p.lang = "";
    refused(o, p, "language");
    for (std::int64_t when : {std::int64_t{INT64_MIN}, std::int64_t{0}, std::int64_t{-1}, core::kEarliestFilingMs - 1,
                              kSampleReceivedMs + core::kFilingClockSlackMs + 1, std::int64_t{INT64_MAX}}) {
        auto q = o.proposal();
        q.created_ms = when;
        INFO("created_ms " << when);
        refused(o, q, "creation time");
    }
    for (std::int64_t when : {core::kEarliestFilingMs, kSampleReceivedMs + 3'600'000}) {
        auto q = o.proposal();
        q.created_ms = when;
        CHECK(o.send(q).status == ItemStatus::accepted);
    }
    auto q = o.proposal();
    q.id = "not-a-uuid\x1b[2J";
    refused(o, q, "not a UUID");
}

TEST_CASE("contact details only as a sealed box of the size a kiosk makes") {
    Office o;
    auto named = [&] {
        auto p = o.proposal();
        p.anonymous = false;
        p.contact_sealed = proposal_contact(*o.server);
        return p;
    };
    auto p = named();
    REQUIRE(o.send(p).status == ItemStatus::accepted);
    CHECK((*o.stored("proposals", p.id))["contact_sealed"] == p.contact_sealed);

    p = named();
    p.contact_sealed = R"({"name":"Айгүл","phone":"+77011234567"})";
    refused(o, p, "not sealed");
    p = named();
    p.contact_sealed = "c2VhbGVk";  // base64 of "sealed"
    refused(o, p, "not sealed");
    p = named();
    p.contact_sealed = seal_to(*o.server, "");  // a box of nothing
    refused(o, p, "not sealed");
    p = named();
    p.contact_sealed = seal_to(*o.server, std::string(core::proposal_contact_bytes().max + 1, 'x'));
    refused(o, p, "not sealed");
    p = named();
    p.contact_sealed = std::string(4'000'000, 'A');
    refused(o, p, "not sealed");
    p = named();
    p.contact_sealed = "";
    refused(o, p, "carries no contact");
    p = o.proposal();
    p.contact_sealed = proposal_contact(*o.server);  // anonymous, yet with a contact
    refused(o, p, "anonymous proposal carries contact");

    // The kiosk's own longest and shortest contact details fit.
    core::ProposalDraft longest;
    for (std::size_t i = 0; i < core::kNameMax; ++i) longest.name += "Ә";
    longest.phone = "+77011234567";
    longest.iin = "000000000000";
    p = named();
    p.contact_sealed = seal_to(*o.server, core::contact_json(longest));
    CHECK(o.send(p).status == ItemStatus::accepted);
}

TEST_CASE("sign-ups are bounded and checked like proposals") {
    Office o;
    auto good = o.signup();
    REQUIRE(o.send(good).status == ItemStatus::accepted);
    auto body = o.stored("signups", good.id);
    REQUIRE(body);
    CHECK((*body)["ngo"] == "ngo-000001");

    auto s = o.signup();
    s.ngo = "ngo-999999";
    refused(o, s, "organisation was never published");
    s = o.signup();
    s.ngo = "";
    refused(o, s, "no organisation");
    s = o.signup();
    s.ngo = std::string(100000, 'n');
    refused(o, s, "organisation id is too long");
    s = o.signup();
    s.opportunity = "opp-999999";
    refused(o, s, "opportunity was never published");
    s = o.signup();
    s.lang = "<script>";
    refused(o, s, "language");
    s = o.signup();
    s.created_ms = INT64_MIN;
    refused(o, s, "creation time");
    s = o.signup();
    s.contact_sealed = R"({"name":"Данияр","phone":"+77011234567"})";
    refused(o, s, "not sealed");
    s = o.signup();
    s.contact_sealed = seal_to(*o.server, std::string(core::signup_contact_bytes().max + 1, 'x'));
    refused(o, s, "not sealed");
    s = o.signup();
    s.id = "1";
    refused(o, s, "not a UUID");
}

TEST_CASE("another kiosk's id or tracking code is a conflict that reveals nothing, never a duplicate") {
    Office o;
    Kiosk other = o.enrol();
    auto mine = o.proposal();
    mine.title = "Менің құпиям";
    REQUIRE(o.send(mine).status == ItemStatus::accepted);
    for (bool same_content : {true, false}) {
        auto copy = mine;
        if (!same_content) copy.title = "Басқа";
        copy.tracking_code = *core::make_tracking_code(other.code, 1);
        auto r = o.send(copy, &other);
        CHECK(r.status == ItemStatus::conflict);
        CHECK(r.reason == "this id belongs to another kiosk");
        CHECK(r.reason.find("құпия") == std::string::npos);
    }
    // The same id with malformed content from the other kiosk: still ownership first.
    auto broken = mine;
    broken.title = "";
    CHECK(o.send(broken, &other).status == ItemStatus::conflict);
    CHECK((*o.stored("proposals", mine.id))["title"] == "Менің құпиям");

    auto signup = o.signup();
    REQUIRE(o.send(signup).status == ItemStatus::accepted);
    auto r = o.send(signup, &other);
    CHECK(r.status == ItemStatus::conflict);
    CHECK(r.reason == "this id belongs to another kiosk");
    CHECK(o.rows("signups") == 1);

    // Its own tracking code under a fresh id is the same kiosk's mistake; another kiosk's
    // code is not this kiosk's to use at all.
    auto again = o.proposal();
    again.tracking_code = mine.tracking_code;
    CHECK(o.send(again).reason == "the tracking code belongs to another proposal");
    auto stolen = o.proposal();
    stolen.tracking_code = mine.tracking_code;
    CHECK(o.send(stolen, &other).status == ItemStatus::rejected);
    CHECK(o.rows("proposals") == 1);
}

TEST_CASE("files holding keys or personal data are 0600 (the kiosk's database 0660, its group's) whatever the umask") {
    mode_t saved = ::umask(022);
    TempDir dir;
    std::string folder = dir.file("national");
    REQUIRE(::mkdir(folder.c_str(), 0755) == 0);
    auto mode = [](const std::string& path) {
        struct stat st {};
        REQUIRE_MESSAGE(::stat(path.c_str(), &st) == 0, path);
        return st.st_mode & 0777;
    };
    {
        auto server = ServerStore::open(folder);
        REQUIRE(server.ok());
        auto k = server->enroll({*server->new_enrollment_code(), "", "", "", "", ""});
        REQUIRE(k.ok());
        CHECK(mode(folder + "/server.keys") == 0600);
        CHECK(mode(folder + "/national.db") == 0600);
        CHECK(mode(folder + "/national.db-wal") == 0600);
        CHECK(mode(folder + "/national.db-shm") == 0600);
    }
    // A database left readable by an older build is narrowed when next opened.
    REQUIRE(::chmod((folder + "/national.db").c_str(), 0644) == 0);
    {
        auto server = ServerStore::open(folder);
        REQUIRE(server.ok());
        CHECK(mode(folder + "/national.db") == 0600);
    }
    // The kiosk's database is shared by the kiosk and kiosk-sync, two users of one group.
    std::string kiosk = dir.file("kiosk");
    REQUIRE(::mkdir(kiosk.c_str(), 0755) == 0);
    {
        auto db = store::open_kiosk_db(kiosk + "/kiosk.db");
        REQUIRE(db.ok());
        CHECK(mode(kiosk + "/kiosk.db") == 0660);
        CHECK(mode(kiosk + "/kiosk.db-wal") == 0660);
        CHECK(mode(kiosk + "/kiosk.db-shm") == 0660);
    }
    // One left 0600 by an earlier build becomes the group's when next opened.
    REQUIRE(::chmod((kiosk + "/kiosk.db").c_str(), 0600) == 0);
    {
        auto db = store::open_kiosk_db(kiosk + "/kiosk.db");
        REQUIRE(db.ok());
        CHECK(mode(kiosk + "/kiosk.db") == 0660);
    }
    ::umask(saved);
}
