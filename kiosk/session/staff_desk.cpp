#include "kiosk/session/staff_desk.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <ctime>
#include <filesystem>

#include "ops/kiosk_sync_requests.h"
#include "ops/self_test.h"
#include "ops/kiosk_data.h"
#include "ops/staff_pin.h"
#include "ops/usb_bundle.h"
#include "platform/log.h"

namespace aul::kiosk {

namespace {
constexpr std::int64_t kStatusEveryMs = 2000;
using ops::wipe;

// A mounted stick: a directory whose device differs from its parent's, writable by us.
bool is_writable_mount(const std::filesystem::path& dir) {
    struct stat self {}, parent {};
    if (::stat(dir.c_str(), &self) != 0 || !S_ISDIR(self.st_mode)) return false;
    if (::stat(dir.parent_path().c_str(), &parent) != 0) return false;
    return self.st_dev != parent.st_dev && ::access(dir.c_str(), W_OK) == 0;
}
}  // namespace

const store::Locality& StaffDesk::locality() const {
    return status_ && !status_->locality.region.empty() ? status_->locality : cfg_.configured_locality;
}

StaffDesk::StaffDesk(StaffDeskConfig cfg, store::FilingStore& filing, store::CatalogStore& catalog,
                     platform::TaskRunner& tasks, std::function<std::int64_t()> wall_ms)
    : cfg_(std::move(cfg)), filing_(filing), catalog_(catalog), tasks_(tasks), wall_ms_(std::move(wall_ms)) {
    volume_ = std::clamp(cfg_.speech_volume, 0, 100);
    auto saved = store::saved_speech_volume(filing_);
    if (!saved) platform::log::warn("cannot read the saved volume: " + saved.error());
    else if (*saved) volume_ = **saved;
}

// Steps of 10%, saved at once: the next start keeps what staff heard.
void StaffDesk::change_volume(int by) {
    int want = std::clamp(volume_ + by, 0, 100);
    if (auto s = store::save_speech_volume(filing_, want); !s) {
        action_ = {"staff.error", s.error(), false};
        return;
    }
    volume_ = want;
    action_ = {"staff.voice.volume_set", std::to_string(want), true};
    speech_test_ = true;  // staff hear the new level
}

void StaffDesk::open_pin_pad(std::int64_t now_ms) {
    wipe(pin_);
    cancel_tasks();  // a check still running from an earlier pad can never open this one
    authenticated_ = false;
    mode_ = StaffMode::pin;
    pin_message_ = {};
    auto st = store::StaffAccess(filing_).state(now_ms);
    pin_state_ = st ? *st : store::PinState{};
    if (!st) pin_message_ = {"staff.error", st.error(), false};
    else if (!pin_state_.pin_set) pin_message_ = {"staff.pin.not_set", {}, false};
    else if (pin_state_.seconds_locked(now_ms) > 0) pin_message_ = {"staff.pin.locked", {}, false};
}

void StaffDesk::close() {
    wipe(pin_);
    wipe(new_pin_);
    cancel_tasks();  // whatever is still running belongs to the session that ended
    authenticated_ = false;
    mode_ = StaffMode::closed;
    action_ = {};
    checks_.clear();
    status_.reset();
    sync_stamp_ = server_check_stamp_ = 0;
}

bool StaffDesk::apply(const Intent& i, std::int64_t now_ms) {
    using K = Intent::Kind;
    // Only the PIN pad and leaving work before the right PIN; the screens are not trusted
    // to keep it so.
    bool pad_intent = i.kind == K::staff_pin_digit || i.kind == K::staff_pin_erase || i.kind == K::staff_pin_ok ||
                      i.kind == K::staff_leave;
    if (!authenticated_ && !pad_intent) return false;
    switch (i.kind) {
        case K::staff_pin_digit:
            if (checking() || pin_.size() >= store::kPinMaxDigits) break;
            if (mode_ == StaffMode::pin && pin_state_.seconds_locked(now_ms) > 0) break;
            pin_ += i.text;
            if (mode_ == StaffMode::pin) pin_message_ = {};
            break;
        case K::staff_pin_erase:
            if (!pin_.empty() && !checking()) pin_.pop_back();
            break;
        case K::staff_pin_ok:
            if (checking() || pin_.empty()) break;
            if (mode_ == StaffMode::pin) pin_entered(now_ms);
            else new_pin_entered();
            break;
        case K::staff_leave: close(); break;
        case K::staff_back_to_panel:
            wipe(pin_);
            wipe(new_pin_);
            hashing_.cancel();  // a new PIN still being hashed is dropped
            mode_ = StaffMode::panel;
            break;
        case K::staff_action:
            switch (i.action) {
                case StaffAction::sync: request_sync(now_ms); break;
                case StaffAction::self_test: start_self_test(now_ms); break;
                case StaffAction::export_bundle: start_export(now_ms); break;
                case StaffAction::restart: return true;
                case StaffAction::speech_test:
                    speech_test_ = true;
                    action_ = cfg_.speech_enabled ? StaffMessage{"staff.voice.testing", {}, true}
                                                  : StaffMessage{"staff.voice.disabled", {}, false};
                    break;
                case StaffAction::volume_down: change_volume(-10); break;
                case StaffAction::volume_up: change_volume(+10); break;
                case StaffAction::pin:
                    wipe(pin_);
                    mode_ = StaffMode::new_pin;
                    pin_message_ = {"staff.pin.new_hint", {}, true};
                    break;
                case StaffAction::locality:
                    locality_ = locality();
                    load_districts();
                    action_ = {};
                    mode_ = StaffMode::locality;
                    break;
            }
            break;
        case K::staff_locality_region:
            locality_.region = i.text;
            locality_.district.clear();
            load_districts();
            break;
        case K::staff_locality_district: locality_.district = i.text; break;
        case K::staff_locality_save: {
            store::Locality cleaned = locality_;
            // Trailing spaces from the on-screen keyboard are not part of the name.
            while (!cleaned.settlement.empty() && cleaned.settlement.back() == ' ') cleaned.settlement.pop_back();
            if (auto s = store::save_locality(filing_, catalog_, cleaned); !s) {
                action_ = {"staff.locality.failed", s.error(), false};
            } else {
                action_ = {"staff.locality.saved", cleaned.settlement, true};
                mode_ = StaffMode::panel;
                refresh_status();
            }
            break;
        }
        default: break;
    }
    return false;
}

void StaffDesk::load_districts() {
    auto d = catalog_.districts(locality_.region);
    districts_ = d ? std::move(*d) : std::vector<core::District>{};
}

// The try is counted as wrong before the PIN is checked and cleared only if it was right:
// a kiosk killed during the check, or a database that cannot record the outcome, never
// gives a free guess.
void StaffDesk::pin_entered(std::int64_t now_ms) {
    if (!pin_state_.pin_set || pin_state_.seconds_locked(now_ms) > 0) {
        wipe(pin_);
        return;
    }
    if (pin_.size() < store::kPinMinDigits) {  // too short to be any PIN: not a try
        wipe(pin_);
        pin_message_ = {"staff.pin.bad_length", {}, false};
        return;
    }
    auto counted = store::StaffAccess(filing_).record_attempt(false, now_ms);
    if (!counted) {
        wipe(pin_);
        pin_message_ = {"staff.error", counted.error(), false};
        return;
    }
    std::string hash = pin_state_.hash;
    pin_state_ = *counted;
    // A right PIN clears the count from the task itself, on a connection of its own: a pad
    // closed meanwhile (whose result is dropped) still gets its try back.
    verify_ = tasks_.run(
        "pin-check",
        [hash, pin = pin_, dir = cfg_.data_dir, now_ms](const platform::StopToken&) mutable {
            PinCheck check;
            check.right = store::pin_matches(hash, pin);
            ops::wipe(pin);
            if (check.right)
                if (auto filing = ops::open_filing_connection(dir))
                    if (auto after = store::StaffAccess(*filing).record_attempt(true, now_ms)) check.after = *after;
            return check;
        },
        [this](PinCheck check) { pin_checked(check); });
    wipe(pin_);
}

void StaffDesk::new_pin_entered() {
    if (mode_ == StaffMode::new_pin) {
        switch (store::check_new_pin(pin_)) {
            case store::PinProblem::none:
                new_pin_ = pin_;
                mode_ = StaffMode::repeat_pin;
                pin_message_ = {"staff.pin.repeat_hint", {}, true};
                break;
            case store::PinProblem::repeated: pin_message_ = {"staff.pin.too_easy", {}, false}; break;
            default: pin_message_ = {"staff.pin.bad_length", {}, false}; break;
        }
        wipe(pin_);
        return;
    }
    if (pin_ != new_pin_) {
        wipe(pin_);
        wipe(new_pin_);
        mode_ = StaffMode::new_pin;
        pin_message_ = {"staff.pin.mismatch", {}, false};
        return;
    }
    hashing_ = tasks_.run(
        "pin-hash", [pin = pin_](const platform::StopToken&) mutable { return ops::hash_new_pin(pin); },
        [this](Result<std::string> hash) { new_pin_hashed(std::move(hash)); });
    wipe(pin_);
    wipe(new_pin_);
}

void StaffDesk::request_sync(std::int64_t now_ms) {
    auto asked = ops::ask_kiosk_sync(filing_, store::SyncRequest::sync_now, now_ms);
    if (!asked) {
        action_ = {"staff.error", asked.error(), false};
        return;
    }
    sync_stamp_ = asked->stamp;
    sync_asked_ms_ = asked->asked_ms;
    action_ = {"staff.sync.asked", {}, true};
}

void StaffDesk::start_self_test(std::int64_t now_ms) {
    if (self_test_running()) return;
    checks_.clear();
    action_ = {"staff.self_test.running", {}, true};
    // The fonts are checked here: the atlas belongs to the UI thread.
    std::string missing = cfg_.font_check ? cfg_.font_check() : std::string();
    checks_.push_back({"fonts", missing.empty(), missing.empty() ? "every translated text can be drawn" : missing,
                       missing.empty() ? "staff.detail.fonts_ok" : ""});
    std::string dir = cfg_.data_dir;
    // Its own connection: the full integrity check of a large catalogue takes seconds.
    self_test_ = tasks_.run(
        "self-test", [dir, now_ms](const platform::StopToken&) { return ops::local_checks(dir, now_ms); },
        [this](std::vector<store::Check> local) { self_tested(std::move(local)); });
    auto asked = ops::ask_kiosk_sync(filing_, store::SyncRequest::server_check, now_ms);
    if (asked) {
        server_check_stamp_ = asked->stamp;
        server_asked_ms_ = asked->asked_ms;
    } else {
        checks_.push_back({"server", false, asked.error()});
    }
}

std::string StaffDesk::find_usb_stick() const {
    namespace fs = std::filesystem;
    // Sticks are mounted at ROOT/LABEL (systemd-mount) or ROOT/USER/LABEL (udisks).
    auto subdirs = [](const fs::path& dir) {
        std::vector<fs::path> out;
        std::error_code ec;
        for (fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end; !ec && it != end;
             it.increment(ec))
            if (it->is_directory(ec)) out.push_back(it->path());
        std::sort(out.begin(), out.end());
        return out;
    };
    for (const auto& root : cfg_.usb_roots)
        for (const auto& dir : subdirs(root)) {
            if (is_writable_mount(dir)) return dir.string();
            for (const auto& inner : subdirs(dir))
                if (is_writable_mount(inner)) return inner.string();
        }
    return {};
}

// The bundle goes to the stick as aul-CODE-YYYYMMDD-HHMMSS.bundle, written whole or not at
// all, by a task with its own connection: a slow stick must not stall the screen. kiosk-sync
// signs it (the kiosk cannot read the key); the task waits for it, then copies it over.
void StaffDesk::start_export(std::int64_t now_ms) {
    if (export_.running()) return;
    std::string stick = find_usb_stick();
    if (stick.empty()) {
        action_ = {"staff.export.no_stick", {}, false, {}};
        return;
    }
    std::time_t secs = static_cast<std::time_t>(now_ms / 1000);
    std::tm utc{};
    gmtime_r(&secs, &utc);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &utc);
    std::string file = stick + "/aul-" + filing_.kiosk_code().value_or("kiosk") + "-" + stamp + ".bundle";
    action_ = {"staff.export.running", stick, true, {}};
    export_ = tasks_.run(
        "usb-export",
        [dir = cfg_.data_dir, file, within = cfg_.export_answer_within_ms](const platform::StopToken& stop) {
            return ops::export_through_kiosk_sync(dir, file, [stop] { return stop.stop_requested(); }, within);
        },
        [this](Result<sync::BundleReport> written) { exported(std::move(written)); });
}

