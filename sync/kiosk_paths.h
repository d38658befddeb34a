// The files of a kiosk's data folder, as sync names them (store/kiosk_paths.h).
#pragma once
#include "store/kiosk_paths.h"

namespace aul::sync {
using store::KioskPaths;
}  // namespace aul::sync
