// UUIDv7 (RFC 9562): 48-bit Unix milliseconds, then random bits. Made on the kiosk for
// every filed item, so the national server can deduplicate resent items by id, and ids
// sort by creation time.
#pragma once
#include <array>
#include <cstdint>
#include <string>

namespace aul::core {

// The 16 random-ish bytes come from the caller (a CSPRNG in production), so the layout is
// testable; unix_ms is the creation time.
std::string uuid_v7(std::uint64_t unix_ms, const std::array<std::uint8_t, 10>& random);

// A fresh UUIDv7 for now, random bits from the operating system's CSPRNG.
std::string new_uuid_v7();

bool is_uuid(const std::string& s);

}  // namespace aul::core
