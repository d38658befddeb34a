#include "sync/server/server_store.h"

#include <sodium.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include <nlohmann/json.hpp>


#include "core/catalog_json.h"
#include "core/proposal.h"
#include "store/schema.h"

#include <map>
#include <set>
#include <tuple>
#include "core/tracking.h"
#include "core/uuid.h"
#include "sync/signing.h"

namespace aul::sync {

namespace {

// Version 1: kiosks, enrolment codes, what kiosks sent, status changes, the catalogue and
// heartbeats. Written with IF NOT EXISTS: databases made before the server counted
// versions hold exactly these tables at user_version 0.
constexpr const char* kV1 = R"sql(
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
constexpr const char* kV2 = R"sql(
ALTER TABLE kiosks ADD COLUMN signing_key TEXT NOT NULL DEFAULT '';
)sql";

// Version 3: re-enrolment. An enrolment code may be made for an enrolled kiosk
// (`for_kiosk`, its kiosk code) and remembers the signing key that spent it, so a retry
// after a lost reply is recognised. Every signing key a kiosk has had is kept, so bundles
// written before a re-enrolment still import; revocation marks them all.
constexpr const char* kV3 = R"sql(
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
constexpr const char* kV4 = R"sql(
CREATE TABLE tracking_secret(id INTEGER PRIMARY KEY CHECK(id = 1), secret BLOB NOT NULL);
ALTER TABLE kiosks ADD COLUMN issued_sequence INTEGER NOT NULL DEFAULT 0;
CREATE TABLE lookup_counts(
  kiosk TEXT NOT NULL, hour INTEGER NOT NULL, lookups INTEGER NOT NULL DEFAULT 0, misses INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY(kiosk, hour));
CREATE INDEX status_changes_by_code ON status_changes(tracking_code, seq);
)sql";

constexpr const char* kMigrations[] = {kV1, kV2, kV3, kV4};

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

// What the national catalogue ever published, for checking the codes items name. A code
// withdrawn later stays known (its tombstone remains): a proposal filed offline while it
// was current is still accepted. A kind never published at all checks nothing, so a
// server before its first catalogue still takes proposals (their codes must look like
// codes, core::clean_and_check_filed).
class PublishedCatalog {
public:
    static Result<PublishedCatalog> over(const store::Db& db) {
        auto any = db.prepare("SELECT 1 FROM catalog_items WHERE kind = ?1 LIMIT 1");
        auto one = db.prepare("SELECT record FROM catalog_items WHERE kind = ?1 AND id = ?2");
        if (!any) return any.take_error();
        if (!one) return one.take_error();
        return PublishedCatalog(std::move(*any), std::move(*one));
    }
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
    PublishedCatalog(store::Stmt any, store::Stmt one) : any_(std::move(any)), one_(std::move(one)) {}
    Result<bool> ever_published(const std::string& kind) {
        if (auto it = ever_.find(kind); it != ever_.end()) return it->second;
        any_.bind(1, kind);
        auto row = any_.step();
        any_.reset();
        if (!row) return row.take_error();
        ever_[kind] = *row;
        return *row;
    }
    Result<std::optional<std::string>> record(const std::string& kind, const std::string& id) {
        one_.bind(1, kind).bind(2, id);
        auto row = one_.step();
        if (!row) {
            one_.reset();
            return row.take_error();
        }
        std::optional<std::string> out;
        if (*row) out = one_.text(0);
        one_.reset();
        return out;
    }
    store::Stmt any_, one_;
    std::map<std::string, bool> ever_;
};

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

