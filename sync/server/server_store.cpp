#include "sync/server/server_store.h"

#include <sodium.h>
#include <sys/stat.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

#include "core/catalog_json.h"
#include "core/clock.h"
#include "core/proposal.h"
#include "core/tracking.h"
#include "core/uuid.h"
#include "sync/files.h"
#include "sync/signing.h"

namespace aul::sync {

namespace {

using sql::Params;

// The schema, one version at a time, the same versions for both backends.
//
// SQLite: version 1 holds kiosks, enrolment codes, what kiosks sent, status changes, the
// catalogue and heartbeats, written with IF NOT EXISTS: databases made before the server
// counted versions hold exactly these tables at user_version 0.
constexpr const char* kSqliteV1 = R"sql(
CREATE TABLE IF NOT EXISTS keys(id INTEGER PRIMARY KEY CHECK(id = 1), public_key BLOB NOT NULL, secret_key BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS enrollment_codes(code TEXT PRIMARY KEY, created_ms INTEGER NOT NULL, used_by TEXT);
CREATE TABLE IF NOT EXISTS kiosks(
  id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE, token_hash TEXT NOT NULL UNIQUE,
  region TEXT NOT NULL DEFAULT '', district TEXT NOT NULL DEFAULT '', settlement TEXT NOT NULL DEFAULT '',
  revoked INTEGER NOT NULL DEFAULT 0, enrolled_ms INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS proposals(
  id TEXT PRIMARY KEY, kiosk TEXT NOT NULL REFERENCES kiosks(id), tracking_code TEXT NOT NULL UNIQUE,
  content_hash TEXT NOT NULL, body TEXT NOT NULL, state TEXT NOT NULL DEFAULT 'delivered',
  answer TEXT NOT NULL DEFAULT '', received_ms INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS signups(
  id TEXT PRIMARY KEY, kiosk TEXT NOT NULL REFERENCES kiosks(id), content_hash TEXT NOT NULL, body TEXT NOT NULL,
  received_ms INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS status_changes(
  seq INTEGER PRIMARY KEY AUTOINCREMENT, kiosk TEXT NOT NULL, tracking_code TEXT NOT NULL,
  state TEXT NOT NULL, answer TEXT NOT NULL DEFAULT '', at_ms INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS status_changes_by_kiosk ON status_changes(kiosk, seq);
CREATE TABLE IF NOT EXISTS catalog_items(
  kind TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL UNIQUE, deleted INTEGER NOT NULL DEFAULT 0,
  hash TEXT NOT NULL, record TEXT NOT NULL, PRIMARY KEY(kind, id));
CREATE TABLE IF NOT EXISTS heartbeats(kiosk TEXT PRIMARY KEY REFERENCES kiosks(id), at_ms INTEGER NOT NULL, body TEXT NOT NULL);
)sql";

// Version 2: each kiosk's Ed25519 public key (base64) that signs its USB bundles; empty for
// a kiosk enrolled before bundles, which cannot carry them until one is registered.
constexpr const char* kSqliteV2 = R"sql(
ALTER TABLE kiosks ADD COLUMN signing_key TEXT NOT NULL DEFAULT '';
)sql";

// Version 3: re-enrolment. An enrolment code may be made for an enrolled kiosk
// (`for_kiosk`, its kiosk code) and remembers the signing key that spent it, so a retry
// after a lost reply is recognised. Every signing key a kiosk has had is kept, so bundles
// written before a re-enrolment still import; revocation marks them all.
constexpr const char* kSqliteV3 = R"sql(
ALTER TABLE enrollment_codes ADD COLUMN for_kiosk TEXT;
ALTER TABLE enrollment_codes ADD COLUMN spent_key TEXT NOT NULL DEFAULT '';
ALTER TABLE enrollment_codes ADD COLUMN used_ms INTEGER;
CREATE TABLE kiosk_keys(
  kiosk TEXT NOT NULL REFERENCES kiosks(id), signing_key TEXT NOT NULL, added_ms INTEGER NOT NULL,
  revoked INTEGER NOT NULL DEFAULT 0, PRIMARY KEY(kiosk, signing_key));
INSERT INTO kiosk_keys(kiosk, signing_key, added_ms, revoked)
  SELECT id, signing_key, enrolled_ms, revoked FROM kiosks WHERE signing_key <> '';
)sql";

// Version 4: tracking from any kiosk. The secret each kiosk code's tracking key is derived
// from; the highest sequence each kiosk says it issued (a code at or below it that has not
// arrived is on its way); lookups counted per kiosk and hour, for the rate limit; and the
// history of one code found without scanning.
constexpr const char* kSqliteV4 = R"sql(
CREATE TABLE tracking_secret(id INTEGER PRIMARY KEY CHECK(id = 1), secret BLOB NOT NULL);
ALTER TABLE kiosks ADD COLUMN issued_sequence INTEGER NOT NULL DEFAULT 0;
CREATE TABLE lookup_counts(
  kiosk TEXT NOT NULL, hour INTEGER NOT NULL, lookups INTEGER NOT NULL DEFAULT 0, misses INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY(kiosk, hour));
CREATE INDEX status_changes_by_code ON status_changes(tracking_code, seq);
)sql";

// Version 5: the keys leave the database for DIR/server.keys (export_database_keys wrote
// them there first); the database keeps only what checks that an instance's file is the
// right one.
constexpr const char* kSqliteV5 = R"sql(
CREATE TABLE server_identity(
  id INTEGER PRIMARY KEY CHECK(id = 1), contact_public_key TEXT NOT NULL, tracking_fingerprint TEXT NOT NULL);
DROP TABLE IF EXISTS keys;
DROP TABLE IF EXISTS tracking_secret;
)sql";

constexpr sql::Migration kSqliteSteps[] = {{1, kSqliteV1}, {2, kSqliteV2}, {3, kSqliteV3}, {4, kSqliteV4}, {5, kSqliteV5}};
constexpr int kKeysLeaveDatabase = 5;

// PostgreSQL starts at version 5, the shape SQLite has then. Identifiers compare byte by
// byte (COLLATE "C") as in SQLite: tracking codes are ordered by their characters.
constexpr const char* kPostgresV5 = R"sql(
CREATE TABLE server_identity(
  id INTEGER PRIMARY KEY CHECK (id = 1), contact_public_key TEXT NOT NULL, tracking_fingerprint TEXT NOT NULL);
CREATE TABLE enrollment_codes(
  code TEXT COLLATE "C" PRIMARY KEY, created_ms BIGINT NOT NULL, used_by TEXT COLLATE "C", for_kiosk TEXT COLLATE "C",
  spent_key TEXT NOT NULL DEFAULT '', used_ms BIGINT);
CREATE TABLE kiosks(
  id TEXT COLLATE "C" PRIMARY KEY, code TEXT COLLATE "C" NOT NULL UNIQUE, token_hash TEXT COLLATE "C" NOT NULL UNIQUE,
  region TEXT NOT NULL DEFAULT '', district TEXT NOT NULL DEFAULT '', settlement TEXT NOT NULL DEFAULT '',
  revoked INTEGER NOT NULL DEFAULT 0, enrolled_ms BIGINT NOT NULL, signing_key TEXT NOT NULL DEFAULT '',
  issued_sequence BIGINT NOT NULL DEFAULT 0);
CREATE TABLE kiosk_keys(
  kiosk TEXT COLLATE "C" NOT NULL REFERENCES kiosks(id), signing_key TEXT COLLATE "C" NOT NULL, added_ms BIGINT NOT NULL,
  revoked INTEGER NOT NULL DEFAULT 0, PRIMARY KEY(kiosk, signing_key));
CREATE TABLE proposals(
  id TEXT COLLATE "C" PRIMARY KEY, kiosk TEXT COLLATE "C" NOT NULL REFERENCES kiosks(id),
  tracking_code TEXT COLLATE "C" NOT NULL UNIQUE, content_hash TEXT NOT NULL, body TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'delivered', answer TEXT NOT NULL DEFAULT '', received_ms BIGINT NOT NULL);
CREATE INDEX proposals_by_kiosk ON proposals(kiosk);
CREATE TABLE signups(
  id TEXT COLLATE "C" PRIMARY KEY, kiosk TEXT COLLATE "C" NOT NULL REFERENCES kiosks(id), content_hash TEXT NOT NULL,
  body TEXT NOT NULL, received_ms BIGINT NOT NULL);
CREATE TABLE status_changes(
  seq BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, kiosk TEXT COLLATE "C" NOT NULL,
  tracking_code TEXT COLLATE "C" NOT NULL, state TEXT NOT NULL, answer TEXT NOT NULL DEFAULT '', at_ms BIGINT NOT NULL);
CREATE INDEX status_changes_by_kiosk ON status_changes(kiosk, seq);
CREATE INDEX status_changes_by_code ON status_changes(tracking_code, seq);
CREATE TABLE catalog_items(
  kind TEXT COLLATE "C" NOT NULL, id TEXT COLLATE "C" NOT NULL, version BIGINT NOT NULL UNIQUE,
  deleted INTEGER NOT NULL DEFAULT 0, hash TEXT NOT NULL, record TEXT NOT NULL, PRIMARY KEY(kind, id));
CREATE TABLE heartbeats(kiosk TEXT COLLATE "C" PRIMARY KEY REFERENCES kiosks(id), at_ms BIGINT NOT NULL, body TEXT NOT NULL);
CREATE TABLE lookup_counts(
  kiosk TEXT COLLATE "C" NOT NULL, hour BIGINT NOT NULL, lookups BIGINT NOT NULL DEFAULT 0,
  misses BIGINT NOT NULL DEFAULT 0, PRIMARY KEY(kiosk, hour));
)sql";

constexpr sql::Migration kPostgresSteps[] = {{5, kPostgresV5}};

std::string hex(const unsigned char* p, std::size_t n) {
    std::string out(n * 2, '0');
    sodium_bin2hex(out.data(), out.size() + 1, p, n);
    return out;
}

std::string random_hex(std::size_t bytes) {
    std::vector<unsigned char> b(bytes);
    randombytes_buf(b.data(), b.size());
    return hex(b.data(), b.size());
}

// Tokens are kept only as hashes: a stolen server database cannot impersonate kiosks.
std::string token_hash(const std::string& token) {
    unsigned char h[crypto_generichash_BYTES];
    crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr, 0);
    return hex(h, sizeof h);
}

