// What residents file, saved before anything is shown as done: proposals and volunteer
// sign-ups. The only place their SQL is written.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/proposal.h"
#include "core/result.h"
#include "core/tracking.h"
#include "store/db.h"

namespace aul::store {

struct FiledProposal {
    std::string id;             // UUIDv7
    std::string tracking_code;  // canonical, e.g. K7QM2F9H3CX
    std::int64_t created_ms = 0;
};

struct HistoryEntry {
    std::string state;  // queued, delivered, in_review, accepted, rejected, implemented
    std::int64_t at_ms = 0;
    std::string note;
};

struct ProposalStatus {
    std::string tracking_code, category, title, state, answer;
    std::int64_t created_ms = 0;
    std::vector<HistoryEntry> history;  // oldest first
};

// Tracking sequences are never issued twice under one kiosk code, even across a damaged
// database set aside, a replaced board or a re-enrolment: beside max(sequence) the kiosk
// keeps a floor (setting "sequence_floor"), and the next sequence is
// max(max(sequence) + 1, floor + 1).
//
// The jump past what the kiosk knows when filings may exist that neither it nor the server
// can see (a set-aside file that cannot be read, a lost board): at re-enrolment the floor
// becomes at least the server's highest sequence + kSequenceGap. It assumes fewer than
// this many filings were waiting unsent when the old database was lost.
inline constexpr std::int64_t kSequenceGap = 1000;
// Right after a database is set aside unreadable, before any server can say what it
// holds, the fresh database starts above this floor: more proposals than one kiosk files
// in its lifetime, a small part of the 31^6 sequences a code has.
inline constexpr std::int64_t kUnreadableSetAsideFloor = 1000000;

// The highest sequences of the databases open_kiosk_db set aside beside `db_path`
// (kiosk.db.damaged-*), each opened read-only, best effort.
struct SetAsideSequences {
    std::int64_t highest = 0;              // the greatest sequence read from any of them
    int read = 0;                          // files whose proposals could be read
    std::vector<std::string> unreadable;   // files whose proposals could not be read
};
SetAsideSequences read_set_aside_sequences(const std::string& db_path);
// The highest sequence in one kiosk database file, opened read-only; an error when its
// proposals cannot be read.
Result<std::int64_t> highest_sequence_in(const std::string& db_file);
// Called by open_kiosk_db right after it set a damaged database aside and created `fresh`
// at `db_path`: the fresh database never issues a sequence the set-aside ones may hold
// (their highest where readable, else kUnreadableSetAsideFloor).
Status carry_sequence_floor(const Db& fresh, const std::string& db_path);
// An item the server refused, held back from sending until staff requeue it.
struct QuarantinedItem {
    std::string what;    // a proposal's tracking code, or "volunteer sign-up ID"
    std::string reason;  // the server's words
};

// One proposal as `kioskctl proposals` lists it: never contact details.
struct ProposalLine {
    std::string tracking_code, category, lang;
    std::string state;  // its state, or "quarantined: " and the server's reason
    bool anonymous = false;
    std::string title;
};

class FilingStore {
public:
    // `db` must come from open_kiosk_db. Sets synchronous=FULL: a proposal confirmed on
    // screen survives a power cut right after.
    static Result<FilingStore> open(Db db);

    // The kiosk code used in tracking codes; set once at installation (4 characters of the
    // tracking alphabet). Changing it later is refused: codes already given out must stay unique.
    Status set_kiosk_code(const std::string& code);
    Result<std::string> kiosk_code() const;

    // The key that orders this kiosk's tracking codes (core::TrackingKey), from the national
    // server; nullopt until it arrived, and codes are plain until then. Kept once: a
    // different key is refused, since it would break the codes' uniqueness.
    Result<std::optional<core::TrackingKey>> tracking_key() const;
    Status set_tracking_key(const core::TrackingKey& key);

    // The floor under the next sequence (0: none), and raising it (never lowered).
    Result<std::int64_t> sequence_floor() const;
    Status raise_sequence_floor(std::int64_t floor);
    // The highest sequence filed in this database; 0 when none.
    Result<std::int64_t> highest_sequence() const;

    // Saves a draft that core::clean_and_check accepted, in one BEGIN IMMEDIATE
    // transaction: the next sequence number (above the floor), its tracking code, the row, the first
    // history entry. Nothing is written if anything fails.
    Result<FiledProposal> file_proposal(const core::ProposalDraft& accepted, std::int64_t now_ms);

    // Saves an accepted volunteer sign-up the same way: one transaction, synchronous=FULL.
    // Returns its UUIDv7 id.
    Result<std::string> file_signup(const core::SignupDraft& accepted, std::int64_t now_ms);

    // The proposal with this canonical tracking code, if this kiosk filed it.
    Result<std::optional<ProposalStatus>> find(const std::string& tracking_code) const;

    Result<std::int64_t> unsent_count() const;

    // The national public key that seals contact details (from enrolment, or installed by
    // hand for a kiosk enrolled offline). Without it only anonymous filing is possible.
    bool can_seal_contacts() const;
    Status set_national_key(const std::string& key_b64);

    // --- what kiosk-sync needs ---
    // Settings kept beside the data: enrolment results (not the token, which lives in a
    // file only kiosk-sync may read) and the status cursor.
    Result<std::string> setting(const std::string& key) const;  // "" when unset
    Status set_setting(const std::string& key, const std::string& value);
    // Several settings in one transaction: all or none.
    Status set_settings(const std::vector<std::pair<std::string, std::string>>& values);

    struct OutgoingProposal {
        std::string id, tracking_code, category, region, district, settlement, council, title, description, lang;
        bool anonymous = true;
        std::string contact;  // as stored (sealed once enrolment provides the key)
        std::int64_t created_ms = 0;
    };
    // Unsent, unquarantined proposals, oldest first.
    Result<std::vector<OutgoingProposal>> outgoing(int limit) const;
    struct OutgoingSignup {
        std::string id, opportunity, ngo, lang, contact;
        std::int64_t created_ms = 0;
    };
    Result<std::vector<OutgoingSignup>> outgoing_signups(int limit) const;
    enum class Outcome { delivered, quarantined };
    struct ItemOutcome {
        std::string id;
        Outcome outcome;
        std::string reason;
    };
    // Applies a batch's per-item results in one transaction.
    Status apply_outcomes(const std::vector<ItemOutcome>& outcomes, std::int64_t now_ms);
    struct StateChange {
        std::string tracking_code, state, answer;
        std::int64_t at_ms = 0;
    };
    // Applies status changes and moves the cursor in the same transaction.
    Status apply_state_changes(const std::vector<StateChange>& changes, std::int64_t cursor);
    // Every held-back item, proposals and sign-ups, newest first: what the staff panel and
    // kioskctl list, and what the heartbeat counts.
    Result<std::vector<QuarantinedItem>> quarantined_items() const;
    Result<std::int64_t> quarantined_count() const;
    // Puts a quarantined item back in the outbox once its cause was fixed: a proposal by
    // its tracking code, a sign-up by its id. Returns what was requeued in words; refuses
    // an unknown item or one that is not quarantined, saying which.
    Result<std::string> requeue(const std::string& code_or_id);
    // The tracking code of the most recent proposal, "" when none was filed yet.
    Result<std::string> latest_tracking_code() const;
    // Every proposal in the order filed.
    Result<std::vector<ProposalLine>> proposal_lines() const;
    const Db& db() const { return db_; }

private:
    explicit FilingStore(Db db) : db_(std::move(db)) {}
    Db db_;
};

}  // namespace aul::store
