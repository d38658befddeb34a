// national-api: the reference national server — HTTPS API for kiosks and an admin command
// line for operators (see sync/PROTOCOL.md and the README).
#include <atomic>
#include <chrono>
#include <optional>
#include <variant>
#include <csignal>
#include <ctime>
#include <cstdio>
#include <mutex>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <unistd.h>

#include "core/clock.h"
#include "core/text.h"
#include "core/tracking.h"
#include "platform/log.h"
#include "sync/files.h"
#include "sync/protocol.h"
#include "sync/server/bundle_import.h"
#include "sync/server/http_front.h"
#include "sync/server/server_migrate.h"
#include "sync/server/server_store.h"
#include "sync/server/store_pool.h"

using namespace aul;
using namespace aul::sync;

namespace {

using core::now_ms;

int usage() {
    std::fputs("usage: national-api --data DIR [--db URL] COMMAND ...\n"
               "  --data DIR   the server's folder: server.keys (mode 0600), and national.db with SQLite\n"
               "  --db URL     PostgreSQL (postgresql://HOST/DB or libpq key=value, no password: use a PGPASSFILE);\n"
               "               remembered in DIR/database for later commands; without it, SQLite in DIR\n"
               "commands:\n"
               "       national-api --data DIR serve --listen HOST:PORT --cert FILE --key FILE [--faults FILE]\n"
               "                    [--connections N]   (to the database, and worker threads; default 8)\n"
               "                    [--per-address N]   (connections one client address may hold, default 64)\n"
               "                    [--log-level error|warn|info|debug]   (debug: one line a request)\n"
               "       national-api --data DIR init               (make the schema and keys; say where they are)\n"
               "       national-api --data DIR migrate --to URL   (copy a SQLite server into an empty PostgreSQL)\n"
               "       national-api --data DIR enrollment-code [--for KIOSK_CODE]   (--for: re-enrol that kiosk)\n"
               "       national-api --data DIR proposals --json\n"
               "       national-api --data DIR set-status CODE STATE [--answer TEXT]\n"
               "       national-api --data DIR revoke KIOSK_CODE\n"
               "       national-api --data DIR kiosks --json\n"
               "       national-api --data DIR signups            (how many volunteer sign-ups arrived)\n"
               "       national-api --data DIR publish-catalog FILE\n"
               "       national-api --data DIR catalog-pages      (how a new kiosk receives the catalogue)\n"
               "       national-api --data DIR public-key\n"
               "       national-api --data DIR open-contact CODE\n"
               "       national-api --data DIR import-bundle FILE   (a USB bundle carried from an offline kiosk)\n"
               "       national-api --data DIR set-signing-key KIOSK_CODE KEY\n",
               stderr);
    return 2;
}

// Messages may quote what a kiosk or a bundle sent: shown escaped, never acted on by the terminal.
int fail(const std::string& why) {
    platform::log::error(core::escape_for_terminal(why));
    return 1;
}

// Lines of JSON built from what kiosks sent, printed for an operator's terminal or a script.
void print_json_lines(const std::string& lines) { std::fputs(core::escape_json_for_terminal(lines).c_str(), stdout); }

HttpReply error_reply(int status, const std::string& message, bool retry) {
    HttpReply r;
    r.status = status;
    r.body = encode_error(message, retry);
    return r;
}

HttpReply json_reply(std::string body) {
    HttpReply r;
    r.body = std::move(body);
    return r;
}

// A database that is failing over, or busy with concurrent writers past retrying: the
// request is worth sending again in a moment.
bool passing(const Error& e) { return e.code == sql::kUnavailable || e.code == sql::kConflict; }

// The kiosk behind the request's bearer token, or the refusal to answer.
std::variant<Kiosk, HttpReply> authorise(ServerStore& store, const HttpRequest& req) {
    const std::string prefix = "Bearer ";
    if (req.authorization.rfind(prefix, 0) != 0) return error_reply(401, "missing bearer token", false);
    auto k = store.kiosk_for_token(req.authorization.substr(prefix.size()));
    if (!k) return error_reply(503, k.error(), true);
    if (!k->has_value()) return error_reply(401, "unknown token: enrol this kiosk again", false);
    if ((*k)->revoked) return error_reply(403, "this kiosk was revoked by the national operators", false);
    return **k;
}

// Fault switches for tests and drills: when `--faults FILE` names a file, its first line
// decides how the next replies misbehave, as a poor village line or a captive portal would:
//   status N [RETRY_AFTER]   answer N (with Retry-After) without doing anything
//   html                     answer 200 with a web page
//   garbage                  answer 200 with a body that is not JSON
//   huge                     answer 200 with 9 MiB
//   slow SECONDS             wait, then answer normally
//   delay MILLISECONDS       a slow line: every request waits this long
//   truncate                 do the work, then cut the reply off half-way
struct Fault {
    std::string mode;
    int a = 0, b = -1;
};

Fault read_fault(const std::string& path) {
    Fault f;
    if (path.empty()) return f;
    std::FILE* in = std::fopen(path.c_str(), "r");
    if (!in) return f;
    char mode[32] = {0};
    if (std::fscanf(in, "%31s %d %d", mode, &f.a, &f.b) >= 1) f.mode = mode;
    std::fclose(in);
    return f;
}

// Faults that replace the whole exchange: the reply, or nothing when the request goes on.
std::optional<HttpReply> answer_with_fault(const Fault& f) {
    if (f.mode == "status") {
        auto r = error_reply(f.a, "fault switch: status " + std::to_string(f.a), true);
        if (f.b >= 0) r.headers.emplace_back("Retry-After", std::to_string(f.b));
        return r;
    }
    if (f.mode == "html") {
        HttpReply r;
        r.body = "<html><body>Welcome! Please log in to use the Wi-Fi.</body></html>";
        r.content_type = "text/html";
        return r;
    }
    if (f.mode == "garbage") return json_reply("{\"results\": [");
    if (f.mode == "huge") return json_reply(std::string(9u << 20, ' '));
    if (f.mode == "slow") std::this_thread::sleep_for(std::chrono::seconds(f.a));
    if (f.mode == "delay") std::this_thread::sleep_for(std::chrono::milliseconds(f.a));
    return std::nullopt;
}

// The kiosk API: what each path answers, given the request and a database connection.
class KioskApi {
public:
    KioskApi(StorePool& pool, std::string faults) : pool_(pool), faults_(std::move(faults)) {}

