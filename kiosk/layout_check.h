// The layout check: what a resident would find wrong with a drawn screen, read from the
// facts the widgets recorded (kiosk/ui.h), not from pixels. The script player runs it
// after every step of every UI test, at every screen size the tests use.
#pragma once
#include <string>
#include <vector>

#include "kiosk/ui.h"

namespace aul::kiosk {

struct LayoutRules {
    ImVec2 screen;            // px
    float target_min = 0;     // smallest edge of a tap target, px
    float key_min = 0;        // smallest edge of an on-screen keyboard key, px
    float px_per_mm = 1;      // to say sizes in millimetres
};

// One line per problem, naming the items: targets that overlap or lie partly under the
// keyboard or a dialog, targets cut off where no scrolling brings them into view, labels
// cut short or broken inside a word, targets below the minimum size, text drawn over text.
std::vector<std::string> layout_problems(const std::vector<UiItem>& items, const std::vector<UiCover>& covers,
                                         const LayoutRules& rules);

}  // namespace aul::kiosk
