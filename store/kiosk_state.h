// What the kiosk's processes tell each other through the database, and the one picture
// of a kiosk's health that `kioskctl status`, `kioskctl doctor` and the staff panel show.
//
// The resident-facing kiosk has no network (its systemd unit denies it); kiosk-sync alone
// talks to the national server. So the staff panel asks kiosk-sync for a sync or a server
// check by writing a request here, and kiosk-sync writes back how each direction went.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "store/catalog_store.h"
#include "store/filing_store.h"

namespace aul::store {

// Where the kiosk stands. Staff may change it on the kiosk or with `kioskctl
// set-locality`; once set that way it overrides the [locality] of the configuration.
struct Locality {
    std::string region;      // ISO 3166-2:KZ code, e.g. KZ-19
    std::string district;    // district code, may be empty
    std::string settlement;  // village or town as residents write it
    bool operator==(const Locality&) const = default;
};
Result<std::optional<Locality>> saved_locality(const FilingStore& filing);
// The place against the catalogue: its region is one of the catalogue's, its district
// (when given) one of that region's, its settlement named and not too long.
Status check_locality(const CatalogStore& catalog, const Locality& where);
// Checks the place (check_locality) first.
Status save_locality(FilingStore& filing, const CatalogStore& catalog, const Locality& where);

// The voice's volume (percent, 0..100) staff set on the panel, or nullopt while they never
// did (the configuration's [speech] volume holds).
Result<std::optional<int>> saved_speech_volume(const FilingStore& filing);
// Refuses a volume outside 0..100.
Status save_speech_volume(FilingStore& filing, int percent);

// Whether the kiosk enrolled with a national server (the server's address is kept).
bool is_enrolled(const FilingStore& filing);

// --- requests from the staff panel (or kioskctl) to kiosk-sync ---
// A sync round now; the server checks of the self-test; a USB bundle signed and staged
// for the panel to copy onto a stick (the kiosk cannot read the signing key).
enum class SyncRequest { sync_now, server_check, usb_export };
// kiosk-sync looks every second, and between the batches and pages of a round; a round can
// take a minute on a slow line. Past this an asker says kiosk-sync did not answer.
inline constexpr std::int64_t kAnswerWithinMs = 90'000;
// Records the request at `now_ms`; returns that stamp, to wait for `handled_at` to reach it.
Result<std::int64_t> request(FilingStore& filing, SyncRequest what, std::int64_t now_ms);
// The newest request not handled yet, or 0.
std::int64_t pending_request(const FilingStore& filing, SyncRequest what);
// kiosk-sync marks the request stamp it has answered, together with the answer's outcome
// when the request has one (the usb_export's staged file or why there is none).
Status mark_handled(FilingStore& filing, SyncRequest what, std::int64_t stamp, const std::string& outcome = {});
std::int64_t handled_at(const FilingStore& filing, SyncRequest what);
// The outcome kiosk-sync recorded with its last answer, as it wrote it: another process
// wrote it, so the asker checks every part of it before use.
std::string handled_outcome(const FilingStore& filing, SyncRequest what);

// One line of a self-test: what was checked, whether it passed, the detail in words (for
// kioskctl and the log). `words`, when set, names the translation the staff panel shows
// instead (a "staff.detail." key), with `value` for its {n}; a detail without one (a
// server's or the system's own words) is shown as it is.
struct Check {
    std::string name;
    bool ok = false;
    std::string detail;
    std::string words = {};
    std::string value = {};
};
// Translation keys a Check may name: "staff.detail." and letters, digits, '_' or '.'.
bool is_check_words(const std::string& key);
// kiosk-sync keeps its latest server checks here for the panel to show.
Status save_server_checks(FilingStore& filing, const std::vector<Check>& checks);
std::vector<Check> saved_server_checks(const FilingStore& filing);

// Local checks anyone with the data folder can run: the database's full integrity check
// (its verdict and time are remembered for the status), and the disk: a probe written and
// synced, and at least `min_free_mb` free.
Check check_database(FilingStore& filing, std::int64_t now_ms);
Check check_disk(const std::string& dir, std::int64_t min_free_mb = 100);
// Free space for the data folder in MiB, -1 when it cannot be read.
std::int64_t free_disk_mb(const std::string& dir);

// --- how syncing went, per direction; written by kiosk-sync after every round ---

// Why a round failed, as a stable key kiosk-sync records beside its words. The key is also
// the translation the staff panel shows; the words (English, with the server's or the
// system's own detail) are for the log, kioskctl and the panel's small print.
namespace sync_error {
inline constexpr std::string_view unreachable = "sync.error.unreachable";    // no connection, or it broke
inline constexpr std::string_view timeout = "sync.error.timeout";            // the server answered too slowly
inline constexpr std::string_view tls = "sync.error.tls";                    // not the national certificate
inline constexpr std::string_view rejected = "sync.error.rejected";          // the server refuses this kiosk
inline constexpr std::string_view not_enrolled = "sync.error.not_enrolled";  // no token to speak with
inline constexpr std::string_view server_error = "sync.error.server_error";  // busy or failing (429, 5xx)
inline constexpr std::string_view refused = "sync.error.refused";            // another refusal of a request
inline constexpr std::string_view bad_reply = "sync.error.bad_reply";        // not the server's answer, or a bad one
inline constexpr std::string_view local = "sync.error.local";                // this kiosk's database or files
inline constexpr std::string_view stopped = "sync.error.stopped";            // kiosk-sync stopped mid-round
// What the panel says for a kind it does not know (a newer kiosk-sync's, or none at all).
inline constexpr std::string_view other = "sync.error.other";
inline constexpr std::array<std::string_view, 11> all = {
    unreachable, timeout, tls, rejected, not_enrolled, server_error, refused, bad_reply, local, stopped, other};
}  // namespace sync_error
// One of the kinds above: what another process wrote is taken only when it is one.
bool is_sync_error_kind(std::string_view key);

struct SyncProgress {
    std::int64_t push_ok_ms = 0;     // outbox last emptied without an error
    std::int64_t status_ok_ms = 0;   // statuses last fetched
    std::int64_t catalog_ok_ms = 0;  // catalogue last brought up to date
    std::int64_t round_ms = 0;       // the last round ended
    std::int64_t next_ms = 0;        // the next round is due (0: unknown)
    std::string error;               // the last round's error in words; "" when it went well
    // Its kind, one of sync_error's ("" when it went well): checked as it is read, anything
    // else kiosk-sync wrote (or nothing, from an older one) reads as sync_error::other.
    std::string error_kind;
};
SyncProgress sync_progress(const FilingStore& filing);
// `kind` is one of sync_error's when `error` is set; another is kept as sync_error::other.
Status save_round_outcome(FilingStore& filing, std::int64_t round_ms, std::int64_t next_ms, const std::string& error,
                          std::string_view kind);
// Each direction stamps its own success as it completes.
enum class Direction { push, status, catalog };
Status mark_direction_ok(FilingStore& filing, Direction d, std::int64_t now_ms);


// Everything staff see at a glance.
struct KioskStatus {
    std::string kiosk_code;           // "" before it is set
    Locality locality;                // saved by staff, else the configuration's
    bool enrolled = false;
    std::string server;               // the national server's address once enrolled
    bool can_seal_contacts = false;   // the national key is installed
    std::int64_t outbox_proposals = 0, outbox_signups = 0;
    std::vector<QuarantinedItem> quarantined;  // newest first
    SyncProgress sync;
    std::int64_t organisations = 0, catalogue_version = 0;
    std::int64_t database_bytes = 0;
    std::int64_t disk_free_mb = -1;
    std::int64_t integrity_checked_ms = 0;  // the last full integrity check (self-test or doctor)
    std::string integrity_verdict;          // its verdict, "ok" when sound
    // That check found the file damaged: the kiosk sets it aside at its next start.
    bool damage_found = false;
};
// `configured` is the [locality] of the configuration, used unless staff saved another.
Result<KioskStatus> read_kiosk_status(const std::string& dir, const FilingStore& filing, const CatalogStore& catalog,
                                      const Locality& configured = {});

}  // namespace aul::store