// The kiosk code for the n-th kiosk: 4 characters of the tracking alphabet.
std::string kiosk_code_for(std::int64_t n) {
    std::string code(core::kKioskCodeLength, '2');
    const auto base = static_cast<std::int64_t>(core::kTrackingAlphabet.size());
    for (std::size_t i = core::kKioskCodeLength; i-- > 0;) {
        code[i] = core::kTrackingAlphabet[static_cast<std::size_t>(n % base)];
        n /= base;
    }
    return code;
}

// What the national catalogue ever published, for checking the codes items name. A code
// withdrawn later stays known (its tombstone remains): a proposal filed offline while it
// was current is still accepted. A kind never published at all checks nothing, so a
// server before its first catalogue still takes proposals (their codes must look like
// codes, core::clean_and_check_filed).
class PublishedCatalog {
public:
    explicit PublishedCatalog(sql::Connection& db) : db_(db) {}
    // "" when `id` was published as a `kind` (or, for a kind never published, looks like
    // a catalogue key); else the reason, naming the item as `what`.
    Result<std::string> problem(const std::string& kind, const std::string& id, const std::string& what) {
        auto ever = ever_published(kind);
        if (!ever) return ever.take_error();
        if (!*ever) return core::looks_like_catalog_key(id) ? std::string() : "the " + what + " is not a catalogue id";
        auto rec = record(kind, id);
        if (!rec) return rec.take_error();
        return rec->has_value() ? std::string() : "the " + what + " was never published in the national catalogue";
    }
    // The region a published district belongs to; "" when unknown (never published, or
    // withdrawn: a tombstone keeps no record).
    Result<std::string> region_of_district(const std::string& district) {
        auto rec = record("districts", district);
        if (!rec) return rec.take_error();
        if (!*rec || (*rec)->empty()) return std::string();
        auto j = nlohmann::json::parse(**rec, nullptr, false);
        return j.is_object() && j.contains("region") && j["region"].is_string() ? j["region"].get<std::string>()
                                                                                  : std::string();
    }

private:
    Result<bool> ever_published(const std::string& kind) {
        if (auto it = ever_.find(kind); it != ever_.end()) return it->second;
        AUL_TRY_ASSIGN(auto rows, db_.query("SELECT 1 FROM catalog_items WHERE kind = ?1 LIMIT 1", {kind}));
        ever_[kind] = !rows.empty();
        return !rows.empty();
    }
    Result<std::optional<std::string>> record(const std::string& kind, const std::string& id) {
        AUL_TRY_ASSIGN(auto rows, db_.query("SELECT record FROM catalog_items WHERE kind = ?1 AND id = ?2", {kind, id}));
        std::optional<std::string> out;
        if (!rows.empty()) out = rows[0].text(0);
        return out;
    }
    sql::Connection& db_;
    std::map<std::string, bool> ever_;
};