void StaffDesk::refresh_status() {
    auto s = store::read_kiosk_status(cfg_.data_dir, filing_, catalog_, cfg_.configured_locality);
    if (s) status_ = std::move(*s);
}

void StaffDesk::cancel_tasks() {
    verify_.cancel();
    hashing_.cancel();
    self_test_.cancel();
    export_.cancel();  // the bundle is still written whole or not at all; only the words go
}

void StaffDesk::pin_checked(const PinCheck& check) {
    if (mode_ != StaffMode::pin) return;
    std::int64_t now_ms = wall_ms_();
    if (check.after) pin_state_ = *check.after;
    if (check.right) {
        authenticated_ = true;
        mode_ = StaffMode::panel;
        action_ = {};
        refresh_status();
    } else {
        pin_message_ = {pin_state_.seconds_locked(now_ms) > 0 ? "staff.pin.locked" : "staff.pin.wrong",
                        std::to_string(std::max(0, store::kPinFreeTries - pin_state_.failures)), false};
    }
}

// Saved only if staff are still waiting for it: Back while hashing cancelled it.
void StaffDesk::new_pin_hashed(Result<std::string> hash) {
    if (mode_ != StaffMode::repeat_pin || !authenticated_) return;
    auto saved = hash ? ops::save_pin_hash(filing_, *hash) : Status(Error{hash.error()});
    action_ = saved ? StaffMessage{"staff.pin.changed", {}, true} : StaffMessage{"staff.error", saved.error(), false};
    mode_ = StaffMode::panel;
}

