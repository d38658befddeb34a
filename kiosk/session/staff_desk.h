// The staff desk: what the staff panel is drawn from and what its actions do. The panel is
// reached by holding the top-left corner of the home screen for 3 s, then the PIN. Slow
// work (checking the PIN, the integrity check, writing to a USB stick) runs as background
// tasks; the network work (sync now, server checks) and signing a USB bundle are asked of
// kiosk-sync through the database, since the kiosk itself has no network and no key.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "kiosk/session/intent.h"
#include "kiosk/session/views.h"
#include "ops/settings.h"
#include "ops/usb_bundle.h"
#include "platform/tasks.h"
#include "store/kiosk_state.h"
#include "store/staff_access.h"

namespace aul::kiosk {

// Corner hold that opens the PIN pad: a square of this many millimetres at the top-left of
// the home screen, held this long without moving.
inline constexpr float kStaffCornerMm = 15.0f;
inline constexpr double kStaffHoldSeconds = 3.0;

enum class StaffMode { closed, pin, panel, new_pin, repeat_pin, locality };

// What one action did, in words for the panel.
struct StaffMessage {
    using Fields = std::vector<std::pair<std::string, std::string>>;
    std::string key;     // translation key
    std::string detail;  // {detail} in it: a path, a reason
    bool ok = true;
    Fields fields;       // further {name}s: counts
    std::string detail_key;  // when set, {detail} is this key's translation instead (a sync error's kind)
    StaffMessage() = default;
    StaffMessage(std::string k, std::string d, bool good, Fields f = {})
        : key(std::move(k)), detail(std::move(d)), ok(good), fields(std::move(f)) {}
};
// The message in the language of `w`.
std::string staff_words(const Words& w, const StaffMessage& m);

struct StaffDeskConfig {
    std::string data_dir;                  // holds kiosk.db
    std::vector<std::string> usb_roots;    // where USB sticks are mounted ([staff] usb_roots)
    store::Locality configured_locality;   // [locality] of the configuration
    // Checks the fonts against every translation on the UI thread (the atlas lives there);
    // returns "" when every character is covered.
    std::function<std::string()> font_check;
    // The voice's volume (percent) while staff never set one: [speech] volume.
    int speech_volume = 80;
    bool speech_enabled = true;  // [speech] enabled
    // How long kiosk-sync may take to sign a USB bundle before staff read that it did not answer.
    std::int64_t export_answer_within_ms = store::kAnswerWithinMs;
};

class StaffDesk {
public:
    // Slow work runs on `tasks`; its results come back when the UI loop drains them.
    StaffDesk(StaffDeskConfig cfg, store::FilingStore& filing, store::CatalogStore& catalog,
              platform::TaskRunner& tasks, std::function<std::int64_t()> wall_ms);

    StaffMode mode() const { return mode_; }
    bool open() const { return mode_ != StaffMode::closed; }
    // The corner was held: show the PIN pad.
    void open_pin_pad(std::int64_t now_ms);
    void close();
    // Handles a staff_* intent. Returns true when the kiosk must restart (the app exits
    // with kRestartExitCode and systemd starts it again).
    bool apply(const Intent& i, std::int64_t now_ms);
    // Takes kiosk-sync's answers; refreshes the status now and then. Call it every loop.
    void poll(std::int64_t now_ms);
    // Something the status shows changed (the integrity check finished): read it again.
    void status_changed() { status_read_ms_ = 0; }
    // A task is running or an answer is awaited: the loop should look again soon.
    bool waiting() const;

    // --- what the screens show ---
    std::size_t pin_length() const { return pin_.size(); }
    bool checking() const { return verify_.running() || hashing_.running(); }
    const StaffMessage& pin_message() const { return pin_message_; }
    std::int64_t seconds_locked(std::int64_t now_ms) const { return pin_state_.seconds_locked(now_ms); }
    bool pin_set() const { return pin_state_.pin_set; }
    const store::KioskStatus* status() const { return status_ ? &*status_ : nullptr; }
    const std::vector<store::Check>& checks() const { return checks_; }
    bool self_test_running() const { return self_test_.running() || server_check_stamp_ > 0; }
    // A self-test, an export or a new PIN is under way: the other actions wait for it.
    bool busy() const { return self_test_.running() || export_.running() || hashing_.running(); }
    const StaffMessage& action_message() const { return action_; }
    // The panel in the language of `w`: the status, the sync card's lines, what the last
    // action did, the checks. The sync lines and a failed sync's message are translations;
    // kiosk-sync's own words for the error come apart, as the technical detail. (The
    // kiosk's name, place and version are the session's to add.)
    StaffPanelView panel_view(const Words& w) const;
    bool sync_waiting() const { return sync_stamp_ > 0; }
    // The voice's volume, percent: saved by staff, else the configuration's.
    int speech_volume() const { return volume_; }
    // Staff asked to hear the voice; true once per request.
    bool take_speech_test() { return std::exchange(speech_test_, false); }
    // The locality being edited.
    const store::Locality& locality_draft() const { return locality_; }
    std::string& settlement_text() { return locality_.settlement; }
    const store::Locality& locality() const;
    // Districts of the region being chosen.
    const std::vector<core::District>& districts() const { return districts_; }

private:
    void pin_entered(std::int64_t now_ms);
    void new_pin_entered();
    void start_self_test(std::int64_t now_ms);
    void start_export(std::int64_t now_ms);
    void request_sync(std::int64_t now_ms);
    void change_volume(int by);
    void refresh_status();
    // What the background tasks hand back.
    struct PinCheck {
        bool right = false;
        std::optional<store::PinState> after;  // the state once a right PIN cleared the count
    };
    void pin_checked(const PinCheck& check);
    void new_pin_hashed(Result<std::string> hash);
    void self_tested(std::vector<store::Check> local);
    void exported(Result<sync::BundleReport> written);
    // Drops what is running for the session that ends: its results are not shown to the
    // next person.
    void cancel_tasks();
    void finish_self_test();
    void take_kiosk_sync_answers(std::int64_t now_ms);
    std::string find_usb_stick() const;

    StaffDeskConfig cfg_;
    store::FilingStore& filing_;
    store::CatalogStore& catalog_;
    StaffMode mode_ = StaffMode::closed;
    platform::TaskRunner& tasks_;
    std::function<std::int64_t()> wall_ms_;
    bool authenticated_ = false;  // the right PIN was typed in this session
    std::string pin_, new_pin_;
    store::PinState pin_state_;
    StaffMessage pin_message_;
    StaffMessage action_;
    std::optional<store::KioskStatus> status_;
    int volume_ = 80;
    bool speech_test_ = false;
    std::int64_t status_read_ms_ = 0;
    std::vector<store::Check> checks_;
    store::Locality locality_;
    std::vector<core::District> districts_;
    void load_districts();
    std::int64_t sync_stamp_ = 0, sync_asked_ms_ = 0;           // awaiting kiosk-sync's round
    std::int64_t server_check_stamp_ = 0, server_asked_ms_ = 0;  // awaiting its server checks

    platform::TaskHandle verify_, hashing_, self_test_, export_;
};

// The app exits with this code when staff ask for a restart; systemd (Restart=always) or
// the demo script starts it again.
inline constexpr int kRestartExitCode = 75;

}  // namespace aul::kiosk
