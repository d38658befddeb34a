// The sync protocol between kiosk-sync and the national server: message types and their
// JSON codec, one definition for both ends (see sync/PROTOCOL.md). Decoding untrusted
// JSON never throws: it returns a Result whose error names the offending field.
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/proposal.h"
#include "core/result.h"

namespace aul::sync {

inline constexpr std::string_view kApiPrefix = "/v1";
inline constexpr std::size_t kMaxBatchItems = 50;          // items in one submission request
inline constexpr std::size_t kMaxRequestBytes = 2 << 20;   // 2 MiB, decompressed
inline constexpr std::size_t kMaxResponseBytes = 8 << 20;  // 8 MiB, decompressed
inline constexpr std::size_t kSigningKeyBytes = 32;        // a kiosk's Ed25519 public key
inline constexpr std::size_t kSignatureBytes = 64;         // an Ed25519 detached signature

struct EnrollRequest {
    std::string enrollment_code;  // one-time code printed by `national-api enrollment-code`
    std::string region, district, settlement;
    // The code this kiosk already files with, if any: kept when still free; for a code
    // made with `enrollment-code --for`, it must be that kiosk's code (or empty).
    std::string kiosk_code;
    std::string signing_key;  // base64 Ed25519 public key that signs this kiosk's USB bundles
    // base64 signature by `signing_key` over enrollment_proof(enrollment_code, signing_key):
    // only the holder of the secret half can repeat an enrolment whose reply was lost.
    std::string proof = {};
};

// The bytes an enrolment's proof signs.
std::string enrollment_proof(std::string_view enrollment_code, std::string_view signing_key);

struct EnrollResponse {
    std::string kiosk_id;    // the server's id for this kiosk
    std::string kiosk_code;  // 4 characters, the start of every tracking code it issues
    std::string token;       // bearer token for every later request
    std::string public_key;  // base64 X25519 key that seals residents' contact details
    // The highest tracking sequence the server holds for this kiosk code (0: none): the
    // kiosk never issues a sequence at or below it again.
    std::int64_t highest_sequence = 0;
    // The kiosk code was enrolled before this enrolment (a repaired or replaced board):
    // filings the server never saw may exist, so the kiosk leaves a gap past what it knows.
    bool reenrolled = false;
    // The key that orders this kiosk code's tracking codes (core::TrackingKey in hex); the
    // same at every enrolment of the code. Empty from a server older than keyed codes.
    std::string tracking_key = {};
};

// Who the kiosk is to the server (GET /v1/kiosk): for a kiosk enrolled before keyed
// tracking codes, which fetches its tracking key this way.
struct KioskIdentity {
    std::string kiosk_code;
    std::string tracking_key;  // hex, 32 digits
};

// One resident's proposal as it travels. Contact details are sealed to the national key.
struct ProposalItem {
    std::string id;  // UUIDv7, the deduplication key
    std::string tracking_code;
    std::string category, region, district, settlement, council;
    std::string title, description, lang;
    bool anonymous = true;
    std::string contact_sealed;  // base64 sealed box, empty when anonymous
    std::int64_t created_ms = 0;
};

// A volunteer's sign-up; name and phone sealed like a proposal's contact details.
struct SignupItem {
    std::string id;  // UUIDv7
    std::string opportunity, ngo, lang;
    std::string contact_sealed;
    std::int64_t created_ms = 0;
};

struct SubmitRequest {
    std::vector<ProposalItem> proposals;
    std::vector<SignupItem> signups;  // proposals and sign-ups together: at most 50 items
};

enum class ItemStatus { accepted, duplicate, conflict, rejected };
std::string_view item_status_name(ItemStatus s);

struct ItemResult {
    std::string id;
    ItemStatus status = ItemStatus::accepted;
    std::string reason;  // for conflict and rejected: what the server objected to
};

struct SubmitResponse {
    std::vector<ItemResult> results;  // one per item, any order
};

// A lifecycle change of one of this kiosk's proposals.
struct StatusChange {
    std::string tracking_code;
    std::string state;  // delivered, in_review, accepted, rejected, implemented
    std::string answer;
    std::int64_t at_ms = 0;
    std::int64_t seq = 0;  // server order; the kiosk pulls with since=<last seq>
};

struct StatusResponse {
    std::vector<StatusChange> changes;
    std::int64_t cursor = 0;  // the seq to ask from next time
};

// One change of the published catalogue: a record, or its tombstone.
struct CatalogItem {
    std::string kind;         // categories, regions, districts, ngos, councils, opportunities
    std::string id;           // its code or id
    std::int64_t version = 0; // publication order; the kiosk pulls with since=<last version>
    bool deleted = false;
    std::string record;       // the record as JSON (the catalogue file's shape); empty when deleted
};

struct CatalogPage {
    std::vector<CatalogItem> items;
    std::int64_t cursor = 0;  // the last version in this page
    bool more = false;        // more pages follow
};
// A catalogue page is filled up to a budget of JSON bytes, not a count of records: one
// MiB is an eighth of the kiosk's reply cap (kMaxResponseBytes) whatever the texts hold,
// and compresses to about 250-350 KiB of ordinary catalogue text, which a slow village line
// (256 kbit/s) brings in about ten seconds, well inside the request timeout. A record is
// at most core::kMaxRecordBytes, so every record fits a page.
inline constexpr std::size_t kCatalogPageBytes = 1 << 20;
// Items in one page at most (tombstones are small): what a kiosk accepts in one reply.
inline constexpr std::size_t kCatalogPageItems = 20000;

// What a kiosk reports about itself every round, for the operators' overview.
struct Heartbeat {
    std::string version;
    std::int64_t uptime_s = 0;         // of kiosk-sync
    std::int64_t outbox = 0;           // items waiting
    std::int64_t quarantined = 0;      // items the server refused
    std::int64_t last_push_ok_ms = 0;  // 0: never
    std::int64_t last_pull_ok_ms = 0;
    std::int64_t disk_free_mb = 0;
    // The highest tracking sequence the kiosk has issued (0 from an older kiosk): a code of
    // this kiosk at or below it that the server lacks is on its way, not unknown.
    std::int64_t highest_sequence = 0;
};

// Looking up a tracking code from any kiosk (GET /v1/track?code=CODE). Only the proposal's
// progress: never its text, place, contact or the kiosk that filed it.
enum class LookupFound { yes, not_arrived, unknown };
std::string_view lookup_found_name(LookupFound f);
struct LookupEvent {
    std::string state;
    std::int64_t at_ms = 0;
};
struct TrackLookup {
    std::string tracking_code;
    LookupFound found = LookupFound::unknown;
    std::string state;                // when found
    std::string answer;               // the operators' latest answer, "" when none
    std::vector<LookupEvent> history;  // oldest first
};


// A USB bundle (sync/bundle.h) opens with its seal: who signed it and the signature over
// everything after the seal's line.
struct BundleSeal {
    std::string kiosk_id;
    std::string signature;  // base64 Ed25519 detached signature
};

// The first signed line of a bundle: what it holds. The submissions follow, one a line.
struct BundleManifest {
    std::string kiosk_id, kiosk_code;
    std::int64_t created_ms = 0;
    std::int64_t proposals = 0, signups = 0, batches = 0;
};

// Base64 (the original alphabet, padded) as the protocol carries keys and signatures.
std::string to_base64(std::span<const unsigned char> bytes);
// The bytes `text` encodes; nullopt unless it is base64.
std::optional<std::vector<unsigned char>> from_base64(std::string_view text);
// The same, only when they are exactly `size` bytes (a key, a signature).
std::optional<std::vector<unsigned char>> from_base64(std::string_view text, std::size_t size);
// True when `text` is base64 of a sealed box as a kiosk makes it: the sealed text (its
// size within `plain`, see core::proposal_contact_bytes) plus the box's overhead.
bool is_sealed_box(std::string_view text, core::ByteRange plain);

std::string encode(const EnrollRequest& m);
std::string encode(const EnrollResponse& m);
std::string encode(const SubmitRequest& m);
std::string encode(const SubmitResponse& m);
std::string encode(const StatusResponse& m);
std::string encode(const Heartbeat& m);
std::string encode(const CatalogPage& m);
std::string encode(const BundleSeal& m);
std::string encode(const BundleManifest& m);
std::string encode(const KioskIdentity& m);
std::string encode(const TrackLookup& m);
Result<KioskIdentity> decode_kiosk_identity(std::string_view json);
// Checks the answer against the code asked for: the same code, known states, bounded
// history and answer, clean text.
Result<TrackLookup> decode_track_lookup(std::string_view json, std::string_view asked_code);
Result<CatalogPage> decode_catalog_page(std::string_view json);
Result<Heartbeat> decode_heartbeat(std::string_view json);
Result<BundleSeal> decode_bundle_seal(std::string_view json);
Result<BundleManifest> decode_bundle_manifest(std::string_view json);

Result<EnrollRequest> decode_enroll_request(std::string_view json);
Result<EnrollResponse> decode_enroll_response(std::string_view json);
Result<SubmitRequest> decode_submit_request(std::string_view json);
Result<SubmitResponse> decode_submit_response(std::string_view json);
Result<StatusResponse> decode_status_response(std::string_view json);

// The error body every endpoint returns with a 4xx/5xx: {"error": "...", "retry": bool}.
std::string encode_error(std::string_view message, bool retry);
Result<std::string> decode_error(std::string_view json);

}  // namespace aul::sync
