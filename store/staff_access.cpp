#include "store/staff_access.h"

#include <sodium.h>

#include <algorithm>
#include <cstdlib>

namespace aul::store {

namespace {
constexpr const char* kHashKey = "staff_pin_hash";
constexpr const char* kFailuresKey = "staff_pin_failures";
constexpr const char* kLockedUntilKey = "staff_pin_locked_until_ms";
constexpr std::int64_t kFirstLockout = 30, kLongestLockout = 3600;
}  // namespace

std::int64_t lockout_seconds(int failures) {
    if (failures < kPinFreeTries) return 0;
    std::int64_t s = kFirstLockout;
    for (int i = kPinFreeTries; i < failures && s < kLongestLockout; ++i) s *= 2;
    return std::min(s, kLongestLockout);
}

PinProblem check_new_pin(const std::string& pin) {
    if (pin.size() < kPinMinDigits || pin.size() > kPinMaxDigits) return PinProblem::length;
    if (!std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; })) return PinProblem::not_digits;
    if (std::all_of(pin.begin(), pin.end(), [&](char c) { return c == pin[0]; })) return PinProblem::repeated;
    return PinProblem::none;
}

std::string describe(PinProblem problem) {
    switch (problem) {
        case PinProblem::none: return {};
        case PinProblem::length: return "a PIN has 4 to 12 digits";
        case PinProblem::not_digits: return "a PIN has digits only";
        case PinProblem::repeated: return "a PIN of one digit repeated is too easy to guess";
    }
    return {};
}

Result<std::string> hash_pin(const std::string& pin) {
    if (sodium_init() < 0) return Error{"libsodium could not start"};
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
        return Error{"not enough memory to hash the PIN"};
    return std::string(out);
}

bool pin_matches(const std::string& hash, const std::string& pin) {
    return sodium_init() >= 0 && !hash.empty() &&
           crypto_pwhash_str_verify(hash.c_str(), pin.data(), pin.size()) == 0;
}

Result<PinState> StaffAccess::state() const {
    PinState s;
    auto hash = filing_.setting(kHashKey);
    auto failures = filing_.setting(kFailuresKey);
    auto until = filing_.setting(kLockedUntilKey);
    AUL_TRY(hash);
    AUL_TRY(failures);
    AUL_TRY(until);
    s.hash = *hash;
    s.pin_set = !hash->empty();
    s.failures = std::atoi(failures->c_str());
    s.locked_until_ms = std::atoll(until->c_str());
    return s;
}

Result<PinState> StaffAccess::state(std::int64_t now_ms) {
    auto s = state();
    if (!s || !s->started_after(now_ms)) return s;
    AUL_TRY_ASSIGN(auto tx, WriteTx::begin(filing_.db()));
    s = state();  // read again inside the transaction: a wrong PIN may have been counted meanwhile
    if (!s) return s.take_error();
    if (!s->started_after(now_ms)) return s;
    s->locked_until_ms = now_ms + 1000 * lockout_seconds(s->failures);
    AUL_TRY(filing_.set_setting(kLockedUntilKey, std::to_string(s->locked_until_ms)));
    AUL_TRY(tx.commit());
    return s;
}

Status StaffAccess::set_pin_hash(const std::string& hash) {
    return filing_.set_settings({{kHashKey, hash}, {kFailuresKey, "0"}, {kLockedUntilKey, "0"}});
}

Result<PinState> StaffAccess::record_attempt(bool right, std::int64_t now_ms) {
    AUL_TRY_ASSIGN(auto tx, WriteTx::begin(filing_.db()));
    auto s = state();  // read inside the transaction: two panels cannot both miscount
    if (!s) return s.take_error();
    s->failures = right ? 0 : s->failures + 1;
    s->locked_until_ms = right ? 0 : now_ms + 1000 * lockout_seconds(s->failures);
    AUL_TRY(filing_.set_setting(kFailuresKey, std::to_string(s->failures)));
    AUL_TRY(filing_.set_setting(kLockedUntilKey, std::to_string(s->locked_until_ms)));
    AUL_TRY(tx.commit());
    return s;
}

}  // namespace aul::store
