#include "store/filing_store.h"

#include <nlohmann/json.hpp>
#include <sodium.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <vector>

#include "core/tracking.h"
#include "core/uuid.h"

namespace aul::store {

namespace {
constexpr const char* kKioskCodeKey = "kiosk_code";

constexpr const char* kNationalKey = "national_public_key";
constexpr const char* kSequenceFloorKey = "sequence_floor";
constexpr const char* kTrackingKeyKey = "tracking_key";

// The national public key from its base64 form; false unless it is exactly a key.
bool decode_national_key(const std::string& key_b64, unsigned char (&pk)[crypto_box_PUBLICKEYBYTES]) {
    size_t len = 0;
    return sodium_init() >= 0 && !key_b64.empty() &&
           sodium_base642bin(pk, sizeof pk, key_b64.c_str(), key_b64.size(), nullptr, &len, nullptr,
                             sodium_base64_VARIANT_ORIGINAL) == 0 &&
           len == sizeof pk;
}

// Sets the floor under the next sequence, never lowering it.
Status raise_floor(const Db& db, std::int64_t floor) {
    AUL_TRY_ASSIGN(auto st, db.prepare("INSERT INTO meta(key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE "
                                       "SET value = max(CAST(value AS INTEGER), CAST(?2 AS INTEGER))"));
    st.bind(1, std::string_view(kSequenceFloorKey)).bind(2, std::to_string(floor));
    return st.run();
}

// Contact details as one JSON object sealed to the national key (libsodium sealed box):
static_assert(core::kSealOverheadBytes == crypto_box_SEALBYTES);

// Contact details (core::contact_json) sealed to the national key (libsodium sealed box):
// from the moment of filing the kiosk holds only ciphertext it cannot read back.
Result<std::string> seal(std::string plain, const std::string& key_b64) {
    unsigned char pk[crypto_box_PUBLICKEYBYTES];
    if (!decode_national_key(key_b64, pk)) {
        sodium_memzero(plain.data(), plain.size());
        return Error{"contact details need this kiosk to be enrolled with the national server, which provides "
                     "the key that seals them; file anonymously until then"};
    }
    std::vector<unsigned char> box(plain.size() + crypto_box_SEALBYTES);
    crypto_box_seal(box.data(), reinterpret_cast<const unsigned char*>(plain.data()), plain.size(), pk);
    sodium_memzero(plain.data(), plain.size());
    std::string out(sodium_base64_encoded_len(box.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), box.data(), box.size(), sodium_base64_VARIANT_ORIGINAL);
    out.resize(std::strlen(out.c_str()));
    return out;
}
}  // namespace

Result<FilingStore> FilingStore::open(Db db) {
    AUL_TRY(db.exec("PRAGMA synchronous=FULL"));
    return FilingStore(std::move(db));
}

Result<std::string> FilingStore::kiosk_code() const {
    auto code = setting(kKioskCodeKey);
    if (code && code->empty())
        return Error{"this kiosk has no kiosk code yet; set [kiosk] code in the configuration"};
    return code;
}

Status FilingStore::set_kiosk_code(const std::string& code) {
    bool valid = code.size() == core::kKioskCodeLength &&
                 code.find_first_not_of(core::kTrackingAlphabet) == std::string::npos;
    if (!valid)
        return Error{"kiosk code '" + code + "' must be 4 characters from " + std::string(core::kTrackingAlphabet)};
    auto current = kiosk_code();
    if (current) {
        if (*current == code) return ok_status();
        return Error{"this kiosk already files with code " + *current + "; a kiosk keeps its code for life"};
    }
    AUL_TRY_ASSIGN(auto tx, WriteTx::begin(db_));
    AUL_TRY_ASSIGN(auto st, db_.prepare("INSERT INTO meta(key, value) VALUES (?1, ?2)"));
    st.bind(1, std::string_view(kKioskCodeKey)).bind(2, code);
    AUL_TRY(st.run());
    return tx.commit();
}

Result<std::optional<core::TrackingKey>> FilingStore::tracking_key() const {
    AUL_TRY_ASSIGN(auto text, setting(kTrackingKeyKey));
    if (text.empty()) return std::optional<core::TrackingKey>();
    auto key = core::TrackingKey::from_hex(text);
    if (!key) return Error{"the tracking key kept in this kiosk's database is damaged; re-enrol the kiosk"};
    return key;
}

Status FilingStore::set_tracking_key(const core::TrackingKey& key) {
    AUL_TRY_ASSIGN(auto tx, WriteTx::begin(db_));
    AUL_TRY_ASSIGN(auto current, tracking_key());
    if (current && *current != key)
        return Error{"the national server sent another tracking key than the one this kiosk orders its codes "
                     "with; the kiosk keeps its own (was the server's data replaced?)"};
    AUL_TRY(set_setting(kTrackingKeyKey, key.hex()));
    return tx.commit();
}

Result<FiledProposal> FilingStore::file_proposal(const core::ProposalDraft& d, std::int64_t now_ms) {
    auto code = kiosk_code();
    if (!code) return code.take_error();
    auto key = tracking_key();
    if (!key) return key.take_error();
    auto tx = WriteTx::begin(db_);
    if (!tx) return tx.take_error().prefixed("the proposal could not be saved: ");
    AUL_TRY_ASSIGN(
        auto next,
        db_.scalar_int("SELECT max(coalesce((SELECT max(sequence) FROM proposals), 0), "
                       "coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'sequence_floor'), 0)) + 1"));
    auto tracking = core::make_tracking_code(*code, static_cast<std::uint64_t>(next), key->has_value() ? &**key : nullptr);
    if (!tracking) return Error{"this kiosk has used all its tracking codes; ask for a new kiosk code"};

    std::string sealed;
    if (!d.anonymous) {
        auto s = seal(core::contact_json(d), setting(kNationalKey).value_or(""));
        if (!s) return s.take_error();
        sealed = std::move(*s);
    }
    FiledProposal filed{core::new_uuid_v7(), *tracking, now_ms};
    AUL_TRY_ASSIGN(
        auto st,
        db_.prepare(
            "INSERT INTO proposals(id, tracking_code, sequence, category, region, district, settlement, council, "
            "title, description, lang, anonymous, contact, created_ms) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"));
    st.bind(1, filed.id).bind(2, filed.tracking_code).bind(3, next).bind(4, d.category).bind(5, d.region);
    st.bind(6, d.district).bind(7, d.settlement).bind(8, d.council).bind(9, d.title).bind(10, d.description);
    st.bind(11, core::lang_code(d.lang)).bind(12, d.anonymous);
    if (d.anonymous)
        st.bind_null(13);
    else
        st.bind(13, sealed);
    st.bind(14, now_ms);
    AUL_TRY_CONTEXT(st.run(), "the proposal could not be saved: ");

    AUL_TRY_ASSIGN(auto hist,
                   db_.prepare("INSERT INTO proposal_history(proposal, state, at_ms) VALUES (?1, 'queued', ?2)"));
    hist.bind(1, filed.id).bind(2, now_ms);
    AUL_TRY_CONTEXT(hist.run(), "the proposal could not be saved: ");
    AUL_TRY_CONTEXT(tx->commit(), "the proposal could not be saved: ");
    return filed;
}

Result<std::int64_t> FilingStore::sequence_floor() const {
    return db_.scalar_int("SELECT coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'sequence_floor'), 0)");
}

Status FilingStore::raise_sequence_floor(std::int64_t floor) { return raise_floor(db_, floor); }

Result<std::int64_t> FilingStore::highest_sequence() const {
    return db_.scalar_int("SELECT coalesce(max(sequence), 0) FROM proposals");
}

Result<std::int64_t> highest_sequence_in(const std::string& db_file) {
    OpenOptions opts;
    opts.read_only = true;
    opts.busy_timeout_ms = 1000;
    AUL_TRY_ASSIGN(auto db, Db::open(db_file, opts));
    // The sequence index's last leaf: a file damaged elsewhere still answers.
    auto high = db.scalar_int("SELECT coalesce(max(sequence), 0) FROM proposals");
    if (!high) return high.take_error().prefixed(db_file + ": ");
    // A damaged page may read as any number: only a sequence a code can carry counts.
    if (*high < 0 || static_cast<std::uint64_t>(*high) >= core::kSequenceLimit) return Error{db_file + ": the highest sequence reads as " + std::to_string(*high)};
    return high;
}

SetAsideSequences read_set_aside_sequences(const std::string& db_path) {
    namespace fs = std::filesystem;
    SetAsideSequences out;
    fs::path path(db_path);
    std::string prefix = path.filename().string() + ".damaged-";
    std::error_code ec;
    fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        std::string name = entry.path().filename().string();
        auto ends_with = [&](std::string_view tail) {
            return name.size() >= tail.size() && name.compare(name.size() - tail.size(), tail.size(), tail) == 0;
        };
        if (name.rfind(prefix, 0) != 0 || ends_with("-wal") || ends_with("-shm") || ends_with("-journal")) continue;
        auto high = highest_sequence_in(entry.path().string());
        if (high) {
            ++out.read;
            out.highest = std::max(out.highest, *high);
        } else {
            out.unreadable.push_back(entry.path().string());
        }
    }
    return out;
}

