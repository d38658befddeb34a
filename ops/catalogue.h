// Loading a catalogue file (assets/demo/FORMAT.md) into the kiosk: `kioskctl
// import-catalog`, and the kiosk filling an empty database at start.
#pragma once
#include <optional>
#include <string>

#include "core/result.h"
#include "store/catalog_store.h"

namespace aul::ops {

// Replaces the catalogue with the file's. A file that cannot be read or is not a valid
// catalogue changes nothing; the error names the file and what is wrong.
Result<store::ImportCounts> import_catalog_file(store::CatalogStore& catalog, const std::string& path);

// Imports the file only into an empty catalogue; nullopt when there was one already.
Result<std::optional<store::ImportCounts>> seed_catalog_if_empty(store::CatalogStore& catalog,
                                                                 const std::string& path);

}  // namespace aul::ops
