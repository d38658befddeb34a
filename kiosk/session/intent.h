// What the resident did on a screen, handed back to the session, which alone changes state.
// Kinds are grouped by the flow that handles them (kiosk/session/*_flow.h).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "core/domain.h"
#include "kiosk/session/fields.h"

namespace aul::kiosk {

// The staff panel's actions.
enum class StaffAction { sync, self_test, export_bundle, locality, pin, restart, speech_test, volume_down, volume_up };
// Its stable name: the button's widget id and translation key are "staff.action.NAME",
// and the log says "staff: NAME".
inline std::string_view staff_action_name(StaffAction a) {
    switch (a) {
        case StaffAction::sync: return "sync";
        case StaffAction::self_test: return "self_test";
        case StaffAction::export_bundle: return "export";
        case StaffAction::locality: return "locality";
        case StaffAction::pin: return "pin";
        case StaffAction::restart: return "restart";
        case StaffAction::speech_test: return "speech_test";
        case StaffAction::volume_down: return "volume_down";
        case StaffAction::volume_up: return "volume_up";
    }
    return "";
}

struct Intent {
    enum class Kind {
        none,
        go_home,
        go_back,
        set_lang,
        toggle_contrast,
        toggle_large_text,
        open_language_sheet,  // where the top bar is narrow: the languages in a sheet
        open_display_sheet,   // contrast and text size, each labelled
        close_sheet,
        listen,               // read this screen aloud; again: stop (the app's speaker does it)
        toggle_voice_guide,   // home's voice tile: each screen and choice spoken, for this resident
        open_catalog,       // text: category code to preselect, or empty
        open_ngo,           // id: NGO rowid
        clear_search,
        set_category,       // text: category code, empty for all
        open_region_picker,
        pick_region,        // text: region code, empty for all
        pick_district,      // text: district code, empty for the whole region
        close_picker,
        focus_field,        // field: which
        type_text,          // text: what a key inserts into the focused field
        backspace,
        keyboard_next_layout,  // the letters of the next language
        keyboard_digits,       // digits and signs, or back to letters
        keyboard_shift,
        keyboard_done,      // on to the form's next field, or the keyboard closes after its last
        keyboard_hide,      // the keyboard closes (Escape on a physical keyboard)
        open_propose,       // text: council id to address, or empty
        propose_category,   // text: category code
        propose_council,    // text: council id, empty for none
        propose_place_here,       // the proposal is about the kiosk's own place
        propose_place_elsewhere,  // another place: the picker opens at its regions
        propose_place_region,     // text: region code
        propose_place_district,   // text: district code, empty when the resident's is not listed
        propose_anonymous,  // id: 1 anonymous, 0 named
        propose_consent,    // toggles consent
        propose_next,
        propose_back,
        propose_submit,
        propose_edit,       // id: the step to change, from the review
        receipt_done,
        open_track,
        track_search,
        idle_continue,
        discard_keep,        // "discard this proposal?": no, keep writing
        discard_confirm,     // yes: forget it and go where the resident was going
        open_councils,
        open_volunteer,      // text: NGO catalogue id to show only its opportunities, or empty
        volunteer_choose,    // text: opportunity id; id: index into the list shown
        volunteer_consent,
        volunteer_signup,
        volunteer_done,
        // Staff panel (behind the corner hold and the PIN).
        staff_pin_digit,          // text: the digit
        staff_pin_erase,
        staff_pin_ok,
        staff_leave,
        staff_back_to_panel,      // from changing the PIN or the place, without saving
        staff_action,             // action: which
        staff_locality_region,    // text: region code
        staff_locality_district,  // text: district code, empty for none
        staff_locality_save,
    };
    Kind kind = Kind::none;
    std::string text{};
    std::int64_t id = 0;
    core::Lang lang = core::Lang::kk;
    FieldId field = FieldId::none;
    StaffAction action = StaffAction::sync;

    explicit operator bool() const { return kind != Kind::none; }
    static Intent of(Kind k, std::string t = {}, std::int64_t i = 0) {
        return Intent{.kind = k, .text = std::move(t), .id = i};
    }
    static Intent focus(FieldId f) { return Intent{.kind = Kind::focus_field, .field = f}; }
    static Intent language(core::Lang l) { return Intent{.kind = Kind::set_lang, .lang = l}; }
    static Intent staff(StaffAction a) { return Intent{.kind = Kind::staff_action, .action = a}; }
};

inline bool is_staff(Intent::Kind k) { return k >= Intent::Kind::staff_pin_digit; }  // the last group above

// Keeps the first intent of a frame: one tap does one thing.
inline void keep_first(Intent& into, Intent from) {
    if (!into && from) into = std::move(from);
}

}  // namespace aul::kiosk