std::string body_of(const ProposalItem& p) {
    return nlohmann::json{{"tracking_code", p.tracking_code}, {"category", p.category}, {"region", p.region},
                          {"district", p.district},           {"settlement", p.settlement},
                          {"council", p.council},             {"title", p.title},
                          {"description", p.description},     {"lang", p.lang},
                          {"anonymous", p.anonymous},         {"contact_sealed", p.contact_sealed},
                          {"created_ms", p.created_ms}}
        .dump();
}

std::string body_of(const SignupItem& s) {
    return nlohmann::json{{"opportunity", s.opportunity}, {"ngo", s.ngo}, {"lang", s.lang},
                          {"contact_sealed", s.contact_sealed}, {"created_ms", s.created_ms}}
        .dump();
}

// What the server refuses even from an enrolled kiosk, with the kiosk's own rules
// (core::clean_and_check_filed); on success `p` holds the cleaned item, which is what is
// stored. Returns "" or the reason sent back.
Result<std::string> cleaned_or_problem(ProposalItem& p, const Kiosk& k, PublishedCatalog& catalog,
                                       std::int64_t now_ms) {
    if (!core::is_uuid(p.id)) return std::string("the id is not a UUID");
    if (core::check_tracking_code(p.tracking_code) != core::TrackingCheck::ok)
        return std::string("the tracking code is not valid");
    if (p.tracking_code.rfind(k.code, 0) != 0) return std::string("the tracking code does not belong to this kiosk");
    core::FiledProposalFields f{p.category, p.region,      p.district, p.settlement, p.council,
                                p.title,    p.description, p.lang,     p.anonymous,  p.created_ms};
    if (std::string why = core::clean_and_check_filed(f, now_ms); !why.empty()) return why;
    if (p.anonymous && !p.contact_sealed.empty()) return std::string("an anonymous proposal carries contact details");
    if (!p.anonymous && p.contact_sealed.empty()) return std::string("a named proposal carries no contact details");
    if (!p.anonymous && !is_sealed_box(p.contact_sealed, core::proposal_contact_bytes()))
        return std::string("the contact details are not sealed as a kiosk seals them");
    for (auto [kind, id, what] : {std::tuple{"regions", &f.region, "region"}, std::tuple{"districts", &f.district, "district"},
                                  std::tuple{"councils", &f.council, "council"}}) {
        if (id->empty()) continue;
        auto why = catalog.problem(kind, *id, what);
        if (!why || !why->empty()) return why;
    }
    if (!f.district.empty()) {
        auto region = catalog.region_of_district(f.district);
        if (!region) return region.take_error();
        if (!region->empty() && *region != f.region) return std::string("the district is not in the region");
    }
    p.title = std::move(f.title);
    p.description = std::move(f.description);
    p.settlement = std::move(f.settlement);
    return std::string();
}

Result<std::string> problem_of(const SignupItem& s, PublishedCatalog& catalog, std::int64_t now_ms) {
    if (!core::is_uuid(s.id)) return std::string("the id is not a UUID");
    if (std::string why = core::check_filed(core::FiledSignupFields{s.ngo, s.opportunity, s.lang, s.created_ms}, now_ms);
        !why.empty())
        return why;
    if (!is_sealed_box(s.contact_sealed, core::signup_contact_bytes()))
        return std::string("the contact details are not sealed as a kiosk seals them");
    for (auto [kind, id, what] : {std::tuple{"ngos", &s.ngo, "organisation"}, std::tuple{"opportunities", &s.opportunity, "opportunity"}}) {
        if (id->empty()) continue;
        auto why = catalog.problem(kind, *id, what);
        if (!why || !why->empty()) return why;
    }
    return std::string();
}

}  // namespace

Result<std::string> remembered_database(const std::string& dir, const std::string& given) {
    const std::string path = dir + "/database";
    if (!given.empty()) {
        AUL_TRY(sql::check_conninfo(given));
        auto before = read_whole_file(path, 4096);
        if (!before || *before != given + "\n") {
            ::mkdir(dir.c_str(), 0700);
            AUL_TRY_CONTEXT(write_file_atomically(path, given + "\n", 0600), "remembering the database: ");
        }
        return given;
    }
    if (::access(path.c_str(), F_OK) != 0) return std::string();
    AUL_TRY_ASSIGN(auto text, read_whole_file(path, 4096));
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    if (text.empty()) return Error{path + " is empty: give the database with --db, or remove the file to use SQLite"};
    AUL_TRY_CONTEXT(sql::check_conninfo(text), path + ": ");
    return text;
}

Result<ServerStore> ServerStore::open(const ServerDatabase& where) {
    if (sodium_init() < 0) return Error{"libsodium could not start"};
    // The folder holds the keys that open residents' contacts: its owner's alone.
    ::mkdir(where.dir.c_str(), 0700);
    std::unique_ptr<sql::Connection> db;
    if (where.url.empty()) {
        AUL_TRY_ASSIGN(db, sql::open_sqlite(where.dir + "/national.db"));
        // Keys an older server kept in the file move to DIR/server.keys before the step that drops them.
        AUL_TRY_CONTEXT(sql::migrate(*db, kSqliteSteps, kKeysLeaveDatabase - 1), "server database: ");
        AUL_TRY(export_database_keys(where.dir, *db));
        AUL_TRY_CONTEXT(sql::migrate(*db, kSqliteSteps), "server database: ");
    } else {
        AUL_TRY_ASSIGN(db, sql::open_postgres(where.url));
        AUL_TRY_CONTEXT(sql::migrate(*db, kPostgresSteps), "server database: ");
    }
    AUL_TRY_ASSIGN(auto keys, load_or_make_keys(where.dir, *db));
    return ServerStore(where, std::move(db), std::make_shared<const ServerKeys>(std::move(keys)));
}

Result<ServerStore> ServerStore::another() const {
    std::unique_ptr<sql::Connection> db;
    if (where_.url.empty()) {
        AUL_TRY_ASSIGN(db, sql::open_sqlite(where_.dir + "/national.db"));
    } else {
        AUL_TRY_ASSIGN(db, sql::open_postgres(where_.url));
    }
    return ServerStore(where_, std::move(db), keys_);
}

