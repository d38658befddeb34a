#include "sync/server/http_front.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netdb.h>
#include <strings.h>
#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <set>
#include <thread>

#include "sync/gzip.h"
#include "sync/protocol.h"

namespace aul::sync {

namespace {

using Clock = std::chrono::steady_clock;
constexpr std::size_t kCompressFrom = 1024;  // smaller replies are not worth the header

// One connection, from its start: whether its current request's headers have arrived,
// and since when it waits for them or for the body.
struct Tracked {
    int fd = -1;
    Clock::time_point since = Clock::now();
    bool headers_done = false;
};

// One request, from its headers to its reply.
struct Exchange {
    HttpRequest req;
    bool gzipped = false;
    bool answered = false;  // replied before the body was read: the rest is thrown away
};

std::string client_address(MHD_Connection* c) {
    const auto* info = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (!info || !info->client_addr) return "?";
    char text[INET6_ADDRSTRLEN] = "?";
    const sockaddr* sa = info->client_addr;
    if (sa->sa_family == AF_INET)
        inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(sa)->sin_addr, text, sizeof text);
    else if (sa->sa_family == AF_INET6)
        inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6*>(sa)->sin6_addr, text, sizeof text);
    return text;
}

Tracked* tracked_of(MHD_Connection* c) {
    const auto* info = MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    return info ? static_cast<Tracked*>(info->socket_context) : nullptr;
}

MHD_Result collect_query(void* cls, MHD_ValueKind, const char* key, const char* value) {
    if (key) (*static_cast<std::map<std::string, std::string>*>(cls))[key] = value ? value : "";
    return MHD_YES;
}

}  // namespace

struct HttpFront::Impl {
    HttpLimits limits;
    HttpRoutes routes;
    std::string cert, key;  // MHD keeps pointers to them
    MHD_Daemon* daemon = nullptr;
    std::mutex mu;
    std::set<Tracked*> connections;
    std::thread sweeper;
    std::condition_variable stop_cv;
    bool stopping = false;

