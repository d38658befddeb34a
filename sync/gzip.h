// gzip for HTTP bodies, both ways: kiosks compress what they send and the server what it
// answers; what arrives compressed is inflated only up to a bound, so a small body that
// would inflate to gigabytes (a "gzip bomb") is refused having used bounded memory.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include "core/result.h"

namespace aul::sync {

// gzip, as Content-Encoding: gzip expects; empty on failure (then sent plain).
// `level`: zlib's 1 (fastest) to 9 (smallest).
std::string gzip(std::string_view in, int level = 9);

// Error code of gunzip() for a body that inflates past its bound.
inline constexpr int kTooLarge = -413;
// The inflated body, at most `max_bytes`; kTooLarge past that, another error for a body
// that is not gzip.
Result<std::string> gunzip(std::string_view in, std::size_t max_bytes);

}  // namespace aul::sync