Result<core::TrackingKey> ServerStore::tracking_key_for(const std::string& kiosk_code) const {
    // Derived, not stored: every enrolment of a kiosk code, on any instance, gets the same
    // key, and one kiosk's key tells nothing of another's.
    const std::string message = "aul tracking key " + kiosk_code;
    core::TrackingKey key;
    crypto_generichash(key.bytes.data(), key.bytes.size(), reinterpret_cast<const unsigned char*>(message.data()),
                       message.size(), keys_->tracking_secret.data(), keys_->tracking_secret.size());
    return key;
}

Result<std::string> ServerStore::new_enrollment_code(const std::string& for_kiosk) {
    if (!for_kiosk.empty()) {
        auto k = find_kiosk("code = ?1", for_kiosk);
        if (!k) return k.take_error();
        if (!k->has_value())
            return Error{"no kiosk has the code " + for_kiosk + " (national-api kiosks --json lists them); "
                         "a new kiosk takes a code made without --for"};
    }
    // Ten characters of the tracking alphabet: easy to read out, no look-alikes.
    std::string code;
    for (int i = 0; i < 10; ++i)
        code.push_back(core::kTrackingAlphabet[randombytes_uniform(static_cast<uint32_t>(core::kTrackingAlphabet.size()))]);
    AUL_TRY(db_->execute("INSERT INTO enrollment_codes(code, created_ms, for_kiosk) VALUES (?1, ?2, ?3)",
                         {code, core::now_ms(), for_kiosk.empty() ? sql::Value(nullptr) : sql::Value(for_kiosk)}));
    return code;
}

Result<std::int64_t> ServerStore::highest_sequence(const std::string& code) const {
    // Plain codes ('2' after the kiosk code) are fixed-width sequences in an alphabet in
    // ASCII order: the greatest is found on the tracking-code index. Keyed codes are in no
    // order: each of the kiosk's is read back through its key (a re-enrolment's rare work).
    const std::string plain = code + core::kTrackingAlphabet[0];
    AUL_TRY_ASSIGN(auto top, db_->query("SELECT max(tracking_code) FROM proposals WHERE tracking_code > ?1 AND "
                                        "tracking_code < ?2",
                                        {plain, code + core::kTrackingAlphabet[1]}));
    std::uint64_t highest = 0;
    if (!top.empty() && !top[0].is_null(0)) highest = core::tracking_sequence(top[0].text(0)).value_or(0);
    AUL_TRY_ASSIGN(auto key, tracking_key_for(code));
    AUL_TRY_ASSIGN(auto keyed, db_->query("SELECT tracking_code FROM proposals WHERE tracking_code > ?1 AND "
                                          "tracking_code < ?2",
                                          {code + core::kTrackingAlphabet[1], code + "~"}));
    for (const auto& row : keyed) highest = std::max(highest, core::tracking_sequence(row.text(0), &key).value_or(0));
    return static_cast<std::int64_t>(highest);
}

Status ServerStore::keep_signing_key(const std::string& kiosk_id, const std::string& key_b64, bool trust_again) {
    if (key_b64.empty()) return ok_status();
    AUL_TRY(db_->execute(std::string("INSERT INTO kiosk_keys(kiosk, signing_key, added_ms) "
                                     "VALUES (?1, ?2, ?3) ON CONFLICT(kiosk, signing_key) ") +
                             (trust_again ? "DO UPDATE SET revoked = 0" : "DO NOTHING"),
                         {kiosk_id, key_b64, core::now_ms()}));
    return ok_status();
}

Result<EnrollResponse> ServerStore::enroll(const EnrollRequest& req) {
    return sql::write_transaction(*db_, [&] { return enroll_in_transaction(req); });
}