    MHD_Result send(MHD_Connection* c, const HttpRequest& req, HttpReply reply, bool close_after) {
        if (req.accepts_gzip && !reply.cut_off && reply.body.size() >= kCompressFrom) {
            if (std::string packed = gzip(reply.body, 6); !packed.empty()) {
                reply.body = std::move(packed);
                reply.headers.emplace_back("Content-Encoding", "gzip");
            }
        }
        MHD_Response* r = nullptr;
        if (reply.cut_off) {
            // Half the body, then an error: MHD drops the connection mid-reply.
            auto* half = new std::string(reply.body.substr(0, reply.body.size() / 2));
            r = MHD_create_response_from_callback(
                reply.body.size(), 64 * 1024,
                [](void* cls, uint64_t pos, char* buf, size_t max) -> ssize_t {
                    auto* s = static_cast<std::string*>(cls);
                    if (pos >= s->size()) return MHD_CONTENT_READER_END_WITH_ERROR;
                    size_t n = std::min(max, s->size() - static_cast<size_t>(pos));
                    std::memcpy(buf, s->data() + pos, n);
                    return static_cast<ssize_t>(n);
                },
                half, [](void* cls) { delete static_cast<std::string*>(cls); });
        } else {
            r = MHD_create_response_from_buffer(reply.body.size(), reply.body.data(), MHD_RESPMEM_MUST_COPY);
        }
        if (!r) return MHD_NO;
        MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, reply.content_type.c_str());
        for (const auto& [name, value] : reply.headers) MHD_add_response_header(r, name.c_str(), value.c_str());
        if (close_after) MHD_add_response_header(r, MHD_HTTP_HEADER_CONNECTION, "close");
        MHD_Result queued = MHD_queue_response(c, static_cast<unsigned>(reply.status), r);
        MHD_destroy_response(r);
        if (routes.on_done) routes.on_done(req, reply.status);
        return queued;
    }

    HttpReply refusal(int status, const std::string& why) {
        HttpReply r;
        r.status = status;
        r.body = encode_error(why, status == 408);
        return r;
    }

    MHD_Result access(MHD_Connection* c, const char* url, const char* method, const char* upload, size_t* upload_size,
                      void** con_cls) {
        auto* ex = static_cast<Exchange*>(*con_cls);
        if (!ex) return headers_arrived(c, url, method, con_cls);
        if (ex->answered) {  // refused already: the rest of the body is not kept
            *upload_size = 0;
            return MHD_YES;
        }
        if (*upload_size > 0) {
            if (ex->req.body.size() + *upload_size > limits.max_body_bytes) {
                // Only a body without Content-Length (chunked) gets here. libmicrohttpd takes
                // no reply in the middle of a body, so the connection is closed at once:
                // nothing more of it is read.
                if (routes.on_done) routes.on_done(ex->req, 413);
                return MHD_NO;
            }
            ex->req.body.append(upload, *upload_size);
            *upload_size = 0;
            return MHD_YES;
        }
        if (ex->gzipped) {
            auto inflated = gunzip(ex->req.body, limits.max_body_bytes);
            if (!inflated)
                return send(c, ex->req, refusal(inflated.error_value().code == kTooLarge ? 413 : 400, inflated.error()),
                            true);
            ex->req.body = std::move(*inflated);
        }
        return send(c, ex->req, routes.on_request(ex->req), false);
    }

    MHD_Result headers_arrived(MHD_Connection* c, const char* url, const char* method, void** con_cls) {
        auto* ex = new Exchange;
        *con_cls = ex;
        if (auto* t = tracked_of(c)) {
            std::lock_guard lock(mu);
            t->headers_done = true;
            t->since = Clock::now();
        }
        ex->req.method = method;
        ex->req.path = url;
        ex->req.remote = client_address(c);
        MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, collect_query, &ex->req.query);
        auto header = [&](const char* name) {
            const char* v = MHD_lookup_connection_value(c, MHD_HEADER_KIND, name);
            return std::string(v ? v : "");
        };
        ex->req.authorization = header(MHD_HTTP_HEADER_AUTHORIZATION);
        ex->req.accepts_gzip = header(MHD_HTTP_HEADER_ACCEPT_ENCODING).find("gzip") != std::string::npos;
        const std::string encoding = header(MHD_HTTP_HEADER_CONTENT_ENCODING);
        ex->gzipped = strcasecmp(encoding.c_str(), "gzip") == 0;
        if (!encoding.empty() && !ex->gzipped && strcasecmp(encoding.c_str(), "identity") != 0) {
            ex->answered = true;
            return send(c, ex->req, refusal(415, "bodies are sent plain or gzip"), true);
        }
        const std::string length = header(MHD_HTTP_HEADER_CONTENT_LENGTH);
        if (!length.empty() && std::strtoull(length.c_str(), nullptr, 10) > limits.max_body_bytes) {
            ex->answered = true;
            return send(c, ex->req,
                        refusal(413, "the request body is larger than " + std::to_string(limits.max_body_bytes) +
                                         " bytes"),
                        true);
        }
        if (routes.on_headers) {
            if (auto early = routes.on_headers(ex->req)) {
                ex->answered = true;
                // A body still on its way is not read: the connection closes after the reply.
                return send(c, ex->req, std::move(*early), true);
            }
        }
        return MHD_YES;
    }

    void connection_event(void** socket_context, MHD_ConnectionNotificationCode code, int fd) {
        std::lock_guard lock(mu);
        if (code == MHD_CONNECTION_NOTIFY_STARTED) {
            auto* t = new Tracked;
            t->fd = fd;
            connections.insert(t);
            *socket_context = t;
        } else if (auto* t = static_cast<Tracked*>(*socket_context)) {
            connections.erase(t);
            delete t;
            *socket_context = nullptr;
        }
    }

    void request_done(MHD_Connection* c, void** con_cls) {
        delete static_cast<Exchange*>(*con_cls);
        *con_cls = nullptr;
        if (auto* t = tracked_of(c)) {
            std::lock_guard lock(mu);
            t->headers_done = false;  // a kept-alive connection waits for its next request's headers
            t->since = Clock::now();
        }
    }

    // Ends connections past their header or body deadline: shutting the socket down makes
    // the next read see its end, and MHD closes it in its own thread.
    void sweep() {
        std::unique_lock lock(mu);
        while (!stop_cv.wait_for(lock, std::chrono::milliseconds(250), [&] { return stopping; })) {
            const auto now = Clock::now();
            for (auto* t : connections) {
                const auto allowed = std::chrono::seconds(t->headers_done ? limits.body_deadline_s : limits.header_deadline_s);
                if (now - t->since > allowed && t->fd >= 0) {
                    ::shutdown(t->fd, SHUT_RDWR);
                    t->fd = -1;
                }
            }
        }
    }
};

