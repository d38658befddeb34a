// The national server's HTTPS front, on libmicrohttpd (GnuTLS): event-driven, so a client
// that sends slowly holds a connection slot, never a worker thread. Every bound is checked
// while reading, before anything is buffered past it:
//   - a body larger than max_body_bytes is refused with 413 as soon as it is announced
//     (Content-Length) or as soon as that much has arrived (chunked), and a gzip body is
//     inflated only up to the same bound (a "gzip bomb" gets 413 having used that much);
//   - headers must arrive within header_deadline_s of the request's start, a body within
//     body_deadline_s, and a connection silent for idle_timeout_s is closed;
//   - each client address holds at most per_address connections at once, all of them at
//     most connections.
// Routes see a request twice: when its headers have arrived (to refuse at once: an unknown
// path, a missing token) and when its body has.
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"

namespace aul::sync {

struct HttpLimits {
    std::size_t max_body_bytes = 2 << 20;
    unsigned per_address = 64;  // a carrier NAT may put many villages behind one address
    unsigned connections = 4096;
    unsigned idle_timeout_s = 10;
    unsigned header_deadline_s = 10;
    unsigned body_deadline_s = 30;
    unsigned threads = 8;
};

struct HttpRequest {
    std::string method, path, remote;
    std::map<std::string, std::string> query;
    std::string authorization;
    std::string body;  // inflated when it came gzipped
    bool accepts_gzip = false;
    std::string param(const std::string& name) const {
        auto it = query.find(name);
        return it == query.end() ? std::string() : it->second;
    }
};

struct HttpReply {
    int status = 200;
    std::string body;
    std::string content_type = "application/json";
    std::vector<std::pair<std::string, std::string>> headers;
    bool cut_off = false;  // send half of the body, then drop the connection (a fault drill)
};

struct HttpRoutes {
    // When the headers have arrived: a reply ends the request before its body is read.
    std::function<std::optional<HttpReply>(const HttpRequest&)> on_headers;
    // With the whole body.
    std::function<HttpReply(const HttpRequest&)> on_request;
    // After each request, for the log: method, path, status, client address.
    std::function<void(const HttpRequest&, int status)> on_done;
};

class HttpFront {
public:
    // Listens on HOST:PORT ("127.0.0.1:8443", "[::1]:8443", "0.0.0.0:443") with the PEM
    // certificate chain and key; serves until destroyed.
    static Result<std::unique_ptr<HttpFront>> start(const std::string& listen, const std::string& cert_pem,
                                                    const std::string& key_pem, const HttpLimits& limits,
                                                    HttpRoutes routes);
    ~HttpFront();
    HttpFront(const HttpFront&) = delete;
    HttpFront& operator=(const HttpFront&) = delete;

    struct Impl;

private:
    explicit HttpFront(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace aul::sync
