#include <doctest/doctest.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

#include "platform/service.h"

using aul::platform::ServiceNotifier;

namespace {
// A stand-in for systemd's notify socket: a datagram socket at a temporary path.
struct NotifySocket {
    int fd = -1;
    std::string path = "/tmp/aul-notify-" + std::to_string(::getpid());
    NotifySocket() {
        fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_un a{};
        a.sun_family = AF_UNIX;
        path.copy(a.sun_path, sizeof a.sun_path - 1);
        ::unlink(path.c_str());
        REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
        ::setenv("NOTIFY_SOCKET", path.c_str(), 1);
    }
    ~NotifySocket() {
        ::unsetenv("NOTIFY_SOCKET");
        ::close(fd);
        ::unlink(path.c_str());
    }
    std::string next() {
        char buf[512];
        ssize_t n = ::recv(fd, buf, sizeof buf, MSG_DONTWAIT);
        return n > 0 ? std::string(buf, static_cast<std::size_t>(n)) : std::string();
    }
};
}  // namespace

TEST_CASE("readiness, status and watchdog pings reach systemd's socket") {
    NotifySocket sock;
    ::setenv("WATCHDOG_USEC", "4000000", 1);
    ::setenv("WATCHDOG_PID", std::to_string(::getpid()).c_str(), 1);
    ServiceNotifier n;
    CHECK(n.ping_every_s() == doctest::Approx(2.0));  // half of WatchdogSec
    n.ready("serving residents");
    std::string ready = sock.next();
    CHECK(ready.find("READY=1") != std::string::npos);
    CHECK(ready.find("STATUS=serving residents") != std::string::npos);
    n.alive();
    CHECK(sock.next() == "WATCHDOG=1");
    ::unsetenv("WATCHDOG_USEC");
    ::unsetenv("WATCHDOG_PID");
}

TEST_CASE("outside systemd there is no watchdog and nothing to send to") {
    ::unsetenv("NOTIFY_SOCKET");
    ::unsetenv("WATCHDOG_USEC");
    ServiceNotifier n;
    CHECK(n.ping_every_s() == 0);
    n.ready("x");  // a no-op, not a crash
}