HttpFront::HttpFront(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

HttpFront::~HttpFront() {
    {
        std::lock_guard lock(impl_->mu);
        impl_->stopping = true;
    }
    impl_->stop_cv.notify_all();
    if (impl_->sweeper.joinable()) impl_->sweeper.join();
    if (impl_->daemon) MHD_stop_daemon(impl_->daemon);
}

Result<std::unique_ptr<HttpFront>> HttpFront::start(const std::string& listen, const std::string& cert_pem,
                                                    const std::string& key_pem, const HttpLimits& limits,
                                                    HttpRoutes routes) {
    auto colon = listen.rfind(':');
    if (colon == std::string::npos || colon + 1 == listen.size()) return Error{"--listen takes HOST:PORT"};
    std::string host = listen.substr(0, colon), port = listen.substr(colon + 1);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    addrinfo hints{}, *found = nullptr;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
    if (getaddrinfo(host.empty() ? nullptr : host.c_str(), port.c_str(), &hints, &found) != 0 || !found)
        return Error{"cannot listen on " + listen + ": unknown address"};
    sockaddr_storage addr{};
    std::memcpy(&addr, found->ai_addr, found->ai_addrlen);
    const bool v6 = found->ai_family == AF_INET6;
    freeaddrinfo(found);

    auto impl = std::make_unique<Impl>();
    impl->limits = limits;
    impl->routes = std::move(routes);
    impl->cert = cert_pem;
    impl->key = key_pem;
    Impl* self = impl.get();
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_TLS;
    if (v6) flags |= MHD_USE_IPv6;
    MHD_AccessHandlerCallback access = [](void* cls, MHD_Connection* c, const char* url, const char* method,
                                          const char*, const char* upload, size_t* size, void** con_cls) {
        return static_cast<Impl*>(cls)->access(c, url, method, upload, size, con_cls);
    };
    MHD_RequestCompletedCallback completed = [](void* cls, MHD_Connection* c, void** con_cls,
                                                MHD_RequestTerminationCode) {
        static_cast<Impl*>(cls)->request_done(c, con_cls);
    };
    MHD_NotifyConnectionCallback notify = [](void* cls, MHD_Connection* c, void** socket_context,
                                             MHD_ConnectionNotificationCode code) {
        const auto* info = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
        static_cast<Impl*>(cls)->connection_event(socket_context, code, info ? info->connect_fd : -1);
    };
    MHD_LogCallback quiet = [](void*, const char*, va_list) {};  // refusals are answered, not logged
    impl->daemon = MHD_start_daemon(
        flags, 0, nullptr, nullptr, access, self,
        MHD_OPTION_SOCK_ADDR, reinterpret_cast<sockaddr*>(&addr),
        MHD_OPTION_HTTPS_MEM_CERT, self->cert.c_str(),
        MHD_OPTION_HTTPS_MEM_KEY, self->key.c_str(),
        MHD_OPTION_HTTPS_PRIORITIES, "NORMAL:-VERS-ALL:+VERS-TLS1.3:+VERS-TLS1.2",
        MHD_OPTION_THREAD_POOL_SIZE, static_cast<unsigned>(std::max(1u, limits.threads)),
        MHD_OPTION_CONNECTION_LIMIT, limits.connections,
        MHD_OPTION_PER_IP_CONNECTION_LIMIT, limits.per_address,
        MHD_OPTION_CONNECTION_TIMEOUT, limits.idle_timeout_s,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, static_cast<size_t>(64 * 1024),
        MHD_OPTION_NOTIFY_COMPLETED, completed, self,
        MHD_OPTION_NOTIFY_CONNECTION, notify, self,
        MHD_OPTION_EXTERNAL_LOGGER, quiet, nullptr,
        MHD_OPTION_END);
    if (!impl->daemon)
        return Error{"cannot serve on " + listen + " (address in use or not allowed, or the certificate and key "
                     "do not match)"};
    impl->sweeper = std::thread([self] { self->sweep(); });
    return std::unique_ptr<HttpFront>(new HttpFront(std::move(impl)));
}

}  // namespace aul::sync
