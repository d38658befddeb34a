#include "sync/protocol.h"

#include <nlohmann/json.hpp>
#include <sodium.h>

#include <algorithm>
#include <cstring>
#include <stdexcept>

#include "core/catalog_json.h"
#include "core/proposal.h"
#include "core/text.h"
#include "core/tracking.h"

namespace aul::sync {

namespace {
using nlohmann::json;

// Thrown only inside this file; each decode_* turns it into a Result.
struct Bad : std::runtime_error {
    using std::runtime_error::runtime_error;
};

json parse(std::string_view text) {
    // Refused before parsing: a reply nesting thousands of levels is an attack, never data.
    if (!core::json_nesting_within(text, core::kMaxJsonDepth))
        throw Bad("the body nests deeper than " + std::to_string(core::kMaxJsonDepth) + " levels");
    json doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded()) throw Bad("the body is not JSON");
    if (!doc.is_object()) throw Bad("the body is not a JSON object");
    return doc;
}

std::string str(const json& o, const char* key, bool required = true) {
    auto it = o.find(key);
    if (it == o.end() || it->is_null()) {
        if (required) throw Bad(std::string("missing '") + key + "'");
        return {};
    }
    if (!it->is_string()) throw Bad(std::string("'") + key + "' must be a string");
    const auto& s = it->get_ref<const std::string&>();
    if (!core::is_valid_utf8(s)) throw Bad(std::string("'") + key + "' is not valid UTF-8");
    return s;
}

// A key or signature: base64 of exactly `bytes` bytes. Empty is allowed only when optional.
std::string b64(const json& o, const char* key, std::size_t bytes, bool required = true) {
    std::string s = str(o, key, required);
    if (s.empty() && !required) return s;
    if (!from_base64(s, bytes))
        throw Bad(std::string("'") + key + "' must be base64 of " + std::to_string(bytes) + " bytes");
    return s;
}

std::int64_t num(const json& o, const char* key) {
    auto it = o.find(key);
    if (it == o.end() || !it->is_number_integer()) throw Bad(std::string("'") + key + "' must be an integer");
    return it->get<std::int64_t>();
}

bool flag(const json& o, const char* key) {
    auto it = o.find(key);
    if (it == o.end() || !it->is_boolean()) throw Bad(std::string("'") + key + "' must be true or false");
    return it->get<bool>();
}

const json& list(const json& o, const char* key, std::size_t max) {
    auto it = o.find(key);
    if (it == o.end() || !it->is_array()) throw Bad(std::string("'") + key + "' must be a list");
    if (it->size() > max) throw Bad(std::string("'") + key + "' has more than " + std::to_string(max) + " entries");
    return *it;
}

// 'tracking_key': 32 hex digits (core::TrackingKey). Empty is allowed only when optional.
std::string tracking_key_field(const json& o, bool required = true) {
    std::string s = str(o, "tracking_key", required);
    if (s.empty() && !required) return s;
    if (!core::TrackingKey::from_hex(s)) throw Bad("'tracking_key' must be 32 hex digits");
    return s;
}

template <typename T, typename Fn>
Result<T> guarded(std::string_view what, Fn&& fn) {
    try {
        return fn();
    } catch (const Bad& e) {
        return Error{std::string(what) + ": " + e.what()};
    } catch (const json::exception& e) {
        return Error{std::string(what) + ": " + e.what()};
    }
}

template <typename T, typename Fn>
std::vector<T> each(const json& arr, const char* section, Fn&& fn) {
    std::vector<T> out;
    for (std::size_t i = 0; i < arr.size(); ++i) {
        try {
            if (!arr[i].is_object()) throw Bad("must be an object");
            out.push_back(fn(arr[i]));
        } catch (const Bad& e) {
            throw Bad(std::string(section) + "[" + std::to_string(i) + "] " + e.what());
        }
    }
    return out;
}
}  // namespace

