// The on-screen keyboard: Kazakh (all 42 letters, the nine Kazakh ones on their own row as
// on the standard Kazakh keyboard), Russian, English, digits and a phone pad. It edits the
// focused text field through Intents, so a key tap never takes focus from the field.
#pragma once
#include <string>
#include <string_view>

#include "core/domain.h"
#include "kiosk/intent.h"
#include "kiosk/ui.h"

namespace aul::kiosk {

enum class KeyLayout { kk, ru, en, digits, phone };

struct KeyboardView {
    KeyLayout layout = KeyLayout::kk;
    bool shift = false;          // the next letter is a capital
    std::string done_label;      // translated "Done"
    std::string space_label;     // translated "Space"
};

// Height the keyboard takes at the bottom of the screen for this layout.
float keyboard_height(const Ui& ui, KeyLayout layout);

// Draws the keyboard across the bottom of the screen. Intents: type_text (text: what to
// insert), backspace, keyboard_layout (text: "next" or "digits"), keyboard_shift, keyboard_done.
// Holding backspace repeats it; the keyboard asks for frames while it is held.
Intent draw_keyboard(Ui& ui, const KeyboardView& v);

// The letter layout that follows `l` on the layout key: ҚАЗ -> РУС -> ENG -> ҚАЗ.
KeyLayout next_letter_layout(KeyLayout l);
std::string_view layout_label(KeyLayout l);

}  // namespace aul::kiosk
