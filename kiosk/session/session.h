// A resident's session at the kiosk, as plain C++: no window, no UI library. The screens
// draw from its views and hand back Intents; the session applies them through its flows
// (one per task: catalogue, propose, track, councils, volunteer, staff), keeps the screen
// stack and the keyboard's focus, and forgets everything between residents (idle reset).
// The app feeds it input times and clock ticks; tests drive it directly.
#pragma once
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <span>
#include <array>
#include <string>
#include <vector>

#include "kiosk/session/catalog_flow.h"
#include "kiosk/session/councils_flow.h"
#include "kiosk/session/propose_flow.h"
#include "kiosk/session/shared.h"
#include "kiosk/session/track_flow.h"
#include "kiosk/session/volunteer_flow.h"
#include "kiosk/session/integrity_watch.h"
#include "kiosk/session/staff_desk.h"
#include "platform/speech/utterance.h"

namespace aul::kiosk {

struct SessionSettings {
    core::Lang language = core::Lang::kk;  // what the kiosk returns to between residents
    bool high_contrast = false;            // the display the kiosk returns to
    bool large_text = false;
    double idle_seconds = 90;              // untouched this long: "still there?"
    double idle_prompt_seconds = 20;       // then a fresh session
    store::Locality locality;              // the configuration's [locality]
    std::string kiosk_name;                // [kiosk] name, for the staff panel
    StaffDeskConfig staff;                 // data folder, USB roots, wake-up, font check
};

// How the screen is shown, chosen by the resident for their session.
struct Display {
    bool high_contrast = false;
    bool large_text = false;
    bool operator==(const Display&) const = default;
};

class Session {
public:
    // `catalog` and `filing` are the UI thread's connections; `search_connection` a
    // further one for background searches. Slow work runs on `tasks`.
    Session(SessionSettings settings, store::CatalogStore& catalog, store::FilingStore& filing,
            store::CatalogStore search_connection, platform::TaskRunner& tasks, const core::Translations& tr,
            std::function<std::int64_t()> wall_ms);

    // What the resident (or staff) did.
    void apply(const Intent& i);
    // Input arrived at `now` (seconds on the loop's clock).
    void touched(double now);
    // Runs the idle rules at `now`: the "still there?" prompt, then the reset. Returns when
    // to look again (infinity: not until input).
    double check_idle(double now);
    // A fresh session for the next resident.
    void reset();
    // Takes finished staff work and kiosk-sync's answers; call every loop.
    void poll();

    // --- what the app draws from ---
    ScreenId screen() const { return s_.screen(); }
    const std::vector<ScreenId>& stack() const { return s_.stack; }
    core::Lang lang() const { return s_.lang; }
    Words words() const { return s_.words(); }
    const Display& display() const { return display_; }
    FieldId focused() const { return s_.focused; }
    // Where the keyboard's Done goes from the focused field: none when it closes.
    FieldId next_field() const { return field_spec(s_.focused).next; }
    KeyLayout keyboard_layout() const { return s_.layout; }
    bool keyboard_shift() const { return s_.shift; }
    bool idle_prompt() const { return idle_prompt_; }
    // Home or Back would throw away a proposal the resident is writing: "discard it?" is up.
    bool discard_prompt() const { return pending_leave_.has_value(); }
    // The language or display sheet the top bar opened, or none.
    Sheet sheet() const { return sheet_; }
    SheetView sheet_view() const { return SheetView{s_.words(), sheet_, display_.high_contrast, display_.large_text}; }
    int idle_seconds_left(double now) const;
    IdlePromptView idle_prompt_view(double now) const;
    // Something was started that the screen will show once it is done (a search, a PIN
    // check): scripts wait for it.
    bool settled() const;
    // Anything a resident did that the next must not see.
    bool holds_resident_data() const;
    // The catalogue changed under the session (kiosk-sync's update): new categories may
    // bring icons the font atlas lacks. True once per change.
    bool take_catalogue_changed() { return std::exchange(catalogue_changed_, false); }
    // Voice guide mode: each screen's question is spoken on entry, each choice as it is
    // tapped. Turned on from home for one resident; ends with the session (idle reset, or
    // Done at the end of a filing or sign-up).
    bool voice_guide() const { return voice_guide_; }
    // Which page the resident is looking at, as the voice guide tells them apart: the
    // screen, the wizard's step, a dialog or sheet over it, the language. The keyboard
    // opening or closing is not a new page.
    std::string page() const;
    // Counts fresh sessions (idle resets): whatever was being spoken stops with one.
    std::uint64_t resets() const { return resets_; }
    // What the session asked to be spoken since the last call (the staff's speech test).
    std::vector<platform::Utterance> take_speech();
    // The voice's volume, percent: staff set it on the panel, kept in the database.
    int speech_volume() const { return staff_.speech_volume(); }
    // Staff asked for a restart: the process exits with this code.
    std::optional<int> exit_code() const { return exit_code_; }
    // The corner hold may open the PIN pad now (home, nothing over it).
    bool staff_corner_active() const;
    void open_staff_pad();

    const Shared& shared() const { return s_; }
    CatalogFlow& catalog() { return catalog_; }
    ProposeFlow& propose() { return propose_; }
    TrackFlow& track() { return track_; }
    CouncilsFlow& councils() { return councils_; }
    VolunteerFlow& volunteer() { return volunteer_; }
    StaffDesk& staff() { return staff_; }
    IntegrityWatch& integrity() { return integrity_; }
    const StaffDesk& staff() const { return staff_; }

    HomeView home_view() const { return HomeView{s_.words(), voice_guide_, s_.ngo_count, &s_.categories}; }
    StaffPanelView staff_panel_view() const;
    StaffLocalityView staff_locality_view() const;
    StaffPinView staff_pin_view() const;

private:
    void go_back();
    void go_home();
    // Home, or Back off the wizard's first step, with a proposal that holds something the
    // resident wrote: asked first (discard_prompt) rather than done.
    bool would_lose_draft(Intent::Kind leave) const;
    void apply_discard_answer(const Intent& i);
    // An intent while a sheet is up: true when it goes on to be applied.
    bool apply_sheet(const Intent& i);
    void apply_keyboard(const Intent& i);
    void apply_staff(const Intent& i);
    void edited(FieldId f);
    std::string* field_text(FieldId f);
    // The catalogue's short lists follow kiosk-sync's updates between residents: after an
    // idle spell or a reset, never under a finger.
    void refresh_catalogue();
    // Every flow, in the order they are offered an intent (and Back).
    std::span<Flow* const> flows() const { return flows_; }

    SessionSettings settings_;
    Shared s_;
    CatalogFlow catalog_;
    ProposeFlow propose_;
    TrackFlow track_;
    CouncilsFlow councils_;
    VolunteerFlow volunteer_;
    StaffDesk staff_;
    IntegrityWatch integrity_;
    std::array<Flow*, 5> flows_;
    Display display_;
    bool idle_prompt_ = false;
    std::optional<Intent::Kind> pending_leave_;
    Sheet sheet_ = Sheet::none;  // go_home or go_back, waiting for "discard?"
    double last_input_s_ = 0;
    bool catalogue_changed_ = false;
    std::optional<int> exit_code_;
    bool voice_guide_ = false;
    std::uint64_t resets_ = 0;
};

}  // namespace aul::kiosk