std::string_view item_status_name(ItemStatus s) {
    switch (s) {
        case ItemStatus::accepted: return "accepted";
        case ItemStatus::duplicate: return "duplicate";
        case ItemStatus::conflict: return "conflict";
        case ItemStatus::rejected: return "rejected";
    }
    return "rejected";
}

static_assert(kSigningKeyBytes == crypto_sign_PUBLICKEYBYTES);
static_assert(kSignatureBytes == crypto_sign_BYTES);

std::string to_base64(std::span<const unsigned char> bytes) {
    std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), bytes.data(), bytes.size(), sodium_base64_VARIANT_ORIGINAL);
    out.resize(std::strlen(out.c_str()));
    return out;
}

std::optional<std::vector<unsigned char>> from_base64(std::string_view text) {
    std::vector<unsigned char> out(text.size() / 4 * 3 + 3);
    std::size_t len = 0;
    const char* end = nullptr;
    if (sodium_init() < 0 ||
        sodium_base642bin(out.data(), out.size(), text.data(), text.size(), nullptr, &len, &end,
                          sodium_base64_VARIANT_ORIGINAL) != 0 ||
        end != text.data() + text.size())
        return std::nullopt;
    out.resize(len);
    return out;
}

std::optional<std::vector<unsigned char>> from_base64(std::string_view text, std::size_t size) {
    auto bytes = from_base64(text);
    if (!bytes || bytes->size() != size) return std::nullopt;
    return bytes;
}

static_assert(core::kSealOverheadBytes == crypto_box_SEALBYTES);

bool is_sealed_box(std::string_view text, core::ByteRange plain) {
    // Checked on the text's length first: a huge string is refused without decoding it.
    if (text.size() > sodium_base64_encoded_len(plain.max + crypto_box_SEALBYTES, sodium_base64_VARIANT_ORIGINAL))
        return false;
    auto box = from_base64(text);
    return box && box->size() >= plain.min + crypto_box_SEALBYTES && box->size() <= plain.max + crypto_box_SEALBYTES;
}

std::string encode(const EnrollRequest& m) {
    return json{{"enrollment_code", m.enrollment_code},
                {"region", m.region},
                {"district", m.district},
                {"settlement", m.settlement},
                {"kiosk_code", m.kiosk_code},
                {"signing_key", m.signing_key},
                {"proof", m.proof}}
        .dump();
}

std::string enrollment_proof(std::string_view enrollment_code, std::string_view signing_key) {
    return "aul-enrol 1\n" + std::string(enrollment_code) + "\n" + std::string(signing_key) + "\n";
}

std::string encode(const EnrollResponse& m) {
    return json{{"kiosk_id", m.kiosk_id},
                {"kiosk_code", m.kiosk_code},
                {"token", m.token},
                {"public_key", m.public_key},
                {"highest_sequence", m.highest_sequence},
                {"reenrolled", m.reenrolled},
                {"tracking_key", m.tracking_key}}
        .dump();
}

std::string encode(const SubmitRequest& m) {
    json items = json::array();
    for (const auto& p : m.proposals)
        items.push_back({{"id", p.id},
                         {"tracking_code", p.tracking_code},
                         {"category", p.category},
                         {"region", p.region},
                         {"district", p.district},
                         {"settlement", p.settlement},
                         {"council", p.council},
                         {"title", p.title},
                         {"description", p.description},
                         {"lang", p.lang},
                         {"anonymous", p.anonymous},
                         {"contact_sealed", p.contact_sealed},
                         {"created_ms", p.created_ms}});
    json signups = json::array();
    for (const auto& s : m.signups)
        signups.push_back({{"id", s.id}, {"opportunity", s.opportunity}, {"ngo", s.ngo}, {"lang", s.lang},
                           {"contact_sealed", s.contact_sealed}, {"created_ms", s.created_ms}});
    return json{{"proposals", items}, {"signups", signups}}.dump();
}