Result<EnrollResponse> ServerStore::enroll_in_transaction(const EnrollRequest& req) {
    // Enrolments number kiosk codes from a count of kiosks: they take turns (first, before
    // reading anything), so instances enrolling at once wait rather than conflict.
    AUL_TRY(db_->take_turn("enrol"));
    AUL_TRY_ASSIGN(auto found, db_->query("SELECT used_by, coalesce(for_kiosk, ''), spent_key FROM enrollment_codes "
                                          "WHERE code = ?1",
                                          {req.enrollment_code}));
    if (found.empty()) return Error{"unknown enrolment code"};
    const std::string used_by = found[0].text(0);
    const std::string for_kiosk = found[0].text(1), spent_key = found[0].text(2);
    // The proof shows the request comes from the holder of the signing key's secret half:
    // a leaked enrolment code, even with the kiosk's public key, cannot repeat an enrolment.
    const bool proven = !req.proof.empty() && !req.signing_key.empty() &&
                        signature_matches(enrollment_proof(req.enrollment_code, req.signing_key), req.proof,
                                          req.signing_key);
    if (!req.proof.empty() && !proven) return Error{"the enrolment's proof does not match its signing key"};

    EnrollResponse out;
    out.public_key = keys_->public_key_b64();
    out.token = random_hex(32);
    out.reenrolled = !for_kiosk.empty();
    const std::int64_t now = core::now_ms();

    if (!used_by.empty()) {
        // Spent: only the same kiosk asking again, after a reply it never received.
        if (!proven || spent_key.empty() || req.signing_key != spent_key)
            return Error{"this enrolment code was used already"};
        auto k = find_kiosk("id = ?1", used_by);
        if (!k) return k.take_error();
        if (!k->has_value() || (*k)->signing_key != spent_key)
            return Error{"this enrolment code was used already, and its kiosk has enrolled again since"};
        if ((*k)->revoked) return Error{"kiosk " + (*k)->code + " was revoked by the national operators"};
        out.kiosk_id = (*k)->id;
        out.kiosk_code = (*k)->code;
        // Only hashes are kept, so the token of the lost reply cannot be sent again: a
        // fresh one replaces it, and the lost one stops working.
        AUL_TRY(db_->execute("UPDATE kiosks SET token_hash = ?2 WHERE id = ?1", {out.kiosk_id, token_hash(out.token)}));
    } else if (!for_kiosk.empty()) {
        if (!req.kiosk_code.empty() && req.kiosk_code != for_kiosk)
            return Error{"this enrolment code is for kiosk " + for_kiosk + ", but this kiosk files with code " +
                         req.kiosk_code + ": ask the national operators for a code made with national-api "
                         "enrollment-code --for " + req.kiosk_code + "; this code was not spent"};
        auto k = find_kiosk("code = ?1", for_kiosk);
        if (!k) return k.take_error();
        if (!k->has_value()) return Error{"no kiosk has the code " + for_kiosk};
        out.kiosk_id = (*k)->id;
        out.kiosk_code = for_kiosk;
        // The previous token ends now; the operators' code for this kiosk also lifts a
        // revocation (the keys in use when it was revoked stay refused).
        AUL_TRY(db_->execute("UPDATE kiosks SET token_hash = ?2, signing_key = ?3, revoked = 0, "
                             "region = CASE WHEN ?4 = '' THEN region ELSE ?4 END, "
                             "district = CASE WHEN ?5 = '' THEN district ELSE ?5 END, "
                             "settlement = CASE WHEN ?6 = '' THEN settlement ELSE ?6 END WHERE id = ?1",
                             {out.kiosk_id, token_hash(out.token), req.signing_key, req.region, req.district,
                              req.settlement}));
    } else {
        auto taken_by = [&](const std::string& code) -> Result<bool> {
            AUL_TRY_ASSIGN(auto rows, db_->query("SELECT 1 FROM kiosks WHERE code = ?1", {code}));
            return !rows.empty();
        };
        const bool has_code = core::make_tracking_code(req.kiosk_code, 0).has_value();
        if (has_code) {
            auto taken = taken_by(req.kiosk_code);
            if (!taken) return taken.take_error();
            // Another code would break the tracking codes it printed; the same code is a
            // re-enrolment the operators must ask for.
            if (*taken)
                return Error{"kiosk code " + req.kiosk_code + " belongs to an enrolled kiosk: if this is that kiosk, "
                             "the national operators make a code for it with national-api enrollment-code --for " +
                             req.kiosk_code + "; a different kiosk needs a code of its own; this code was not spent"};
        }
        AUL_TRY_ASSIGN(auto count, db_->scalar("SELECT count(*) FROM kiosks"));
        out.kiosk_id = core::new_uuid_v7();
        // A kiosk that was given a code at installation keeps it, so the tracking codes it
        // already printed stay its own.
        out.kiosk_code = has_code ? req.kiosk_code : kiosk_code_for(count + 1);
        for (std::int64_t n = count + 2;; ++n) {  // the numbered code may belong to a kiosk that chose it
            auto taken = taken_by(out.kiosk_code);
            if (!taken) return taken.take_error();
            if (!*taken) break;
            out.kiosk_code = kiosk_code_for(n);
        }
        // The code's uniqueness is the database's: an instance enrolling at the same moment
        // makes this insert conflict, and the whole enrolment runs again.
        AUL_TRY(db_->execute(
            "INSERT INTO kiosks(id, code, token_hash, region, district, settlement, signing_key, enrolled_ms) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            {out.kiosk_id, out.kiosk_code, token_hash(out.token), req.region, req.district, req.settlement,
             req.signing_key, now}));
    }
    AUL_TRY(keep_signing_key(out.kiosk_id, req.signing_key, /*trust_again=*/false));
    auto high = highest_sequence(out.kiosk_code);
    if (!high) return high.take_error();
    out.highest_sequence = *high;
    AUL_TRY_ASSIGN(auto tracking_key, tracking_key_for(out.kiosk_code));
    out.tracking_key = tracking_key.hex();
    if (used_by.empty()) {
        AUL_TRY(db_->execute("UPDATE enrollment_codes SET used_by = ?1, spent_key = ?3, used_ms = ?4 WHERE code = ?2",
                             {out.kiosk_id, req.enrollment_code, proven ? req.signing_key : std::string(), now}));
    }
    return out;
}

Result<std::optional<Kiosk>> ServerStore::find_kiosk(const char* where_sql, const std::string& value) const {
    AUL_TRY_ASSIGN(auto rows,
                   db_->query(std::string("SELECT id, code, revoked, signing_key FROM kiosks WHERE ") + where_sql, {value}));
    if (rows.empty()) return std::optional<Kiosk>{};
    const auto& r = rows[0];
    return std::optional<Kiosk>{Kiosk{r.text(0), r.text(1), r.integer(2) != 0, r.text(3)}};
}

Result<std::optional<Kiosk>> ServerStore::kiosk_for_token(const std::string& token) const {
    return find_kiosk("token_hash = ?1", token_hash(token));
}

Result<std::optional<Kiosk>> ServerStore::kiosk_by_id(const std::string& id) const {
    return find_kiosk("id = ?1", id);
}

Status ServerStore::revoke(const std::string& kiosk_code) {
    return sql::write_transaction(*db_, [&]() -> Status {
        AUL_TRY_ASSIGN(auto changed, db_->execute("UPDATE kiosks SET revoked = 1 WHERE code = ?1", {kiosk_code}));
        if (changed == 0) return Error{"no kiosk has the code " + kiosk_code};
        // A revoked kiosk may be in the wrong hands: nothing its keys signed is trusted again.
        AUL_TRY(db_->execute("UPDATE kiosk_keys SET revoked = 1 WHERE kiosk = (SELECT id FROM kiosks WHERE code = ?1)",
                             {kiosk_code}));
        return ok_status();
    });
}

Result<std::vector<std::string>> ServerStore::signing_keys(const std::string& kiosk_id) const {
    AUL_TRY_ASSIGN(auto rows, db_->query("SELECT k.signing_key FROM kiosk_keys k JOIN kiosks ON kiosks.id = k.kiosk "
                                         "WHERE k.kiosk = ?1 AND k.revoked = 0 "
                                         "ORDER BY k.signing_key = kiosks.signing_key DESC, k.added_ms DESC",
                                         {kiosk_id}));
    std::vector<std::string> out;
    for (const auto& r : rows) out.push_back(r.text(0));
    return out;
}

Status ServerStore::set_signing_key(const std::string& kiosk_code, const std::string& key_b64) {
    if (!from_base64(key_b64, kSigningKeyBytes))
        return Error{"a signing key is base64 of " + std::to_string(kSigningKeyBytes) +
                     " bytes, as kioskctl signing-key prints it"};
    return sql::write_transaction(*db_, [&]() -> Status {
        AUL_TRY_ASSIGN(auto rows, db_->query("UPDATE kiosks SET signing_key = ?2 WHERE code = ?1 RETURNING id",
                                             {kiosk_code, key_b64}));
        if (rows.empty()) return Error{"no kiosk has the code " + kiosk_code};
        return keep_signing_key(rows[0].text(0), key_b64, /*trust_again=*/true);
    });
}

