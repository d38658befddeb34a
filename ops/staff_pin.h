// The staff panel's PIN, set from the panel or with `kioskctl set-pin`.
#pragma once
#include <string>

#include "core/result.h"
#include "store/filing_store.h"

namespace aul::ops {

// Overwrites a secret in memory, then empties it.
void wipe(std::string& secret);

// A new PIN checked (4-12 digits, not one digit repeated) and hashed (Argon2id: slow on
// purpose, run it off the UI thread). `pin` is wiped either way.
Result<std::string> hash_new_pin(std::string& pin);
// Keeps the hash as the staff PIN; wrong tries are cleared.
Status save_pin_hash(store::FilingStore& filing, const std::string& hash);
// Both at once (kioskctl set-pin). `pin` is wiped.
Status change_pin(store::FilingStore& filing, std::string& pin);

}  // namespace aul::ops
