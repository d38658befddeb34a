#include "sync/signing.h"

#include <sodium.h>

#include <algorithm>

#include "sync/files.h"
#include "sync/protocol.h"

namespace aul::sync {

static_assert(sizeof(std::array<unsigned char, 64>) == crypto_sign_SECRETKEYBYTES);

Result<SigningKey> SigningKey::generate() {
    if (sodium_init() < 0) return Error{"libsodium could not start"};
    SigningKey key;
    unsigned char pk[crypto_sign_PUBLICKEYBYTES];
    crypto_sign_keypair(pk, key.secret_.data());
    return key;
}

Result<SigningKey> SigningKey::load(const std::string& path) {
    if (sodium_init() < 0) return Error{"libsodium could not start"};
    auto text = read_whole_file(path);
    if (!text) return text.take_error();
    auto bytes = from_base64(*text, crypto_sign_SECRETKEYBYTES);
    sodium_memzero(text->data(), text->size());
    if (!bytes) return Error{"the signing key " + path + " is damaged: run kioskctl signing-key to replace it"};
    SigningKey key;
    std::copy(bytes->begin(), bytes->end(), key.secret_.begin());
    sodium_memzero(bytes->data(), bytes->size());
    return key;
}

Status SigningKey::save(const std::string& path) const {
    std::string text = to_base64(secret_);
    auto written = write_secret_file(path, text);
    sodium_memzero(text.data(), text.size());
    return written;
}

std::string SigningKey::public_key() const {
    unsigned char pk[crypto_sign_PUBLICKEYBYTES];
    crypto_sign_ed25519_sk_to_pk(pk, secret_.data());
    return to_base64(pk);
}

std::string SigningKey::sign(std::string_view bytes) const {
    unsigned char sig[crypto_sign_BYTES];
    crypto_sign_detached(sig, nullptr, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                         secret_.data());
    return to_base64(sig);
}

SigningKey::SigningKey(SigningKey&& o) noexcept : secret_(o.secret_) { sodium_memzero(o.secret_.data(), o.secret_.size()); }

SigningKey::~SigningKey() { sodium_memzero(secret_.data(), secret_.size()); }

bool signature_matches(std::string_view bytes, const std::string& signature_b64, const std::string& public_key_b64) {
    auto sig = from_base64(signature_b64, crypto_sign_BYTES);
    auto pk = from_base64(public_key_b64, crypto_sign_PUBLICKEYBYTES);
    return sig && pk && sodium_init() >= 0 &&
           crypto_sign_verify_detached(sig->data(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                                       pk->data()) == 0;
}

}  // namespace aul::sync
