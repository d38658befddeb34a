#include "store/track_lookups.h"

#include <nlohmann/json.hpp>

#include <array>
#include <utility>

#include "core/proposal.h"

namespace aul::store {

namespace {
constexpr std::array<std::pair<LookupOutcome, std::string_view>, 7> kOutcomeNames{{
    {LookupOutcome::waiting, "waiting"},
    {LookupOutcome::found, "found"},
    {LookupOutcome::not_arrived, "not_arrived"},
    {LookupOutcome::unknown, "unknown"},
    {LookupOutcome::offline, "offline"},
    {LookupOutcome::limited, "limited"},
    {LookupOutcome::not_enrolled, "not_enrolled"},
}};

std::string history_json(const std::vector<HistoryEntry>& history) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& e : history) out.push_back({{"state", e.state}, {"at_ms", e.at_ms}});
    return out.dump();
}

// The history kiosk-sync wrote, read back only when every entry is what it wrote.
std::optional<std::vector<HistoryEntry>> history_from(const std::string& text) {
    auto doc = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (!doc.is_array() || doc.size() > core::kMaxHistoryEntries) return std::nullopt;
    std::vector<HistoryEntry> out;
    for (const auto& e : doc) {
        if (!e.is_object() || !e.contains("state") || !e["state"].is_string() || !e.contains("at_ms") ||
            !e["at_ms"].is_number_integer() || !core::is_proposal_state(e["state"].get<std::string>()))
            return std::nullopt;
        out.push_back({e["state"].get<std::string>(), e["at_ms"].get<std::int64_t>(), {}});
    }
    return out;
}
}  // namespace

std::string_view lookup_outcome_name(LookupOutcome o) {
    for (const auto& [outcome, name] : kOutcomeNames)
        if (outcome == o) return name;
    return "waiting";
}

std::optional<LookupOutcome> lookup_outcome_named(std::string_view name) {
    for (const auto& [outcome, n] : kOutcomeNames)
        if (n == name) return outcome;
    return std::nullopt;
}

Status ask_lookup(FilingStore& filing, const std::string& code, std::int64_t now_ms) {
    AUL_TRY_ASSIGN(auto st, filing.db().prepare(
                                "INSERT INTO track_lookups(code, asked_ms) VALUES (?1, ?2) ON CONFLICT(code) DO UPDATE "
                                "SET asked_ms = ?2, answered_ms = NULL, outcome = NULL, state = '', answer = '', "
                                "history = '[]'"));
    st.bind(1, code).bind(2, now_ms);
    return st.run();
}

Result<std::optional<LookupAnswer>> lookup_answer(const FilingStore& filing, const std::string& code) {
    AUL_TRY_ASSIGN(auto st, filing.db().prepare("SELECT asked_ms, coalesce(answered_ms, 0), coalesce(outcome, ''), "
                                                "state, answer, history FROM track_lookups WHERE code = ?1"));
    st.bind(1, code);
    AUL_TRY_ASSIGN(auto row, st.step());
    if (!row) return std::optional<LookupAnswer>();
    LookupAnswer a;
    a.asked_ms = st.integer(0);
    a.answered_ms = st.integer(1);
    if (a.answered_ms == 0) return std::optional<LookupAnswer>(std::move(a));
    auto outcome = lookup_outcome_named(st.text(2));
    if (!outcome || *outcome == LookupOutcome::waiting)
        return Error{"kiosk-sync's answer for a tracking code is unreadable (outcome '" + st.text(2) + "')"};
    a.outcome = *outcome;
    if (a.outcome == LookupOutcome::found) {
        a.progress.tracking_code = code;
        a.progress.state = st.text(3);
        a.progress.answer = st.text(4);
        auto history = history_from(st.text(5));
        if (!core::is_proposal_state(a.progress.state) || a.progress.answer.size() > core::kMaxAnswerBytes || !history)
            return Error{"kiosk-sync's answer for a tracking code is unreadable"};
        a.progress.history = std::move(*history);
    }
    return std::optional<LookupAnswer>(std::move(a));
}

Result<std::vector<std::string>> pending_lookups(const FilingStore& filing, std::int64_t now_ms, int max) {
    AUL_TRY_ASSIGN(auto st, filing.db().prepare("SELECT code FROM track_lookups WHERE answered_ms IS NULL AND "
                                                "asked_ms > ?1 ORDER BY asked_ms LIMIT ?2"));
    st.bind(1, now_ms - kLookupFreshMs).bind(2, max);
    std::vector<std::string> out;
    AUL_TRY(st.each_row([&] { out.push_back(st.text(0)); }));
    return out;
}

Status answer_lookup(FilingStore& filing, const std::string& code, LookupOutcome outcome,
                     const RemoteProgress& progress, std::int64_t now_ms) {
    AUL_TRY_ASSIGN(auto tx, WriteTx::begin(filing.db()));
    AUL_TRY_ASSIGN(auto st, filing.db().prepare("UPDATE track_lookups SET answered_ms = ?2, outcome = ?3, state = ?4, "
                                                "answer = ?5, history = ?6 WHERE code = ?1 AND answered_ms IS NULL"));
    const bool found = outcome == LookupOutcome::found;
    st.bind(1, code).bind(2, now_ms).bind(3, lookup_outcome_name(outcome));
    st.bind(4, found ? progress.state : std::string()).bind(5, found ? progress.answer : std::string());
    st.bind(6, found ? history_json(progress.history) : std::string("[]"));
    AUL_TRY(st.run());
    AUL_TRY(forget_old_lookups(filing, now_ms));
    return tx.commit();
}

Status forget_old_lookups(FilingStore& filing, std::int64_t now_ms) {
    AUL_TRY_ASSIGN(auto old, filing.db().prepare("DELETE FROM track_lookups WHERE asked_ms < ?1"));
    old.bind(1, now_ms - kLookupKeepMs);
    return old.run();
}

}  // namespace aul::store
