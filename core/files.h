// Reading a whole file (a catalogue, a translation, a token, a bundle) for every program.
#pragma once
#include <cstddef>
#include <string>

#include "core/result.h"

namespace aul::core {

// The whole file; an error naming the path and the reason when it cannot be read.
Result<std::string> read_whole_file(const std::string& path);
// The same, refused (before it is read) when the file is larger than `max_bytes`.
Result<std::string> read_whole_file(const std::string& path, std::size_t max_bytes);

}  // namespace aul::core
