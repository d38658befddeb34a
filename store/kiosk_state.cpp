#include "store/kiosk_state.h"

#include <charconv>
#include "core/proposal.h"
#include "core/text.h"
#include "store/kiosk_paths.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>

namespace aul::store {

namespace {

std::int64_t setting_int(const FilingStore& filing, const std::string& key) {
    return std::atoll(filing.setting(key).value_or("0").c_str());
}

const char* request_key(SyncRequest what) {
    switch (what) {
        case SyncRequest::sync_now: return "request_sync_ms";
        case SyncRequest::server_check: return "request_server_check_ms";
        case SyncRequest::usb_export: return "request_usb_export_ms";
    }
    return "";
}
std::string handled_key(SyncRequest what) { return std::string(request_key(what)) + "_handled"; }
std::string outcome_key(SyncRequest what) { return std::string(request_key(what)) + "_outcome"; }

const char* direction_key(Direction d) {
    switch (d) {
        case Direction::push: return "last_push_ok_ms";
        case Direction::status: return "last_pull_ok_ms";
        case Direction::catalog: return "last_catalog_ok_ms";
    }
    return "";
}

}  // namespace

Result<std::optional<Locality>> saved_locality(const FilingStore& filing) {
    auto region = filing.setting("locality_region");
    if (!region) return region.take_error();
    if (region->empty()) return std::optional<Locality>{};
    return std::optional<Locality>{
        Locality{*region, filing.setting("locality_district").value_or(""), filing.setting("locality_settlement").value_or("")}};
}

Status check_locality(const CatalogStore& catalog, const Locality& where) {
    auto regions = catalog.regions();
    if (!regions) return regions.take_error();
    if (std::none_of(regions->begin(), regions->end(), [&](const core::Region& r) { return r.code == where.region; }))
        return Error{"unknown region " + where.region + ": use the ISO code of a region in the catalogue, e.g. KZ-19 for Almaty Region"};
    if (!where.district.empty()) {
        auto districts = catalog.districts(where.region);
        if (!districts) return districts.take_error();
        if (std::none_of(districts->begin(), districts->end(),
                         [&](const core::District& d) { return d.code == where.district; }))
            return Error{"district " + where.district + " is not in region " + where.region};
    }
    if (where.settlement.empty()) return Error{"the settlement's name is empty"};
    if (core::codepoint_count(where.settlement) > core::kSettlementMax)
        return Error{"the settlement's name is longer than " + std::to_string(core::kSettlementMax) + " characters"};
    return ok_status();
}

Status save_locality(FilingStore& filing, const CatalogStore& catalog, const Locality& where) {
    AUL_TRY(check_locality(catalog, where));
    return filing.set_settings({{"locality_region", where.region},
                                {"locality_district", where.district},
                                {"locality_settlement", where.settlement}});
}

Result<std::optional<int>> saved_speech_volume(const FilingStore& filing) {
    auto text = filing.setting("speech_volume");
    if (!text) return text.take_error();
    if (text->empty()) return std::optional<int>{};
    int v = -1;
    auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), v);
    if (ec != std::errc{} || end != text->data() + text->size() || v < 0 || v > 100)
        return std::optional<int>{};  // not one we wrote: the configuration's holds
    return std::optional<int>{v};
}

Status save_speech_volume(FilingStore& filing, int percent) {
    if (percent < 0 || percent > 100) return Error{"the volume is a percentage, 0 to 100"};
    return filing.set_settings({{"speech_volume", std::to_string(percent)}});
}

Result<std::int64_t> request(FilingStore& filing, SyncRequest what, std::int64_t now_ms) {
    // Stamps only grow, even if the clock steps back: a request is never taken as answered.
    std::int64_t stamp = std::max(now_ms, std::max(setting_int(filing, request_key(what)), handled_at(filing, what)) + 1);
    AUL_TRY(filing.set_setting(request_key(what), std::to_string(stamp)));
    return stamp;
}

bool is_enrolled(const FilingStore& filing) { return !filing.setting("sync_url").value_or("").empty(); }

std::int64_t pending_request(const FilingStore& filing, SyncRequest what) {
    std::int64_t asked = setting_int(filing, request_key(what));
    return asked > handled_at(filing, what) ? asked : 0;
}

