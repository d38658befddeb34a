#include "ops/usb_bundle.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/text.h"
#include "ops/kiosk_data.h"
#include "ops/kiosk_sync_requests.h"
#include "sync/files.h"

namespace aul::ops {

namespace {

using store::SyncRequest;

// What the asker accepts from kiosk-sync's answer: a short record, a reason a person can
// read, counts a kiosk can hold, and a bundle that fits a stick.
constexpr std::size_t kOutcomeMaxBytes = 4096;
constexpr std::size_t kReasonMaxChars = 1000;
constexpr std::int64_t kCountMax = 100'000'000;
constexpr std::int64_t kStagedMaxBytes = std::int64_t{1} << 30;
// A staged bundle older than this was left by an asker that went away.
constexpr auto kStagedKeptFor = std::chrono::hours(1);

constexpr std::string_view kStagedPrefix = "staged-";

// The staged file's name carries the request it answers: nothing else can pass for it.
std::string staged_name(std::int64_t stamp) { return std::string(kStagedPrefix) + std::to_string(stamp) + ".bundle"; }

// --- kiosk-sync's side ---

// Bundles no asker collected: they hold what residents filed (sealed, but still theirs).
void remove_stale_staged(const std::string& outgoing) {
    namespace fs = std::filesystem;
    std::error_code ec;
    auto now = fs::file_time_type::clock::now();
    for (fs::directory_iterator it(outgoing, ec), end; !ec && it != end; it.increment(ec)) {
        std::error_code file_ec;
        auto written = it->last_write_time(file_ec);
        if (!file_ec && it->path().filename().string().starts_with(kStagedPrefix) && now - written > kStagedKeptFor)
            fs::remove(it->path(), file_ec);
    }
}

Result<sync::BundleReport> stage_bundle(const store::KioskPaths& paths, store::FilingStore& filing,
                                        std::int64_t stamp, std::int64_t now_ms) {
    AUL_TRY(sync::make_folder(paths.outgoing_dir(), 0770));
    remove_stale_staged(paths.outgoing_dir());
    return sync::export_bundle(paths, filing, paths.outgoing_dir() + "/" + staged_name(stamp), now_ms, 0640);
}

std::string encode_outcome(std::int64_t stamp, const Result<sync::BundleReport>& staged) {
    nlohmann::json j{{"stamp", stamp}};
    if (!staged) {
        j["error"] = staged.error();
    } else {
        j["staged"] = std::filesystem::path(staged->file).filename().string();
        j["proposals"] = staged->proposals;
        j["signups"] = staged->signups;
        j["held_back"] = staged->held_back;
    }
    return j.dump();
}

// --- the asker's side ---

// What kiosk-sync answered, once checked: the staged file and its counts.
struct Staged {
    std::string path;
    sync::BundleReport report;
};

Error bad_answer(const std::string& why) {
    return Error{"kiosk-sync's answer cannot be used (" + why + "): export again; if it repeats, restart "
                 "aul-kiosk-sync"};
}

bool read_count(const nlohmann::json& j, const char* key, std::size_t& out) {
    auto it = j.find(key);
    if (it == j.end() || !it->is_number_unsigned() || it->get<std::uint64_t>() > kCountMax) return false;
    out = static_cast<std::size_t>(it->get<std::uint64_t>());
    return true;
}

// kiosk-sync's reason in words a screen may show: valid UTF-8, no control characters,
// at most kReasonMaxChars characters.
std::string shown_reason(const std::string& reason) {
    if (!core::is_valid_utf8(reason)) return "(a reason that is not readable text)";
    std::string text = core::strip_controls(reason, false);
    while (core::codepoint_count(text) > kReasonMaxChars) core::pop_codepoint(text);
    return text;
}

Result<Staged> decode_outcome(const std::string& text, std::int64_t asked_stamp, const store::KioskPaths& paths) {
    if (text.size() > kOutcomeMaxBytes) return bad_answer("longer than " + std::to_string(kOutcomeMaxBytes) + " bytes");
    auto j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_object()) return bad_answer("not a JSON object");
    auto stamp = j.find("stamp");
    if (stamp == j.end() || !stamp->is_number_integer() || stamp->get<std::int64_t>() < asked_stamp)
        return bad_answer("it answers an earlier request");
    std::int64_t answered = stamp->get<std::int64_t>();
    if (auto error = j.find("error"); error != j.end()) {
        if (!error->is_string()) return bad_answer("its reason is not text");
        return Error{shown_reason(error->get<std::string>())};
    }
    // Only the one name kiosk-sync gives the file it stages for this answer: nothing
    // outside outgoing/, nothing another request left there.
    auto name = j.find("staged");
    if (name == j.end() || !name->is_string() || name->get<std::string>() != staged_name(answered))
        return bad_answer("no staged file in outgoing/ named");
    Staged out;
    out.path = paths.outgoing_dir() + "/" + name->get<std::string>();
    if (!read_count(j, "proposals", out.report.proposals) || !read_count(j, "signups", out.report.signups) ||
        !read_count(j, "held_back", out.report.held_back))
        return bad_answer("its counts are not counts");
    return out;
}

// The staged bundle, read without following a link planted in its place.
Result<std::string> read_staged(const std::string& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return Error{"cannot read the bundle kiosk-sync signed (" + path + "): " + std::strerror(errno) +
                     "; export again"};
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > kStagedMaxBytes) {
        ::close(fd);
        return bad_answer(path + " is not a bundle file");
    }
    std::string bytes(static_cast<std::size_t>(st.st_size), '\0');
    std::size_t got = 0;
    while (got < bytes.size()) {
        ssize_t n = ::read(fd, bytes.data() + got, bytes.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        got += static_cast<std::size_t>(n);
    }
    ::close(fd);
    if (got != bytes.size()) return Error{"cannot read the bundle kiosk-sync signed (" + path + "): export again"};
    if (!bytes.starts_with(std::string(sync::kBundleMagic) + "\n")) return bad_answer(path + " is not an Aul bundle");
    return bytes;
}

}  // namespace