    // Before the body: the fault switch, unknown paths and missing or bad tokens are
    // answered without reading a byte of it.
    std::optional<HttpReply> on_headers(const HttpRequest& req) {
        if (auto fault = answer_with_fault(read_fault(faults_))) return fault;
        const Route* route = find(req);
        if (!route) return error_reply(404, "no such endpoint", false);
        if (!route->needs_kiosk) return std::nullopt;
        auto store = pool_.borrow();
        auto k = authorise(*store, req);
        if (auto* refused = std::get_if<HttpReply>(&k)) return std::move(*refused);
        return std::nullopt;
    }

    HttpReply on_request(const HttpRequest& req) {
        const Route* route = find(req);
        if (!route) return error_reply(404, "no such endpoint", false);
        auto store = pool_.borrow();
        Kiosk kiosk;
        if (route->needs_kiosk) {
            auto k = authorise(*store, req);
            if (auto* refused = std::get_if<HttpReply>(&k)) return std::move(*refused);
            kiosk = std::get<Kiosk>(k);
        }
        HttpReply reply = (this->*(route->answer))(*store, kiosk, req);
        if (reply.status == 200 && route->may_cut && read_fault(faults_).mode == "truncate") reply.cut_off = true;
        return reply;
    }

private:
    using Answer = HttpReply (KioskApi::*)(ServerStore&, const Kiosk&, const HttpRequest&);
    struct Route {
        const char* method;
        const char* path;
        bool needs_kiosk;
        bool may_cut;  // the truncate fault cuts its reply
        Answer answer;
    };
    static const Route kRoutes[];

    static const Route* find(const HttpRequest& req);