Result<ServerStore> ServerStore::open(const std::string& dir) {
    if (sodium_init() < 0) return Error{"libsodium could not start"};
    ::mkdir(dir.c_str(), 0700);
    AUL_TRY_ASSIGN(auto db, store::Db::open(dir + "/national.db"));
    AUL_TRY_CONTEXT(store::run_migrations(db, kMigrations, static_cast<int>(std::size(kMigrations))),
                    "server database: ");
    if (*db.scalar_int("SELECT count(*) FROM keys") == 0) {
        // The key pair that seals residents' contact details; only the server can open them.
        unsigned char pk[crypto_box_PUBLICKEYBYTES], sk[crypto_box_SECRETKEYBYTES];
        crypto_box_keypair(pk, sk);
        AUL_TRY_ASSIGN(auto st, db.prepare("INSERT INTO keys(id, public_key, secret_key) VALUES (1, ?1, ?2)"));
        sqlite3_bind_blob(st.raw(), 1, pk, sizeof pk, SQLITE_TRANSIENT);
        sqlite3_bind_blob(st.raw(), 2, sk, sizeof sk, SQLITE_TRANSIENT);
        AUL_TRY(st.run());
        sodium_memzero(sk, sizeof sk);
    }
    if (*db.scalar_int("SELECT count(*) FROM tracking_secret") == 0) {
        unsigned char secret[crypto_generichash_KEYBYTES];
        randombytes_buf(secret, sizeof secret);
        AUL_TRY_ASSIGN(auto st, db.prepare("INSERT OR IGNORE INTO tracking_secret(id, secret) VALUES (1, ?1)"));
        sqlite3_bind_blob(st.raw(), 1, secret, sizeof secret, SQLITE_TRANSIENT);
        AUL_TRY(st.run());
        sodium_memzero(secret, sizeof secret);
    }
    return ServerStore(std::move(db));
}

Result<core::TrackingKey> ServerStore::tracking_key_for(const std::string& kiosk_code) const {
    AUL_TRY_ASSIGN(auto st, db_.prepare("SELECT secret FROM tracking_secret WHERE id = 1"));
    AUL_TRY_ASSIGN(auto row, st.step());
    if (!row || sqlite3_column_bytes(st.raw(), 0) != crypto_generichash_KEYBYTES)
        return Error{"the server has no tracking secret"};
    // Derived, not stored: every enrolment of a kiosk code, on any instance, gets the same
    // key, and one kiosk's key tells nothing of another's.
    const std::string message = "aul tracking key " + kiosk_code;
    core::TrackingKey key;
    crypto_generichash(key.bytes.data(), key.bytes.size(), reinterpret_cast<const unsigned char*>(message.data()),
                       message.size(), static_cast<const unsigned char*>(sqlite3_column_blob(st.raw(), 0)),
                       crypto_generichash_KEYBYTES);
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
    AUL_TRY_ASSIGN(
        auto st,
        db_.prepare(
            "INSERT INTO enrollment_codes(code, created_ms, for_kiosk) VALUES (?1, strftime('%s','now') * 1000, ?2)"));
    st.bind(1, code);
    if (for_kiosk.empty())
        st.bind_null(2);
    else
        st.bind(2, for_kiosk);
    AUL_TRY(st.run());
    return code;
}

Result<std::int64_t> ServerStore::highest_sequence(const std::string& code) const {
    // Plain codes ('2' after the kiosk code) are fixed-width sequences in an alphabet in
    // ASCII order: the greatest is found on the tracking-code index. Keyed codes are in no
    // order: each of the kiosk's is read back through its key (a re-enrolment's rare work).
    const std::string plain = code + core::kTrackingAlphabet[0];
    AUL_TRY_ASSIGN(auto top, db_.prepare("SELECT max(tracking_code) FROM proposals WHERE tracking_code > ?1 AND "
                                         "tracking_code < ?2"));
    top.bind(1, plain).bind(2, code + core::kTrackingAlphabet[1]);
    AUL_TRY_ASSIGN(auto row, top.step());
    std::uint64_t highest = 0;
    if (row && !top.is_null(0)) highest = core::tracking_sequence(top.text(0)).value_or(0);
    AUL_TRY_ASSIGN(auto key, tracking_key_for(code));
    AUL_TRY_ASSIGN(auto keyed, db_.prepare("SELECT tracking_code FROM proposals WHERE tracking_code > ?1 AND "
                                           "tracking_code < ?2"));
    keyed.bind(1, code + core::kTrackingAlphabet[1]).bind(2, code + "~");
    AUL_TRY(keyed.each_row([&] { highest = std::max(highest, core::tracking_sequence(keyed.text(0), &key).value_or(0)); }));
    return static_cast<std::int64_t>(highest);
}

Status ServerStore::keep_signing_key(const std::string& kiosk_id, const std::string& key_b64, bool trust_again) {
    if (key_b64.empty()) return ok_status();
    AUL_TRY_ASSIGN(
        auto st,
        db_.prepare(std::string("INSERT INTO kiosk_keys(kiosk, signing_key, added_ms) "
                                "VALUES (?1, ?2, strftime('%s','now') * 1000) ON CONFLICT(kiosk, signing_key) ") +
                    (trust_again ? "DO UPDATE SET revoked = 0" : "DO NOTHING")));
    st.bind(1, kiosk_id).bind(2, key_b64);
    return st.run();
}

