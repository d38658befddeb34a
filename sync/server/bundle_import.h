// The national office's side of USB bundles: a bundle carried from an offline kiosk is
// checked against that kiosk's public key and stored through the same deduplication as an
// online push.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "sync/protocol.h"
#include "sync/server/server_store.h"

namespace aul::sync {

struct ImportReport {
    std::string kiosk_code;
    std::int64_t created_ms = 0;  // when the kiosk wrote the bundle
    std::size_t stored = 0, duplicates = 0, conflicts = 0, rejected = 0;
    std::vector<ItemResult> refused;  // the conflicts and rejections, with their reasons
};

// Stores the items of a bundle from an enrolled, unrevoked kiosk whose signature checks.
// Anything wrong with the file, its signer or its signature refuses the whole bundle
// before a single item is stored. Importing a bundle again stores nothing new.
Result<ImportReport> import_bundle(ServerStore& store, std::string_view file, std::int64_t now_ms);

}  // namespace aul::sync
