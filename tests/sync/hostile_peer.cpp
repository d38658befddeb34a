// A hostile or broken national server for the tests: a TLS front on loopback that passes
// requests on to a real national-api, except those it was told to spoil. It reads its
// orders from a control file before each request (first line), so a test changes them
// while kiosk-sync runs:
//   pass                    forward everything
//   MODE PATH               spoil requests whose path starts with PATH (e.g. /v1/catalog
//                           or /v1/submissions; * for every path), forward the others
// MODEs:
//   stuck-cursor            a catalogue page with nothing in it that says "more" at the same cursor
//   oversize-page           200 with a 9 MiB catalogue page
//   deep-json               200 with JSON nested 100 000 levels deep
//   retry-after             503 with Retry-After: 999999999
//   html                    200 with a captive portal's web page
//   truncate                forward, then cut the reply off half-way
// Every request is logged to standard output as "METHOD PATH", for counting.
//   hostile_peer --listen PORT --upstream PORT --cert FILE --key FILE --control FILE
#include <httplib.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <mutex>
#include <string>

namespace {

struct Orders {
    std::string mode = "pass", path;
    bool applies_to(const std::string& request_path) const {
        return mode != "pass" && (path == "*" || request_path.rfind(path, 0) == 0);
    }
};

Orders read_orders(const std::string& file) {
    Orders o;
    std::ifstream in(file);
    std::string mode, path;
    if (in >> mode) {
        o.mode = mode;
        in >> o.path;
    }
    return o;
}

std::string since_of(const httplib::Request& req) {
    return req.has_param("since") ? req.get_param_value("since") : "0";
}

void send_cut(httplib::Response& res, const std::string& body, const std::string& type) {
    auto shared = std::make_shared<std::string>(body);
    res.set_content_provider(shared->size(), type, [shared](size_t offset, size_t, httplib::DataSink& sink) {
        if (offset == 0) sink.write(shared->data(), shared->size() / 2);
        return offset == 0;  // the second call fails: the connection is dropped
    });
}

}  // namespace

int main(int argc, char** argv) {
    int listen_port = 0, upstream_port = 0;
    std::string cert, key, control;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string a = argv[i], v = argv[i + 1];
        if (a == "--listen") listen_port = std::atoi(v.c_str());
        else if (a == "--upstream") upstream_port = std::atoi(v.c_str());
        else if (a == "--cert") cert = v;
        else if (a == "--key") key = v;
        else if (a == "--control") control = v;
    }
    if (!listen_port || !upstream_port || cert.empty() || key.empty() || control.empty()) {
        std::fputs("usage: hostile_peer --listen PORT --upstream PORT --cert FILE --key FILE --control FILE\n", stderr);
        return 2;
    }
    httplib::SSLServer server(cert.c_str(), key.c_str());
    if (!server.is_valid()) return 1;
    std::mutex log_mu;

    auto handle = [&](const httplib::Request& req, httplib::Response& res) {
        {
            std::lock_guard lock(log_mu);
            std::printf("%s %s\n", req.method.c_str(), req.path.c_str());
            std::fflush(stdout);
        }
        Orders orders = read_orders(control);
        bool spoil = orders.applies_to(req.path);
        if (spoil && orders.mode == "stuck-cursor") {
            res.set_content("{\"items\":[],\"cursor\":" + since_of(req) + ",\"more\":true}", "application/json");
            return;
        }
        if (spoil && orders.mode == "oversize-page") {
            std::string big = "{\"items\":[],\"cursor\":1,\"more\":false,\"padding\":\"" + std::string(9u << 20, 'x') + "\"}";
            res.set_content(big, "application/json");
            return;
        }
        if (spoil && orders.mode == "deep-json") {
            res.set_content(std::string(100000, '[') + std::string(100000, ']'), "application/json");
            return;
        }
        if (spoil && orders.mode == "retry-after") {
            res.status = 503;
            res.set_header("Retry-After", "999999999");
            res.set_content("{\"error\":\"down for maintenance\",\"retry\":true}", "application/json");
            return;
        }
        if (spoil && orders.mode == "html") {
            res.set_content("<html><body>Welcome! Please log in to use the Wi-Fi.</body></html>", "text/html");
            return;
        }
        // Forwarded to the real server, as it is.
        httplib::SSLClient upstream("127.0.0.1", upstream_port);
        upstream.enable_server_certificate_verification(false);  // loopback, the tests' own server
        upstream.set_read_timeout(30, 0);
        httplib::Headers headers;
        if (req.has_header("Authorization")) headers.emplace("Authorization", req.get_header_value("Authorization"));
        std::string target = req.target.empty() ? req.path : req.target;
        auto reply = req.method == "POST" ? upstream.Post(target, headers, req.body, "application/json")
                                          : upstream.Get(target, headers);
        if (!reply) {
            res.status = 502;
            res.set_content("{\"error\":\"upstream unreachable\",\"retry\":true}", "application/json");
            return;
        }
        res.status = reply->status;
        if (reply->has_header("Retry-After")) res.set_header("Retry-After", reply->get_header_value("Retry-After"));
        if (spoil && orders.mode == "truncate") return send_cut(res, reply->body, "application/json");
        res.set_content(reply->body, reply->get_header_value("Content-Type"));
    };
    server.Get(".*", handle);
    server.Post(".*", handle);
    server.set_read_timeout(15, 0);
    if (!server.listen("127.0.0.1", listen_port)) return 1;
    return 0;
}