Result<EnrollResponse> ServerStore::enroll(const EnrollRequest& req) {
    AUL_TRY_ASSIGN(auto tx, store::WriteTx::begin(db_));
    AUL_TRY_ASSIGN(
        auto find,
        db_.prepare("SELECT used_by, coalesce(for_kiosk, ''), spent_key FROM enrollment_codes WHERE code = ?1"));
    find.bind(1, req.enrollment_code);
    AUL_TRY_ASSIGN(auto row, find.step());
    if (!row) return Error{"unknown enrolment code"};
    const std::string used_by = find.is_null(0) ? std::string() : find.text(0);
    const std::string for_kiosk = find.text(1), spent_key = find.text(2);
    find.reset();
    // The proof shows the request comes from the holder of the signing key's secret half:
    // a leaked enrolment code, even with the kiosk's public key, cannot repeat an enrolment.
    const bool proven = !req.proof.empty() && !req.signing_key.empty() &&
                        signature_matches(enrollment_proof(req.enrollment_code, req.signing_key), req.proof,
                                          req.signing_key);
    if (!req.proof.empty() && !proven) return Error{"the enrolment's proof does not match its signing key"};

    EnrollResponse out;
    auto key = public_key();
    if (!key) return key.take_error();
    out.public_key = std::move(*key);
    out.token = random_hex(32);
    out.reenrolled = !for_kiosk.empty();
    AUL_TRY_ASSIGN(auto set_token, db_.prepare("UPDATE kiosks SET token_hash = ?2 WHERE id = ?1"));

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
        set_token.bind(1, out.kiosk_id).bind(2, token_hash(out.token));
        AUL_TRY(set_token.run());
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
        AUL_TRY_ASSIGN(auto upd,
                       db_.prepare("UPDATE kiosks SET token_hash = ?2, signing_key = ?3, revoked = 0, "
                                   "region = CASE WHEN ?4 = '' THEN region ELSE ?4 END, "
                                   "district = CASE WHEN ?5 = '' THEN district ELSE ?5 END, "
                                   "settlement = CASE WHEN ?6 = '' THEN settlement ELSE ?6 END WHERE id = ?1"));
        upd.bind(1, out.kiosk_id).bind(2, token_hash(out.token)).bind(3, req.signing_key);
        upd.bind(4, req.region).bind(5, req.district).bind(6, req.settlement);
        AUL_TRY(upd.run());
    } else {
        auto taken_by = [&](const std::string& code) -> Result<bool> {
            AUL_TRY_ASSIGN(auto taken, db_.prepare("SELECT 1 FROM kiosks WHERE code = ?1"));
            taken.bind(1, code);
            AUL_TRY_ASSIGN(auto row, taken.step());
            return row;
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
        AUL_TRY_ASSIGN(auto count, db_.scalar_int("SELECT count(*) FROM kiosks"));
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
        AUL_TRY_ASSIGN(
            auto ins,
            db_.prepare(
                "INSERT INTO kiosks(id, code, token_hash, region, district, settlement, signing_key, enrolled_ms) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, strftime('%s','now') * 1000)"));
        ins.bind(1, out.kiosk_id).bind(2, out.kiosk_code).bind(3, token_hash(out.token));
        ins.bind(4, req.region).bind(5, req.district).bind(6, req.settlement).bind(7, req.signing_key);
        AUL_TRY(ins.run());
    }
    AUL_TRY(keep_signing_key(out.kiosk_id, req.signing_key, /*trust_again=*/false));
    auto high = highest_sequence(out.kiosk_code);
    if (!high) return high.take_error();
    out.highest_sequence = *high;
    AUL_TRY_ASSIGN(auto tracking_key, tracking_key_for(out.kiosk_code));
    out.tracking_key = tracking_key.hex();
    if (used_by.empty()) {
        AUL_TRY_ASSIGN(auto use, db_.prepare("UPDATE enrollment_codes SET used_by = ?1, spent_key = ?3, "
                                             "used_ms = strftime('%s','now') * 1000 WHERE code = ?2"));
        use.bind(1, out.kiosk_id).bind(2, req.enrollment_code).bind(3, proven ? req.signing_key : std::string());
        AUL_TRY(use.run());
    }
    AUL_TRY(tx.commit());
    return out;
}