namespace {
// The answer for an id stored before in `table` (proposals or signups): another kiosk's id
// is a conflict that says nothing of what it holds; this kiosk's is a duplicate when the
// content is the same, a conflict when not. nullopt for a new id.
Result<std::optional<ItemResult>> seen_before(sql::Connection& db, const char* table, const Kiosk& k,
                                              const std::string& id, const std::string& hash) {
    AUL_TRY_ASSIGN(auto rows,
                   db.query(std::string("SELECT kiosk, content_hash FROM ") + table + " WHERE id = ?1", {id}));
    std::optional<ItemResult> out;
    if (rows.empty()) return out;
    if (rows[0].text(0) != k.id) return std::optional<ItemResult>{ItemResult{id, ItemStatus::conflict, "this id belongs to another kiosk"}};
    bool same = rows[0].text(1) == hash;
    return std::optional<ItemResult>{ItemResult{id, same ? ItemStatus::duplicate : ItemStatus::conflict,
                                                same ? "" : "this id was received before with other content"}};
}

// Only the owner's id decides whether the item is known; another kiosk's is answered at once.
Result<bool> owned_by_another(sql::Connection& db, const char* table, const Kiosk& k, const std::string& id) {
    AUL_TRY_ASSIGN(auto rows, db.query(std::string("SELECT kiosk FROM ") + table + " WHERE id = ?1", {id}));
    return !rows.empty() && rows[0].text(0) != k.id;
}
}  // namespace

Result<SubmitResponse> ServerStore::submit(const Kiosk& k, const SubmitRequest& req, std::int64_t now_ms) {
    return sql::write_transaction(*db_, [&] { return submit_in_transaction(k, req, now_ms); });
}

