// A hostile client of the national server, for the tests that try to knock it over. Every
// connection is TLS to loopback, from a source address of 127.0.0.0/8 the test names (so
// the server tells the clients apart), and every run is bounded in count and time.
//   abuse_peer slow    PORT FIRST_SOURCE COUNT SECONDS   COUNT connections from COUNT addresses
//                      (FIRST_SOURCE, the next...), each sending a header line every 4 s;
//                      prints "held N" when all are open, then "closed_by_server N after S s"
//   abuse_peer bomb    PORT SOURCE PATH TOKEN INFLATED    a gzip body that inflates to INFLATED
//                      bytes of zeros; prints the status
//   abuse_peer chunked PORT SOURCE PATH TOKEN BYTES       a chunked body of BYTES; prints the
//                      status and how many bytes went out before the server answered
//   abuse_peer crowd   PORT SOURCE COUNT                  COUNT connections from one address at
//                      once, each asking GET /v1/kiosk; prints "answered N refused M"
#include <arpa/inet.h>
#include <netinet/in.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <zlib.h>

#include <atomic>
#include <csignal>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

// The n-th address after `first` within 127.0.0.0/8.
std::string nth_address(const std::string& first, int n) {
    in_addr a{};
    inet_pton(AF_INET, first.c_str(), &a);
    a.s_addr = htonl(ntohl(a.s_addr) + static_cast<uint32_t>(n));
    char text[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, &a, text, sizeof text);
    return text;
}

struct Tls {
    int fd = -1;
    SSL* ssl = nullptr;
    ~Tls() {
        if (ssl) SSL_free(ssl);
        if (fd >= 0) ::close(fd);
    }
    bool send(const std::string& s) { return SSL_write(ssl, s.data(), static_cast<int>(s.size())) > 0; }
    // The status of the reply, 0 when the connection ended without one.
    int status() {
        char buf[4096];
        std::string got;
        while (got.find("\r\n") == std::string::npos) {
            int n = SSL_read(ssl, buf, sizeof buf);
            if (n <= 0) return 0;
            got.append(buf, static_cast<std::size_t>(n));
        }
        return got.rfind("HTTP/1.1 ", 0) == 0 ? std::atoi(got.c_str() + 9) : 0;
    }
};

SSL_CTX* context() {
    static SSL_CTX* ctx = [] {
        SSL_CTX* c = SSL_CTX_new(TLS_client_method());
        SSL_CTX_set_verify(c, SSL_VERIFY_NONE, nullptr);  // the attacker does not care who answers
        return c;
    }();
    return ctx;
}

// A TLS connection from `source` to 127.0.0.1:port; nullptr when refused or cut at once.
std::unique_ptr<Tls> connect_from(const std::string& source, int port) {
    auto t = std::make_unique<Tls>();
    t->fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in from{}, to{};
    from.sin_family = to.sin_family = AF_INET;
    inet_pton(AF_INET, source.c_str(), &from.sin_addr);
    inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
    to.sin_port = htons(static_cast<uint16_t>(port));
    timeval limit{10, 0};
    setsockopt(t->fd, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
    setsockopt(t->fd, SOL_SOCKET, SO_SNDTIMEO, &limit, sizeof limit);
    if (::bind(t->fd, reinterpret_cast<sockaddr*>(&from), sizeof from) != 0) return nullptr;
    if (::connect(t->fd, reinterpret_cast<sockaddr*>(&to), sizeof to) != 0) return nullptr;
    t->ssl = SSL_new(context());
    SSL_set_fd(t->ssl, t->fd);
    if (SSL_connect(t->ssl) != 1) return nullptr;
    return t;
}

std::string request_head(const std::string& method, const std::string& path, const std::string& token) {
    return method + " " + path + " HTTP/1.1\r\nHost: national\r\nAuthorization: Bearer " + token + "\r\n";
}

int slow(int port, const std::string& first, int count, int seconds) {
    std::vector<std::unique_ptr<Tls>> held;
    for (int i = 0; i < count; ++i) {
        auto t = connect_from(nth_address(first, i), port);
        if (t && t->send("POST /v1/heartbeat HTTP/1.1\r\nHost: national\r\n")) held.push_back(std::move(t));
    }
    std::printf("held %zu\n", held.size());
    std::fflush(stdout);
    const auto start = Clock::now();
    std::atomic<int> closed{0};
    std::vector<std::thread> drips;
    for (auto& t : held) {
        drips.emplace_back([&, conn = t.get()] {
            for (int line = 0; Clock::now() - start < std::chrono::seconds(seconds); ++line) {
                std::this_thread::sleep_for(std::chrono::seconds(4));
                if (!conn->send("X-Slow-" + std::to_string(line) + ": still here\r\n")) {
                    ++closed;
                    return;
                }
            }
        });
    }
    for (auto& d : drips) d.join();
    auto took = std::chrono::duration_cast<std::chrono::seconds>(Clock::now() - start).count();
    std::printf("closed_by_server %d after %lld s\n", closed.load(), static_cast<long long>(took));
    return 0;
}

std::string gzip_of_zeros(std::size_t inflated) {
    z_stream z{};
    deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY);
    std::vector<unsigned char> zeros(1 << 20, 0);
    std::string out;
    unsigned char buf[1 << 16];
    for (std::size_t left = inflated;;) {
        std::size_t n = std::min(left, zeros.size());
        left -= n;
        z.next_in = zeros.data();
        z.avail_in = static_cast<uInt>(n);
        int flush = left == 0 ? Z_FINISH : Z_NO_FLUSH;
        do {
            z.next_out = buf;
            z.avail_out = sizeof buf;
            deflate(&z, flush);
            out.append(reinterpret_cast<char*>(buf), sizeof buf - z.avail_out);
        } while (z.avail_out == 0);
        if (left == 0) break;
    }
    deflateEnd(&z);
    return out;
}