    HttpReply enroll(ServerStore& store, const Kiosk&, const HttpRequest& req) {
        auto msg = decode_enroll_request(req.body);
        if (!msg) return error_reply(400, msg.error(), false);
        auto out = store.enroll(*msg);
        if (!out && passing(out.error_value())) return error_reply(503, out.error(), true);
        if (!out) return error_reply(403, out.error(), false);
        return json_reply(encode(*out));
    }
    HttpReply submit(ServerStore& store, const Kiosk& k, const HttpRequest& req) {
        auto msg = decode_submit_request(req.body);
        if (!msg) return error_reply(400, msg.error(), false);
        auto out = store.submit(k, *msg, now_ms());
        if (!out) return error_reply(503, out.error(), true);
        return json_reply(encode(*out));
    }
    HttpReply heartbeat(ServerStore& store, const Kiosk& k, const HttpRequest& req) {
        auto hb = decode_heartbeat(req.body);
        if (!hb) return error_reply(400, hb.error(), false);
        if (auto s = store.record_heartbeat(k, *hb, now_ms()); !s) return error_reply(503, s.error(), true);
        return json_reply("{}");
    }
    HttpReply catalog(ServerStore& store, const Kiosk&, const HttpRequest& req) {
        auto page = store.catalog_since(std::atoll(req.param("since").c_str()));
        if (!page) return error_reply(503, page.error(), true);
        return json_reply(encode(*page));
    }
    HttpReply status(ServerStore& store, const Kiosk& k, const HttpRequest& req) {
        auto out = store.status_since(k, std::atoll(req.param("since").c_str()));
        if (!out) return error_reply(503, out.error(), true);
        return json_reply(encode(*out));
    }
    HttpReply identity(ServerStore& store, const Kiosk& k, const HttpRequest&) {
        auto out = store.identity(k);
        if (!out) return error_reply(503, out.error(), true);
        return json_reply(encode(*out));
    }
    // Any kiosk may follow any code: state, history and answer only, counted per kiosk.
    HttpReply track(ServerStore& store, const Kiosk& k, const HttpRequest& req) {
        std::string code = req.param("code");
        if (code.empty() || code.size() > core::kTrackingLength)
            return error_reply(400, "give one tracking code: /v1/track?code=CODE", false);
        auto out = store.look_up(k, code, now_ms());
        if (!out) return error_reply(503, out.error(), true);
        if (!out->answer) {
            auto r = error_reply(429, "this kiosk has looked up too many tracking codes this hour", true);
            r.headers.emplace_back("Retry-After", std::to_string(out->retry_after_s));
            return r;
        }
        return json_reply(encode(*out->answer));
    }

    StorePool& pool_;
    std::string faults_;
};

const KioskApi::Route KioskApi::kRoutes[] = {
    {"POST", "/v1/enroll", false, true, &KioskApi::enroll},
    {"POST", "/v1/submissions", true, true, &KioskApi::submit},
    {"POST", "/v1/heartbeat", true, false, &KioskApi::heartbeat},
    {"GET", "/v1/catalog", true, false, &KioskApi::catalog},
    {"GET", "/v1/status", true, false, &KioskApi::status},
    {"GET", "/v1/kiosk", true, false, &KioskApi::identity},
    {"GET", "/v1/track", true, false, &KioskApi::track},
};

const KioskApi::Route* KioskApi::find(const HttpRequest& req) {
    for (const auto& r : kRoutes)
        if (req.method == r.method && req.path == r.path) return &r;
    return nullptr;
}

std::atomic<bool> g_stop{false};

int serve(StorePool& pool, const std::string& listen, const std::string& cert, const std::string& key,
          const std::string& faults, const HttpLimits& limits) {
    auto cert_pem = read_whole_file(cert, 1 << 20);
    if (!cert_pem) return fail("cannot start TLS: " + cert_pem.error());
    auto key_pem = read_whole_file(key, 1 << 20);
    if (!key_pem) return fail("cannot start TLS: " + key_pem.error());
    KioskApi api(pool, faults);
    HttpRoutes routes;
    routes.on_headers = [&](const HttpRequest& req) { return api.on_headers(req); };
    routes.on_request = [&](const HttpRequest& req) { return api.on_request(req); };
    // Method, path and status only: bodies carry proposals and sealed contacts.
    if (platform::log::enabled(platform::log::Level::debug))
        routes.on_done = [](const HttpRequest& req, int status) {
            platform::log::debug(req.method + " " + core::escape_for_terminal(req.path) + " " + std::to_string(status) +
                                 " from " + req.remote);
        };
    auto front = HttpFront::start(listen, *cert_pem, *key_pem, limits, std::move(routes));
    if (!front) return fail(front.error());
    platform::log::info("serving https://" + listen + " (" + std::to_string(pool.size()) + " connections to " +
                        pool.borrow()->db().describe() + ")");
    std::signal(SIGTERM, [](int) { g_stop = true; });
    std::signal(SIGINT, [](int) { g_stop = true; });
    while (!g_stop) std::this_thread::sleep_for(std::chrono::milliseconds(200));
    platform::log::info("stopping");
    return 0;
}

// Imports a USB bundle and says what became of its items; exit 1 when the bundle itself
// is refused (nothing stored then).
int import_bundle_file(ServerStore& store, const std::string& path) {
    auto file = read_whole_file(path);
    if (!file) return fail(file.error());
    auto rep = import_bundle(store, *file, now_ms());
    if (!rep) return fail(path + ": " + rep.error());
    std::time_t written = static_cast<std::time_t>(rep->created_ms / 1000);
    std::tm tm{};
    gmtime_r(&written, &tm);
    char when[32];
    std::strftime(when, sizeof when, "%Y-%m-%d %H:%M UTC", &tm);
    std::printf("bundle from kiosk %s written %s: %zu stored, %zu duplicates, %zu conflicts, %zu rejected\n",
                core::escape_for_terminal(rep->kiosk_code).c_str(), when, rep->stored, rep->duplicates, rep->conflicts,
                rep->rejected);
    // Ids and reasons may repeat what the bundle held: escaped, so a forged id cannot drive the terminal.
    for (const auto& r : rep->refused)
        std::printf("%s %s: %s\n", std::string(item_status_name(r.status)).c_str(),
                    core::escape_for_terminal(r.id).c_str(), core::escape_for_terminal(r.reason).c_str());
    return 0;
}

}  // namespace

