// What each screen is drawn from: plain data the session's flows fill in, with no UI
// library behind it, so the session runs and is tested without a window.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/domain.h"
#include "core/i18n.h"
#include "core/proposal.h"
#include "kiosk/session/fields.h"
#include "store/catalog_store.h"
#include "store/filing_store.h"
#include "store/track_lookups.h"
#include "store/kiosk_state.h"

namespace aul::kiosk {

// Shared by all views: the language and its translations.
struct Words {
    const core::Translations* tr = nullptr;
    core::Lang lang = core::Lang::kk;
    const std::string& operator()(std::string_view key) const { return tr->get(lang, key); }
};

struct TopBarView {
    Words words;
    std::string title;
    bool show_back = true;
    bool full_language_names = false;  // home: each language written in itself, in full
    bool high_contrast = false;
    bool large_text = false;
    std::string back_label;  // translated; empty: "Back"
    bool listen = true;      // the Listen button: [speech] enabled
    bool speaking = false;   // Listen is reading: the button stops it
};

struct HomeView {
    Words words;
    bool voice_guide = false;  // voice guide mode is on for this resident
    std::int64_t ngo_count = 0;
    const std::vector<core::Category>* categories = nullptr;
};

struct CatalogView {
    Words words;
    const std::vector<core::Category>* categories = nullptr;
    const std::vector<core::Region>* regions = nullptr;
    const std::vector<core::District>* districts = nullptr;  // of the selected region
    const store::NgoQuery* query = nullptr;
    const std::vector<std::int64_t>* results = nullptr;  // the list's first rows, as far as fetched
    std::int64_t result_count = 0;  // rows the whole list holds
    bool more_results = false;  // the query matched more than the list holds
    bool searching = false;
    std::string error;
    const std::string* search_text = nullptr;
    bool search_focused = false;  // the on-screen keyboard is typing into the search box
    float keyboard_height = 0;    // space the keyboard takes at the bottom of the screen
    bool scroll_to_top = false;  // new results: show them from the first
    bool picker_open = false;
    std::string picker_region;  // region chosen in the picker whose districts are shown
    // Summary of a result row, fetched on demand for visible rows only.
    std::function<const store::NgoSummary*(std::int64_t)> summary;
    // The list is about to show rows up to this index (exclusive): their page is fetched in
    // the background, and they appear when it arrives. Unset: `results` is the whole list.
    std::function<void(std::int64_t)> want_rows;
};

struct NgoView {
    Words words;
    const core::Ngo* ngo = nullptr;
    std::string error;
    const std::vector<core::Category>* categories = nullptr;
    std::string region_name, district_name;
    std::string contact_card;  // its contact as a vCard for a QR code; "" when it published none
};

inline constexpr int kProposeSteps = 5;  // category, place, text, contact, review
inline constexpr int kReviewStep = kProposeSteps - 1;

// What the place step shows. A kiosk that knows where it stands offers its own place and
// "another place"; the picker below it (and the whole step on a kiosk that does not know)
// goes region, then district (when the catalogue lists the region's), then the village or
// town's name, typed: the catalogue has no list of settlements. Back goes up one level.
enum class PlaceLevel { here, region, district, settlement };

struct ProposeView {
    Words words;
    int step = 0;
    const core::ProposalDraft* draft = nullptr;
    std::vector<core::FieldProblem> problems;  // of the current step, shown under its fields
    std::string place;                         // the draft's: "Talgar, Talgar District, Almaty Region"
    const std::vector<core::Council>* councils = nullptr;  // the draft's place can address
    FieldId focused_field = FieldId::none;
    float keyboard_height = 0;
    std::string submit_error;  // the save failed: says why; the form stays filled
    bool contacts_allowed = true;  // false before enrolment: no key to seal contact details
    // The place step.
    PlaceLevel place_level = PlaceLevel::here;
    std::string here;            // the kiosk's own place in words; empty: it does not know it
    bool place_is_here = false;  // the draft is about the kiosk's own place
    std::string picked;          // the region and district chosen so far: "Talgar District, Almaty Region"
    const std::vector<core::Region>* regions = nullptr;
    const std::vector<core::District>* districts = nullptr;  // of the chosen region
    // Editing a section from the review: Next goes back to it.
    bool to_review = false;
    // Once, when the step (or the picker's level) changed: the page shows from its top.
    bool scroll_to_top = false;
    // Once, when Next or Send found problems: the first one is brought into view.
    bool scroll_to_problem = false;
};

struct ReceiptView {
    Words words;
    std::string tracking_code;  // canonical
};

struct TrackView {
    Words words;
    const std::string* code = nullptr;  // as typed
    bool focused = false;
    float keyboard_height = 0;
    bool searched = false;                       // the resident asked; `found` is the answer
    const store::ProposalStatus* found = nullptr;  // filed here, or found by the national server
    bool asking_server = false;                  // not filed here: the national server is asked
    // What the national server said of a code this kiosk did not file (nullopt: filed here,
    // or not asked yet). Found elsewhere, `found` has no category or title.
    std::optional<store::LookupOutcome> elsewhere;
    std::string error;
};

struct CouncilsView {
    Words words;
    const std::vector<core::Council>* councils = nullptr;  // national, regional, district
    std::string place;                                     // the kiosk's locality, for the heading
};

struct VolunteerView {
    Words words;
    enum class Mode { list, form, thanks } mode = Mode::list;
    const std::vector<store::CatalogStore::OpportunityRow>* rows = nullptr;
    // Beside each row: its organisation's contact as a vCard for a QR code, or "".
    const std::vector<std::string>* contact_cards = nullptr;
    std::string chosen_title;  // the opportunity being signed up for (or the NGO, for any help)
    std::string chosen_ngo;
    bool offer_any_help = false;
    bool signups_open = true;  // false before enrolment: no key to seal contact details  // opened from an NGO's page: it can be helped without a listed opportunity
    const core::SignupDraft* draft = nullptr;
    std::vector<core::FieldProblem> problems;
    FieldId focused_field = FieldId::none;
    float keyboard_height = 0;
    std::string error;
};

struct IdlePromptView {
    Words words;
    int seconds_left = 0;
    // On the receipt: the code just given, kept in view under the prompt's card, which
    // then says what is true (the proposal is saved) rather than "what you entered is erased".
    std::string receipt_code;
};

struct DiscardPromptView {
    Words words;
};

// A sheet the top bar opens over any screen: the languages, or how the screen is shown.
enum class Sheet { none, language, display };
struct SheetView {
    Words words;
    Sheet sheet = Sheet::none;
    bool high_contrast = false;
    bool large_text = false;
};

// The PIN pad over the home screen (after the corner hold), also used to choose a new PIN.
// It shows dots for the digits typed, never the digits.
struct StaffPinView {
    Words words;
    std::string title;          // translated: "Staff PIN", "New PIN"
    std::size_t digits = 0;     // how many are typed
    bool checking = false;      // the PIN is being checked
    std::string message;        // translated: wrong, locked for N s, not set, hints
    bool message_is_problem = false;
    bool locked = false;        // keys do nothing until the lockout ends
};

// The staff panel: the kiosk, its sync, outbox and storage at a glance, and the actions.
struct StaffPanelView {
    Words words;
    const store::KioskStatus* status = nullptr;  // nullptr until first read
    std::string kiosk_name;                      // [kiosk] name, or empty
    std::string place;                           // "Talgar, Talgar District, Almaty Region"
    std::string version;
    std::string message;                         // what the last action did, translated
    bool message_is_problem = false;
    bool busy = false;                           // an action is running: the others wait
    bool self_testing = false;                   // the self-test is still checking
    const std::vector<store::Check>* checks = nullptr;  // self-test results so far
    // Time stamps (ms since 1970) as staff read them: local date and time, or "never".
    std::function<std::string(std::int64_t)> when;
    // A line of a card: what it is and its value, both in the reader's language.
    struct Fact {
        std::string label, value;
        bool problem = false;
    };
    std::vector<Fact> sync;          // the sync card (empty until the status is read)
    std::string sync_error_detail;   // kiosk-sync's own words for the last error: technical, small print
    int speech_volume = 80;          // percent
    bool speech_enabled = true;      // [speech] enabled
};

// Choosing where the kiosk stands: region, district, the settlement's name.
struct StaffLocalityView {
    Words words;
    const std::vector<core::Region>* regions = nullptr;      // required
    const std::vector<core::District>* districts = nullptr;  // of the chosen region; required
    store::Locality draft;
    bool settlement_focused = false;
    float keyboard_height = 0;
    std::string message;  // why the last save failed, translated
};

// Lookups shared by screens.
const core::Category* find_category(const std::vector<core::Category>* all, const std::string& code);
std::string region_name(const std::vector<core::Region>* all, const std::string& code, core::Lang lang);
// A place as people read it, smallest first: "Talgar, Talgar District, Almaty Region"
// (`districts`: the region's); parts not known are left out.
std::string place_text(const store::Locality& where, const std::vector<core::District>& districts,
                       const std::vector<core::Region>* regions, core::Lang lang);
// A moment (ms since 1970) as people read it here: "29.11.2026 14:05", local time.
std::string local_time_text(std::int64_t ms);
// An organisation's contact in the reader's language, as the vCard its QR code carries
// ("" when it published no phone, email or address).
std::string contact_card(const core::LocalText& name, const std::string& phone, const std::string& email,
                         const core::LocalText& address, core::Lang lang);

}  // namespace aul::kiosk
