// Whole-file reads and crash-safe writes for the small files sync keeps (token, CA, signing
// key) and for USB bundles, which may be pulled out of the board at any moment.
#pragma once
#include <sys/types.h>

#include <string>
#include <string_view>

#include "core/files.h"
#include "core/result.h"

namespace aul::sync {

// The whole file; an error naming the path when it cannot be read.
using core::read_whole_file;

using core::write_file_atomically;

// Makes `folder` with exactly `mode` when it is missing. An existing folder is kept as it
// is (the package or the operator set its owner and mode); a symbolic link or a file there
// is refused, so nothing is ever written through a link planted in its place.
Status make_folder(const std::string& folder, mode_t mode);

// A secret of the data folder's private/ (KioskPaths): the folder made 0700 if missing,
// then the file written as write_file_atomically does, mode 0600.
Status write_secret_file(const std::string& path, std::string_view bytes);

}  // namespace aul::sync
