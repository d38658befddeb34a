// The catalogue file format (assets/demo/FORMAT.md): decoding with validation.
#pragma once
#include <string_view>

#include "core/domain.h"
#include "core/result.h"

namespace aul::core {

// Decodes and checks a catalogue document: well-formed JSON, valid UTF-8 (stored NFC),
// valid BINs, unique ids, every region/district/category/NGO reference resolving.
// The error names the first offending record, e.g. "ngos[17] (ngo-000018): invalid BIN".
// With `check_references` false (a page of a delta), references to records outside the
// document are accepted; everything else is checked the same.
Result<Catalog> parse_catalog(std::string_view json, bool check_references = true);

}  // namespace aul::core
