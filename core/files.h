// Reading a whole file (a catalogue, a translation, a token, a bundle) and writing one so
// that a power cut never leaves half of it, for every program.
#pragma once
#include <sys/types.h>

#include <cstddef>
#include <string>
#include <string_view>

#include "core/result.h"

namespace aul::core {

// The whole file; an error naming the path and the reason when it cannot be read.
Result<std::string> read_whole_file(const std::string& path);
// The same, refused (before it is read) when the file is larger than `max_bytes`.
Result<std::string> read_whole_file(const std::string& path, std::size_t max_bytes);

// Writes `bytes` to `path` so that `path` holds either its old content or all of the new,
// never a part: a temporary file beside it (mode `mode` whatever the umask), written and
// synced, renamed over `path`, and the folder synced so the rename itself survives a power
// cut or a pulled stick.
Status write_file_atomically(const std::string& path, std::string_view bytes, mode_t mode = 0600);

}  // namespace aul::core