Result<sync::BundleReport> export_bundle(const std::string& dir, const std::string& file, std::int64_t now_ms) {
    AUL_TRY_ASSIGN(auto filing, open_filing_connection(dir));
    return sync::export_bundle(KioskPaths{dir}, filing, file, now_ms);
}

std::optional<Result<sync::BundleReport>> answer_export_request(const store::KioskPaths& paths,
                                                                store::FilingStore& filing, std::int64_t now_ms) {
    std::int64_t asked = store::pending_request(filing, SyncRequest::usb_export);
    if (!asked) return std::nullopt;
    auto staged = stage_bundle(paths, filing, asked, now_ms);
    if (auto marked = store::mark_handled(filing, SyncRequest::usb_export, asked, encode_outcome(asked, staged));
        !marked)
        return Result<sync::BundleReport>(marked.take_error().prefixed("the export's answer was not recorded: "));
    return staged;
}

Result<sync::BundleReport> export_through_kiosk_sync(const std::string& dir, const std::string& file,
                                                     const std::function<bool()>& stopped, std::int64_t within_ms) {
    AUL_TRY_ASSIGN(auto filing, open_filing_connection(dir));
    AUL_TRY_ASSIGN(auto asked, ask_kiosk_sync_and_wait(filing, SyncRequest::usb_export, within_ms, 250, stopped));
    KioskPaths paths{dir};
    AUL_TRY_ASSIGN(auto staged, decode_outcome(store::handled_outcome(filing, SyncRequest::usb_export), asked.stamp,
                                               paths));
    AUL_TRY_ASSIGN(auto bytes, read_staged(staged.path));
    AUL_TRY(sync::write_file_atomically(file, bytes));
    // Gone once on the stick; one a failed delete leaves goes an hour later, at kiosk-sync's
    // next export.
    ::unlink(staged.path.c_str());
    staged.report.file = file;
    return staged.report;
}

}  // namespace aul::ops