Status carry_sequence_floor(const Db& fresh, const std::string& db_path) {
    auto aside = read_set_aside_sequences(db_path);
    std::int64_t floor = aside.highest;
    if (!aside.unreadable.empty()) floor = std::max(floor, kUnreadableSetAsideFloor);
    return floor == 0 ? ok_status() : raise_floor(fresh, floor);
}

bool FilingStore::can_seal_contacts() const { return !setting(kNationalKey).value_or("").empty(); }

Status FilingStore::set_national_key(const std::string& key_b64) {
    unsigned char pk[crypto_box_PUBLICKEYBYTES];
    if (!decode_national_key(key_b64, pk))
        return Error{"'" + key_b64 + "' is not a national public key (32 bytes in base64)"};
    return set_setting(kNationalKey, key_b64);
}

Result<std::string> FilingStore::file_signup(const core::SignupDraft& d, std::int64_t now_ms) {
    auto sealed = seal(core::contact_json(d), setting(kNationalKey).value_or(""));
    if (!sealed) return sealed.take_error();
    auto tx = WriteTx::begin(db_);
    if (!tx) return tx.take_error().prefixed("the sign-up could not be saved: ");
    std::string id = core::new_uuid_v7();
    AUL_TRY_ASSIGN(auto st, db_.prepare("INSERT INTO volunteer_signups(id, opportunity, ngo, contact, lang, "
                                        "created_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
    st.bind(1, id).bind(2, d.opportunity).bind(3, d.ngo);
    st.bind(4, *sealed);
    st.bind(5, core::lang_code(d.lang)).bind(6, now_ms);
    AUL_TRY_CONTEXT(st.run(), "the sign-up could not be saved: ");
    AUL_TRY_CONTEXT(tx->commit(), "the sign-up could not be saved: ");
    return id;
}

Result<std::optional<ProposalStatus>> FilingStore::find(const std::string& tracking_code) const {
    AUL_TRY_ASSIGN(auto st, db_.prepare("SELECT id, tracking_code, category, title, state, answer, created_ms FROM "
                                        "proposals WHERE tracking_code = ?1"));
    st.bind(1, tracking_code);
    AUL_TRY_ASSIGN(auto row, st.step());
    if (!row) return std::optional<ProposalStatus>{};
    std::string id = st.text(0);
    ProposalStatus p{st.text(1), st.text(2), st.text(3), st.text(4), st.text(5), st.integer(6), {}};
    AUL_TRY_ASSIGN(
        auto hist,
        db_.prepare("SELECT state, at_ms, note FROM proposal_history WHERE proposal = ?1 ORDER BY at_ms, rowid"));
    hist.bind(1, id);
    auto rows = hist.each_row([&] { p.history.push_back({hist.text(0), hist.integer(1), hist.text(2)}); });
    if (!rows) return rows.take_error();
    return std::optional<ProposalStatus>{std::move(p)};
}

Result<std::string> FilingStore::latest_tracking_code() const {
    AUL_TRY_ASSIGN(auto st, db_.prepare("SELECT tracking_code FROM proposals ORDER BY sequence DESC LIMIT 1"));
    AUL_TRY_ASSIGN(auto row, st.step());
    return row ? st.text(0) : std::string();
}

Result<std::int64_t> FilingStore::unsent_count() const {
    return db_.scalar_int(
        "SELECT (SELECT count(*) FROM proposals WHERE sent_ms IS NULL AND quarantine_reason IS NULL) + "
        "(SELECT count(*) FROM volunteer_signups WHERE sent_ms IS NULL AND quarantine_reason IS NULL)");
}

Result<std::vector<QuarantinedItem>> FilingStore::quarantined_items() const {
    AUL_TRY_ASSIGN(
        auto st,
        db_.prepare(
            "SELECT tracking_code, quarantine_reason, created_ms FROM proposals WHERE quarantine_reason IS NOT NULL "
            "UNION ALL SELECT 'volunteer sign-up ' || id, quarantine_reason, created_ms FROM volunteer_signups "
            "WHERE quarantine_reason IS NOT NULL ORDER BY 3 DESC"));
    std::vector<QuarantinedItem> out;
    auto rows = st.each_row([&] { out.push_back({st.text(0), st.text(1)}); });
    if (!rows) return rows.take_error();
    return out;
}

Result<std::vector<ProposalLine>> FilingStore::proposal_lines() const {
    auto st = db_.prepare(
        "SELECT tracking_code, category, lang, CASE WHEN quarantine_reason IS NULL THEN state "
        "ELSE 'quarantined: ' || quarantine_reason END, anonymous, title FROM proposals ORDER BY sequence");
    if (!st) return st.take_error();
    std::vector<ProposalLine> out;
    auto rows = st->each_row([&] {
        out.push_back({st->text(0), st->text(1), st->text(2), st->text(3), st->integer(4) != 0, st->text(5)});
    });
    if (!rows) return rows.take_error();
    return out;
}

Result<std::int64_t> FilingStore::quarantined_count() const {
    auto items = quarantined_items();
    if (!items) return items.take_error();
    return static_cast<std::int64_t>(items->size());
}

Result<std::string> FilingStore::requeue(const std::string& code_or_id) {
    AUL_TRY_ASSIGN(auto tx, WriteTx::begin(db_));
    // A tracking code is typed by staff from a receipt: read it as the kiosk's track screen does.
    std::string code = core::normalize_tracking_input(code_or_id);
    struct Kind {
        const char* what;
        const char* find;
        const char* clear;
    };
    const Kind kinds[] = {
        {"proposal", "SELECT tracking_code, sent_ms IS NOT NULL, quarantine_reason FROM proposals WHERE tracking_code = ?1",
         "UPDATE proposals SET quarantine_reason = NULL WHERE tracking_code = ?1"},
        {"volunteer sign-up", "SELECT id, sent_ms IS NOT NULL, quarantine_reason FROM volunteer_signups WHERE id = ?1",
         "UPDATE volunteer_signups SET quarantine_reason = NULL WHERE id = ?1"},
    };
    for (const auto& kind : kinds) {
        const std::string& key = std::string_view(kind.what) == "proposal" ? code : code_or_id;
        AUL_TRY_ASSIGN(auto find, db_.prepare(kind.find));
        find.bind(1, key);
        AUL_TRY_ASSIGN(auto row, find.step());
        if (!row) continue;
        std::string name = std::string(kind.what) + " " + find.text(0);
        if (find.integer(1) != 0) return Error{name + " was delivered already; there is nothing to send again"};
        if (find.is_null(2)) return Error{name + " is not quarantined: it waits in the outbox for the next sync"};
        find.reset();
        AUL_TRY_ASSIGN(auto clear, db_.prepare(kind.clear));
        clear.bind(1, key);
        AUL_TRY(clear.run());
        AUL_TRY(tx.commit());
        return name;
    }
    return Error{"no proposal has the tracking code " + code_or_id + " and no volunteer sign-up has that id"};
}

Result<std::string> FilingStore::setting(const std::string& key) const {
    AUL_TRY_ASSIGN(auto st, db_.prepare("SELECT value FROM meta WHERE key = ?1"));
    st.bind(1, key);
    AUL_TRY_ASSIGN(auto row, st.step());
    return row ? st.text(0) : std::string();
}

Status FilingStore::set_setting(const std::string& key, const std::string& value) {
    AUL_TRY_ASSIGN(
        auto st, db_.prepare("INSERT INTO meta(key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = ?2"));
    st.bind(1, key).bind(2, value);
    return st.run();
}

Status FilingStore::set_settings(const std::vector<std::pair<std::string, std::string>>& values) {
    AUL_TRY_ASSIGN(auto tx, WriteTx::begin(db_));
    for (const auto& [key, value] : values)
        AUL_TRY(set_setting(key, value));
    return tx.commit();
}

Result<std::vector<FilingStore::OutgoingProposal>> FilingStore::outgoing(int limit) const {
    AUL_TRY_ASSIGN(
        auto st,
        db_.prepare(
            "SELECT id, tracking_code, category, region, district, settlement, council, title, description, lang, "
            "anonymous, coalesce(contact, ''), created_ms FROM proposals "
            "WHERE sent_ms IS NULL AND quarantine_reason IS NULL ORDER BY sequence LIMIT ?1"));
    st.bind(1, limit);
    std::vector<OutgoingProposal> out;
    auto rows = st.each_row([&] {
        out.push_back({st.text(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5), st.text(6), st.text(7),
                       st.text(8), st.text(9), st.integer(10) != 0, st.text(11), st.integer(12)});
    });
    if (!rows) return rows.take_error();
    return out;
}

Result<std::vector<FilingStore::OutgoingSignup>> FilingStore::outgoing_signups(int limit) const {
    AUL_TRY_ASSIGN(auto st,
                   db_.prepare("SELECT id, opportunity, ngo, lang, contact, created_ms FROM volunteer_signups "
                               "WHERE sent_ms IS NULL AND quarantine_reason IS NULL ORDER BY created_ms, id LIMIT ?1"));
    st.bind(1, limit);
    std::vector<OutgoingSignup> out;
    auto rows = st.each_row([&] {
        out.push_back({st.text(0), st.text(1), st.text(2), st.text(3), st.text(4), st.integer(5)});
    });
    if (!rows) return rows.take_error();
    return out;
}

Status FilingStore::apply_outcomes(const std::vector<ItemOutcome>& outcomes, std::int64_t now_ms) {
    AUL_TRY_ASSIGN(auto tx, WriteTx::begin(db_));
    auto sent = db_.prepare(
        "UPDATE proposals SET sent_ms = ?2, state = CASE state WHEN 'queued' THEN 'delivered' ELSE state END "
        "WHERE id = ?1 AND sent_ms IS NULL");
    auto hist = db_.prepare("INSERT INTO proposal_history(proposal, state, at_ms) VALUES (?1, 'delivered', ?2)");
    auto quarantine = db_.prepare("UPDATE proposals SET quarantine_reason = ?2 WHERE id = ?1");
    // Sign-ups share the id space (UUIDs): whichever table holds the id takes the outcome.
    auto signup_sent = db_.prepare("UPDATE volunteer_signups SET sent_ms = ?2 WHERE id = ?1 AND sent_ms IS NULL");
    auto signup_quarantine = db_.prepare("UPDATE volunteer_signups SET quarantine_reason = ?2 WHERE id = ?1");
    for (auto* s : {&sent, &hist, &quarantine, &signup_sent, &signup_quarantine})
        if (!*s) return s->take_error();
    for (const auto& o : outcomes) {
        std::string reason = o.reason.empty() ? std::string("refused by the server") : o.reason;
        if (o.outcome == Outcome::delivered) {
            signup_sent->bind(1, o.id).bind(2, now_ms);
            AUL_TRY(signup_sent->run());
        } else {
            signup_quarantine->bind(1, o.id).bind(2, reason);
            AUL_TRY(signup_quarantine->run());
        }
        if (o.outcome == Outcome::delivered) {
            sent->bind(1, o.id).bind(2, now_ms);
            AUL_TRY(sent->run());
            if (sqlite3_changes(db_.raw()) > 0) {
                hist->bind(1, o.id).bind(2, now_ms);
                AUL_TRY(hist->run());
            }
        } else {
            quarantine->bind(1, o.id).bind(2, o.reason.empty() ? std::string("refused by the server") : o.reason);
            AUL_TRY(quarantine->run());
        }
    }
    return tx.commit();
}

Status FilingStore::apply_state_changes(const std::vector<StateChange>& changes, std::int64_t cursor) {
    AUL_TRY_ASSIGN(auto tx, WriteTx::begin(db_));
    auto upd = db_.prepare("UPDATE proposals SET state = ?2, answer = CASE WHEN ?3 = '' THEN answer ELSE ?3 END "
                           "WHERE tracking_code = ?1 RETURNING id");
    auto hist = db_.prepare("INSERT INTO proposal_history(proposal, state, at_ms, note) VALUES (?1, ?2, ?3, '')");
    if (!upd) return upd.take_error();
    if (!hist) return hist.take_error();
    for (const auto& c : changes) {
        upd->bind(1, c.tracking_code).bind(2, c.state).bind(3, c.answer);
        AUL_TRY_ASSIGN(auto row, upd->step());
        std::string id = row ? upd->text(0) : std::string();
        upd->reset();
        // "delivered" was already recorded when the push was acknowledged.
        if (!id.empty() && c.state != "delivered") {
            hist->bind(1, id).bind(2, c.state).bind(3, c.at_ms);
            AUL_TRY(hist->run());
        }
    }
    AUL_TRY(set_setting("status_cursor", std::to_string(cursor)));
    return tx.commit();
}

}  // namespace aul::store