std::string encode(const SubmitResponse& m) {
    json results = json::array();
    for (const auto& r : m.results)
        results.push_back({{"id", r.id}, {"status", item_status_name(r.status)}, {"reason", r.reason}});
    return json{{"results", results}}.dump();
}

std::string encode(const StatusResponse& m) {
    json changes = json::array();
    for (const auto& c : m.changes)
        changes.push_back({{"tracking_code", c.tracking_code},
                           {"state", c.state},
                           {"answer", c.answer},
                           {"at_ms", c.at_ms},
                           {"seq", c.seq}});
    return json{{"changes", changes}, {"cursor", m.cursor}}.dump();
}

std::string encode(const CatalogPage& m) {
    json items = json::array();
    for (const auto& i : m.items) {
        json rec = i.deleted ? json(nullptr) : json::parse(i.record, nullptr, false);
        items.push_back({{"kind", i.kind}, {"id", i.id}, {"version", i.version}, {"deleted", i.deleted}, {"record", rec}});
    }
    return json{{"items", items}, {"cursor", m.cursor}, {"more", m.more}}.dump();
}

Result<CatalogPage> decode_catalog_page(std::string_view text) {
    return guarded<CatalogPage>("catalogue page", [&] {
        json o = parse(text);
        CatalogPage m;
        m.items = each<CatalogItem>(list(o, "items", kCatalogPageItems), "items", [](const json& i) {
            CatalogItem c{str(i, "kind"), str(i, "id"), num(i, "version"), flag(i, "deleted"), {}};
            static const std::string kKinds[] = {"categories", "regions", "districts", "ngos", "councils",
                                                 "opportunities"};
            if (std::find(std::begin(kKinds), std::end(kKinds), c.kind) == std::end(kKinds))
                throw Bad("unknown kind '" + c.kind + "'");
            auto rec = i.find("record");
            if (!c.deleted) {
                if (rec == i.end() || !rec->is_object()) throw Bad("'record' must be an object");
                c.record = rec->dump();
            }
            return c;
        });
        m.cursor = num(o, "cursor");
        m.more = flag(o, "more");
        return m;
    });
}

std::string encode(const Heartbeat& m) {
    return json{{"version", m.version},          {"uptime_s", m.uptime_s},
                {"outbox", m.outbox},            {"quarantined", m.quarantined},
                {"last_push_ok_ms", m.last_push_ok_ms}, {"last_pull_ok_ms", m.last_pull_ok_ms},
                {"disk_free_mb", m.disk_free_mb}, {"highest_sequence", m.highest_sequence}}
        .dump();
}

Result<Heartbeat> decode_heartbeat(std::string_view text) {
    return guarded<Heartbeat>("heartbeat", [&] {
        json o = parse(text);
        Heartbeat hb{str(o, "version"),         num(o, "uptime_s"),        num(o, "outbox"),
                     num(o, "quarantined"),     num(o, "last_push_ok_ms"), num(o, "last_pull_ok_ms"),
                     num(o, "disk_free_mb")};
        // Absent from a kiosk older than keyed codes; a sequence a code cannot carry is a lie.
        if (o.contains("highest_sequence")) hb.highest_sequence = num(o, "highest_sequence");
        if (hb.highest_sequence < 0 || static_cast<std::uint64_t>(hb.highest_sequence) >= core::kSequenceLimit)
            throw Bad("'highest_sequence' is not a tracking sequence");
        return hb;
    });
}

Result<EnrollRequest> decode_enroll_request(std::string_view text) {
    return guarded<EnrollRequest>("enrolment request", [&] {
        json o = parse(text);
        return EnrollRequest{str(o, "enrollment_code"), str(o, "region", false),     str(o, "district", false),
                             str(o, "settlement", false),      str(o, "kiosk_code", false),
                             b64(o, "signing_key", kSigningKeyBytes, /*required=*/false),
                             b64(o, "proof", kSignatureBytes, /*required=*/false)};
    });
}