int bomb(int port, const std::string& source, const std::string& path, const std::string& token, std::size_t inflated) {
    std::string body = gzip_of_zeros(inflated);
    auto t = connect_from(source, port);
    if (!t) return std::puts("refused"), 1;
    t->send(request_head("POST", path, token) + "Content-Type: application/json\r\nContent-Encoding: gzip\r\n" +
            "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n");
    t->send(body);
    std::printf("status %d (%zu bytes of gzip)\n", t->status(), body.size());
    return 0;
}

int chunked(int port, const std::string& source, const std::string& path, const std::string& token, std::size_t bytes) {
    auto t = connect_from(source, port);
    if (!t) return std::puts("refused"), 1;
    t->send(request_head("POST", path, token) + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
    const std::string piece(64 * 1024, ' ');
    char size_line[32];
    std::snprintf(size_line, sizeof size_line, "%zx\r\n", piece.size());
    std::size_t sent = 0;
    // The server's answer is looked for before each chunk: once it has answered, the rest
    // of the body is not sent (and a reset after its close cannot hide the answer).
    auto answered = [&] {
        pollfd p{t->fd, POLLIN, 0};
        return ::poll(&p, 1, 0) > 0;
    };
    while (sent < bytes && !answered() && t->send(size_line + piece + "\r\n")) sent += piece.size();
    if (sent >= bytes) t->send("0\r\n\r\n");
    std::printf("status %d after %zu bytes\n", t->status(), sent);
    return 0;
}

int crowd(int port, const std::string& source, int count) {
    std::atomic<int> answered{0}, refused{0};
    std::vector<std::unique_ptr<Tls>> open(static_cast<std::size_t>(count));
    std::vector<std::thread> all;
    for (int i = 0; i < count; ++i)
        all.emplace_back([&, i] { open[static_cast<std::size_t>(i)] = connect_from(source, port); });
    for (auto& a : all) a.join();
    // Every connection is open at once before any asks; then each asks once.
    for (auto& t : open) {
        if (t && t->send(request_head("GET", "/v1/kiosk", "none") + "\r\n") && t->status() != 0)
            ++answered;
        else
            ++refused;
    }
    std::printf("answered %d refused %d\n", answered.load(), refused.load());
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    std::signal(SIGPIPE, SIG_IGN);  // the server closing on us is the point, not a crash
    std::vector<std::string> a(argv + 1, argv + argc);
    if (a.size() == 5 && a[0] == "slow") return slow(std::atoi(a[1].c_str()), a[2], std::atoi(a[3].c_str()), std::atoi(a[4].c_str()));
    if (a.size() == 6 && a[0] == "bomb")
        return bomb(std::atoi(a[1].c_str()), a[2], a[3], a[4], std::strtoull(a[5].c_str(), nullptr, 10));
    if (a.size() == 6 && a[0] == "chunked")
        return chunked(std::atoi(a[1].c_str()), a[2], a[3], a[4], std::strtoull(a[5].c_str(), nullptr, 10));
    if (a.size() == 4 && a[0] == "crowd") return crowd(std::atoi(a[1].c_str()), a[2], std::atoi(a[3].c_str()));
    std::fputs("usage: abuse_peer slow|bomb|chunked|crowd ... (see the source)\n", stderr);
    return 2;
}
