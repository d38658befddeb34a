// A SQLite server folder turned back into what a version-4 server left: its keys inside the
// database (tables keys and tracking_secret, as blobs), no server.keys, no server_identity.
// Upgrade tests start from here and drop what earlier versions lacked.
#pragma once
#include <doctest/doctest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <nlohmann/json.hpp>
#include <string>

#include "core/files.h"
#include "store/db.h"
#include "sync/protocol.h"

namespace aul::test {

inline void make_version_4(const std::string& dir) {
    auto text = core::read_whole_file(dir + "/server.keys");
    REQUIRE(text.ok());
    auto keys = nlohmann::json::parse(*text);
    auto db = store::Db::open(dir + "/national.db");
    REQUIRE(db.ok());
    REQUIRE(db->exec("CREATE TABLE keys(id INTEGER PRIMARY KEY CHECK(id = 1), public_key BLOB NOT NULL, "
                     "secret_key BLOB NOT NULL); "
                     "CREATE TABLE tracking_secret(id INTEGER PRIMARY KEY CHECK(id = 1), secret BLOB NOT NULL); "
                     "DROP TABLE server_identity; PRAGMA user_version=4")
                .ok());
    auto blob = [&](const char* field) { return *sync::from_base64(keys[field].get<std::string>()); };
    auto pk = blob("contact_public_key"), sk = blob("contact_secret_key"), secret = blob("tracking_secret");
    auto put = db->prepare("INSERT INTO keys(id, public_key, secret_key) VALUES (1, ?1, ?2)");
    REQUIRE(put.ok());
    sqlite3_bind_blob(put->raw(), 1, pk.data(), static_cast<int>(pk.size()), SQLITE_TRANSIENT);
    sqlite3_bind_blob(put->raw(), 2, sk.data(), static_cast<int>(sk.size()), SQLITE_TRANSIENT);
    REQUIRE(put->run().ok());
    auto put_secret = db->prepare("INSERT INTO tracking_secret(id, secret) VALUES (1, ?1)");
    REQUIRE(put_secret.ok());
    sqlite3_bind_blob(put_secret->raw(), 1, secret.data(), static_cast<int>(secret.size()), SQLITE_TRANSIENT);
    REQUIRE(put_secret->run().ok());
    REQUIRE(::unlink((dir + "/server.keys").c_str()) == 0);
}

}  // namespace aul::test
