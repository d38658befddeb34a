// Where the kiosk finds its read-only assets (translations, demo catalogue).
#pragma once
#include <string>

namespace aul::platform {

// $AUL_ASSETS if set; else PREFIX/share/aul beside an installed PREFIX/bin program; else
// the source tree's assets/ for a development build; else /usr/share/aul.
std::string assets_dir();
}  // namespace aul::platform
