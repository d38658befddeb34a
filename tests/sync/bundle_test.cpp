// USB bundles: a kiosk exports its outbox signed, the national server imports it through
// the online path's deduplication, and refuses anything that is not exactly what an
// enrolled, unrevoked kiosk signed.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include "sample_drafts.h"

#include <algorithm>
#include <filesystem>
#include <optional>

#include "core/proposal.h"
#include "core/uuid.h"
#include "store/catalog_store.h"
#include "store/common.h"
#include "store/filing_store.h"
#include "sync/bundle.h"
#include "sync/files.h"
#include "sync/outbox.h"
#include "sync/signing.h"
#include "sync/server/bundle_import.h"
#include "sync/server/server_store.h"
#include "test_server.h"
#include "test_files.h"

using namespace aul;
using namespace aul::sync;

namespace {

// A national server and kiosks enrolled with it the way sync::enroll does, minus the network.
struct Office {
    TempDir dir;
    std::optional<ServerStore> server;
    Office() {
        auto opened = test::open_test_server(dir.file("server"));
        REQUIRE_MESSAGE(opened.ok(), (opened.ok() ? "" : opened.error()));
        server.emplace(std::move(*opened));
    }
    std::int64_t proposals() const {
        auto lines = server->proposals_json();
        REQUIRE(lines.ok());
        return std::count(lines->begin(), lines->end(), '\n');
    }
    std::int64_t signups() const { return *server->signup_count(); }
};

struct Village {  // a kiosk's data folder, enrolled
    TempDir dir;
    KioskPaths paths{dir.path};
    std::optional<store::FilingStore> filing;
    std::string id, code;

    explicit Village(Office& office, const std::string& installed_code) {
        auto db = store::open_kiosk_db(paths.db());
        REQUIRE(db.ok());
        auto fs = store::FilingStore::open(std::move(*db));
        REQUIRE(fs.ok());
        filing.emplace(std::move(*fs));
        auto key = SigningKey::generate();
        REQUIRE(key.ok());
        EnrollRequest req;
        auto enrolment_code = office.server->new_enrollment_code();
        REQUIRE(enrolment_code.ok());
        req.enrollment_code = *enrolment_code;
        req.kiosk_code = installed_code;
        req.signing_key = key->public_key();
        auto enrolled = office.server->enroll(req);
        REQUIRE(enrolled.ok());
        id = enrolled->kiosk_id;
        code = enrolled->kiosk_code;
        REQUIRE(filing->set_kiosk_code(code).ok());
        REQUIRE(filing->set_national_key(enrolled->public_key).ok());
        REQUIRE(filing->set_setting("kiosk_id", id).ok());
        REQUIRE(key->save(paths.signing_key()).ok());
    }

    void file_proposals(int count, bool named) {
        for (int i = 0; i < count; ++i) {
            core::ProposalDraft d = sample_proposal(i, named);
            REQUIRE(core::clean_and_check(d).empty());
            REQUIRE(filing->file_proposal(d, kSampleFiledMs + i).ok());
        }
    }

    void file_signups(int count) {
        for (int i = 0; i < count; ++i) {
            core::SignupDraft s;
            s.ngo = "ngo-000001";
            s.name = "Данияр Оспанов";
            s.phone = "+77027654321";
            s.consent = true;
            REQUIRE(core::clean_and_check(s).empty());
            REQUIRE(filing->file_signup(s, kSampleFiledMs + 1000 + i).ok());
        }
    }

