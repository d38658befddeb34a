#include "sync/kiosk_sync.h"

#include <sys/statvfs.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <ctime>
#include <nlohmann/json.hpp>
#include <unordered_set>

#include "core/catalog_json.h"
#include "sync/client.h"
#include "sync/files.h"
#include "sync/lookups.h"
#include "sync/outbox.h"
#include "sync/protocol.h"
#include "sync/signing.h"

namespace aul::sync {

namespace {

bool read_text(const std::string& path, std::string& out) {
    auto text = read_whole_file(path);
    if (!text) return false;
    out = std::move(*text);
    return true;
}

// device_token's code for a kiosk that is not enrolled.
constexpr int kNotEnrolledCode = -30;

// The device token of an enrolled kiosk, or why there is none to use: not enrolled, or
// this user may not read it (on a board only kiosk-sync's user enters private/).
Result<std::string> device_token(const KioskPaths& paths, const store::FilingStore& filing) {
    bool absent = ::access(paths.token().c_str(), F_OK) != 0 && errno == ENOENT;
    if (!store::is_enrolled(filing) || absent)
        return Error{"this kiosk is not enrolled: run kioskctl enroll", kNotEnrolledCode};
    auto token = read_whole_file(paths.token());
    if (!token) return Error{token.error() + " (only kiosk-sync's user reads it: run kiosk-sync, or kioskctl as root)"};
    return token;
}

// What a non-2xx reply means for this round.
void classify(const Reply& r, RoundReport& rep) {
    auto message = decode_error(r.body);
    std::string said = message ? *message : "HTTP " + std::to_string(r.status);
    // A server may ask for a pause, but never for longer than kMaxRetryAfterS: one absurd
    // value must not stop a village's sync until staff notice.
    rep.retry_after_s = std::min(r.retry_after_s, kMaxRetryAfterS);
    std::string_view kind = error_kind_of_status(r.status);
    if (kind == store::sync_error::rejected) {
        rep.fail(kind, "the national server refuses this kiosk: " + said + "; the outbox is kept");
        rep.retryable = false;
    } else if (kind == store::sync_error::server_error) {
        rep.fail(kind, "the national server is busy or failing (" + said + "); will retry");
    } else {
        rep.fail(kind, "the national server refused the request (" + said + ")");
        rep.retryable = r.status == 408;
    }
}

}  // namespace

std::string_view error_kind_of(const Error& transport) {
    switch (transport.code) {
        case kUnreachableCode: return store::sync_error::unreachable;
        case kTimeoutCode: return store::sync_error::timeout;
        case kTlsCode: return store::sync_error::tls;
        case kTooLargeCode: return store::sync_error::bad_reply;
        case kNotEnrolledCode: return store::sync_error::not_enrolled;
        default: return store::sync_error::local;  // the client could not even start, the token unreadable
    }
}

std::string_view error_kind_of_status(long http_status) {
    if (http_status == 401 || http_status == 403) return store::sync_error::rejected;
    if (http_status == 408) return store::sync_error::timeout;
    if (http_status == 429 || http_status >= 500) return store::sync_error::server_error;
    return store::sync_error::refused;
}

void RoundReport::fail(std::string_view kind, std::string words) {
    error = std::move(words);
    error_kind = kind;
}

std::vector<Check> server_checks(const KioskPaths& paths, store::FilingStore& filing) {
    std::vector<Check> out;
    std::string url = filing.setting("sync_url").value_or("");
    auto token = device_token(paths, filing);
    if (!token) {
        bool absent = token.error_value().code == kNotEnrolledCode;
        out.push_back({"enrolment", false, token.error(), absent ? "staff.detail.not_enrolled" : ""});
        return out;
    }
    out.push_back({"enrolment", true, url, "staff.detail.enrolled", url.substr(0, 200)});
    ClientConfig cfg{url, paths.ca()};
    cfg.total_timeout_s = 15;
    Client client(cfg);
    auto reply = client.get("/v1/status?since=" + filing.setting("status_cursor").value_or("0"), *token);
    if (!reply) {
        std::string_view kind = error_kind_of(reply.error_value());
        bool tls = kind == store::sync_error::tls;
        std::string words = tls                                   ? "staff.detail.tls_bad"
                            : kind == store::sync_error::timeout     ? "staff.detail.timeout"
                            : kind == store::sync_error::unreachable ? "staff.detail.unreachable"
                                                                     : "";
        out.push_back({tls ? "tls" : "server reachable", false, reply.error(), words});
        return out;
    }
    out.push_back({"server reachable", true, "HTTP " + std::to_string(reply->status), "staff.detail.reachable"});
    out.push_back({"tls", true, "the server's certificate leads to the pinned national CA", "staff.detail.tls_ok"});
    if (reply->server_time_s > 0) {
        long long skew = static_cast<long long>(std::time(nullptr)) - reply->server_time_s;
        bool sane = std::llabs(skew) <= 300;
        out.push_back({"clock", sane,
                       sane ? "within " + std::to_string(std::llabs(skew)) + " s of the server"
                            : "off by " + std::to_string(skew) + " s: set the time (timedatectl)",
                       sane ? "staff.detail.clock_ok" : "staff.detail.clock_off", std::to_string(sane ? std::llabs(skew) : skew)});
    } else {
        out.push_back({"clock", false, "the server sent no Date header", "staff.detail.no_date"});
    }
    bool token_ok = reply->status == 200;
    bool refused = !token_ok && error_kind_of_status(reply->status) == store::sync_error::rejected;
    auto why = decode_error(reply->body);
    out.push_back({"token", token_ok, token_ok ? "accepted" : (why ? *why : "HTTP " + std::to_string(reply->status)),
                   token_ok ? "staff.detail.token_ok" : refused ? "staff.detail.token_refused" : ""});
    return out;
}

std::string RoundReport::json() const {
    nlohmann::json j{{"pushed", pushed}, {"delivered", delivered}, {"quarantined", quarantined}, {"pulled", pulled},
                     {"catalog_changes", catalog_changes}, {"outbox", outbox}, {"requests", requests},
                     {"wire_bytes", wire_bytes}, {"json_bytes", json_bytes}, {"ok", error.empty()}};
    if (!error.empty()) j["error"] = error, j["error_kind"] = error_kind;
    return j.dump();
}

namespace {

constexpr const char* kPendingEnrolmentKey = "enrolment_pending_code";

// The signing key to offer with `code`: the one a previous attempt with the same code
// offered (its reply may have been lost after the server spent the code), else a new one,
// kept before anything is sent.
Result<SigningKey> signing_key_for(const KioskPaths& paths, store::FilingStore& filing, const std::string& code) {
    if (filing.setting(kPendingEnrolmentKey).value_or("") == code)
        if (auto kept = SigningKey::load(paths.pending_signing_key())) return kept;
    auto fresh = SigningKey::generate();
    if (!fresh) return fresh.take_error();
    AUL_TRY(fresh->save(paths.pending_signing_key()));
    AUL_TRY(filing.set_setting(kPendingEnrolmentKey, code));
    return fresh;
}

// The floor under this kiosk's next tracking sequence after the server's answer: above
// everything the server holds and the kiosk can read; and, when filings may exist that
// neither can see, kSequenceGap past the server's highest.
Result<std::int64_t> sequence_floor_after(const KioskPaths& paths, store::FilingStore& filing,
                                          const EnrollResponse& resp) {
    AUL_TRY_ASSIGN(auto local, filing.highest_sequence());
    auto floor = filing.sequence_floor();
    if (!floor) return floor.take_error();
    std::int64_t out = std::max({resp.highest_sequence, local, *floor});
    // This database enrolled as this kiosk before: it holds every filing made since,
    // and its floor already covers what came before it.
    if (filing.setting("kiosk_id").value_or("") == resp.kiosk_id) return out;
    auto aside = store::read_set_aside_sequences(paths.db());
    out = std::max(out, aside.highest);
    bool unseen_filings = !aside.unreadable.empty() || (resp.reenrolled && aside.read == 0);
    if (unseen_filings) out = std::max(out, resp.highest_sequence + store::kSequenceGap);
    return out;
}

}  // namespace

Status enroll(const KioskPaths& paths, store::FilingStore& filing, const std::string& url, const std::string& code,
              const std::string& ca_file) {
    std::string ca;
    if (!read_text(ca_file, ca)) return Error{"cannot read the national CA certificate " + ca_file};
    // A new key for every enrolment code; it replaces the old key file only once the
    // server has its public half, so a failed attempt never leaves the kiosk with a key
    // the server lacks. Asking again with the same code offers the same key.
    AUL_TRY_ASSIGN(auto signing, signing_key_for(paths, filing, code));
    Client client({url, ca_file});
    EnrollRequest req;
    req.enrollment_code = code;
    req.kiosk_code = filing.setting("kiosk_code").value_or("");
    req.signing_key = signing.public_key();
    req.proof = signing.sign(enrollment_proof(code, req.signing_key));
    auto reply = client.post("/v1/enroll", encode(req), "");
    if (!reply) return Error{reply.error() + "; asking again with the same code is safe"};
    if (reply->status != 200) {
        auto why = decode_error(reply->body);
        return Error{"enrolment refused: " + (why ? *why : "HTTP " + std::to_string(reply->status))};
    }
    auto resp = decode_enroll_response(reply->body);
    if (!resp) return Error{resp.error() + "; asking again with the same code is safe"};
    if (!req.kiosk_code.empty() && resp->kiosk_code != req.kiosk_code)
        return Error{"the national server gave kiosk code " + resp->kiosk_code + ", but this kiosk files with " +
                     req.kiosk_code + " and keeps it for life: nothing was changed here; ask the national operators "
                     "for a code made with national-api enrollment-code --for " + req.kiosk_code};
    // The tracking key before anything is kept: a kiosk whose codes are ordered by another
    // server's key must not mix the two (set_tracking_key refuses, nothing is changed).
    if (!resp->tracking_key.empty())
        if (auto s = filing.set_tracking_key(*core::TrackingKey::from_hex(resp->tracking_key)); !s) return s;
    // The floor first: from here on no tracking code the server or a lost database may
    // hold is issued again, whatever else happens.
    AUL_TRY_ASSIGN(auto floor, sequence_floor_after(paths, filing, *resp));
    if (auto s = filing.raise_sequence_floor(floor); !s) return s;
    if (auto s = filing.set_kiosk_code(resp->kiosk_code); !s) return s;
    if (auto s = write_secret_file(paths.ca(), ca); !s) return s;
    // The previous token (if any) is replaced only now, with the one that works.
    if (auto s = write_secret_file(paths.token(), resp->token); !s) return s;
    if (auto s = signing.save(paths.signing_key()); !s) return s;
    unlink(paths.pending_signing_key().c_str());
    if (auto s = filing.set_national_key(resp->public_key); !s) return s;
    return filing.set_settings({{"sync_url", url}, {"kiosk_id", resp->kiosk_id}, {kPendingEnrolmentKey, ""}});
}

void count_exchange(RoundReport& rep, const Reply& r) {
    rep.wire_bytes += r.wire_bytes;
    rep.json_bytes += r.json_bytes;
    ++rep.requests;
}

namespace {
// The body of a 200 reply; otherwise nullopt, with what went wrong (the transport's words
// or the server's refusal) written into the report. Every exchange is counted.
std::optional<std::string> ok_body(Result<Reply> reply, RoundReport& rep) {
    if (!reply) {
        rep.fail(error_kind_of(reply.error_value()), reply.error());
        return std::nullopt;
    }
    count_exchange(rep, *reply);
    if (reply->status != 200) {
        classify(*reply, rep);
        return std::nullopt;
    }
    return std::move(reply->body);
}
}  // namespace

// Said when SIGTERM arrives mid-round: the exchange and transaction in hand were finished.
constexpr const char* kStopped = "stopped on request; the rest waits for the next start";

namespace {
bool asked_to_stop(const std::function<bool()>& stopping, RoundReport& rep) {
    if (!stopping || !stopping()) return false;
    rep.fail(store::sync_error::stopped, kStopped);
    return true;
}

// Checks a catalogue page against the request that brought it and turns it into the
// store's changes; the error says what is wrong with it, for the log.
Result<std::vector<store::CatalogStore::Change>> checked_page(const CatalogPage& page, std::int64_t since) {
    // A page must move the cursor forward: one that does not would be asked for again and
    // again. And the versions it carries must be those it stands for.
    if (page.more && page.cursor <= since)
        return Error{"the national server's catalogue page did not move past version " + std::to_string(since)};
    if (page.cursor < since)
        return Error{"the national server's catalogue (version " + std::to_string(page.cursor) +
                     ") is older than this kiosk's (" + std::to_string(since) + "); was it restored from a backup?"};
    nlohmann::json doc = nlohmann::json::object();
    std::vector<store::CatalogStore::Change> changes;
    changes.reserve(page.items.size());
    std::int64_t previous = since;
    for (const auto& item : page.items) {
        if (item.version <= previous || item.version > page.cursor)
            return Error{"the national server's catalogue page is out of order at version " + std::to_string(item.version)};
        previous = item.version;
        if (!item.deleted) doc[item.kind].push_back(nlohmann::json::parse(item.record, nullptr, false));
        changes.push_back({item.kind, item.id, item.version, item.deleted, item.record});
    }
    // Every record meets the publishing rules (sizes, text limits, well-formed fields)
    // before anything of the page is kept.
    if (auto records = core::parse_catalog(doc.dump(), /*check_references=*/false); !records)
        return Error{"a catalogue page was refused: " + records.error()};
    return changes;
}
}  // namespace

void pull_catalog(const CatalogFetch& fetch, store::CatalogStore& catalog, RoundReport& rep,
                  const std::function<bool()>& stopping) {
    for (;;) {
        if (asked_to_stop(stopping, rep)) return;
        auto cursor = catalog.pull_cursor();
        if (!cursor) {
            rep.fail(store::sync_error::local, cursor.error());
            return;
        }
        auto body = fetch(*cursor, rep);
        if (!body) return;  // fetch said why in rep
        auto page = decode_catalog_page(*body);
        if (!page) {
            rep.fail(store::sync_error::bad_reply, "the catalogue reply is not the national server's (" + page.error() + ")");
            return;
        }
        auto changes = checked_page(*page, *cursor);
        if (!changes) {
            rep.fail(store::sync_error::bad_reply, changes.error() + "; the catalogue in use is kept");
            return;
        }
        if (auto s = catalog.receive_catalog_page(*changes, page->cursor, !page->more); !s) {
            rep.fail(store::sync_error::local, "a catalogue page could not be applied: " + s.error());
            return;
        }
        rep.catalog_changes += static_cast<int>(page->items.size());
        if (!page->more) return;
    }
}

std::optional<Link> Link::open(const KioskPaths& paths, const store::FilingStore& filing, long timeout_s,
                               RoundReport& rep) {
    std::string url = filing.setting("sync_url").value_or("");
    auto token = device_token(paths, filing);
    if (!token) {
        rep.fail(error_kind_of(token.error_value()), token.error());
        rep.retryable = false;
        return std::nullopt;
    }
    ClientConfig cfg{url, paths.ca()};
    cfg.total_timeout_s = timeout_s;
    cfg.stall_timeout_s = std::min(cfg.stall_timeout_s, timeout_s);
    return std::optional<Link>(std::in_place, cfg, std::move(*token));
}

CatalogFetch Link::catalog_fetch() {
    return [this](std::int64_t since, RoundReport& rep) {
        return ok_body(client.get("/v1/catalog?since=" + std::to_string(since), token), rep);
    };
}

void push_outbox(Link& link, store::FilingStore& filing, std::int64_t now_ms, RoundReport& rep,
                 const std::function<bool()>& stopping) {
    // Batches until the outbox is empty or the server stops us.
    for (;;) {
        if (asked_to_stop(stopping, rep)) return;
        auto req = outbox_submission(filing, kMaxBatchItems);
        if (!req) {
            rep.fail(store::sync_error::local, req.error());
            return;
        }
        if (req->proposals.empty() && req->signups.empty()) break;
        auto body = ok_body(link.client.post("/v1/submissions", encode(*req), link.token), rep);
        if (!body) return;
        // Only an explicit, well-formed acknowledgement counts: a portal's 200 page is not one.
        auto resp = decode_submit_response(*body);
        if (!resp) {
            rep.fail(store::sync_error::bad_reply,
                     "the reply is not the national server's (" + resp.error() + "); nothing marked sent");
            return;
        }
        std::unordered_set<std::string> asked;
        for (const auto& p : req->proposals) asked.insert(p.id);
        for (const auto& s : req->signups) asked.insert(s.id);
        std::vector<store::FilingStore::ItemOutcome> outcomes;
        for (const auto& r : resp->results) {
            if (!asked.count(r.id)) continue;  // not ours to mark
            bool delivered = r.status == ItemStatus::accepted || r.status == ItemStatus::duplicate;
            outcomes.push_back({r.id, delivered ? store::FilingStore::Outcome::delivered
                                                : store::FilingStore::Outcome::quarantined,
                                r.reason});
            ++(delivered ? rep.delivered : rep.quarantined);
        }
        rep.pushed += static_cast<int>(asked.size());
        if (auto s = filing.apply_outcomes(outcomes, now_ms); !s) {
            rep.fail(store::sync_error::local, s.error());
            return;
        }
        if (outcomes.size() < asked.size()) {
            rep.fail(store::sync_error::bad_reply, "the server answered for only some items; the rest stay queued");
            return;
        }
    }
    (void)store::mark_direction_ok(filing, store::Direction::push, now_ms);
}

void pull_status(Link& link, store::FilingStore& filing, std::int64_t now_ms, RoundReport& rep) {
    std::string cursor = filing.setting("status_cursor").value_or("");
    auto body = ok_body(link.client.get("/v1/status?since=" + (cursor.empty() ? std::string("0") : cursor), link.token), rep);
    if (!body) return;
    auto st = decode_status_response(*body);
    if (!st) {
        rep.fail(store::sync_error::bad_reply, "the status reply is not the national server's (" + st.error() + ")");
        return;
    }
    std::vector<store::FilingStore::StateChange> changes;
    for (const auto& c : st->changes) changes.push_back({c.tracking_code, c.state, c.answer, c.at_ms});
    if (auto s = filing.apply_state_changes(changes, st->cursor); !s) {
        rep.fail(store::sync_error::local, s.error());
        return;
    }
    rep.pulled = static_cast<int>(changes.size());
    (void)store::mark_direction_ok(filing, store::Direction::status, now_ms);
    fetch_tracking_key(link, filing, rep);
}

// Tells the server how this kiosk is doing, with the successes store::mark_direction_ok kept.
void heartbeat(Link& link, const KioskPaths& paths, store::FilingStore& filing, const RoundReport& rep,
               std::int64_t uptime_s) {
    store::SyncProgress progress = store::sync_progress(filing);
    Heartbeat hb{AUL_VERSION,
                 uptime_s,
                 rep.outbox,
                 filing.quarantined_count().value_or(-1),
                 progress.push_ok_ms,
                 progress.status_ok_ms,
                 store::free_disk_mb(paths.dir),
                 filing.highest_sequence().value_or(0)};
    (void)link.client.post("/v1/heartbeat", encode(hb), link.token);  // best effort: never fails a round
}

void RoundReport::add(const RoundReport& other) {
    pushed += other.pushed;
    delivered += other.delivered;
    quarantined += other.quarantined;
    pulled += other.pulled;
    catalog_changes += other.catalog_changes;
    wire_bytes += other.wire_bytes;
    json_bytes += other.json_bytes;
    requests += other.requests;
    if (error.empty() && !other.error.empty()) {
        error = other.error;
        error_kind = other.error_kind;
        retryable = other.retryable;
        retry_after_s = other.retry_after_s;
    }
}

RoundReport sync_round(const KioskPaths& paths, store::FilingStore& filing, store::CatalogStore& catalog,
                       std::int64_t now_ms, long timeout_s, std::int64_t uptime_s,
                       const std::function<bool()>& stopping) {
    RoundReport rep;
    auto link = Link::open(paths, filing, timeout_s, rep);
    if (!link) return rep;
    // Each direction on its own: a failing catalogue never holds back the outbox or the
    // statuses, nor the other way round. Only a refusal of the kiosk itself ends the round.
    RoundReport push, status, pull;
    push_outbox(*link, filing, now_ms, push, stopping);
    rep.add(push);
    if (rep.retryable && !(stopping && stopping())) {
        pull_status(*link, filing, now_ms, status);
        rep.add(status);
    }
    if (rep.retryable) {
        pull_catalog(link->catalog_fetch(), catalog, pull, stopping);
        if (pull.error.empty()) (void)store::mark_direction_ok(filing, store::Direction::catalog, now_ms);
        rep.add(pull);
    }
    rep.outbox = filing.unsent_count().value_or(-1);
    if (rep.retryable) heartbeat(*link, paths, filing, rep, uptime_s);
    return rep;
}

}  // namespace aul::sync
