#include "kiosk/screen_table.h"

#include <array>
#include <string>

#include "kiosk/keyboard.h"
#include "kiosk/screens/screens.h"

namespace aul::kiosk {

namespace {
Intent show_home(Ui& ui, Session& s) { return draw_home(ui, s.home_view()); }

Intent show_catalog(Ui& ui, Session& s) {
    CatalogView v = s.catalog().view();
    v.keyboard_height = keyboard_space(ui, s);
    Intent list = draw_catalog(ui, v);
    // The picker sheet covers the list: only its own taps count while open.
    return v.picker_open ? draw_region_picker(ui, v) : list;
}

Intent show_ngo(Ui& ui, Session& s) { return draw_ngo(ui, s.catalog().ngo_view()); }

Intent show_propose(Ui& ui, Session& s) {
    ProposeView v = s.propose().view();
    v.keyboard_height = keyboard_space(ui, s);
    return draw_propose(ui, v);
}

Intent show_receipt(Ui& ui, Session& s) { return draw_receipt(ui, s.propose().receipt_view()); }

Intent show_track(Ui& ui, Session& s) {
    TrackView v = s.track().view();
    v.keyboard_height = keyboard_space(ui, s);
    return draw_track(ui, v);
}

Intent show_councils(Ui& ui, Session& s) { return draw_councils(ui, s.councils().view()); }

Intent show_volunteer(Ui& ui, Session& s) {
    VolunteerView v = s.volunteer().view();
    v.keyboard_height = keyboard_space(ui, s);
    return draw_volunteer(ui, v);
}

constexpr std::array<ScreenRow, 8> kScreens{{
    {ScreenId::home, "home", "", "voice.screen.home", show_home, [](Session&) {}},
    {ScreenId::catalog, "ngos", "ngos.title", "voice.screen.ngos", show_catalog, [](Session& s) { s.catalog().open(""); }},
    {ScreenId::ngo, "ngo", "ngo.title", "voice.screen.ngo", show_ngo, [](Session& s) { s.catalog().open_first_ngo(); }},
    {ScreenId::propose, "propose", "propose.title", "", show_propose, [](Session& s) { s.propose().open(""); }},
    {ScreenId::receipt, "receipt", "receipt.screen", "voice.screen.receipt", show_receipt, [](Session& s) { s.propose().show_latest_receipt(); }},
    {ScreenId::track, "track", "track.title", "voice.screen.track", show_track, [](Session& s) { s.track().open_latest(); }},
    {ScreenId::councils, "councils", "councils.title", "voice.screen.councils", show_councils, [](Session& s) { s.councils().open(); }},
    {ScreenId::volunteer, "volunteer", "volunteer.title", "voice.screen.volunteer", show_volunteer, [](Session& s) { s.volunteer().open(""); }},
}};
}  // namespace

std::span<const ScreenRow> screen_table() { return kScreens; }

const ScreenRow& screen_row(ScreenId id) {
    for (const auto& row : kScreens)
        if (row.id == id) return row;
    return kScreens.front();
}

std::optional<ScreenId> screen_named(std::string_view name) {
    for (const auto& row : kScreens)
        if (row.name == name) return row.id;
    return std::nullopt;
}

std::string screen_names() {
    std::string out;
    for (const auto& row : kScreens) out += (out.empty() ? "" : ", ") + std::string(row.name);
    return out;
}

float keyboard_space(const Ui& ui, const Session& s) {
    return s.focused() == FieldId::none ? 0 : keyboard_height(ui, s.keyboard_layout());
}

bool staff_page_open(const Session& s) { return s.staff().open() && s.staff().mode() != StaffMode::pin; }

Intent draw_staff_page(Ui& ui, Session& s) {
    if (s.staff().mode() == StaffMode::locality) {
        StaffLocalityView v = s.staff_locality_view();
        v.keyboard_height = keyboard_space(ui, s);
        return draw_staff_locality(ui, v);
    }
    return draw_staff_panel(ui, s.staff_panel_view());
}

bool pin_pad_open(const Session& s) {
    StaffMode m = s.staff().mode();
    return m == StaffMode::pin || m == StaffMode::new_pin || m == StaffMode::repeat_pin;
}

Intent draw_pin_pad(Ui& ui, Session& s) {
    bool new_pin = s.staff().mode() != StaffMode::pin;
    Intent i = draw_staff_pin(ui, s.staff_pin_view());
    // Cancel while choosing a new PIN goes back to the panel, not out of it.
    if (new_pin && i.kind == Intent::Kind::staff_leave) i = Intent::of(Intent::Kind::staff_back_to_panel);
    return i;
}

}  // namespace aul::kiosk
