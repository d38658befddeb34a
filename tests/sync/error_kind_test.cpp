// Why a round failed, as the kind kiosk-sync records beside its words for the staff panel:
// each failure maps to its kind, and every kind it records is one the store keeps.
#include <doctest/doctest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <optional>

#include "store/catalog_store.h"
#include "store/common.h"
#include "store/filing_store.h"
#include "store/kiosk_state.h"
#include "sync/client.h"
#include "sync/kiosk_sync.h"
#include "sync/protocol.h"

using namespace aul;
using namespace aul::sync;
namespace kind = aul::store::sync_error;

namespace {
// A kiosk's data folder, not enrolled.
struct Kiosk {
    TempDir dir;
    KioskPaths paths{dir.path};
    std::optional<store::FilingStore> filing;
    std::optional<store::CatalogStore> catalog;
    Kiosk() {
        auto db = store::open_kiosk_db(paths.db());
        REQUIRE(db.ok());
        auto fs = store::FilingStore::open(std::move(*db));
        REQUIRE(fs.ok());
        filing.emplace(std::move(*fs));
        auto c = store::open_kiosk_db_connection(paths.db());
        REQUIRE(c.ok());
        catalog.emplace(std::move(*c));
    }
};

// A loopback TCP socket on a free port: listening (the kernel accepts, nobody answers) or
// only bound (a connection is refused).
struct Socket {
    int fd = -1;
    int port = 0;
    explicit Socket(bool listening) {
        fd = ::socket(AF_INET, SOCK_STREAM, 0);
        REQUIRE(fd >= 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
        socklen_t len = sizeof a;
        REQUIRE(::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) == 0);
        port = ntohs(a.sin_port);
        if (listening) REQUIRE(::listen(fd, 0) == 0);
    }
    ~Socket() { ::close(fd); }
    std::string url() const { return "https://127.0.0.1:" + std::to_string(port); }
};

std::string_view kind_of(CURLcode rc) { return error_kind_of(transport_error(rc, "detail")); }

// A report's kind is one the store keeps as it is, and its words are there for the log.
void recorded(const RoundReport& rep, std::string_view expected) {
    CHECK(rep.error_kind == expected);
    CHECK(store::is_sync_error_kind(rep.error_kind));
    CHECK_FALSE(rep.error.empty());
}

CatalogFetch replying(std::string body) {
    return [body](std::int64_t, RoundReport&) { return std::optional<std::string>(body); };
}
}  // namespace

TEST_CASE("sync error kind: unreachable, for a line that is down, refused or cut") {
    CHECK(kind_of(CURLE_COULDNT_RESOLVE_HOST) == kind::unreachable);
    CHECK(kind_of(CURLE_COULDNT_CONNECT) == kind::unreachable);
    CHECK(kind_of(CURLE_RECV_ERROR) == kind::unreachable);
    CHECK(kind_of(CURLE_GOT_NOTHING) == kind::unreachable);
    CHECK(kind_of(CURLE_PARTIAL_FILE) == kind::unreachable);
    CHECK(kind_of(CURLE_SEND_ERROR) == kind::unreachable);
    Socket closed(/*listening=*/false);
    Client client({closed.url(), "/nonexistent-ca.pem"});
    auto reply = client.get("/v1/status?since=0", "token");
    REQUIRE_FALSE(reply.ok());
    CHECK(error_kind_of(reply.error_value()) == kind::unreachable);
}

