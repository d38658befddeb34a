// The national server's secrets, kept in one file of its data folder (server.keys, mode
// 0600), never in the database: the key pair kiosks seal residents' contact details to,
// and the secret every kiosk code's tracking key is derived from. A database copy, a
// standby or a backup holds none of them.
//
// Every instance serving one database needs the same file: the database records the public
// key and a fingerprint of the tracking secret, and an instance whose file does not match
// refuses to start.
#pragma once
#include <sodium.h>

#include <array>
#include <string>

#include "core/result.h"
#include "sync/server/sql.h"

namespace aul::sync {

struct ServerKeys {
    std::array<unsigned char, crypto_box_PUBLICKEYBYTES> contact_public{};
    std::array<unsigned char, crypto_box_SECRETKEYBYTES> contact_secret{};
    std::array<unsigned char, crypto_generichash_KEYBYTES> tracking_secret{};
    ~ServerKeys() {
        sodium_memzero(contact_secret.data(), contact_secret.size());
        sodium_memzero(tracking_secret.data(), tracking_secret.size());
    }
    std::string public_key_b64() const;
    // Names the tracking secret without revealing it (stored in the database to compare).
    std::string tracking_fingerprint() const;
};

inline constexpr const char* kServerKeysFile = "server.keys";

// The keys of DIR/server.keys, checked against what the database recorded. A server
// starting for the first time (no file, nothing recorded) makes them; a database set up by
// another instance with no file here is refused with what to copy.
Result<ServerKeys> load_or_make_keys(const std::string& dir, sql::Connection& db);

// Writes keys an older server kept in its SQLite database to DIR/server.keys (when that file
// is missing), before the migration that drops them from the database.
Status export_database_keys(const std::string& dir, sql::Connection& db);

}  // namespace aul::sync
