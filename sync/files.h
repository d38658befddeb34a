// Whole-file reads and crash-safe writes for the small files sync keeps (token, CA, signing
// key) and for USB bundles, which may be pulled out of the board at any moment.
#pragma once
#include <string>
#include <string_view>

#include "core/files.h"
#include "core/result.h"

namespace aul::sync {

// The whole file; an error naming the path when it cannot be read.
using core::read_whole_file;

// Writes `bytes` to `path` so that `path` holds either its old content or all of the new,
// never a part: a temporary file beside it (mode 0600), written and synced, renamed over
// `path`, and the folder synced so the rename itself survives a power cut or a pulled stick.
Status write_file_atomically(const std::string& path, std::string_view bytes);

}  // namespace aul::sync
