#include "kiosk/session/session.h"

#include <algorithm>
#include <cmath>

#include "core/text.h"
#include "platform/log.h"

namespace aul::kiosk {

Session::Session(SessionSettings settings, store::CatalogStore& catalog, store::FilingStore& filing,
                 store::CatalogStore search_connection, platform::TaskRunner& tasks, const core::Translations& tr,
                 std::function<std::int64_t()> wall_ms)
    : settings_(std::move(settings)),
      s_(catalog, filing, tasks, tr, std::move(wall_ms)),
      catalog_(s_, std::move(search_connection)),
      propose_(s_),
      track_(s_, settings_.staff.data_dir),
      councils_(s_),
      volunteer_(s_, catalog_),
      staff_(settings_.staff, filing, catalog, tasks, s_.wall_ms),
      integrity_(settings_.staff.data_dir, tasks, [this](const store::Check&) { staff_.status_changed(); }),
      flows_{&propose_, &catalog_, &track_, &councils_, &volunteer_} {
    s_.configured_locality = settings_.locality;
    s_.lang = settings_.language;
    display_ = {settings_.high_contrast, settings_.large_text};
    refresh_catalogue();
    s_.load_place();
}

void Session::apply(const Intent& i) {
    using K = Intent::Kind;
    if (staff_.open()) {
        // Back (or home) leaves the panel (and the PIN pad), or returns to the panel from
        // choosing the place or a new PIN.
        bool leaves = staff_.mode() == StaffMode::panel || staff_.mode() == StaffMode::pin;
        if (i.kind == K::go_back || i.kind == K::go_home)
            return apply_staff(Intent::of(leaves ? K::staff_leave : K::staff_back_to_panel));
        if (is_staff(i.kind)) return apply_staff(i);
    }
    if (pending_leave_) return apply_discard_answer(i);  // only the question's answers count
    if (sheet_ != Sheet::none && !apply_sheet(i)) return;  // only the sheet's own choices count
    if ((i.kind == K::go_home || i.kind == K::go_back) && would_lose_draft(i.kind)) {
        s_.unfocus();
        pending_leave_ = i.kind;
        return;
    }
    switch (i.kind) {
        case K::none: return;
        case K::go_home: return go_home();
        case K::go_back: return go_back();
        case K::set_lang:
            if (i.lang == s_.lang) return;
            s_.lang = i.lang;
            for (Flow* f : flows()) f->language_changed();
            return;
        case K::toggle_contrast: display_.high_contrast = !display_.high_contrast; return;
        case K::toggle_large_text: display_.large_text = !display_.large_text; return;
        case K::open_language_sheet: s_.unfocus(); sheet_ = Sheet::language; return;
        case K::open_display_sheet: s_.unfocus(); sheet_ = Sheet::display; return;
        case K::close_sheet: sheet_ = Sheet::none; return;
        case K::toggle_voice_guide: voice_guide_ = !voice_guide_; return;
        case K::listen: return;  // the app reads the screen it drew
        case K::receipt_done:
        case K::volunteer_done: voice_guide_ = false; break;  // the resident is done: the next starts silent
        case K::idle_continue: idle_prompt_ = false; return;
        case K::focus_field:
        case K::type_text:
        case K::backspace:
        case K::keyboard_next_layout:
        case K::keyboard_digits:
        case K::keyboard_shift:
        case K::keyboard_done:
        case K::keyboard_hide: return apply_keyboard(i);
        default: break;
    }
    if (is_staff(i.kind)) return;  // staff intents only count while the staff desk is open
    for (Flow* f : flows())
        if (f->apply(i)) return;
}

// While a sheet is up: a language chosen closes the language sheet (the choice is made);
// contrast and text size change in place, so the resident sees the effect before closing.
bool Session::apply_sheet(const Intent& i) {
    using K = Intent::Kind;
    switch (i.kind) {
        case K::set_lang:
            if (sheet_ == Sheet::language) sheet_ = Sheet::none;
            return true;
        case K::toggle_contrast:
        case K::toggle_large_text: return sheet_ == Sheet::display;
        case K::close_sheet:
        case K::go_home:
        case K::go_back: sheet_ = Sheet::none; return false;
        case K::idle_continue: return true;
        default: return false;
    }
}

IdlePromptView Session::idle_prompt_view(double now) const {
    IdlePromptView v{s_.words(), idle_seconds_left(now), {}};
    if (s_.screen() == ScreenId::receipt) v.receipt_code = propose_.receipt_code();
    return v;
}

void Session::go_home() {
    s_.show({});
    catalog_.back();  // a picker left open closes
    s_.unfocus();
}

bool Session::would_lose_draft(Intent::Kind leave) const {
    if (s_.screen() != ScreenId::propose || !propose_.holds_resident_data()) return false;
    return leave == Intent::Kind::go_home || propose_.step() == 0;
}

void Session::apply_discard_answer(const Intent& i) {
    using K = Intent::Kind;
    if (i.kind == K::discard_keep) {
        pending_leave_.reset();
    } else if (i.kind == K::discard_confirm) {
        Intent::Kind leave = *pending_leave_;
        pending_leave_.reset();
        propose_.reset();
        if (leave == K::go_home) go_home();
        else go_back();
    }
}

void Session::go_back() {
    s_.unfocus();
    for (Flow* f : flows())
        if (f->back()) return;
    if (s_.stack.size() > 1) s_.stack.pop_back();
}

void Session::apply_keyboard(const Intent& i) {
    using K = Intent::Kind;
    switch (i.kind) {
        case K::focus_field: s_.focus(i.field); break;
        case K::type_text:
            if (std::string* text = field_text(s_.focused)) {
                if (core::codepoint_count(*text) + core::codepoint_count(i.text) <= field_spec(s_.focused).max_chars)
                    *text += i.text;
                s_.shift = false;
                edited(s_.focused);
            }
            break;
        case K::backspace:
            if (std::string* text = field_text(s_.focused); text && !text->empty()) {
                core::pop_codepoint(*text);
                edited(s_.focused);
            }
            break;
        case K::keyboard_digits:
            s_.layout = s_.layout == KeyLayout::digits ? letters_for(s_.lang) : KeyLayout::digits;
            break;
        case K::keyboard_next_layout:
            s_.layout = next_letter_layout(s_.layout == KeyLayout::digits ? letters_for(s_.lang) : s_.layout);
            break;
        case K::keyboard_shift: s_.shift = !s_.shift; break;
        case K::keyboard_done:
            // On to the form's next field, as a resident filling it in goes; after its last
            // the keyboard closes and the form's buttons return.
            if (FieldId next = next_field(); next != FieldId::none && field_text(next))
                s_.focus(next);
            else
                s_.unfocus();
            break;
        case K::keyboard_hide: s_.unfocus(); break;
        default: break;
    }
}

std::string* Session::field_text(FieldId f) {
    if (f == FieldId::staff_settlement)
        return staff_.mode() == StaffMode::locality ? &staff_.settlement_text() : nullptr;
    for (Flow* flow : flows())
        if (std::string* text = flow->field_text(f)) return text;
    return nullptr;
}

void Session::edited(FieldId f) {
    for (Flow* flow : flows()) flow->field_changed(f);
}

void Session::apply_staff(const Intent& i) {
    using K = Intent::Kind;
    StaffMode before = staff_.mode();
    if (staff_.apply(i, s_.wall_ms())) {
        platform::log::info("staff: restart asked from the panel");
        exit_code_ = kRestartExitCode;
        return;
    }
    if (i.kind == K::staff_action) platform::log::info("staff: " + std::string(staff_action_name(i.action)));
    if (i.kind == K::staff_locality_save && staff_.mode() == StaffMode::panel) {
        s_.load_place();
        s_.unfocus();
    }
    if (before != StaffMode::closed && !staff_.open()) {
        platform::log::info("staff: panel left");
        s_.unfocus();
        s_.show({});
    }
}

void Session::touched(double now) {
    if (now - last_input_s_ > settings_.idle_seconds) refresh_catalogue();  // someone new
    last_input_s_ = now;
}

int Session::idle_seconds_left(double now) const {
    double reset_at = last_input_s_ + settings_.idle_seconds + settings_.idle_prompt_seconds;
    return std::max(0, static_cast<int>(std::ceil(reset_at - now)));
}

// After idle_seconds untouched a prompt; after idle_prompt_seconds more, a fresh session.
// A kiosk resting on its home screen only drops the previous resident's language and
// display choices, without asking.
double Session::check_idle(double now) {
    constexpr double kNever = std::numeric_limits<double>::infinity();
    double idle_at = last_input_s_ + settings_.idle_seconds;
    double reset_at = idle_at + settings_.idle_prompt_seconds;
    if (staff_.open()) {
        // A panel left open closes without asking anyone "still there?"; not while it is
        // writing to a USB stick, which staff are waiting to pull out.
        if (now >= idle_at && !staff_.busy()) {
            reset();
            return kNever;
        }
        return std::max(idle_at, now + 1.0);
    }
    // The resident's own choices of how the kiosk shows and speaks go with them.
    bool changed_choices = display_ != Display{settings_.high_contrast, settings_.large_text} ||
                           s_.lang != settings_.language || voice_guide_;
    if (!holds_resident_data() && !idle_prompt_) {
        if (!changed_choices) return kNever;
        if (now < idle_at) return idle_at;
        reset();
        return kNever;
    }
    if (now >= reset_at) {
        platform::log::info("idle: the session was reset for the next resident");
        reset();
        return kNever;
    }
    if (now >= idle_at) {
        idle_prompt_ = true;
        return std::floor(now) + 1.0;  // the countdown ticks once a second
    }
    return idle_at;
}

void Session::reset() {
    ++resets_;
    voice_guide_ = false;
    idle_prompt_ = false;
    pending_leave_.reset();
    sheet_ = Sheet::none;
    if (staff_.open()) platform::log::info("staff: panel closed after being left untouched");
    staff_.close();
    s_.load_place();
    refresh_catalogue();
    for (Flow* f : flows()) f->reset();
    s_.show({});
    s_.unfocus();
    s_.shift = false;
    s_.lang = settings_.language;
    display_ = {settings_.high_contrast, settings_.large_text};
}

std::string Session::page() const {
    auto n = [](auto v) { return std::to_string(static_cast<int>(v)); };
    std::string p = n(s_.screen()) + "/" + n(s_.stack.size()) + "/" + n(staff_.mode()) + "/" + std::string(core::lang_code(s_.lang));
    if (s_.screen() == ScreenId::propose) p += "/step" + n(propose_.step()) + "." + n(propose_.place_level());
    if (s_.screen() == ScreenId::volunteer) p += "/mode" + n(volunteer_.mode());
    if (catalog_.picker_open()) p += "/picker";
    if (idle_prompt_) p += "/idle";
    else if (pending_leave_) p += "/discard";
    else if (sheet_ != Sheet::none) p += "/sheet" + n(sheet_);
    return p;
}

std::vector<platform::Utterance> Session::take_speech() {
    std::vector<platform::Utterance> out;
    if (!staff_.take_speech_test()) return out;
    // The same phrase in each language, each in its own voice.
    for (core::Lang l : core::kAllLangs) {
        platform::Utterance u{l, {}};
        u.add(platform::SpeechPart::words_of(s_.tr.get(l, "voice.test"), "voice.test"));
        out.push_back(std::move(u));
    }
    return out;
}

void Session::poll() {
    integrity_.poll(s_.wall_ms());
    staff_.poll(s_.wall_ms());
}

bool Session::settled() const { return !catalog_.searching() && !staff_.waiting() && !track_.looking_up(); }

bool Session::holds_resident_data() const {
    if (staff_.open() || s_.stack.size() > 1) return true;
    return std::any_of(flows_.begin(), flows_.end(), [](const Flow* f) { return f->holds_resident_data(); });
}

void Session::refresh_catalogue() {
    auto generation = s_.catalog.catalog_generation();
    if (!generation || *generation == s_.catalogue_generation) return;
    bool first = s_.catalogue_generation < 0;
    s_.catalogue_generation = *generation;
    if (auto c = s_.catalog.categories()) s_.categories = std::move(*c);
    if (auto r = s_.catalog.regions()) s_.regions = std::move(*r);
    if (auto n = s_.catalog.ngo_count()) s_.ngo_count = *n;
    catalog_.forget_cached();
    if (first) return;
    platform::log::info("catalogue updated: " + std::to_string(s_.ngo_count) + " organisations");
    catalogue_changed_ = true;
    s_.load_place();  // councils of the kiosk's place may have changed
}

bool Session::staff_corner_active() const {
    return !staff_.open() && s_.screen() == ScreenId::home && !idle_prompt_ && s_.focused == FieldId::none;
}

void Session::open_staff_pad() {
    platform::log::info("staff: PIN pad opened");
    staff_.open_pin_pad(s_.wall_ms());
}

StaffPanelView Session::staff_panel_view() const {
    StaffPanelView v = staff_.panel_view(s_.words());
    v.kiosk_name = settings_.kiosk_name;
    v.place = s_.place_line();
    v.version = AUL_VERSION;
    return v;
}

StaffLocalityView Session::staff_locality_view() const {
    StaffLocalityView v;
    v.words = s_.words();
    v.regions = &s_.regions;
    v.districts = &staff_.districts();
    v.draft = staff_.locality_draft();
    v.settlement_focused = s_.focused == FieldId::staff_settlement;
    const StaffMessage& m = staff_.action_message();
    if (!m.ok) v.message = staff_words(s_.words(), m);
    return v;
}

StaffPinView Session::staff_pin_view() const {
    StaffPinView v;
    v.words = s_.words();
    bool new_pin = staff_.mode() != StaffMode::pin;
    v.title = s_.text(new_pin ? "staff.pin.new_title" : "staff.pin.title");
    v.digits = staff_.pin_length();
    v.checking = staff_.checking();
    std::int64_t locked = new_pin ? 0 : staff_.seconds_locked(s_.wall_ms());
    v.locked = locked > 0 || (!new_pin && !staff_.pin_set());
    const StaffMessage& m = staff_.pin_message();
    if (locked > 0)
        v.message = core::format_text(s_.text("staff.pin.locked"), "seconds", std::to_string(locked));
    else if (!m.key.empty() && m.key != "staff.pin.locked")
        v.message = core::format_text(s_.text(m.key), "detail", m.detail);
    else if (!new_pin)
        v.message = s_.text("staff.pin.enter");
    v.message_is_problem = locked > 0 || !m.ok;
    return v;
}

}  // namespace aul::kiosk