Result<EnrollResponse> decode_enroll_response(std::string_view text) {
    return guarded<EnrollResponse>("enrolment answer", [&] {
        json o = parse(text);
        EnrollResponse m{str(o, "kiosk_id"), str(o, "kiosk_code"), str(o, "token"), str(o, "public_key")};
        // Absent from a server older than re-enrolment: nothing known, no gap asked for.
        if (o.contains("highest_sequence")) m.highest_sequence = num(o, "highest_sequence");
        if (m.highest_sequence < 0) throw Bad("'highest_sequence' must not be negative");
        if (o.contains("reenrolled")) m.reenrolled = flag(o, "reenrolled");
        m.tracking_key = tracking_key_field(o, /*required=*/false);
        return m;
    });
}

Result<SubmitRequest> decode_submit_request(std::string_view text) {
    return guarded<SubmitRequest>("submission", [&] {
        json o = parse(text);
        SubmitRequest m;
        m.proposals = each<ProposalItem>(list(o, "proposals", kMaxBatchItems), "proposals", [](const json& p) {
            ProposalItem i;
            i.id = str(p, "id");
            i.tracking_code = str(p, "tracking_code");
            i.category = str(p, "category");
            i.region = str(p, "region");
            i.district = str(p, "district", false);
            i.settlement = str(p, "settlement", false);
            i.council = str(p, "council", false);
            i.title = str(p, "title");
            i.description = str(p, "description");
            i.lang = str(p, "lang");
            i.anonymous = flag(p, "anonymous");
            i.contact_sealed = str(p, "contact_sealed", false);
            i.created_ms = num(p, "created_ms");
            return i;
        });
        if (o.contains("signups")) {
            m.signups = each<SignupItem>(list(o, "signups", kMaxBatchItems), "signups", [](const json& s) {
                return SignupItem{str(s, "id"), str(s, "opportunity", false), str(s, "ngo"), str(s, "lang"),
                                  str(s, "contact_sealed"), num(s, "created_ms")};
            });
        }
        if (m.proposals.size() + m.signups.size() > kMaxBatchItems)
            throw Bad("a submission carries more than " + std::to_string(kMaxBatchItems) + " items");
        return m;
    });
}

Result<SubmitResponse> decode_submit_response(std::string_view text) {
    return guarded<SubmitResponse>("submission answer", [&] {
        json o = parse(text);
        SubmitResponse m;
        m.results = each<ItemResult>(list(o, "results", kMaxBatchItems), "results", [](const json& r) {
            std::string status = str(r, "status");
            ItemResult out{str(r, "id"), ItemStatus::rejected, str(r, "reason", false)};
            if (status == "accepted") out.status = ItemStatus::accepted;
            else if (status == "duplicate") out.status = ItemStatus::duplicate;
            else if (status == "conflict") out.status = ItemStatus::conflict;
            else if (status != "rejected") throw Bad("unknown status '" + status + "'");
            return out;
        });
        return m;
    });
}

Result<StatusResponse> decode_status_response(std::string_view text) {
    return guarded<StatusResponse>("status answer", [&] {
        json o = parse(text);
        StatusResponse m;
        m.changes = each<StatusChange>(list(o, "changes", 10000), "changes", [](const json& c) {
            StatusChange s{str(c, "tracking_code"), str(c, "state"), str(c, "answer", false), num(c, "at_ms"),
                           num(c, "seq")};
            if (!core::is_proposal_state(s.state)) throw Bad("unknown state '" + s.state + "'");
            return s;
        });
        m.cursor = num(o, "cursor");
        return m;
    });
}

std::string encode(const BundleSeal& m) {
    return json{{"kiosk_id", m.kiosk_id}, {"signature", m.signature}}.dump();
}

std::string encode(const BundleManifest& m) {
    return json{{"kiosk_id", m.kiosk_id},   {"kiosk_code", m.kiosk_code}, {"created_ms", m.created_ms},
                {"proposals", m.proposals}, {"signups", m.signups},       {"batches", m.batches}}
        .dump();
}