Status mark_handled(FilingStore& filing, SyncRequest what, std::int64_t stamp, const std::string& outcome) {
    // In one transaction: an asker that sees the stamp reads the outcome that goes with it.
    return filing.set_settings({{outcome_key(what), outcome}, {handled_key(what), std::to_string(stamp)}});
}

std::int64_t handled_at(const FilingStore& filing, SyncRequest what) { return setting_int(filing, handled_key(what)); }

std::string handled_outcome(const FilingStore& filing, SyncRequest what) {
    return filing.setting(outcome_key(what)).value_or("");
}

Status save_server_checks(FilingStore& filing, const std::vector<Check>& checks) {
    auto list = nlohmann::json::array();
    for (const auto& c : checks)
        list.push_back({{"name", c.name}, {"ok", c.ok}, {"detail", c.detail}, {"words", c.words}, {"value", c.value}});
    return filing.set_setting("server_checks", list.dump());
}

std::vector<Check> saved_server_checks(const FilingStore& filing) {
    std::vector<Check> out;
    auto list = nlohmann::json::parse(filing.setting("server_checks").value_or(""), nullptr, false);
    if (!list.is_array()) return out;
    // Written by kiosk-sync: a translation key is taken only when it is one, a value only
    // when it is short; otherwise the detail in words stands.
    for (const auto& c : list) {
        if (!c.is_object()) continue;
        auto text = [&](const char* key) {
            auto it = c.find(key);
            return it != c.end() && it->is_string() ? it->get<std::string>() : std::string();
        };
        auto ok = c.find("ok");
        Check check{text("name"), ok != c.end() && ok->is_boolean() && ok->get<bool>(), text("detail"), text("words"),
                    text("value")};
        if (!is_check_words(check.words) || check.value.size() > 200) check.words.clear(), check.value.clear();
        out.push_back(std::move(check));
    }
    return out;
}

bool is_check_words(const std::string& key) {
    constexpr std::string_view prefix = "staff.detail.";
    if (key.size() <= prefix.size() || key.size() > 64 || key.compare(0, prefix.size(), prefix) != 0) return false;
    return std::all_of(key.begin(), key.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
    });
}

Check check_database(FilingStore& filing, std::int64_t now_ms) {
    std::string verdict;
    bool damaged = false;
    {
        // Finished before the verdict is written: an open read would pin an old snapshot
        // and the write would fail once kiosk-sync has committed meanwhile.
        auto st = filing.db().prepare("PRAGMA integrity_check");
        auto row = st ? st->step() : Result<bool>(st.error_value());
        verdict = !row ? row.error() : *row ? st->text(0) : std::string("no answer");
        // A busy or unreadable disk is not a damaged file: only faults found, or SQLite
        // saying "corrupt", mark it.
        damaged = row ? verdict != "ok" : is_damage_code(row.error_value().code);
    }
    // The mark is a file beside the database: it is written even where the damage stops the
    // verdict being saved inside it, and the kiosk sets the file aside at its next start.
    std::string path = sqlite3_db_filename(filing.db().raw(), "main");
    if (damaged) {
        if (auto marked = mark_damaged(path, verdict, now_ms); !marked) verdict += " (" + marked.error() + ")";
    } else if (verdict == "ok") {
        clear_damage_mark(path);
    }
    auto saved = filing.set_settings({{"integrity_checked_ms", std::to_string(now_ms)}, {"integrity_verdict", verdict}});
    bool sound = verdict == "ok";
    return {"database", sound, "integrity check: " + verdict + (saved ? "" : " (not recorded: " + saved.error() + ")"),
            sound ? "staff.detail.integrity_ok" : "staff.detail.integrity_bad", sound ? "" : verdict.substr(0, 200)};
}

std::int64_t free_disk_mb(const std::string& dir) {
    std::int64_t kib = free_disk_kib(dir);
    return kib < 0 ? -1 : kib / 1024;
}

