#include "sync/server/server_keys.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <nlohmann/json.hpp>

#include "sync/files.h"
#include "sync/protocol.h"

namespace aul::sync {

namespace {

constexpr std::size_t kMaxKeysFileBytes = 4096;

template <std::size_t N>
bool decode_into(const nlohmann::json& j, const char* field, std::array<unsigned char, N>& out) {
    auto it = j.find(field);
    if (it == j.end() || !it->is_string()) return false;
    auto bytes = from_base64(it->get<std::string>(), N);
    if (!bytes) return false;
    std::copy(bytes->begin(), bytes->end(), out.begin());
    sodium_memzero(bytes->data(), bytes->size());
    return true;
}

std::string encode_keys(const ServerKeys& k) {
    return nlohmann::json{{"contact_public_key", to_base64(k.contact_public)},
                          {"contact_secret_key", to_base64(k.contact_secret)},
                          {"tracking_secret", to_base64(k.tracking_secret)}}
               .dump(2) +
           "\n";
}

// The file's keys; an error naming the file when it is unreadable, open to others, or not
// a key file.
Result<ServerKeys> read_keys(const std::string& path) {
    struct stat st{};
    if (::stat(path.c_str(), &st) != 0) return Error{"cannot read " + path + ": " + std::strerror(errno)};
    if ((st.st_mode & 077) != 0)
        return Error{path + " can be read by other users: it opens every resident's contact details; "
                     "run chmod 600 " + path + " (and check who copied it)"};
    AUL_TRY_ASSIGN(auto text, read_whole_file(path, kMaxKeysFileBytes));
    auto j = nlohmann::json::parse(text, nullptr, false);
    sodium_memzero(text.data(), text.size());
    ServerKeys k;
    if (!j.is_object() || !decode_into(j, "contact_public_key", k.contact_public) ||
        !decode_into(j, "contact_secret_key", k.contact_secret) || !decode_into(j, "tracking_secret", k.tracking_secret))
        return Error{path + " is not a national server key file (it needs contact_public_key, contact_secret_key "
                     "and tracking_secret in base64)"};
    unsigned char derived[crypto_box_PUBLICKEYBYTES];
    crypto_scalarmult_base(derived, k.contact_secret.data());
    if (sodium_memcmp(derived, k.contact_public.data(), sizeof derived) != 0)
        return Error{path + ": its contact secret key does not match its public key"};
    return k;
}

ServerKeys fresh_keys() {
    ServerKeys k;
    crypto_box_keypair(k.contact_public.data(), k.contact_secret.data());
    randombytes_buf(k.tracking_secret.data(), k.tracking_secret.size());
    return k;
}

bool exists(const std::string& path) { return ::access(path.c_str(), F_OK) == 0; }

}  // namespace

std::string ServerKeys::public_key_b64() const { return to_base64(contact_public); }

std::string ServerKeys::tracking_fingerprint() const {
    static constexpr char kLabel[] = "aul tracking secret fingerprint";
    unsigned char h[16];
    crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(kLabel), sizeof kLabel - 1,
                       tracking_secret.data(), tracking_secret.size());
    return to_base64(std::span<const unsigned char>(h, sizeof h));
}

Result<ServerKeys> load_or_make_keys(const std::string& dir, sql::Connection& db) {
    const std::string path = dir + "/" + kServerKeysFile;
    auto recorded = [&]() -> Result<sql::Rows> {
        return db.query("SELECT contact_public_key, tracking_fingerprint FROM server_identity WHERE id = 1");
    };
    AUL_TRY_ASSIGN(auto identity, recorded());
    if (!exists(path)) {
        if (!identity.empty())
            return Error{"the database " + db.describe() + " was set up with keys that " + path +
                         " should hold, and it is missing: copy server.keys from the data folder of the instance "
                         "that set it up (mode 0600); without it no resident's contact details can be opened"};
        ServerKeys made = fresh_keys();
        AUL_TRY_CONTEXT(write_file_atomically(path, encode_keys(made), 0600), "writing the server's keys: ");
        // Two instances starting together on an empty database: the first to record wins.
        AUL_TRY(db.execute("INSERT INTO server_identity(id, contact_public_key, tracking_fingerprint) "
                           "VALUES (1, ?1, ?2) ON CONFLICT(id) DO NOTHING",
                           {made.public_key_b64(), made.tracking_fingerprint()}));
        AUL_TRY_ASSIGN(identity, recorded());
        if (identity.empty() || identity[0].text(0) != made.public_key_b64()) {
            ::unlink(path.c_str());
            return Error{"another instance set up the database " + db.describe() +
                         " at the same moment: copy its server.keys into " + dir + " and start again"};
        }
        return made;
    }
    AUL_TRY_ASSIGN(auto keys, read_keys(path));
    if (identity.empty()) {
        AUL_TRY(db.execute("INSERT INTO server_identity(id, contact_public_key, tracking_fingerprint) "
                           "VALUES (1, ?1, ?2) ON CONFLICT(id) DO NOTHING",
                           {keys.public_key_b64(), keys.tracking_fingerprint()}));
        AUL_TRY_ASSIGN(identity, recorded());
    }
    if (identity.empty() || identity[0].text(0) != keys.public_key_b64() ||
        identity[0].text(1) != keys.tracking_fingerprint())
        return Error{path + " does not hold the keys the database " + db.describe() +
                     " was set up with: copy server.keys from an instance already serving it"};
    return keys;
}

Status export_database_keys(const std::string& dir, sql::Connection& db) {
    const std::string path = dir + "/" + kServerKeysFile;
    AUL_TRY_ASSIGN(auto has_table,
                   db.scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'keys'"));
    if (has_table == 0 || exists(path)) return ok_status();
    AUL_TRY_ASSIGN(auto pair, db.query("SELECT hex(public_key), hex(secret_key) FROM keys WHERE id = 1"));
    AUL_TRY_ASSIGN(auto secret, db.query("SELECT hex(secret) FROM tracking_secret WHERE id = 1"));
    if (pair.empty() || secret.empty()) return ok_status();  // made fresh once the tables are gone
    ServerKeys k;
    auto from_hex = [](const std::string& hex, auto& out) {
        std::size_t len = 0;
        return sodium_hex2bin(out.data(), out.size(), hex.data(), hex.size(), nullptr, &len, nullptr) == 0 &&
               len == out.size();
    };
    if (!from_hex(pair[0].text(0), k.contact_public) || !from_hex(pair[0].text(1), k.contact_secret) ||
        !from_hex(secret[0].text(0), k.tracking_secret))
        return Error{"the keys in " + db.describe() + " are damaged: restore the server's database from a backup"};
    return write_file_atomically(path, encode_keys(k), 0600);
}

}  // namespace aul::sync
