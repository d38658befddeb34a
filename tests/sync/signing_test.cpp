// A kiosk's signing key: kept in a 0600 file, its public half carried by the enrolment
// request (checked like every field) and kept by the server with the kiosk, also in a
// database from before signing keys.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "store/common.h"
#include "store/schema.h"
#include "sync/files.h"
#include "sync/kiosk_paths.h"
#include "sync/protocol.h"
#include "old_server_db.h"
#include "sync/server/server_store.h"
#include "sync/signing.h"

using namespace aul;
using namespace aul::sync;

namespace {
std::string must(Result<std::string> r) {
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error()));
    return *r;
}
}  // namespace

TEST_CASE("a signing key survives its file, signs, and its signature checks only the bytes it signed") {
    TempDir dir;
    auto key = SigningKey::generate();
    REQUIRE(key.ok());
    REQUIRE(key->save(dir.file("key")).ok());
    struct stat st {};
    REQUIRE(::stat(dir.file("key").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    auto back = SigningKey::load(dir.file("key"));
    REQUIRE(back.ok());
    CHECK(back->public_key() == key->public_key());
    CHECK(from_base64(key->public_key(), kSigningKeyBytes).has_value());

    std::string signature = back->sign("payload");
    CHECK(signature_matches("payload", signature, key->public_key()));
    CHECK_FALSE(signature_matches("payloaD", signature, key->public_key()));
    CHECK_FALSE(signature_matches("payload", signature, SigningKey::generate()->public_key()));
    CHECK_FALSE(signature_matches("payload", "not base64", key->public_key()));

    REQUIRE(write_file_atomically(dir.file("key"), "short").ok());
    CHECK(SigningKey::load(dir.file("key")).error().find("damaged") != std::string::npos);
}

TEST_CASE("secrets go into private/, made 0700 when missing; a link in its place is refused") {
    mode_t saved = ::umask(022);
    TempDir dir;
    KioskPaths paths{dir.path};
    auto key = SigningKey::generate();
    REQUIRE(key.ok());
    REQUIRE(key->save(paths.signing_key()).ok());
    auto mode = [](const std::string& path) {
        struct stat st {};
        REQUIRE_MESSAGE(::lstat(path.c_str(), &st) == 0, path);
        return st.st_mode & 07777;
    };
    CHECK(paths.signing_key() == dir.file("private/kiosk-signing-key"));
    CHECK(mode(paths.private_dir()) == 0700);
    CHECK(mode(paths.signing_key()) == 0600);
    REQUIRE(write_secret_file(paths.token(), "token").ok());
    CHECK(mode(paths.token()) == 0600);

    // Files others may read are written with exactly the mode asked, whatever the umask.
    REQUIRE(write_file_atomically(dir.file("shared"), "bytes", 0640).ok());
    CHECK(mode(dir.file("shared")) == 0640);

    TempDir elsewhere;
    KioskPaths planted{dir.file("planted")};
    REQUIRE(::mkdir(planted.dir.c_str(), 0700) == 0);
    REQUIRE(::symlink(elsewhere.path.c_str(), planted.private_dir().c_str()) == 0);
    auto refused = write_secret_file(planted.token(), "token");
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().find("not a folder") != std::string::npos);
    CHECK(std::filesystem::is_empty(elsewhere.path));
    ::umask(saved);
}

TEST_CASE("the enrolment request carries the signing key, checked like every field") {
    auto key = SigningKey::generate();
    EnrollRequest req{"NTUUDPSTGR", "KZ-19", "", "Талғар", "KZ24", key->public_key()};
    auto back = decode_enroll_request(encode(req));
    REQUIRE(back.ok());
    CHECK(back->signing_key == key->public_key());

    CHECK(decode_enroll_request(R"({"enrollment_code": "C"})")->signing_key.empty());  // a kiosk older than bundles
    for (const char* bad : {R"("not base64!")", R"("AAAA")", R"(5)",
                            // base64 of 31 and of 33 bytes
                            R"("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==")",
                            R"("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")"}) {
        auto r = decode_enroll_request(std::string(R"({"enrollment_code": "C", "signing_key": )") + bad + "}");
        REQUIRE_FALSE(r.ok());
        CHECK_MESSAGE(r.error().find("signing_key") != std::string::npos, r.error());
    }
}

TEST_CASE("a server database from before signing keys keeps its kiosks and gains the column") {
    TempDir dir;
    std::string token;
    {
        auto s = ServerStore::open(dir.file("server"));
        REQUIRE(s.ok());
        auto k = s->enroll({must(s->new_enrollment_code()), "KZ-19", "", "", "KZ24", ""});
        REQUIRE(k.ok());
        token = k->token;
    }
    test::make_version_4(dir.file("server"));
    {  // as the server left it before versions were counted: no signing_key, user_version 0
        auto db = store::Db::open(dir.file("server") + "/national.db");
        REQUIRE(db.ok());
        REQUIRE(db->exec("DROP TABLE tracking_secret; DROP TABLE lookup_counts; DROP INDEX status_changes_by_code; "
                         "ALTER TABLE kiosks DROP COLUMN issued_sequence; "
                         "ALTER TABLE kiosks DROP COLUMN signing_key; DROP TABLE kiosk_keys; "
                         "ALTER TABLE enrollment_codes DROP COLUMN for_kiosk; "
                         "ALTER TABLE enrollment_codes DROP COLUMN spent_key; "
                         "ALTER TABLE enrollment_codes DROP COLUMN used_ms; PRAGMA user_version=0")
                    .ok());
    }
    auto s = ServerStore::open(dir.file("server"));
    REQUIRE_MESSAGE(s.ok(), (s.ok() ? "" : s.error()));
    auto k = s->kiosk_for_token(token);
    REQUIRE(k.ok());
    REQUIRE(k->has_value());
    CHECK((*k)->code == "KZ24");
    CHECK((*k)->signing_key.empty());
    auto db = store::Db::open(dir.file("server") + "/national.db");
    CHECK(*store::schema_version(*db) == 5);  // brought up to the latest
    CHECK(*db->scalar_int("SELECT count(*) FROM kiosk_keys") == 0);  // no key to keep
}
