// A kiosk's Ed25519 signing key (libsodium): made at enrolment, kept as a 0600 file in the
// data folder's private/ (only kiosk-sync's user reads it), used to sign USB bundles; the
// national server keeps the public half and checks bundles with it.
#pragma once
#include <array>
#include <string>
#include <string_view>

#include "core/result.h"

namespace aul::sync {

class SigningKey {
public:
    static Result<SigningKey> generate();
    // Reads a key `save` wrote.
    static Result<SigningKey> load(const std::string& path);
    Status save(const std::string& path) const;  // atomically, mode 0600, its folder 0700 if new

    std::string public_key() const;                // base64, as enrolment sends it
    std::string sign(std::string_view bytes) const;  // base64 detached signature

    SigningKey(const SigningKey&) = delete;
    SigningKey& operator=(const SigningKey&) = delete;
    SigningKey(SigningKey&& o) noexcept;
    ~SigningKey();

private:
    SigningKey() = default;
    std::array<unsigned char, 64> secret_{};  // libsodium's seed and public key
};

// True when `signature_b64` is `public_key_b64`'s signature over exactly `bytes`.
bool signature_matches(std::string_view bytes, const std::string& signature_b64, const std::string& public_key_b64);

}  // namespace aul::sync
