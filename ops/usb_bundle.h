// Writing the kiosk's undelivered items to a USB stick (the staff panel, kioskctl export).
#pragma once
#include <cstdint>
#include <string>

#include "core/result.h"
#include "sync/bundle.h"

namespace aul::ops {

// Every undelivered item of the data folder `dir` into `file`, signed, written whole or
// not at all, the file and its folder synced; from a connection of its own, so a slow
// stick never holds another connection up. The items stay queued for the online sync.
Result<sync::BundleReport> export_bundle(const std::string& dir, const std::string& file, std::int64_t now_ms);

}  // namespace aul::ops