void StaffDesk::self_tested(std::vector<store::Check> local) {
    checks_.insert(checks_.end(), local.begin(), local.end());
    refresh_status();
    finish_self_test();
}

void StaffDesk::exported(Result<sync::BundleReport> written) {
    if (written)
        // The stick's name and the file's, as staff see them on another computer.
        action_ = {written->held_back > 0 ? "staff.export.done_held" : "staff.export.done",
                   (std::filesystem::path(written->file).parent_path().filename() /
                    std::filesystem::path(written->file).filename())
                       .string(),
                   true,
                   {{"proposals", std::to_string(written->proposals)},
                    {"signups", std::to_string(written->signups)},
                    {"held_back", std::to_string(written->held_back)}}};
    else if (written.error_value().code == ops::kNoAnswerCode)
        action_ = {"staff.export.no_answer", {}, false, {}};
    else
        action_ = {"staff.export.failed", written.error(), false, {}};
}

void StaffDesk::take_kiosk_sync_answers(std::int64_t now_ms) {
    if (sync_stamp_ > 0) {
        auto answer = ops::answer(filing_, {store::SyncRequest::sync_now, sync_stamp_, sync_asked_ms_}, now_ms);
        if (answer == ops::Answer::answered) {
            sync_stamp_ = 0;
            auto progress = store::sync_progress(filing_);
            if (progress.error.empty()) {
                action_ = {"staff.sync.done", {}, true};
            } else {
                // In the reader's words, by its kind; kiosk-sync's own are on the sync card.
                action_ = {"staff.sync.failed", {}, false};
                action_.detail_key = progress.error_kind;
            }
        } else if (answer == ops::Answer::no_answer) {
            sync_stamp_ = 0;
            action_ = {"staff.sync.no_answer", {}, false};
        }
    }
    if (server_check_stamp_ > 0) {
        auto answer =
            ops::answer(filing_, {store::SyncRequest::server_check, server_check_stamp_, server_asked_ms_}, now_ms);
        if (answer != ops::Answer::waiting) {
            server_check_stamp_ = 0;
            if (answer == ops::Answer::answered) {
                auto server = store::saved_server_checks(filing_);
                checks_.insert(checks_.end(), server.begin(), server.end());
            } else {
                checks_.push_back({"server", false, "kiosk-sync did not answer: is the aul-kiosk-sync service running?",
                                   "staff.detail.no_answer"});
            }
        }
    }
    finish_self_test();
}

