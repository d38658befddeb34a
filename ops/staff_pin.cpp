#include "ops/staff_pin.h"

#include <sodium.h>

#include "store/staff_access.h"

namespace aul::ops {

void wipe(std::string& secret) {
    sodium_memzero(secret.data(), secret.size());
    secret.clear();
}

Result<std::string> hash_new_pin(std::string& pin) {
    if (auto why = store::check_new_pin(pin); why != store::PinProblem::none) {
        wipe(pin);
        return Error{store::describe(why)};
    }
    auto hash = store::hash_pin(pin);
    wipe(pin);
    return hash;
}

Status save_pin_hash(store::FilingStore& filing, const std::string& hash) {
    return store::StaffAccess(filing).set_pin_hash(hash);
}

Status change_pin(store::FilingStore& filing, std::string& pin) {
    AUL_TRY_ASSIGN(auto hash, hash_new_pin(pin));
    return save_pin_hash(filing, hash);
}

}  // namespace aul::ops