Result<std::optional<Kiosk>> ServerStore::find_kiosk(const char* where_sql, const std::string& value) const {
    AUL_TRY_ASSIGN(auto st,
                   db_.prepare(std::string("SELECT id, code, revoked, signing_key FROM kiosks WHERE ") + where_sql));
    st.bind(1, value);
    AUL_TRY_ASSIGN(auto row, st.step());
    if (!row) return std::optional<Kiosk>{};
    return std::optional<Kiosk>{Kiosk{st.text(0), st.text(1), st.integer(2) != 0, st.text(3)}};
}

Result<std::optional<Kiosk>> ServerStore::kiosk_for_token(const std::string& token) const {
    return find_kiosk("token_hash = ?1", token_hash(token));
}

Result<std::optional<Kiosk>> ServerStore::kiosk_by_id(const std::string& id) const {
    return find_kiosk("id = ?1", id);
}

Status ServerStore::revoke(const std::string& kiosk_code) {
    AUL_TRY_ASSIGN(auto tx, store::WriteTx::begin(db_));
    AUL_TRY_ASSIGN(auto st, db_.prepare("UPDATE kiosks SET revoked = 1 WHERE code = ?1"));
    st.bind(1, kiosk_code);
    AUL_TRY(st.run());
    if (sqlite3_changes(db_.raw()) == 0) return Error{"no kiosk has the code " + kiosk_code};
    // A revoked kiosk may be in the wrong hands: nothing its keys signed is trusted again.
    AUL_TRY_ASSIGN(
        auto keys,
        db_.prepare("UPDATE kiosk_keys SET revoked = 1 WHERE kiosk = (SELECT id FROM kiosks WHERE code = ?1)"));
    keys.bind(1, kiosk_code);
    AUL_TRY(keys.run());
    return tx.commit();
}

Result<std::vector<std::string>> ServerStore::signing_keys(const std::string& kiosk_id) const {
    AUL_TRY_ASSIGN(
        auto st,
        db_.prepare(
            "SELECT k.signing_key FROM kiosk_keys k JOIN kiosks ON kiosks.id = k.kiosk "
            "WHERE k.kiosk = ?1 AND k.revoked = 0 ORDER BY k.signing_key = kiosks.signing_key DESC, k.added_ms DESC"));
    st.bind(1, kiosk_id);
    std::vector<std::string> out;
    auto rows = st.each_row([&] { out.push_back(st.text(0)); });
    if (!rows) return rows.take_error();
    return out;
}

Status ServerStore::set_signing_key(const std::string& kiosk_code, const std::string& key_b64) {
    if (!from_base64(key_b64, kSigningKeyBytes))
        return Error{"a signing key is base64 of " + std::to_string(kSigningKeyBytes) +
                     " bytes, as kioskctl signing-key prints it"};
    AUL_TRY_ASSIGN(auto tx, store::WriteTx::begin(db_));
    AUL_TRY_ASSIGN(auto st, db_.prepare("UPDATE kiosks SET signing_key = ?2 WHERE code = ?1 RETURNING id"));
    st.bind(1, kiosk_code).bind(2, key_b64);
    AUL_TRY_ASSIGN(auto row, st.step());
    if (!row) return Error{"no kiosk has the code " + kiosk_code};
    std::string id = st.text(0);
    st.reset();
    AUL_TRY(keep_signing_key(id, key_b64, /*trust_again=*/true));
    return tx.commit();
}

namespace {
// The answer for an id stored before: another kiosk's id is a conflict that says nothing
// of what it holds; this kiosk's is a duplicate when the content is the same, a conflict
// when not. nullopt for a new id. `lookup` selects (kiosk, content hash) by id.
Result<std::optional<ItemResult>> seen_before(store::Stmt& lookup, const Kiosk& k, const std::string& id,
                                              const std::string& hash) {
    lookup.bind(1, id);
    auto row = lookup.step();
    if (!row) {
        lookup.reset();
        return row.take_error();
    }
    std::optional<ItemResult> out;
    if (*row) {
        if (lookup.text(0) != k.id) {
            out = ItemResult{id, ItemStatus::conflict, "this id belongs to another kiosk"};
        } else {
            bool same = lookup.text(1) == hash;
            out = ItemResult{id, same ? ItemStatus::duplicate : ItemStatus::conflict,
                             same ? "" : "this id was received before with other content"};
        }
    }
    lookup.reset();
    return out;
}

// Only the owner's id decides whether the item is known; another kiosk's is answered at once.
Result<bool> owned_by_another(store::Stmt& lookup, const Kiosk& k, const std::string& id) {
    lookup.bind(1, id);
    auto row = lookup.step();
    bool other = row && *row && lookup.text(0) != k.id;
    lookup.reset();
    if (!row) return row.take_error();
    return other;
}
}  // namespace