// Both halves in (the local checks and kiosk-sync's server checks): the verdict.
void StaffDesk::finish_self_test() {
    if (self_test_running() || action_.key != "staff.self_test.running") return;
    bool all = ops::all_passed(checks_);
    action_ = {all ? "staff.self_test.passed" : "staff.self_test.failed", {}, all};
}

void StaffDesk::poll(std::int64_t now_ms) {
    if (mode_ == StaffMode::closed) return;
    take_kiosk_sync_answers(now_ms);
    if (mode_ != StaffMode::pin && now_ms - status_read_ms_ >= kStatusEveryMs) {
        refresh_status();
        status_read_ms_ = now_ms;
    }
}

std::string staff_words(const Words& w, const StaffMessage& m) {
    std::string out = core::format_text(w(m.key), "detail", m.detail_key.empty() ? m.detail : w(m.detail_key));
    for (const auto& [name, value] : m.fields) out = core::format_text(out, name, value);
    return out;
}

namespace {
// How syncing went, line by line. The last error is the sentence for its kind, which the
// store checked as it read what kiosk-sync wrote (an unknown one reads as the generic one).
std::vector<StaffPanelView::Fact> sync_facts(const Words& w, const store::KioskStatus& s,
                                             const std::function<std::string(std::int64_t)>& when) {
    const store::SyncProgress& p = s.sync;
    std::vector<StaffPanelView::Fact> out;
    out.push_back({w("staff.sync.sending"), when(p.push_ok_ms)});
    out.push_back({w("staff.sync.statuses"), when(p.status_ok_ms)});
    out.push_back({w("staff.sync.catalogue"),
                   when(p.catalog_ok_ms) + "  ·  " +
                       core::format_text(w("staff.sync.organisations"), "n", std::to_string(s.organisations))});
    if (p.error.empty()) {
        out.push_back({w("staff.sync.last_error"), w("staff.sync.none")});
    } else {
        std::string_view kind = store::is_sync_error_kind(p.error_kind) ? p.error_kind : store::sync_error::other;
        out.push_back({w("staff.sync.last_error"), w(kind), true});
    }
    if (p.next_ms > 0) out.push_back({w("staff.sync.next"), when(p.next_ms)});
    return out;
}
}  // namespace

StaffPanelView StaffDesk::panel_view(const Words& w) const {
    StaffPanelView v;
    v.words = w;
    v.status = status();
    if (!action_.key.empty()) v.message = staff_words(w, action_);
    v.message_is_problem = !action_.ok;
    v.busy = busy();
    v.self_testing = self_test_running();
    v.checks = &checks_;
    v.speech_volume = volume_;
    v.speech_enabled = cfg_.speech_enabled;
    v.when = [w](std::int64_t ms) { return ms <= 0 ? w("staff.sync.never") : local_time_text(ms); };
    if (status_) {
        v.sync = sync_facts(w, *status_, v.when);
        v.sync_error_detail = status_->sync.error;
    }
    return v;
}

bool StaffDesk::waiting() const {
    return verify_.running() || hashing_.running() || self_test_.running() || export_.running() || sync_stamp_ > 0 ||
           server_check_stamp_ > 0;
}

}  // namespace aul::kiosk