Result<SubmitResponse> ServerStore::submit_in_transaction(const Kiosk& k, const SubmitRequest& req,
                                                          std::int64_t now_ms) {
    SubmitResponse out;
    // The kiosk's status changes are numbered; its writers commit in turn so the kiosk,
    // following the numbers, never passes one committed late.
    AUL_TRY(db_->take_turn("status " + k.id));
    PublishedCatalog catalog(*db_);
    for (const auto& raw : req.proposals) {
        // Ownership first: nothing about another kiosk's item, not even whether this copy
        // matches it, is answered.
        if (!core::is_uuid(raw.id)) {
            out.results.push_back({raw.id, ItemStatus::rejected, "the id is not a UUID"});
            continue;
        }
        AUL_TRY_ASSIGN(bool foreign, owned_by_another(*db_, "proposals", k, raw.id));
        if (foreign) {
            out.results.push_back({raw.id, ItemStatus::conflict, "this id belongs to another kiosk"});
            continue;
        }
        ProposalItem p = raw;
        AUL_TRY_ASSIGN(auto why, cleaned_or_problem(p, k, catalog, now_ms));
        // A resend is compared as it would be stored; an item stored before these rules
        // that no longer passes them is compared as sent, so it is still a duplicate.
        std::string body = body_of(why.empty() ? p : raw);
        std::string hash = token_hash(body);
        AUL_TRY_ASSIGN(auto seen, seen_before(*db_, "proposals", k, raw.id, hash));
        if (seen) {
            out.results.push_back(*seen);
            continue;
        }
        if (!why.empty()) {
            out.results.push_back({raw.id, ItemStatus::rejected, why});
            continue;
        }
        AUL_TRY_ASSIGN(auto holder, db_->query("SELECT kiosk FROM proposals WHERE tracking_code = ?1", {p.tracking_code}));
        if (!holder.empty()) {
            out.results.push_back({p.id, ItemStatus::conflict,
                                   holder[0].text(0) == k.id ? "the tracking code belongs to another proposal"
                                                             : "this tracking code belongs to another kiosk"});
            continue;
        }
        AUL_TRY(db_->execute("INSERT INTO proposals(id, kiosk, tracking_code, content_hash, body, received_ms) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                             {p.id, k.id, p.tracking_code, hash, body, now_ms}));
        AUL_TRY(db_->execute("INSERT INTO status_changes(kiosk, tracking_code, state, at_ms) "
                             "VALUES (?1, ?2, 'delivered', ?3)",
                             {k.id, p.tracking_code, now_ms}));
        out.results.push_back({p.id, ItemStatus::accepted, ""});
    }
    for (const auto& s : req.signups) {
        if (!core::is_uuid(s.id)) {
            out.results.push_back({s.id, ItemStatus::rejected, "the id is not a UUID"});
            continue;
        }
        AUL_TRY_ASSIGN(bool foreign, owned_by_another(*db_, "signups", k, s.id));
        if (foreign) {
            out.results.push_back({s.id, ItemStatus::conflict, "this id belongs to another kiosk"});
            continue;
        }
        std::string body = body_of(s);
        std::string hash = token_hash(body);
        AUL_TRY_ASSIGN(auto seen, seen_before(*db_, "signups", k, s.id, hash));
        if (seen) {
            out.results.push_back(*seen);
            continue;
        }
        AUL_TRY_ASSIGN(auto why, problem_of(s, catalog, now_ms));
        if (!why.empty()) {
            out.results.push_back({s.id, ItemStatus::rejected, why});
            continue;
        }
        AUL_TRY(db_->execute("INSERT INTO signups(id, kiosk, content_hash, body, received_ms) VALUES (?1, ?2, ?3, ?4, ?5)",
                             {s.id, k.id, hash, body, now_ms}));
        out.results.push_back({s.id, ItemStatus::accepted, ""});
    }
    return out;
}

Result<std::int64_t> ServerStore::signup_count() const { return db_->scalar("SELECT count(*) FROM signups"); }

Result<StatusResponse> ServerStore::status_since(const Kiosk& k, std::int64_t since) const {
    AUL_TRY_ASSIGN(auto rows, db_->query("SELECT tracking_code, state, answer, at_ms, seq FROM status_changes "
                                         "WHERE kiosk = ?1 AND seq > ?2 ORDER BY seq LIMIT 500",
                                         {k.id, since}));
    StatusResponse out;
    out.cursor = since;
    for (const auto& r : rows) {
        out.changes.push_back({r.text(0), r.text(1), r.text(2), r.integer(3), r.integer(4)});
        out.cursor = r.integer(4);
    }
    return out;
}

Status ServerStore::set_status(const std::string& code, const std::string& state, const std::string& answer,
                               std::int64_t now_ms) {
    if (!core::is_proposal_state(state) || state == "queued")
        return Error{"state must be one of delivered, in_review, accepted, rejected, implemented"};
    return sql::write_transaction(*db_, [&]() -> Status {
        AUL_TRY_ASSIGN(auto owner, db_->query("SELECT kiosk FROM proposals WHERE tracking_code = ?1", {code}));
        if (owner.empty()) return Error{"no proposal has the tracking code " + code};
        const std::string kiosk = owner[0].text(0);
        AUL_TRY(db_->take_turn("status " + kiosk));
        AUL_TRY(db_->execute("UPDATE proposals SET state = ?1, answer = ?2 WHERE tracking_code = ?3",
                             {state, answer, code}));
        AUL_TRY(db_->execute("INSERT INTO status_changes(kiosk, tracking_code, state, answer, at_ms) "
                             "VALUES (?1, ?2, ?3, ?4, ?5)",
                             {kiosk, code, state, answer, now_ms}));
        return ok_status();
    });
}

namespace {
// Dependency order: what a record refers to is published (and so applied) before it, and
// removed after it.
constexpr const char* kCatalogKinds[] = {"categories", "regions", "districts", "ngos", "councils", "opportunities"};
std::string key_of(const std::string& kind, const nlohmann::json& rec) {
    bool by_code = kind == "categories" || kind == "regions" || kind == "districts";
    auto it = rec.find(by_code ? "code" : "id");
    return it != rec.end() && it->is_string() ? it->get<std::string>() : std::string();
}
}  // namespace

Result<ServerStore::PublishReport> ServerStore::publish_catalog(const std::string& text, std::int64_t) {
    // The whole file must be a valid catalogue before anything of it is published.
    AUL_TRY(core::parse_catalog(text));
    auto doc = nlohmann::json::parse(text);
    // The file's order of categories is the order kiosks show them in: it travels with each.
    if (doc.contains("categories"))
        for (std::size_t i = 0; i < doc["categories"].size(); ++i) doc["categories"][i]["position"] = i;
    // Versions are taken from the highest: two publications at once conflict, and the
    // second runs again after the first, so versions commit in their order.
    return sql::write_transaction(*db_, [&]() -> Result<PublishReport> {
        AUL_TRY_ASSIGN(std::int64_t version, db_->scalar("SELECT coalesce(max(version), 0) FROM catalog_items"));
        PublishReport rep;
        std::map<std::string, std::set<std::string>> present;
        for (const char* kind : kCatalogKinds) {
            if (!doc.contains(kind)) continue;
            // What is published now, read once per kind: only what changed is written.
            AUL_TRY_ASSIGN(auto published, db_->query("SELECT id, hash FROM catalog_items WHERE kind = ?1 AND "
                                                      "deleted = 0",
                                                      {std::string(kind)}));
            std::map<std::string, std::string> hash_of;
            for (const auto& row : published) hash_of.emplace(row.text(0), row.text(1));
            for (const auto& rec : doc[kind]) {
                std::string id = key_of(kind, rec), body = rec.dump(), hash = token_hash(body);
                present[kind].insert(id);
                if (auto it = hash_of.find(id); it != hash_of.end() && it->second == hash) continue;
                AUL_TRY(db_->execute("INSERT INTO catalog_items(kind, id, version, deleted, hash, record) "
                                     "VALUES (?1, ?2, ?3, 0, ?4, ?5) ON CONFLICT(kind, id) DO UPDATE SET "
                                     "version = ?3, deleted = 0, hash = ?4, record = ?5",
                                     {std::string(kind), id, ++version, hash, body}));
                ++rep.changed;
            }
        }
        for (auto it = std::rbegin(kCatalogKinds); it != std::rend(kCatalogKinds); ++it) {
            const std::string kind = *it;
            AUL_TRY_ASSIGN(auto live, db_->query("SELECT id FROM catalog_items WHERE kind = ?1 AND deleted = 0", {kind}));
            for (const auto& row : live) {
                if (present[kind].count(row.text(0))) continue;
                AUL_TRY(db_->execute("UPDATE catalog_items SET version = ?3, deleted = 1, record = '' "
                                     "WHERE kind = ?1 AND id = ?2",
                                     {kind, row.text(0), ++version}));
                ++rep.deleted;
            }
        }
        rep.version = version;
        return rep;
    });
}

Result<CatalogPage> ServerStore::catalog_since(std::int64_t since, std::size_t max_bytes) const {
    AUL_TRY_ASSIGN(auto rows, db_->query("SELECT kind, id, version, deleted, record FROM catalog_items "
                                         "WHERE version > ?1 ORDER BY version LIMIT ?2",
                                         {since, static_cast<std::int64_t>(kCatalogPageItems) + 1}));
    CatalogPage page;
    page.cursor = since;
    std::size_t bytes = 40;  // {"items":[],"cursor":N,"more":false}
    for (const auto& r : rows) {
        CatalogItem item{r.text(0), r.text(1), r.integer(2), r.integer(3) != 0, r.text(4)};
        // The item as encode() writes it: its record plus the fields around it.
        std::size_t item_bytes = item.record.size() + item.kind.size() + item.id.size() + 64;
        if (!page.items.empty() && (bytes + item_bytes > max_bytes || page.items.size() == kCatalogPageItems)) {
            page.more = true;
            break;
        }
        bytes += item_bytes;
        page.cursor = item.version;
        page.items.push_back(std::move(item));
    }
    return page;
}

Status ServerStore::record_heartbeat(const Kiosk& k, const Heartbeat& hb, std::int64_t now_ms) {
    AUL_TRY(db_->execute("INSERT INTO heartbeats(kiosk, at_ms, body) VALUES (?1, ?2, ?3) "
                         "ON CONFLICT(kiosk) DO UPDATE SET at_ms = ?2, body = ?3",
                         {k.id, now_ms, encode(hb)}));
    AUL_TRY(db_->execute("UPDATE kiosks SET issued_sequence = ?2 WHERE id = ?1 AND issued_sequence < ?2",
                         {k.id, hb.highest_sequence}));
    return ok_status();
}

Result<KioskIdentity> ServerStore::identity(const Kiosk& k) const {
    AUL_TRY_ASSIGN(auto key, tracking_key_for(k.code));
    return KioskIdentity{k.code, key.hex()};
}

Result<TrackLookup> ServerStore::find_progress(const std::string& code) const {
    TrackLookup out;
    out.tracking_code = code;
    if (core::check_tracking_code(code) != core::TrackingCheck::ok) return out;
    AUL_TRY_ASSIGN(auto found, db_->query("SELECT state, answer FROM proposals WHERE tracking_code = ?1", {code}));
    if (!found.empty()) {
        out.found = LookupFound::yes;
        out.state = found[0].text(0);
        out.answer = found[0].text(1);
        AUL_TRY_ASSIGN(auto history,
                       db_->query("SELECT state, at_ms FROM (SELECT state, at_ms, seq FROM status_changes WHERE "
                                  "tracking_code = ?1 ORDER BY seq DESC LIMIT ?2) AS latest ORDER BY seq",
                                  {code, static_cast<std::int64_t>(core::kMaxHistoryEntries)}));
        for (const auto& h : history) out.history.push_back({h.text(0), h.integer(1)});
        return out;
    }
    // Not here: on its way when its kiosk says it issued that far, else no such code.
    const std::string kiosk_code = code.substr(0, core::kKioskCodeLength);
    AUL_TRY_ASSIGN(auto issued, db_->query("SELECT issued_sequence FROM kiosks WHERE code = ?1", {kiosk_code}));
    if (issued.empty()) return out;
    const std::int64_t highest_issued = issued[0].integer(0);
    AUL_TRY_ASSIGN(auto key, tracking_key_for(kiosk_code));
    auto sequence = core::tracking_sequence(code, &key);
    if (sequence && *sequence > 0 && static_cast<std::int64_t>(*sequence) <= highest_issued)
        out.found = LookupFound::not_arrived;
    return out;
}

Result<LookupReply> ServerStore::look_up(const Kiosk& asking, const std::string& code, std::int64_t now_ms,
                                         const LookupLimits& limits) {
    constexpr std::int64_t kHourMs = 3'600'000;
    const std::int64_t hour = now_ms / kHourMs;
    return sql::write_transaction(*db_, [&]() -> Result<LookupReply> {
        AUL_TRY_ASSIGN(auto counted, db_->query("SELECT lookups, misses FROM lookup_counts WHERE kiosk = ?1 AND hour = ?2",
                                                {asking.id, hour}));
        const bool seen = !counted.empty();
        const std::int64_t lookups = seen ? counted[0].integer(0) : 0, misses = seen ? counted[0].integer(1) : 0;
        LookupReply reply;
        if (lookups >= limits.lookups_per_hour || misses >= limits.misses_per_hour) {
            reply.retry_after_s = std::max<std::int64_t>(1, ((hour + 1) * kHourMs - now_ms + 999) / 1000);
            return reply;
        }
        AUL_TRY_ASSIGN(auto answer, find_progress(code));
        const std::int64_t miss = answer.found != LookupFound::yes ? 1 : 0;
        AUL_TRY(db_->execute("INSERT INTO lookup_counts(kiosk, hour, lookups, misses) VALUES (?1, ?2, 1, ?3) "
                             "ON CONFLICT(kiosk, hour) DO UPDATE SET lookups = lookup_counts.lookups + 1, "
                             "misses = lookup_counts.misses + ?3",
                             {asking.id, hour, miss}));
        if (!seen) {
            // The kiosk's first lookup this hour: its older hours are of no more use.
            AUL_TRY(db_->execute("DELETE FROM lookup_counts WHERE kiosk = ?1 AND hour < ?2", {asking.id, hour}));
        }
        reply.answer = std::move(answer);
        return reply;
    });
}

Result<std::string> ServerStore::kiosks_json() const {
    AUL_TRY_ASSIGN(auto rows, db_->query("SELECT k.code, k.settlement, k.revoked, coalesce(h.at_ms, 0), "
                                         "coalesce(h.body, '{}') FROM kiosks k LEFT JOIN heartbeats h ON h.kiosk = k.id "
                                         "ORDER BY k.code"));
    std::string out;
    for (const auto& r : rows) {
        nlohmann::json j{{"kiosk_code", r.text(0)},
                         {"settlement", r.text(1)},
                         {"revoked", r.integer(2) != 0},
                         {"last_heartbeat_ms", r.integer(3)},
                         {"heartbeat", nlohmann::json::parse(r.text(4), nullptr, false)}};
        out += j.dump() + "\n";
    }
    return out;
}

Result<std::string> ServerStore::public_key() const { return keys_->public_key_b64(); }

Result<std::string> ServerStore::open_contact(const std::string& tracking_code) const {
    AUL_TRY_ASSIGN(auto rows, db_->query("SELECT body FROM proposals WHERE tracking_code = ?1", {tracking_code}));
    if (rows.empty()) return Error{"no proposal has the tracking code " + tracking_code};
    auto body = nlohmann::json::parse(rows[0].text(0), nullptr, false);
    std::string sealed = body.is_object() ? body.value("contact_sealed", "") : "";
    if (sealed.empty()) return Error{"this proposal is anonymous"};
    auto box = from_base64(sealed);
    if (!box || box->size() < crypto_box_SEALBYTES) return Error{"the sealed contact details are damaged"};
    std::vector<unsigned char> plain(box->size() - crypto_box_SEALBYTES);
    if (crypto_box_seal_open(plain.data(), box->data(), box->size(), keys_->contact_public.data(),
                             keys_->contact_secret.data()) != 0)
        return Error{"the contact details were not sealed to this server's key"};
    return std::string(plain.begin(), plain.end());
}

Result<std::string> ServerStore::proposals_json() const {
    AUL_TRY_ASSIGN(auto rows, db_->query("SELECT p.id, k.code, p.body, p.state, p.answer, p.received_ms FROM proposals p "
                                         "JOIN kiosks k ON k.id = p.kiosk ORDER BY p.received_ms, p.id"));
    std::string out;
    for (const auto& r : rows) {
        auto body = nlohmann::json::parse(r.text(2), nullptr, false);
        body.erase("contact_sealed");  // sealed details are for `open-contact` with the key, not listings
        body["id"] = r.text(0);
        body["kiosk_code"] = r.text(1);
        body["state"] = r.text(3);
        body["answer"] = r.text(4);
        body["received_ms"] = r.integer(5);
        out += body.dump() + "\n";
    }
    return out;
}

}  // namespace aul::sync