// Copies the SQLite server of `dir` into the empty PostgreSQL database at `url`, then
// remembers `url` as the folder's database.
int migrate_to(const std::string& dir, const std::string& url) {
    if (url.empty()) return usage();
    if (::access((dir + "/national.db").c_str(), F_OK) != 0) return fail("no SQLite server database in " + dir);
    auto from = ServerStore::open(ServerDatabase{dir, ""});
    if (!from) return fail(from.error());
    auto to = ServerStore::open(ServerDatabase{dir, url});
    if (!to) return fail(to.error());
    auto rep = copy_server_data(*from, *to);
    if (!rep) return fail("nothing was migrated: " + rep.error());
    for (const auto& [table, rows] : rep->rows) std::printf("%-18s %lld rows\n", table.c_str(), static_cast<long long>(rows));
    if (auto s = remembered_database(dir, url); !s) return fail(s.error());
    std::printf("migrated into %s; %s/national.db is no longer used (keep it until you have checked)\n",
                to->db().describe().c_str(), dir.c_str());
    return 0;
}

int main(int argc, char** argv) {
    platform::log::init("national-api");
    std::signal(SIGPIPE, SIG_IGN);
    // --data DIR [--db URL] COMMAND ...: the --db pair is taken out, the rest read by position.
    std::string db_given;
    std::vector<char*> kept(argv, argv + argc);
    if (kept.size() >= 5 && std::string(kept[3]) == "--db") {
        db_given = kept[4];
        kept.erase(kept.begin() + 3, kept.begin() + 5);
    }
    argc = static_cast<int>(kept.size());
    argv = kept.data();
    if (argc < 4 || std::string(argv[1]) != "--data") return usage();
    auto opt = [&](const char* name) -> std::string {
        for (int i = 4; i + 1 < argc; ++i)
            if (name == std::string(argv[i])) return argv[i + 1];
        return {};
    };
    if (std::string level = opt("--log-level"); !level.empty() && !platform::log::set_level_option(level)) return 2;
    const std::string dir = argv[2], cmd = argv[3];
    if (cmd == "migrate") return migrate_to(dir, opt("--to"));
    auto database = remembered_database(dir, db_given);
    if (!database) return fail(database.error());
    auto store = ServerStore::open(ServerDatabase{dir, *database});
    if (!store) return fail(store.error());
    if (cmd == "init") {
        std::printf("ready: %s, keys in %s/%s\n", store->db().describe().c_str(), dir.c_str(), kServerKeysFile);
        return 0;
    }
    if (cmd == "serve") {
        std::string listen = opt("--listen"), cert = opt("--cert"), key = opt("--key");
        if (listen.empty() || cert.empty() || key.empty()) return usage();
        int connections = opt("--connections").empty() ? 8 : std::atoi(opt("--connections").c_str());
        if (connections < 1 || connections > 256) return fail("--connections takes 1 to 256");
        HttpLimits limits;
        limits.max_body_bytes = kMaxRequestBytes;
        limits.threads = static_cast<unsigned>(connections);
        if (std::string n = opt("--per-address"); !n.empty()) {
            limits.per_address = static_cast<unsigned>(std::atoi(n.c_str()));
            if (limits.per_address < 1 || limits.per_address > 100000) return fail("--per-address takes 1 to 100000");
        }
        auto pool = StorePool::open(std::move(*store), static_cast<std::size_t>(connections));
        if (!pool) return fail(pool.error());
        return serve(**pool, listen, cert, key, opt("--faults"), limits);
    }
    if (cmd == "enrollment-code" && (argc == 4 || (argc == 6 && std::string(argv[4]) == "--for"))) {
        std::string for_kiosk = argc == 6 ? argv[5] : "";
        auto code = store->new_enrollment_code(for_kiosk);
        if (!code) return fail(code.error());
        if (!for_kiosk.empty())
            std::fprintf(stderr, "for kiosk %s only: it keeps its code, its previous token ends when it enrols\n",
                         for_kiosk.c_str());
        std::printf("%s\n", code->c_str());
        return 0;
    }
    if (cmd == "proposals") {
        auto lines = store->proposals_json();
        if (!lines) return fail(lines.error());
        print_json_lines(*lines);
        return 0;
    }
    if (cmd == "set-status" && argc >= 6) {
        auto s = store->set_status(argv[4], argv[5], opt("--answer"), now_ms());
        if (!s) return fail(s.error());
        std::printf("%s is now %s\n", argv[4], argv[5]);
        return 0;
    }
    if (cmd == "publish-catalog" && argc == 5) {
        auto text = read_whole_file(argv[4]);
        if (!text) return fail(text.error());
        auto rep = store->publish_catalog(*text, now_ms());
        if (!rep) return fail(rep.error());
        std::printf("published: %zu new or changed, %zu removed, catalogue version %lld\n", rep->changed, rep->deleted,
                    static_cast<long long>(rep->version));
        return 0;
    }
    if (cmd == "catalog-pages") {
        // How a kiosk starting from nothing receives the catalogue: pages and their sizes.
        std::size_t pages = 0, largest = 0, total = 0;
        for (std::int64_t since = 0;;) {
            auto page = store->catalog_since(since);
            if (!page) return fail(page.error());
            std::size_t bytes = encode(*page).size();
            ++pages;
            total += bytes;
            largest = std::max(largest, bytes);
            if (!page->more) break;
            since = page->cursor;
        }
        std::printf("pages %zu, largest %zu bytes of JSON, all %zu bytes (page budget %zu, kiosks accept %zu)\n", pages,
                    largest, total, kCatalogPageBytes, kMaxResponseBytes);
        return 0;
    }
    if (cmd == "signups") {
        auto n = store->signup_count();
        if (!n) return fail(n.error());
        std::printf("%lld\n", static_cast<long long>(*n));
        return 0;
    }
    if (cmd == "kiosks") {
        auto lines = store->kiosks_json();
        if (!lines) return fail(lines.error());
        print_json_lines(*lines);
        return 0;
    }
    if (cmd == "public-key") {
        auto key = store->public_key();
        if (!key) return fail(key.error());
        std::printf("%s\n", key->c_str());
        return 0;
    }
    if (cmd == "open-contact" && argc == 5) {
        auto contact = store->open_contact(argv[4]);
        if (!contact) return fail(contact.error());
        std::printf("%s\n", core::escape_json_for_terminal(*contact).c_str());
        return 0;
    }
    if (cmd == "import-bundle" && argc == 5) return import_bundle_file(*store, argv[4]);
    if (cmd == "set-signing-key" && argc == 6) {
        auto s = store->set_signing_key(argv[4], argv[5]);
        if (!s) return fail(s.error());
        std::printf("kiosk %s: signing key registered\n", argv[4]);
        return 0;
    }
    if (cmd == "revoke" && argc == 5) {
        auto s = store->revoke(argv[4]);
        if (!s) return fail(s.error());
        std::printf("kiosk %s revoked\n", argv[4]);
        return 0;
    }
    return usage();
}
