// The staff PIN and its lockout, kept in the kiosk database beside everything else so a
// restarted kiosk remembers both. The PIN itself is never stored: only its Argon2id hash
// (libsodium crypto_pwhash_str). Shared by the kiosk's staff panel and `kioskctl set-pin`.
#pragma once
#include <algorithm>
#include <cstdint>
#include <string>

#include "core/result.h"
#include "store/filing_store.h"

namespace aul::store {

inline constexpr std::size_t kPinMinDigits = 4;
inline constexpr std::size_t kPinMaxDigits = 12;
inline constexpr int kPinFreeTries = 5;  // wrong PINs allowed before the first lockout

// Seconds the PIN pad stays locked after `failures` wrong PINs in a row: none for the
// first four, 30 s after the fifth, doubling with each further one up to an hour.
std::int64_t lockout_seconds(int failures);

// What a new PIN must be: 4 to 12 digits, not all one digit.
enum class PinProblem { none, length, not_digits, repeated };
PinProblem check_new_pin(const std::string& pin);
// The problem in words for the command line ("" for none).
std::string describe(PinProblem problem);

// The Argon2id hash of `pin` (crypto_pwhash_str, interactive limits: ~64 MiB, well under
// a second on a board). Slow on purpose; run it off the UI thread.
Result<std::string> hash_pin(const std::string& pin);
// Whether `pin` matches `hash`. Slow on purpose, like hash_pin.
bool pin_matches(const std::string& hash, const std::string& pin);

struct PinState {
    bool pin_set = false;
    std::string hash;              // what to check a PIN against
    int failures = 0;              // wrong PINs in a row
    std::int64_t locked_until_ms = 0;
    // Seconds left before another try is allowed; 0 when the pad is open. Never more than
    // the lockout earned, even if the clock was set back since.
    std::int64_t seconds_locked(std::int64_t now_ms) const {
        if (now_ms >= locked_until_ms) return 0;
        return std::min((locked_until_ms - now_ms + 999) / 1000, lockout_seconds(failures));
    }
    // True when the lockout starts after `now_ms`: the clock was set back since it began.
    bool started_after(std::int64_t now_ms) const {
        return locked_until_ms > 0 && locked_until_ms - 1000 * lockout_seconds(failures) > now_ms;
    }
};

class StaffAccess {
public:
    explicit StaffAccess(FilingStore& filing) : filing_(filing) {}

    Result<PinState> state() const;
    // The state as the pad must use it at `now_ms`: a lockout whose start lies in the
    // future (the clock was set back after it began, e.g. by a time sync) is counted again
    // from now, and saved so, so it ends within its own duration instead of showing its
    // last seconds until the clock catches up.
    Result<PinState> state(std::int64_t now_ms);
    // Replaces the PIN (already checked with pin_problem and hashed) and clears failures.
    Status set_pin_hash(const std::string& hash);
    // Records the verdict of one attempt: a right PIN clears the count, a wrong one adds
    // to it and starts the lockout it earns. Returns the state after.
    Result<PinState> record_attempt(bool right, std::int64_t now_ms);

private:
    FilingStore& filing_;
};

}  // namespace aul::store
