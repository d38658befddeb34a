// HTTPS to the national server with libcurl: the pinned national CA only (never the system
// store), hostname verification, TLS 1.2+, connect and stall timeouts, gzip, a size cap on
// replies, and one handle reused so connections are kept alive between requests.
#pragma once
#include <curl/curl.h>

#include <string>

#include "core/result.h"

namespace aul::sync {

struct ClientConfig {
    std::string base_url;     // https://host:port, no trailing slash
    std::string ca_file;      // the national CA certificate (PEM)
    long connect_timeout_s = 10;
    long stall_timeout_s = 20;  // less than 1 byte/s for this long: give up
    long total_timeout_s = 60;
    // The local address to connect from ("" lets the system choose): for a board with
    // more than one network, and for load tests that stand in for many villages.
    std::string source_address = {};
};

struct Reply {
    long status = 0;
    std::string body;
    long retry_after_s = -1;  // the server's Retry-After, when it sent one
    long wire_bytes = 0;      // bodies as they crossed the network (compressed)
    long json_bytes = 0;      // the same bodies uncompressed
    long long server_time_s = 0;  // the server's Date header (Unix seconds), 0 when absent
};

// A transport failure's code (Error::code), by what staff can do about it: the line, a
// slow line, the certificate, or a reply too large to be the server's.
inline constexpr int kUnreachableCode = -20;
inline constexpr int kTimeoutCode = -21;
inline constexpr int kTlsCode = -22;
inline constexpr int kTooLargeCode = -23;
// libcurl's failure `rc` (with its detail, if any) in words a person can act on, and its code.
Error transport_error(CURLcode rc, const char* detail = nullptr);

class Client {
public:
    explicit Client(ClientConfig cfg);
    ~Client();
    Client(const Client&) = delete;
    Client& operator=(const Client&) = delete;

    // Transport errors (refused, TLS, timeout, oversize) come back as Error with words a
    // person can act on; any HTTP status is a Reply.
    Result<Reply> post(const std::string& path, const std::string& json, const std::string& token);
    Result<Reply> get(const std::string& path, const std::string& token);

private:
    Result<Reply> perform(const std::string& path, const std::string* body, const std::string& token);
    ClientConfig cfg_;
    CURL* curl_ = nullptr;
};

}  // namespace aul::sync