    BundleReport export_to(const std::string& file) {
        auto rep = export_bundle(paths, *filing, file, 5000);
        REQUIRE_MESSAGE(rep.ok(), (rep.ok() ? "" : rep.error()));
        return *rep;
    }
};

// The import must be refused, with a message containing `why`, and store nothing.
void refused(Office& office, std::string_view file, const std::string& why) {
    auto before_p = office.proposals(), before_s = office.signups();
    auto rep = import_bundle(*office.server, file, kSampleReceivedMs);
    REQUIRE_FALSE(rep.ok());
    CHECK_MESSAGE(rep.error().find(why) != std::string::npos, rep.error());
    CHECK(rep.error().find('\n') == std::string::npos);  // one line for the operator
    CHECK(office.proposals() == before_p);
    CHECK(office.signups() == before_s);
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("a bundle carries every waiting item; the server stores each once and the outbox keeps them") {
    Office office;
    Village kiosk(office, "KZ24");
    kiosk.file_proposals(60, false);
    kiosk.file_proposals(3, true);
    kiosk.file_signups(4);
    TempDir stick;
    auto rep = kiosk.export_to(stick.file("kz24.aul"));
    CHECK(rep.proposals == 63);
    CHECK(rep.signups == 4);
    CHECK(rep.held_back == 0);
    CHECK(rep.file == stick.file("kz24.aul"));
    CHECK(*kiosk.filing->unsent_count() == 67);  // exporting delivers nothing
    CHECK(std::distance(std::filesystem::directory_iterator(stick.path), {}) == 1);  // no partial file left

    std::string bytes = slurp(stick.file("kz24.aul"));
    auto opened = open_bundle(bytes, office.server->kiosk_by_id(kiosk.id)->value().signing_key);
    REQUIRE_MESSAGE(opened.ok(), (opened.ok() ? "" : opened.error()));
    CHECK(opened->manifest.kiosk_code == "KZ24");
    CHECK(opened->manifest.created_ms == 5000);
    CHECK(opened->batches.size() == 2);  // 67 items in submissions of at most 50

    auto first = import_bundle(*office.server, bytes, kSampleReceivedMs);
    REQUIRE_MESSAGE(first.ok(), (first.ok() ? "" : first.error()));
    CHECK(first->kiosk_code == "KZ24");
    CHECK(first->stored == 67);
    CHECK(first->duplicates == 0);
    CHECK(office.proposals() == 63);
    CHECK(office.signups() == 4);

    auto again = import_bundle(*office.server, bytes, 9100);
    REQUIRE(again.ok());
    CHECK(again->stored == 0);
    CHECK(again->duplicates == 67);
    CHECK(office.proposals() == 63);
    CHECK(office.signups() == 4);
}

TEST_CASE("an import answers conflicts and rejections item by item, with the reasons, storing the rest") {
    Office office;
    Village kiosk(office, "KZ24");
    kiosk.file_proposals(3, false);
    TempDir stick;
    kiosk.export_to(stick.file("b.aul"));
    // The server holds the first item's id with other content already.
    auto waiting = outbox_submission(*kiosk.filing, 10);
    REQUIRE(waiting.ok());
    ProposalItem changed = waiting->proposals[0];
    changed.title = "Басқа";
    auto k = office.server->kiosk_by_id(kiosk.id)->value();
    REQUIRE(office.server->submit(k, {{changed}, {}}, kSampleReceivedMs - 1000).ok());

    auto rep = import_bundle(*office.server, slurp(stick.file("b.aul")), kSampleReceivedMs);
    REQUIRE(rep.ok());
    CHECK(rep->stored == 2);
    CHECK(rep->conflicts == 1);
    REQUIRE(rep->refused.size() == 1);
    CHECK(rep->refused[0].id == changed.id);
    CHECK(rep->refused[0].reason.find("other content") != std::string::npos);
    CHECK(office.proposals() == 3);
}

TEST_CASE("contact details travel sealed: the plaintext never appears in the bundle") {
    Office office;
    Village kiosk(office, "KZ24");
    kiosk.file_proposals(2, true);
    kiosk.file_signups(1);
    TempDir stick;
    kiosk.export_to(stick.file("b.aul"));
    std::string bytes = slurp(stick.file("b.aul"));
    for (const char* plain : {"Айгүл", "Сәрсенова", "77011234567", "Данияр", "Оспанов", "77027654321"})
        CHECK_MESSAGE(bytes.find(plain) == std::string::npos, plain);
    CHECK(bytes.find("Су құбыры 1") != std::string::npos);  // the proposal itself is there

    REQUIRE(import_bundle(*office.server, bytes, kSampleReceivedMs).ok());
    auto code = kiosk.filing->latest_tracking_code();
    REQUIRE(code.ok());
    auto contact = office.server->open_contact(*code);
    REQUIRE_MESSAGE(contact.ok(), (contact.ok() ? "" : contact.error()));
    CHECK(contact->find("Айгүл Сәрсенова") != std::string::npos);
}

TEST_CASE("contact details stored unsealed (by a kiosk older than sealing) are held back, never written") {
    Office office;
    Village kiosk(office, "KZ24");
    kiosk.file_proposals(2, true);
    kiosk.file_signups(1);
    REQUIRE(kiosk.filing->db()
                .exec("UPDATE proposals SET contact = '{\"name\":\"Гүлнар\",\"phone\":\"+77059998877\"}' "
                      "WHERE sequence = (SELECT min(sequence) FROM proposals)")
                .ok());
    TempDir stick;
    auto rep = kiosk.export_to(stick.file("b.aul"));
    CHECK(rep.proposals == 1);
    CHECK(rep.signups == 1);
    CHECK(rep.held_back == 1);
    std::string bytes = slurp(stick.file("b.aul"));
    CHECK(bytes.find("Гүлнар") == std::string::npos);
    CHECK(bytes.find("77059998877") == std::string::npos);
    CHECK(*kiosk.filing->unsent_count() == 3);
}

TEST_CASE("a changed byte anywhere, a cut, a stranger's file or signer: refused, nothing stored") {
    Office office;
    Village kiosk(office, "KZ24");
    Village other(office, "KZ25");
    kiosk.file_proposals(1, false);
    kiosk.file_proposals(1, true);
    kiosk.file_signups(1);
    TempDir stick;
    kiosk.export_to(stick.file("b.aul"));
    const std::string bytes = slurp(stick.file("b.aul"));

    SUBCASE("every byte changed, one at a time") {
        for (std::size_t i = 0; i < bytes.size(); ++i) {
            std::string tampered = bytes;
            tampered[i] = static_cast<char>(tampered[i] ^ 0x01);
            auto rep = import_bundle(*office.server, tampered, kSampleReceivedMs);
            REQUIRE_MESSAGE(!rep.ok(), "byte " << i << " changed and still accepted");
        }
        CHECK(office.proposals() == 0);
        CHECK(office.signups() == 0);
    }
    SUBCASE("cut at every length") {
        for (std::size_t n = 0; n < bytes.size(); ++n)
            REQUIRE_MESSAGE(!import_bundle(*office.server, bytes.substr(0, n), kSampleReceivedMs).ok(), "cut at " << n);
        CHECK(office.proposals() == 0);
        refused(office, bytes.substr(0, bytes.size() / 2), "does not match");
    }
    SUBCASE("a title changed") { refused(office, replaced(bytes, "Су құбыры 0", "Су құбыры 9"), "does not match"); }
    SUBCASE("the signature of another bundle") {
        kiosk.file_proposals(1, false);
        kiosk.export_to(stick.file("c.aul"));
        auto other_seal = *read_bundle_seal(slurp(stick.file("c.aul")));
        refused(office, replaced(bytes, read_bundle_seal(bytes)->signature, other_seal.signature), "does not match");
    }
    SUBCASE("the seal names another enrolled kiosk") {
        refused(office, replaced(bytes, "\"kiosk_id\":\"" + kiosk.id, "\"kiosk_id\":\"" + other.id), "does not match");
    }
    SUBCASE("the manifest names another enrolled kiosk") {
        std::string manifest_at = "\n{\"batches\"";
        auto at = bytes.find(manifest_at);
        REQUIRE(at != std::string::npos);
        std::string tampered = bytes;
        auto id_at = tampered.find(kiosk.id, at);
        tampered.replace(id_at, kiosk.id.size(), other.id);
        refused(office, tampered, "does not match");
    }
    SUBCASE("signed by another kiosk's key in this kiosk's name") {
        std::filesystem::copy_file(other.paths.signing_key(), kiosk.paths.signing_key(),
                                   std::filesystem::copy_options::overwrite_existing);
        kiosk.export_to(stick.file("forged.aul"));
        refused(office, slurp(stick.file("forged.aul")), "does not match");
    }
    SUBCASE("an unknown kiosk") {
        refused(office, replaced(bytes, kiosk.id, core::new_uuid_v7()), "does not know");
    }
    SUBCASE("an empty file") { refused(office, "", "empty"); }
    SUBCASE("a file that is not a bundle") {
        refused(office, asset("demo/catalog.json"), "not an Aul bundle");
        refused(office, std::string("\x89PNG\r\n\x1a\n", 8), "not an Aul bundle");
        refused(office, "aul-bundle 9\n{}\n", "format");
        refused(office, std::string(kBundleMagic) + "\n<html>\n", "damaged");
        refused(office, std::string(kBundleMagic) + "\n{\"kiosk_id\": \"" + kiosk.id + "\", \"signature\": \"AAAA\"}\n",
                "'signature' must be base64 of 64 bytes");
    }
    SUBCASE("a revoked kiosk") {
        REQUIRE(office.server->revoke("KZ24").ok());
        refused(office, bytes, "revoked");
    }
}

TEST_CASE("a kiosk enrolled before bundles is refused until the operators register its key") {
    Office office;
    Village kiosk(office, "KZ24");
    kiosk.file_proposals(2, false);
    TempDir stick;
    kiosk.export_to(stick.file("b.aul"));
    std::string bytes = slurp(stick.file("b.aul"));
    auto key = SigningKey::load(kiosk.paths.signing_key());
    // The server's record as a pre-bundle enrolment left it.
    REQUIRE(office.server->db().execute("UPDATE kiosks SET signing_key = ''").ok());
    REQUIRE(office.server->db().execute("DELETE FROM kiosk_keys").ok());
    refused(office, bytes, "set-signing-key KZ24");
    CHECK_FALSE(office.server->set_signing_key("KZ24", "short").ok());
    CHECK_FALSE(office.server->set_signing_key("ZZZZ", key->public_key()).ok());
    REQUIRE(office.server->set_signing_key("KZ24", key->public_key()).ok());
    auto rep = import_bundle(*office.server, bytes, kSampleReceivedMs);
    REQUIRE(rep.ok());
    CHECK(rep->stored == 2);
}

TEST_CASE("export refuses a kiosk that cannot sign, saying what to do, and writes nothing") {
    Office office;
    Village kiosk(office, "KZ24");
    kiosk.file_proposals(1, false);
    TempDir stick;

    std::filesystem::remove(kiosk.paths.signing_key());
    auto no_key = export_bundle(kiosk.paths, *kiosk.filing, stick.file("b.aul"), 1);
    REQUIRE_FALSE(no_key.ok());
    CHECK(no_key.error().find("kioskctl signing-key") != std::string::npos);

    REQUIRE(kiosk.filing->set_setting("kiosk_id", "").ok());
    auto not_enrolled = export_bundle(kiosk.paths, *kiosk.filing, stick.file("b.aul"), 1);
    REQUIRE_FALSE(not_enrolled.ok());
    CHECK(not_enrolled.error().find("kioskctl enroll") != std::string::npos);

    CHECK(std::filesystem::is_empty(stick.path));
    CHECK(*kiosk.filing->unsent_count() == 1);
}

TEST_CASE("a bundle is written whole or not at all") {
    Office office;
    Village kiosk(office, "KZ24");
    kiosk.file_proposals(3, false);
    TempDir stick;
    auto missing_folder = export_bundle(kiosk.paths, *kiosk.filing, stick.file("gone/b.aul"), 1);
    REQUIRE_FALSE(missing_folder.ok());
    CHECK(missing_folder.error().find("cannot write") != std::string::npos);

    REQUIRE(write_file_atomically(stick.file("b.aul"), "an older bundle").ok());
    kiosk.export_to(stick.file("b.aul"));  // replaced whole
    CHECK(import_bundle(*office.server, slurp(stick.file("b.aul")), kSampleReceivedMs)->stored == 3);
    CHECK(std::distance(std::filesystem::directory_iterator(stick.path), {}) == 1);
}

TEST_CASE("a bundle carrying another kiosk's id: a conflict, never a duplicate, and nothing of it revealed") {
    Office office;
    Village first(office, "KZ24");
    Village second(office, "KZ25");
    first.file_signups(1);
    TempDir stick;
    first.export_to(stick.file("first.aul"));
    REQUIRE(import_bundle(*office.server, slurp(stick.file("first.aul")), kSampleReceivedMs)->stored == 1);
    auto theirs = outbox_submission(*first.filing, 10)->signups.at(0).id;

    // The second kiosk's outbox holds an item under the first kiosk's id (a copied disk
    // image, or a forgery): signed by the second kiosk, so the bundle itself is sound.
    second.file_signups(1);
    auto st = second.filing->db().prepare("UPDATE volunteer_signups SET id = ?1");
    REQUIRE(st.ok());
    st->bind(1, theirs);
    REQUIRE(st->run().ok());
    second.export_to(stick.file("second.aul"));
    auto rep = import_bundle(*office.server, slurp(stick.file("second.aul")), kSampleReceivedMs);
    REQUIRE(rep.ok());
    CHECK(rep->duplicates == 0);
    CHECK(rep->conflicts == 1);
    REQUIRE(rep->refused.size() == 1);
    CHECK(rep->refused[0].reason == "this id belongs to another kiosk");
    CHECK(office.signups() == 1);
}

TEST_CASE("a bundle on the stick is readable by its owner only, whatever the umask") {
    mode_t saved = ::umask(022);
    Office office;
    Village kiosk(office, "KZ24");
    kiosk.file_proposals(1, true);
    TempDir stick;
    REQUIRE(::chmod(stick.path.c_str(), 0755) == 0);
    kiosk.export_to(stick.file("b.aul"));
    struct stat st {};
    REQUIRE(::stat(stick.file("b.aul").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    ::umask(saved);
}