Check check_disk(const std::string& dir, std::int64_t min_free_mb) {
    // Writable with room to spare: a probe file written and synced, and the free space.
    std::string probe = dir + "/.self-test-probe";
    int failed = 0;
    std::FILE* f = std::fopen(probe.c_str(), "w");
    if (!f) failed = errno;
    if (f && (std::fputs("ok", f) < 0 || std::fflush(f) != 0 || ::fsync(::fileno(f)) != 0)) failed = errno;
    if (f && std::fclose(f) != 0 && !failed) failed = errno;
    std::remove(probe.c_str());
    std::int64_t free_mb = free_disk_mb(dir);
    if (failed == ENOSPC || failed == EDQUOT)
        return {"disk", false, "the disk holding " + dir + " is full: free some space", "staff.detail.disk_full"};
    if (failed) return {"disk", false, "cannot write to " + dir + ": " + std::strerror(failed)};
    bool roomy = free_mb >= min_free_mb;
    return {"disk", roomy,
            std::to_string(free_mb) + " MiB free" + (roomy ? "" : ": free some space; new proposals need room"),
            roomy ? "staff.detail.disk_free" : "staff.detail.disk_low", std::to_string(free_mb)};
}

SyncProgress sync_progress(const FilingStore& filing) {
    SyncProgress p;
    p.push_ok_ms = setting_int(filing, direction_key(Direction::push));
    p.status_ok_ms = setting_int(filing, direction_key(Direction::status));
    p.catalog_ok_ms = setting_int(filing, direction_key(Direction::catalog));
    p.round_ms = setting_int(filing, "sync_round_ms");
    p.next_ms = setting_int(filing, "sync_next_ms");
    p.error = filing.setting("sync_error").value_or("");
    if (!p.error.empty()) {
        std::string kind = filing.setting("sync_error_kind").value_or("");
        p.error_kind = is_sync_error_kind(kind) ? kind : std::string(sync_error::other);
    }
    return p;
}

bool is_sync_error_kind(std::string_view key) {
    return std::find(sync_error::all.begin(), sync_error::all.end(), key) != sync_error::all.end();
}

Status save_round_outcome(FilingStore& filing, std::int64_t round_ms, std::int64_t next_ms, const std::string& error,
                          std::string_view kind) {
    std::string kept = error.empty() ? "" : std::string(is_sync_error_kind(kind) ? kind : sync_error::other);
    return filing.set_settings({{"sync_round_ms", std::to_string(round_ms)},
                                {"sync_next_ms", std::to_string(next_ms)},
                                {"sync_error", error},
                                {"sync_error_kind", kept}});
}

Status mark_direction_ok(FilingStore& filing, Direction d, std::int64_t now_ms) {
    return filing.set_setting(direction_key(d), std::to_string(now_ms));
}

Result<KioskStatus> read_kiosk_status(const std::string& dir, const FilingStore& filing, const CatalogStore& catalog,
                                      const Locality& configured) {
    KioskStatus s;
    s.kiosk_code = filing.kiosk_code().value_or("");
    auto saved = saved_locality(filing);
    if (!saved) return saved.take_error();
    s.locality = saved->value_or(configured);
    s.server = filing.setting("sync_url").value_or("");
    s.enrolled = is_enrolled(filing);
    s.can_seal_contacts = filing.can_seal_contacts();
    const Db& db = filing.db();
    auto proposals = db.scalar_int("SELECT count(*) FROM proposals WHERE sent_ms IS NULL AND quarantine_reason IS NULL");
    auto signups =
        db.scalar_int("SELECT count(*) FROM volunteer_signups WHERE sent_ms IS NULL AND quarantine_reason IS NULL");
    AUL_TRY(proposals);
    AUL_TRY(signups);
    s.outbox_proposals = *proposals;
    s.outbox_signups = *signups;
    auto quarantined = filing.quarantined_items();
    if (!quarantined) return quarantined.take_error();
    s.quarantined = std::move(*quarantined);
    s.sync = sync_progress(filing);
    s.organisations = catalog.ngo_count().value_or(-1);
    s.catalogue_version = catalog.catalog_cursor().value_or(-1);
    std::error_code ec;
    auto size = std::filesystem::file_size(KioskPaths{dir}.db(), ec);
    s.database_bytes = ec ? 0 : static_cast<std::int64_t>(size);
    s.disk_free_mb = free_disk_mb(dir);
    s.integrity_checked_ms = setting_int(filing, "integrity_checked_ms");
    s.integrity_verdict = filing.setting("integrity_verdict").value_or("");
    // The mark beside the file speaks even where the damage kept the verdict from being saved.
    if (auto mark = damage_mark(KioskPaths{dir}.db())) {
        s.damage_found = true;
        s.integrity_checked_ms = mark->found_ms;
        s.integrity_verdict = mark->verdict;
    }
    return s;
}

}  // namespace aul::store
