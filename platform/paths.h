// Where the kiosk finds its read-only assets (translations, demo catalogue).
#pragma once
#include <string>

namespace aul::platform {

// $AUL_ASSETS if set; else PREFIX/share/aul beside an installed PREFIX/bin program; else
// the source tree's assets/ for a development build; else /usr/share/aul.
std::string assets_dir();

// Reads a whole file (core::read_whole_file); false with `error` set when it cannot.
bool read_file(const std::string& path, std::string& out, std::string& error);

}  // namespace aul::platform
