// The on-screen keyboard: Kazakh (all 42 letters, the nine Kazakh ones on their own row as
// on the standard Kazakh keyboard), Russian, English, digits and a phone pad. It edits the
// focused text field through Intents, so a key tap never takes focus from the field.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/domain.h"
#include "kiosk/session/fields.h"
#include "kiosk/session/intent.h"
#include "kiosk/ui.h"

namespace aul::kiosk {

struct KeyboardView {
    KeyLayout layout = KeyLayout::kk;
    bool shift = false;          // the next letter is a capital
    std::string done_label;      // translated "Done", or "Next" when Done moves to the next field
    std::string space_label;     // translated "Space"
    std::string done_icon = "check";
};

// The letters and signs of a layout's letter rows, a key each, as its keys are named
// (`keyboard.key.<letter>`, lower case).
std::vector<std::string> letter_keys(KeyLayout layout);

// Height the keyboard takes at the bottom of the screen for this layout.
float keyboard_height(const Ui& ui, KeyLayout layout);

// Draws the keyboard across the bottom of the screen. Intents: type_text (text: what to
// insert), backspace, keyboard_next_layout, keyboard_digits, keyboard_shift, keyboard_done.
// Holding backspace repeats it; the keyboard asks for frames while it is held.
Intent draw_keyboard(Ui& ui, const KeyboardView& v);

std::string_view layout_label(KeyLayout l);

}  // namespace aul::kiosk