Result<BundleSeal> decode_bundle_seal(std::string_view text) {
    return guarded<BundleSeal>("bundle seal", [&] {
        json o = parse(text);
        return BundleSeal{str(o, "kiosk_id"), b64(o, "signature", kSignatureBytes)};
    });
}

Result<BundleManifest> decode_bundle_manifest(std::string_view text) {
    return guarded<BundleManifest>("bundle manifest", [&] {
        json o = parse(text);
        BundleManifest m{str(o, "kiosk_id"), str(o, "kiosk_code"), num(o, "created_ms"),
                         num(o, "proposals"), num(o, "signups"),  num(o, "batches")};
        if (m.proposals < 0 || m.signups < 0 || m.batches < 0) throw Bad("counts must not be negative");
        return m;
    });
}

std::string encode_error(std::string_view message, bool retry) {
    return json{{"error", message}, {"retry", retry}}.dump();
}

Result<std::string> decode_error(std::string_view text) {
    return guarded<std::string>("error answer", [&] { return str(parse(text), "error"); });
}

}  // namespace aul::sync

namespace aul::sync {

std::string_view lookup_found_name(LookupFound f) {
    switch (f) {
        case LookupFound::yes: return "yes";
        case LookupFound::not_arrived: return "not_arrived";
        case LookupFound::unknown: return "unknown";
    }
    return "unknown";
}

std::string encode(const KioskIdentity& m) {
    return json{{"kiosk_code", m.kiosk_code}, {"tracking_key", m.tracking_key}}.dump();
}

Result<KioskIdentity> decode_kiosk_identity(std::string_view text) {
    return guarded<KioskIdentity>("kiosk identity", [&] {
        json o = parse(text);
        KioskIdentity m{str(o, "kiosk_code"), tracking_key_field(o)};
        if (!core::make_tracking_code(m.kiosk_code, 0)) throw Bad("'kiosk_code' is not a kiosk code");
        return m;
    });
}

std::string encode(const TrackLookup& m) {
    json history = json::array();
    for (const auto& e : m.history) history.push_back({{"state", e.state}, {"at_ms", e.at_ms}});
    json o{{"tracking_code", m.tracking_code}, {"found", lookup_found_name(m.found)}};
    if (m.found == LookupFound::yes) {
        o["state"] = m.state;
        o["answer"] = m.answer;
        o["history"] = history;
    }
    return o.dump();
}

Result<TrackLookup> decode_track_lookup(std::string_view text, std::string_view asked_code) {
    return guarded<TrackLookup>("tracking answer", [&] {
        json o = parse(text);
        TrackLookup m;
        m.tracking_code = str(o, "tracking_code");
        if (m.tracking_code != asked_code) throw Bad("it answers for another code than the one asked");
        const std::string found = str(o, "found");
        if (found == "yes") m.found = LookupFound::yes;
        else if (found == "not_arrived") m.found = LookupFound::not_arrived;
        else if (found == "unknown") m.found = LookupFound::unknown;
        else throw Bad("'found' must be yes, not_arrived or unknown");
        if (m.found != LookupFound::yes) return m;
        m.state = str(o, "state");
        if (!core::is_proposal_state(m.state)) throw Bad("unknown state '" + m.state + "'");
        std::string answer = str(o, "answer", false);
        if (answer.size() > core::kMaxAnswerBytes)
            throw Bad("'answer' is longer than " + std::to_string(core::kMaxAnswerBytes) + " bytes");
        m.answer = core::clean_text(answer, /*multiline=*/true);
        m.history = each<LookupEvent>(list(o, "history", core::kMaxHistoryEntries), "history", [](const json& e) {
            LookupEvent ev{str(e, "state"), num(e, "at_ms")};
            if (!core::is_proposal_state(ev.state)) throw Bad("unknown state '" + ev.state + "'");
            if (ev.at_ms < 0) throw Bad("'at_ms' must not be negative");
            return ev;
        });
        return m;
    });
}

}  // namespace aul::sync
