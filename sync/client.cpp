#include "sync/client.h"

#include <zlib.h>

#include <cstring>
#include <strings.h>

#include "sync/gzip.h"
#include "sync/protocol.h"

namespace aul::sync {

namespace {

constexpr std::size_t kCompressFrom = 1024;  // smaller bodies are not worth the header

struct Sink {
    std::string body;
    bool too_big = false;
    long retry_after = -1;
    long long date = 0;
};

size_t on_body(char* data, size_t size, size_t n, void* user) {
    auto* sink = static_cast<Sink*>(user);
    if (sink->body.size() + size * n > kMaxResponseBytes) {
        sink->too_big = true;
        return 0;  // aborts the transfer
    }
    sink->body.append(data, size * n);
    return size * n;
}

size_t on_header(char* data, size_t size, size_t n, void* user) {
    auto* sink = static_cast<Sink*>(user);
    std::string line(data, size * n);
    if (strncasecmp(line.c_str(), "Retry-After:", 12) == 0) sink->retry_after = std::atol(line.c_str() + 12);
    if (strncasecmp(line.c_str(), "Date:", 5) == 0) {
        time_t t = curl_getdate(line.c_str() + 5, nullptr);
        if (t > 0) sink->date = static_cast<long long>(t);
    }
    return size * n;
}

}  // namespace

Error transport_error(CURLcode rc, const char* detail) {
    std::string what = detail && *detail ? detail : curl_easy_strerror(rc);
    switch (rc) {
        case CURLE_COULDNT_RESOLVE_HOST:
            return {"cannot find the national server (" + what + "); check the network", kUnreachableCode};
        case CURLE_COULDNT_CONNECT: return {"the national server does not answer (" + what + ")", kUnreachableCode};
        case CURLE_OPERATION_TIMEDOUT: return {"the national server took too long (" + what + ")", kTimeoutCode};
        case CURLE_PARTIAL_FILE:
        case CURLE_RECV_ERROR:
        case CURLE_GOT_NOTHING:
            return {"the national server's reply was cut off (" + what + "); will retry", kUnreachableCode};
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_CACERT_BADFILE:
        case CURLE_SSL_CONNECT_ERROR:
        case CURLE_SSL_ISSUER_ERROR:
        case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
        case CURLE_SSL_INVALIDCERTSTATUS:
            return {"the server's certificate is not the national one (" + what + "); nothing was sent", kTlsCode};
        default: return {what, kUnreachableCode};
    }
}

Client::Client(ClientConfig cfg) : cfg_(std::move(cfg)) {
    curl_global_init(CURL_GLOBAL_DEFAULT);
    curl_ = curl_easy_init();
}

Client::~Client() {
    if (curl_) curl_easy_cleanup(curl_);
}

Result<Reply> Client::post(const std::string& path, const std::string& json, const std::string& token) {
    return perform(path, &json, token);
}

Result<Reply> Client::get(const std::string& path, const std::string& token) { return perform(path, nullptr, token); }

Result<Reply> Client::perform(const std::string& path, const std::string* body, const std::string& token) {
    if (!curl_) return Error{"libcurl could not start"};
    CURL* c = curl_;
    curl_easy_reset(c);  // keeps the connection cache, drops per-request options
    std::string url = cfg_.base_url + path;
    Sink sink;
    char error[CURL_ERROR_SIZE] = {0};
    curl_slist* headers = nullptr;
    headers = curl_slist_append(headers, "Content-Type: application/json");
    headers = curl_slist_append(headers, "Accept: application/json");
    if (!token.empty()) headers = curl_slist_append(headers, ("Authorization: Bearer " + token).c_str());
    std::string packed;
    const std::size_t body_plain_size = body ? body->size() : 0;
    if (body && body->size() >= kCompressFrom) packed = gzip(*body);
    if (!packed.empty()) {
        headers = curl_slist_append(headers, "Content-Encoding: gzip");
        body = &packed;
    }
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "https");
    curl_easy_setopt(c, CURLOPT_CAINFO, cfg_.ca_file.c_str());
    const std::string from = "host!" + cfg_.source_address;
    if (!cfg_.source_address.empty()) curl_easy_setopt(c, CURLOPT_INTERFACE, from.c_str());
    curl_easy_setopt(c, CURLOPT_CAPATH, nullptr);  // the pinned CA alone, never the system store
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(c, CURLOPT_SSLVERSION, CURL_SSLVERSION_TLSv1_2);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, cfg_.connect_timeout_s);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, cfg_.total_timeout_s);
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, cfg_.stall_timeout_s);
    // gzip only: the reference server would pick brotli at its slowest setting otherwise.
    curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "gzip");
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &sink);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, &sink);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
    if (body) {
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, body->data());
        curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body->size()));
    }
    CURLcode rc = curl_easy_perform(c);
    curl_slist_free_all(headers);
    if (sink.too_big)
        return Error{"the server's reply is larger than " + std::to_string(kMaxResponseBytes >> 20) + " MiB; ignored",
                     kTooLargeCode};
    if (rc != CURLE_OK) return transport_error(rc, error);
    Reply r;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r.status);
    curl_off_t up = 0, down = 0;
    curl_easy_getinfo(c, CURLINFO_SIZE_UPLOAD_T, &up);
    curl_easy_getinfo(c, CURLINFO_SIZE_DOWNLOAD_T, &down);
    r.wire_bytes = static_cast<long>(up + down);
    r.json_bytes = static_cast<long>(body_plain_size + sink.body.size());
    r.body = std::move(sink.body);
    r.retry_after_s = sink.retry_after;
    r.server_time_s = sink.date;
    return r;
}

}  // namespace aul::sync