Result<SubmitResponse> ServerStore::submit(const Kiosk& k, const SubmitRequest& req, std::int64_t now_ms) {
    SubmitResponse out;
    AUL_TRY_ASSIGN(auto tx, store::WriteTx::begin(db_));
    auto catalog = PublishedCatalog::over(db_);
    if (!catalog) return catalog.take_error();
    auto existing = db_.prepare("SELECT kiosk, content_hash FROM proposals WHERE id = ?1");
    auto by_code = db_.prepare("SELECT kiosk FROM proposals WHERE tracking_code = ?1");
    auto ins = db_.prepare(
        "INSERT INTO proposals(id, kiosk, tracking_code, content_hash, body, received_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    auto change = db_.prepare(
        "INSERT INTO status_changes(kiosk, tracking_code, state, at_ms) VALUES (?1, ?2, 'delivered', ?3)");
    for (auto* st : {&existing, &by_code, &ins, &change})
        if (!*st) return st->take_error();
    for (const auto& raw : req.proposals) {
        // Ownership first: nothing about another kiosk's item, not even whether this copy
        // matches it, is answered.
        auto foreign = owned_by_another(*existing, k, raw.id);
        if (!foreign) return foreign.take_error();
        if (*foreign) {
            out.results.push_back({raw.id, ItemStatus::conflict, "this id belongs to another kiosk"});
            continue;
        }
        ProposalItem p = raw;
        auto why = cleaned_or_problem(p, k, *catalog, now_ms);
        if (!why) return why.take_error();
        // A resend is compared as it would be stored; an item stored before these rules
        // that no longer passes them is compared as sent, so it is still a duplicate.
        std::string body = body_of(why->empty() ? p : raw);
        std::string hash = token_hash(body);
        auto seen = seen_before(*existing, k, raw.id, hash);
        if (!seen) return seen.take_error();
        if (*seen) {
            out.results.push_back(**seen);
            continue;
        }
        if (!why->empty()) {
            out.results.push_back({raw.id, ItemStatus::rejected, *why});
            continue;
        }
        by_code->bind(1, p.tracking_code);
        auto taken = by_code->step();
        std::string holder = taken && *taken ? by_code->text(0) : std::string();
        by_code->reset();
        if (!taken) return taken.take_error();
        if (*taken) {
            out.results.push_back({p.id, ItemStatus::conflict,
                                   holder == k.id ? "the tracking code belongs to another proposal"
                                                  : "this tracking code belongs to another kiosk"});
            continue;
        }
        ins->bind(1, p.id).bind(2, k.id).bind(3, p.tracking_code).bind(4, hash).bind(5, body).bind(6, now_ms);
        AUL_TRY(ins->run());
        change->bind(1, k.id).bind(2, p.tracking_code).bind(3, now_ms);
        AUL_TRY(change->run());
        out.results.push_back({p.id, ItemStatus::accepted, ""});
    }
    auto seen = db_.prepare("SELECT kiosk, content_hash FROM signups WHERE id = ?1");
    auto add = db_.prepare("INSERT INTO signups(id, kiosk, content_hash, body, received_ms) VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!seen) return seen.take_error();
    if (!add) return add.take_error();
    for (const auto& s : req.signups) {
        auto foreign = owned_by_another(*seen, k, s.id);
        if (!foreign) return foreign.take_error();
        if (*foreign) {
            out.results.push_back({s.id, ItemStatus::conflict, "this id belongs to another kiosk"});
            continue;
        }
        std::string body = body_of(s);
        std::string hash = token_hash(body);
        auto before = seen_before(*seen, k, s.id, hash);
        if (!before) return before.take_error();
        if (*before) {
            out.results.push_back(**before);
            continue;
        }
        auto why = problem_of(s, *catalog, now_ms);
        if (!why) return why.take_error();
        if (!why->empty()) {
            out.results.push_back({s.id, ItemStatus::rejected, *why});
            continue;
        }
        add->bind(1, s.id).bind(2, k.id).bind(3, hash).bind(4, body).bind(5, now_ms);
        AUL_TRY(add->run());
        out.results.push_back({s.id, ItemStatus::accepted, ""});
    }
    AUL_TRY(tx.commit());
    return out;
}

Result<std::int64_t> ServerStore::signup_count() const { return db_.scalar_int("SELECT count(*) FROM signups"); }

Result<StatusResponse> ServerStore::status_since(const Kiosk& k, std::int64_t since) const {
    AUL_TRY_ASSIGN(
        auto st,
        db_.prepare("SELECT tracking_code, state, answer, at_ms, seq FROM status_changes WHERE kiosk = ?1 AND seq > ?2 "
                    "ORDER BY seq LIMIT 500"));
    st.bind(1, k.id).bind(2, since);
    StatusResponse out;
    out.cursor = since;
    auto rows = st.each_row([&] {
        out.changes.push_back({st.text(0), st.text(1), st.text(2), st.integer(3), st.integer(4)});
        out.cursor = st.integer(4);
    });
    if (!rows) return rows.take_error();
    return out;
}

Status ServerStore::set_status(const std::string& code, const std::string& state, const std::string& answer,
                               std::int64_t now_ms) {
    if (!core::is_proposal_state(state) || state == "queued")
        return Error{"state must be one of delivered, in_review, accepted, rejected, implemented"};
    AUL_TRY_ASSIGN(auto tx, store::WriteTx::begin(db_));
    AUL_TRY_ASSIGN(
        auto st, db_.prepare("UPDATE proposals SET state = ?1, answer = ?2 WHERE tracking_code = ?3 RETURNING kiosk"));
    st.bind(1, state).bind(2, answer).bind(3, code);
    AUL_TRY_ASSIGN(auto row, st.step());
    if (!row) return Error{"no proposal has the tracking code " + code};
    std::string kiosk = st.text(0);
    st.reset();
    AUL_TRY_ASSIGN(
        auto ch,
        db_.prepare(
            "INSERT INTO status_changes(kiosk, tracking_code, state, answer, at_ms) VALUES (?1, ?2, ?3, ?4, ?5)"));
    ch.bind(1, kiosk).bind(2, code).bind(3, state).bind(4, answer).bind(5, now_ms);
    AUL_TRY(ch.run());
    return tx.commit();
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
    AUL_TRY_ASSIGN(auto tx, store::WriteTx::begin(db_));
    AUL_TRY_ASSIGN(auto v, db_.scalar_int("SELECT coalesce(max(version), 0) FROM catalog_items"));
    PublishReport rep;
    std::int64_t version = v;
    auto current = db_.prepare("SELECT hash, deleted FROM catalog_items WHERE kind = ?1 AND id = ?2");
    auto put = db_.prepare("INSERT INTO catalog_items(kind, id, version, deleted, hash, record) VALUES (?1, ?2, ?3, 0, ?4, ?5) "
                           "ON CONFLICT(kind, id) DO UPDATE SET version = ?3, deleted = 0, hash = ?4, record = ?5");
    auto bury = db_.prepare("UPDATE catalog_items SET version = ?3, deleted = 1, record = '' WHERE kind = ?1 AND id = ?2");
    auto live = db_.prepare("SELECT id FROM catalog_items WHERE kind = ?1 AND deleted = 0");
    for (auto* st : {&current, &put, &bury, &live})
        if (!*st) return st->take_error();
    std::map<std::string, std::set<std::string>> present;
    for (const char* kind : kCatalogKinds) {
        if (!doc.contains(kind)) continue;
        for (const auto& rec : doc[kind]) {
            std::string id = key_of(kind, rec), body = rec.dump(), hash = token_hash(body);
            present[kind].insert(id);
            current->bind(1, std::string(kind)).bind(2, id);
            AUL_TRY_ASSIGN(auto row, current->step());
            bool same = row && current->text(0) == hash && current->integer(1) == 0;
            current->reset();
            if (same) continue;
            put->bind(1, std::string(kind)).bind(2, id).bind(3, ++version).bind(4, hash).bind(5, body);
            AUL_TRY(put->run());
            ++rep.changed;
        }
    }
    for (auto it = std::rbegin(kCatalogKinds); it != std::rend(kCatalogKinds); ++it) {
        std::vector<std::string> gone;
        live->bind(1, std::string(*it));
        auto rows = live->each_row([&] {
            if (!present[*it].count(live->text(0))) gone.push_back(live->text(0));
        });
        if (!rows) return rows.take_error();
        live->reset();
        for (const auto& id : gone) {
            bury->bind(1, std::string(*it)).bind(2, id).bind(3, ++version);
            AUL_TRY(bury->run());
            ++rep.deleted;
        }
    }
    AUL_TRY(tx.commit());
    rep.version = version;
    return rep;
}

Result<CatalogPage> ServerStore::catalog_since(std::int64_t since, std::size_t max_bytes) const {
    AUL_TRY_ASSIGN(auto st,
                   db_.prepare("SELECT kind, id, version, deleted, record FROM catalog_items WHERE version > ?1 "
                               "ORDER BY version"));
    st.bind(1, since);
    CatalogPage page;
    page.cursor = since;
    std::size_t bytes = 40;  // {"items":[],"cursor":N,"more":false}
    for (;;) {
        AUL_TRY_ASSIGN(auto row, st.step());
        if (!row) break;
        CatalogItem item{st.text(0), st.text(1), st.integer(2), st.integer(3) != 0, st.text(4)};
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
    AUL_TRY_ASSIGN(auto st, db_.prepare("INSERT INTO heartbeats(kiosk, at_ms, body) VALUES (?1, ?2, ?3) "
                                        "ON CONFLICT(kiosk) DO UPDATE SET at_ms = ?2, body = ?3"));
    st.bind(1, k.id).bind(2, now_ms).bind(3, encode(hb));
    AUL_TRY(st.run());
    AUL_TRY_ASSIGN(auto issued,
                   db_.prepare("UPDATE kiosks SET issued_sequence = max(issued_sequence, ?2) WHERE id = ?1"));
    issued.bind(1, k.id).bind(2, hb.highest_sequence);
    return issued.run();
}

Result<KioskIdentity> ServerStore::identity(const Kiosk& k) const {
    AUL_TRY_ASSIGN(auto key, tracking_key_for(k.code));
    return KioskIdentity{k.code, key.hex()};
}

Result<TrackLookup> ServerStore::find_progress(const std::string& code) const {
    TrackLookup out;
    out.tracking_code = code;
    if (core::check_tracking_code(code) != core::TrackingCheck::ok) return out;
    AUL_TRY_ASSIGN(auto found, db_.prepare("SELECT state, answer FROM proposals WHERE tracking_code = ?1"));
    found.bind(1, code);
    AUL_TRY_ASSIGN(auto row, found.step());
    if (row) {
        out.found = LookupFound::yes;
        out.state = found.text(0);
        out.answer = found.text(1);
        AUL_TRY_ASSIGN(auto history,
                       db_.prepare("SELECT state, at_ms FROM (SELECT state, at_ms, seq FROM status_changes WHERE "
                                   "tracking_code = ?1 ORDER BY seq DESC LIMIT ?2) ORDER BY seq"));
        history.bind(1, code).bind(2, static_cast<std::int64_t>(core::kMaxHistoryEntries));
        AUL_TRY(history.each_row([&] { out.history.push_back({history.text(0), history.integer(1)}); }));
        return out;
    }
    // Not here: on its way when its kiosk says it issued that far, else no such code.
    const std::string kiosk_code = code.substr(0, core::kKioskCodeLength);
    AUL_TRY_ASSIGN(auto issued, db_.prepare("SELECT issued_sequence FROM kiosks WHERE code = ?1"));
    issued.bind(1, kiosk_code);
    AUL_TRY_ASSIGN(auto known, issued.step());
    if (!known) return out;
    const std::int64_t highest_issued = issued.integer(0);
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
    AUL_TRY_ASSIGN(auto tx, store::WriteTx::begin(db_));
    AUL_TRY_ASSIGN(auto counted, db_.prepare("SELECT lookups, misses FROM lookup_counts WHERE kiosk = ?1 AND hour = ?2"));
    counted.bind(1, asking.id).bind(2, hour);
    AUL_TRY_ASSIGN(auto seen, counted.step());
    const std::int64_t lookups = seen ? counted.integer(0) : 0, misses = seen ? counted.integer(1) : 0;
    counted.reset();
    LookupReply reply;
    if (lookups >= limits.lookups_per_hour || misses >= limits.misses_per_hour) {
        reply.retry_after_s = std::max<std::int64_t>(1, ((hour + 1) * kHourMs - now_ms + 999) / 1000);
        return reply;
    }
    AUL_TRY_ASSIGN(auto answer, find_progress(code));
    const bool miss = answer.found != LookupFound::yes;
    AUL_TRY_ASSIGN(auto count, db_.prepare("INSERT INTO lookup_counts(kiosk, hour, lookups, misses) VALUES (?1, ?2, 1, ?3) "
                                           "ON CONFLICT(kiosk, hour) DO UPDATE SET lookups = lookups + 1, "
                                           "misses = misses + ?3"));
    count.bind(1, asking.id).bind(2, hour).bind(3, miss ? 1 : 0);
    AUL_TRY(count.run());
    if (!seen) {
        // The kiosk's first lookup this hour: its older hours are of no more use.
        AUL_TRY_ASSIGN(auto old, db_.prepare("DELETE FROM lookup_counts WHERE kiosk = ?1 AND hour < ?2"));
        old.bind(1, asking.id).bind(2, hour);
        AUL_TRY(old.run());
    }
    AUL_TRY(tx.commit());
    reply.answer = std::move(answer);
    return reply;
}

Result<std::string> ServerStore::kiosks_json() const {
    AUL_TRY_ASSIGN(auto st,
                   db_.prepare("SELECT k.code, k.settlement, k.revoked, coalesce(h.at_ms, 0), coalesce(h.body, '{}') "
                               "FROM kiosks k LEFT JOIN heartbeats h ON h.kiosk = k.id ORDER BY k.code"));
    std::string out;
    auto rows = st.each_row([&] {
        nlohmann::json j{{"kiosk_code", st.text(0)},
                         {"settlement", st.text(1)},
                         {"revoked", st.integer(2) != 0},
                         {"last_heartbeat_ms", st.integer(3)},
                         {"heartbeat", nlohmann::json::parse(st.text(4), nullptr, false)}};
        out += j.dump() + "\n";
    });
    if (!rows) return rows.take_error();
    return out;
}

Result<std::string> ServerStore::public_key() const {
    AUL_TRY_ASSIGN(auto key, db_.prepare("SELECT public_key FROM keys WHERE id = 1"));
    auto row = key.step();
    if (!row || !*row) return Error{"the server has no key pair"};
    auto* blob = static_cast<const unsigned char*>(sqlite3_column_blob(key.raw(), 0));
    return to_base64({blob, static_cast<std::size_t>(sqlite3_column_bytes(key.raw(), 0))});
}

Result<std::string> ServerStore::open_contact(const std::string& tracking_code) const {
    AUL_TRY_ASSIGN(auto st, db_.prepare("SELECT body FROM proposals WHERE tracking_code = ?1"));
    st.bind(1, tracking_code);
    AUL_TRY_ASSIGN(auto row, st.step());
    if (!row) return Error{"no proposal has the tracking code " + tracking_code};
    auto body = nlohmann::json::parse(st.text(0), nullptr, false);
    std::string sealed = body.value("contact_sealed", "");
    if (sealed.empty()) return Error{"this proposal is anonymous"};
    auto box = from_base64(sealed);
    if (!box || box->size() < crypto_box_SEALBYTES) return Error{"the sealed contact details are damaged"};
    auto keys = db_.prepare("SELECT public_key, secret_key FROM keys WHERE id = 1");
    if (!keys || !*keys->step()) return Error{"the server has no key pair"};
    std::vector<unsigned char> plain(box->size() - crypto_box_SEALBYTES);
    if (crypto_box_seal_open(plain.data(), box->data(), box->size(),
                             static_cast<const unsigned char*>(sqlite3_column_blob(keys->raw(), 0)),
                             static_cast<const unsigned char*>(sqlite3_column_blob(keys->raw(), 1))) != 0)
        return Error{"the contact details were not sealed to this server's key"};
    return std::string(plain.begin(), plain.end());
}

Result<std::string> ServerStore::proposals_json() const {
    AUL_TRY_ASSIGN(auto st,
                   db_.prepare("SELECT p.id, k.code, p.body, p.state, p.answer, p.received_ms FROM proposals p "
                               "JOIN kiosks k ON k.id = p.kiosk ORDER BY p.received_ms, p.id"));
    std::string out;
    auto rows = st.each_row([&] {
        auto body = nlohmann::json::parse(st.text(2), nullptr, false);
        body.erase("contact_sealed");  // sealed details are for `open-contact` with the key, not listings
        body["id"] = st.text(0);
        body["kiosk_code"] = st.text(1);
        body["state"] = st.text(3);
        body["answer"] = st.text(4);
        body["received_ms"] = st.integer(5);
        out += body.dump() + "\n";
    });
    if (!rows) return rows.take_error();
    return out;
}

}  // namespace aul::sync
