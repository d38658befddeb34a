// The kiosk's screens, one row each: the id the session knows it by, the name --screen
// takes, the title key of its top bar, and how it is drawn from the session's views.
// Adding a screen is a flow (kiosk/session/), a screen file (kiosk/screens/) and a row here.
#pragma once
#include <optional>
#include <span>
#include <string_view>

#include "kiosk/session/session.h"
#include "kiosk/ui.h"

namespace aul::kiosk {

struct ScreenRow {
    ScreenId id;
    std::string_view name;       // --screen NAME
    std::string_view title_key;  // the top bar's title; empty: none (home greets on its page)
    // What the voice says of the screen after its title, where the screen asks no question
    // of its own (the wizard's steps do): what is on it and what to tap.
    std::string_view voice_key;
    Intent (*draw)(Ui& ui, Session& session);
    // Sets the screen up directly, as a resident would reach it (--screen, tests, docs).
    void (*open)(Session& session);
};

std::span<const ScreenRow> screen_table();
const ScreenRow& screen_row(ScreenId id);
std::optional<ScreenId> screen_named(std::string_view name);
// "home, ngos, ngo, ..." for usage lines.
std::string screen_names();

// The staff pages lie over the resident's screens while the panel is open.
bool staff_page_open(const Session& s);
Intent draw_staff_page(Ui& ui, Session& s);
// The PIN pad, over the home screen or the panel.
bool pin_pad_open(const Session& s);
Intent draw_pin_pad(Ui& ui, Session& s);

// Space the on-screen keyboard takes at the bottom while a field is focused.
float keyboard_space(const Ui& ui, const Session& s);

}  // namespace aul::kiosk
