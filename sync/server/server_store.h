// The reference national server's store: enrolled kiosks, enrolment codes, received
// proposals (deduplicated by the kiosk-made UUID) and their status changes, the published
// catalogue. In SQLite (DIR/national.db, the default) or PostgreSQL (several instances on
// one database); the logic is the same code for both (sync/server/sql.h).
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/tracking.h"
#include "sync/protocol.h"
#include "sync/server/server_keys.h"
#include "sync/server/sql.h"

namespace aul::sync {

struct Kiosk {
    std::string id, code;
    bool revoked = false;
    std::string signing_key;  // base64 Ed25519 public key of its bundles; empty: enrolled before bundles
};

// How many lookups of tracking codes one kiosk may make in an hour, and how many of them
// may find nothing: a resident follows a few codes; someone guessing finds nothing, again
// and again.
struct LookupLimits {
    std::int64_t lookups_per_hour = 60;
    std::int64_t misses_per_hour = 20;
};
// A lookup's answer, or, past the kiosk's limit, nothing and how long until it may ask again.
struct LookupReply {
    std::optional<TrackLookup> answer;
    std::int64_t retry_after_s = 0;
};

// Where a server keeps its data: the folder (keys, the SQLite file) and, for PostgreSQL,
// the database's address (a libpq URI or key=value string, without a password).
struct ServerDatabase {
    std::string dir;
    std::string url;  // empty: SQLite in dir/national.db
};

// The database `dir` serves: `given` (a --db address), remembered in DIR/database so later
// commands without --db use it too; else the one remembered; else "" (SQLite).
Result<std::string> remembered_database(const std::string& dir, const std::string& given);

class ServerStore {
public:
    // Opens (and migrates) the database, and the keys of DIR/server.keys.
    static Result<ServerStore> open(const ServerDatabase& where);
    static Result<ServerStore> open(const std::string& dir) { return open(ServerDatabase{dir, ""}); }
    // Another connection to the same database with the same keys, for another worker.
    Result<ServerStore> another() const;
    sql::Connection& db() { return *db_; }

    // A one-time enrolment code (printed to the installer): for the next new kiosk, or,
    // with `for_kiosk`, for re-enrolling the enrolled kiosk with that code (a repaired or
    // replaced board), which then keeps its code.
    Result<std::string> new_enrollment_code(const std::string& for_kiosk = "");
    // Spends an enrolment code, all or nothing: a refused enrolment leaves the code unspent.
    // A new kiosk gets its own kiosk code and token; a code made `for_kiosk` gives that
    // kiosk a new token and signing key, ending its previous token at once (its previous
    // keys still check bundles it wrote). A spent code asked again with the same signing
    // key and a valid proof (a reply lost on the way) answers the same kiosk id and code
    // with a fresh token that replaces the one never received; anyone else is refused.
    Result<EnrollResponse> enroll(const EnrollRequest& req);
    // The kiosk a bearer token belongs to; nullopt for an unknown token.
    Result<std::optional<Kiosk>> kiosk_for_token(const std::string& token) const;
    // The kiosk with this server id (the signer a USB bundle names); nullopt when unknown.
    Result<std::optional<Kiosk>> kiosk_by_id(const std::string& id) const;
    // Ends the kiosk's token and every signing key it had, at once.
    Status revoke(const std::string& kiosk_code);
    // Every public key that checks the kiosk's USB bundles, the current one first: the
    // keys of its earlier enrolments stay valid for bundles written before, unless the
    // kiosk was revoked while they were in use.
    Result<std::vector<std::string>> signing_keys(const std::string& kiosk_id) const;
    // Registers (or replaces) the public key that checks a kiosk's USB bundles, for a kiosk
    // enrolled before bundles or one that lost its key file. Operators only.
    Status set_signing_key(const std::string& kiosk_code, const std::string& key_b64);
    Status record_heartbeat(const Kiosk& k, const Heartbeat& hb, std::int64_t now_ms);
    // Every kiosk with its last heartbeat, as JSON lines (`national-api kiosks --json`).
    Result<std::string> kiosks_json() const;

    // Stores each item once: the same id with the same content is a duplicate, with other
    // content a conflict; an item failing validation is rejected with its reason.
    Result<SubmitResponse> submit(const Kiosk& k, const SubmitRequest& req, std::int64_t now_ms);
    Result<std::int64_t> signup_count() const;
    Result<StatusResponse> status_since(const Kiosk& k, std::int64_t since) const;
    // The key that orders kiosk code `kiosk_code`'s tracking codes, derived from the
    // server's tracking secret (made at the first start): the same for every enrolment.
    Result<core::TrackingKey> tracking_key_for(const std::string& kiosk_code) const;
    // The kiosk's code and tracking key (GET /v1/kiosk).
    Result<KioskIdentity> identity(const Kiosk& k) const;
    // A tracking code's progress for any kiosk asking, counted against that kiosk's limits
    // in the database (so every instance of the server shares them).
    Result<LookupReply> look_up(const Kiosk& asking, const std::string& code, std::int64_t now_ms,
                                const LookupLimits& limits = {});
    // Operators answer: a new state (and answer text) for a proposal by tracking code.
    Status set_status(const std::string& tracking_code, const std::string& state, const std::string& answer,
                      std::int64_t now_ms);
    // Publishes a catalogue file: records new or changed since the last publication get a
    // new version, records no longer in it a tombstone. Returns (added+changed, deleted).
    struct PublishReport {
        std::size_t changed = 0, deleted = 0;
        std::int64_t version = 0;
    };
    Result<PublishReport> publish_catalog(const std::string& catalog_json, std::int64_t now_ms);
    // The changes after version `since`, in version order, filling the page up to
    // `max_bytes` of JSON (always at least one change, at most kCatalogPageItems).
    Result<CatalogPage> catalog_since(std::int64_t since, std::size_t max_bytes = kCatalogPageBytes) const;

    // The national public key (base64) kiosks seal contact details with.
    Result<std::string> public_key() const;
    // Opens the sealed contact details of a proposal with the secret key (operators only).
    Result<std::string> open_contact(const std::string& tracking_code) const;
    // Every proposal as JSON lines for `national-api proposals --json` (no contact details).
    Result<std::string> proposals_json() const;

private:
    ServerStore(ServerDatabase where, std::unique_ptr<sql::Connection> db, std::shared_ptr<const ServerKeys> keys)
        : where_(std::move(where)), db_(std::move(db)), keys_(std::move(keys)) {}
    // The one kiosk matching `where_sql` (a fixed condition on ?1 = `value`).
    Result<std::optional<Kiosk>> find_kiosk(const char* where_sql, const std::string& value) const;
    // The progress of the proposal with `code`, or whether it is on its way or unknown.
    Result<TrackLookup> find_progress(const std::string& code) const;
    // The highest sequence of the tracking codes received from kiosk code `code`; 0 if none.
    Result<std::int64_t> highest_sequence(const std::string& code) const;
    // Adds a key to the kiosk's keys; `trust_again`: an operator registering it lifts a
    // revocation of that key.
    Status keep_signing_key(const std::string& kiosk_id, const std::string& key_b64, bool trust_again);
    // The body of enroll(), inside its write transaction.
    Result<EnrollResponse> enroll_in_transaction(const EnrollRequest& req);
    Result<SubmitResponse> submit_in_transaction(const Kiosk& k, const SubmitRequest& req, std::int64_t now_ms);
    ServerDatabase where_;
    std::unique_ptr<sql::Connection> db_;
    std::shared_ptr<const ServerKeys> keys_;
};

}  // namespace aul::sync