TEST_CASE("sync error kind: timeout, for a server that does not answer in time") {
    CHECK(kind_of(CURLE_OPERATION_TIMEDOUT) == kind::timeout);
    CHECK(error_kind_of_status(408) == kind::timeout);
    // A server whose queue of connections is full: the kernel lets the next one wait.
    Socket silent(/*listening=*/true);
    int queued = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons(static_cast<std::uint16_t>(silent.port));
    REQUIRE(::connect(queued, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
    ClientConfig cfg{silent.url(), "/nonexistent-ca.pem"};
    cfg.connect_timeout_s = 1;
    cfg.total_timeout_s = 1;
    Client client(cfg);
    auto reply = client.get("/v1/status?since=0", "token");
    REQUIRE_FALSE(reply.ok());
    CHECK_MESSAGE(error_kind_of(reply.error_value()) == kind::timeout, reply.error());
    ::close(queued);
}

TEST_CASE("sync error kind: tls, for a certificate that is not the national one") {
    CHECK(kind_of(CURLE_PEER_FAILED_VERIFICATION) == kind::tls);
    CHECK(kind_of(CURLE_SSL_CONNECT_ERROR) == kind::tls);
    CHECK(kind_of(CURLE_SSL_CACERT_BADFILE) == kind::tls);
}

TEST_CASE("sync error kind: rejected, for a server that refuses this kiosk") {
    CHECK(error_kind_of_status(401) == kind::rejected);
    CHECK(error_kind_of_status(403) == kind::rejected);
}

TEST_CASE("sync error kind: server_error, for a server that is busy or failing") {
    for (long status : {429L, 500L, 502L, 503L, 504L}) CHECK(error_kind_of_status(status) == kind::server_error);
}

TEST_CASE("sync error kind: refused, for any other refusal of a request") {
    for (long status : {400L, 404L, 409L, 413L, 422L}) CHECK(error_kind_of_status(status) == kind::refused);
}

TEST_CASE("sync error kind: not_enrolled, for a kiosk with no token yet") {
    Kiosk k;
    RoundReport rep;
    CHECK_FALSE(Link::open(k.paths, *k.filing, 5, rep).has_value());
    recorded(rep, kind::not_enrolled);
    CHECK_FALSE(rep.retryable);
    RoundReport round = sync_round(k.paths, *k.filing, *k.catalog, 1000);
    recorded(round, kind::not_enrolled);
    // The self-test says it in the staff's words too.
    auto checks = server_checks(k.paths, *k.filing);
    REQUIRE(checks.size() == 1);
    CHECK(checks[0].words == "staff.detail.not_enrolled");
    CHECK(store::is_check_words(checks[0].words));
}

TEST_CASE("sync error kind: bad_reply, for an answer that is not the national server's, or a bad one") {
    Kiosk k;
    RoundReport portal;
    pull_catalog(replying("<html><body>Sign in to the village Wi-Fi</body></html>"), *k.catalog, portal);
    recorded(portal, kind::bad_reply);

    CatalogPage stuck;  // claims more, but does not move past where the kiosk is
    stuck.more = true;
    stuck.cursor = 0;
    RoundReport standing_still;
    pull_catalog(replying(encode(stuck)), *k.catalog, standing_still);
    recorded(standing_still, kind::bad_reply);

    CHECK(error_kind_of(Error{"too large", kTooLargeCode}) == kind::bad_reply);
}

TEST_CASE("sync error kind: stopped, for kiosk-sync stopped mid-round") {
    Kiosk k;
    RoundReport rep;
    pull_catalog(replying("{}"), *k.catalog, rep, [] { return true; });
    recorded(rep, kind::stopped);
}

TEST_CASE("sync error kind: local, for this kiosk's own failure") {
    CHECK(error_kind_of(Error{"libcurl could not start"}) == kind::local);
    // A catalogue connection whose database has no catalogue in it cannot say where it is.
    TempDir dir;
    auto bare = store::Db::open(dir.file("bare.db"));
    REQUIRE(bare.ok());
    store::CatalogStore catalog(std::move(*bare));
    RoundReport rep;
    pull_catalog(replying("{}"), catalog, rep);
    recorded(rep, kind::local);
}

TEST_CASE("a round's first failure keeps its kind as the directions are added up, and its summary says it") {
    RoundReport push, status, round;
    status.fail(kind::server_error, "the national server is busy or failing (HTTP 503); will retry");
    round.add(push);
    round.add(status);
    CHECK(round.error_kind == kind::server_error);
    RoundReport later;
    later.fail(kind::tls, "later");
    round.add(later);
    CHECK(round.error_kind == kind::server_error);  // the first one stands
    CHECK(round.json().find("\"error_kind\":\"sync.error.server_error\"") != std::string::npos);
}
