// The backend for national scale: PostgreSQL through libpq. Several server instances share
// one database; a write transaction runs SERIALIZABLE, so what it read still holds when it
// commits, or it fails with kConflict and is run again (sql::write_transaction). Unique
// keys are the database's, never a process's memory.
#include <libpq-fe.h>

#include <cstring>
#include <unordered_map>

#include "sync/server/sql.h"

namespace aul::sync::sql {

namespace {

constexpr unsigned kInt8Oid = 20;  // bigint, for integer parameters; text is left to PostgreSQL to infer

struct ResultDeleter {
    void operator()(PGresult* r) const { PQclear(r); }
};
using PgResult = std::unique_ptr<PGresult, ResultDeleter>;

// ?1, ?2... as PostgreSQL's $1, $2..., leaving quoted text alone.
std::string to_dollar_placeholders(std::string_view sql) {
    std::string out;
    out.reserve(sql.size());
    char quote = 0;
    for (char c : sql) {
        if (quote) {
            if (c == quote) quote = 0;
        } else if (c == '\'' || c == '"') {
            quote = c;
        } else if (c == '?') {
            c = '$';
        }
        out.push_back(c);
    }
    return out;
}

bool starts_with(const char* s, const char* prefix) { return s && std::strncmp(s, prefix, std::strlen(prefix)) == 0; }

class PostgresConnection final : public Connection {
public:
    PostgresConnection(PGconn* conn, std::string where) : conn_(conn), where_(std::move(where)) {}
    ~PostgresConnection() override { PQfinish(conn_); }

    Backend backend() const override { return Backend::postgres; }
    std::string describe() const override { return where_; }

    Result<Rows> query(std::string_view sql, const Params& params) override {
        AUL_TRY_ASSIGN(auto res, run(sql, params));
        Rows rows;
        const int n = PQntuples(res.get()), columns = PQnfields(res.get());
        rows.reserve(static_cast<std::size_t>(n));
        for (int r = 0; r < n; ++r) {
            std::vector<std::optional<std::string>> cells;
            cells.reserve(static_cast<std::size_t>(columns));
            for (int c = 0; c < columns; ++c) {
                if (PQgetisnull(res.get(), r, c))
                    cells.emplace_back();
                else
                    cells.emplace_back(std::string(PQgetvalue(res.get(), r, c),
                                                   static_cast<std::size_t>(PQgetlength(res.get(), r, c))));
            }
            rows.emplace_back(std::move(cells));
        }
        return rows;
    }

    Result<std::int64_t> execute(std::string_view sql, const Params& params) override {
        AUL_TRY_ASSIGN(auto res, run(sql, params));
        const char* changed = PQcmdTuples(res.get());
        return changed && *changed ? std::atoll(changed) : 0;
    }

    Status run_script(std::string_view sql) override {
        AUL_TRY(connected());
        PgResult res(PQexec(conn_, std::string(sql).c_str()));
        return checked(res);
    }

    Status begin_write() override {
        AUL_TRY(connected());
        PgResult res(PQexec(conn_, "BEGIN ISOLATION LEVEL SERIALIZABLE"));
        AUL_TRY(checked(res));
        in_write_ = true;
        return ok_status();
    }
    Status commit() override {
        PgResult res(PQexec(conn_, "COMMIT"));
        in_write_ = false;
        // COMMIT of an aborted transaction answers ROLLBACK without an error: not committed.
        if (PQresultStatus(res.get()) == PGRES_COMMAND_OK && starts_with(PQcmdStatus(res.get()), "ROLLBACK"))
            return Error{"the transaction was rolled back", kConflict};
        return checked(res);
    }
    void rollback() override {
        in_write_ = false;
        if (PQstatus(conn_) == CONNECTION_OK && PQtransactionStatus(conn_) != PQTRANS_IDLE)
            PgResult(PQexec(conn_, "ROLLBACK"));
    }
    Status take_turn(std::string_view what) override {
        AUL_TRY(execute("SELECT pg_advisory_xact_lock(7419, hashtext(?1))", {std::string(what)}));
        return ok_status();
    }
    Result<int> schema_version() override {
        AUL_TRY_ASSIGN(auto exists, scalar("SELECT count(*) FROM pg_tables WHERE tablename = 'aul_schema' AND "
                                           "schemaname = current_schema()"));
        if (exists == 0) return 0;
        AUL_TRY_ASSIGN(auto v, scalar("SELECT version FROM aul_schema WHERE id = 1"));
        return static_cast<int>(v);
    }
    Status set_schema_version(int version) override {
        AUL_TRY(run_script("CREATE TABLE IF NOT EXISTS aul_schema(id INTEGER PRIMARY KEY CHECK (id = 1), "
                           "version INTEGER NOT NULL)"));
        AUL_TRY(execute("INSERT INTO aul_schema(id, version) VALUES (1, ?1) ON CONFLICT(id) DO UPDATE SET version = ?1",
                        {static_cast<std::int64_t>(version)}));
        return ok_status();
    }
    Status lock_schema() override {
        PgResult res(PQexec(conn_, "SELECT pg_advisory_xact_lock(7420, 1)"));
        return checked(res);
    }

private:
    // A lost connection (a restart, a failover) is opened again before the next statement;
    // its prepared statements went with it.
    Status connected() {
        if (PQstatus(conn_) == CONNECTION_OK) return ok_status();
        prepared_.clear();
        in_write_ = false;
        PQreset(conn_);
        if (PQstatus(conn_) == CONNECTION_OK) return ok_status();
        return Error{"the database " + where_ + " cannot be reached: " + message(), kUnavailable};
    }

    std::string message() const {
        std::string m = PQerrorMessage(conn_);
        while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
        return m;
    }

    Status checked(const PgResult& res) {
        auto status = PQresultStatus(res.get());
        if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return ok_status();
        const char* state = res ? PQresultErrorField(res.get(), PG_DIAG_SQLSTATE) : nullptr;
        const char* primary = res ? PQresultErrorField(res.get(), PG_DIAG_MESSAGE_PRIMARY) : nullptr;
        std::string why = "PostgreSQL " + where_ + ": " + (primary ? std::string(primary) : message());
        if (!state || PQstatus(conn_) != CONNECTION_OK || starts_with(state, "08") || starts_with(state, "57P") ||
            std::strcmp(state, "25006") == 0)  // lost, shutting down, or a standby that cannot write
            return Error{why, kUnavailable};
        if (std::strcmp(state, "40001") == 0 || std::strcmp(state, "40P01") == 0 ||
            (in_write_ && std::strcmp(state, "23505") == 0))
            return Error{why, kConflict};
        return Error{why};
    }

    // Prepares `sql` once per session and runs it with `params` as text.
    Result<PgResult> run(std::string_view sql, const Params& params) {
        AUL_TRY(connected());
        std::string key(sql);
        auto it = prepared_.find(key);
        if (it == prepared_.end()) {
            std::vector<unsigned> types;
            for (const auto& p : params) types.push_back(std::holds_alternative<std::int64_t>(p) ? kInt8Oid : 0);
            std::string name = "s" + std::to_string(prepared_.size() + 1);
            PgResult made(PQprepare(conn_, name.c_str(), to_dollar_placeholders(sql).c_str(),
                                    static_cast<int>(types.size()), types.data()));
            AUL_TRY(checked(made));
            it = prepared_.emplace(std::move(key), std::move(name)).first;
        }
        std::vector<std::string> texts(params.size());
        std::vector<const char*> values(params.size(), nullptr);
        for (std::size_t i = 0; i < params.size(); ++i) {
            if (const auto* n = std::get_if<std::int64_t>(&params[i])) {
                texts[i] = std::to_string(*n);
            } else if (const auto* s = std::get_if<std::string>(&params[i])) {
                // Text goes as a C string: a NUL would cut it short unseen.
                if (s->find('\0') != std::string::npos) return Error{"a value holds a NUL character"};
                texts[i] = *s;
            } else {
                continue;  // NULL
            }
            values[i] = texts[i].c_str();
        }
        PgResult res(PQexecPrepared(conn_, it->second.c_str(), static_cast<int>(values.size()), values.data(), nullptr,
                                    nullptr, 0));
        AUL_TRY(checked(res));
        return res;
    }

    PGconn* conn_;
    std::string where_;
    std::unordered_map<std::string, std::string> prepared_;
    bool in_write_ = false;
};

// "database D on host H" from what libpq connected to: shown in messages and logs.
std::string where_of(PGconn* conn) {
    const char* host = PQhost(conn);
    const char* port = PQport(conn);
    return std::string("postgresql database ") + PQdb(conn) + " at " + (host ? host : "") + ":" + (port ? port : "");
}

}  // namespace

Status check_conninfo(const std::string& conninfo) {
    char* err = nullptr;
    PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), &err);
    if (!options) {
        std::string why = err ? err : "out of memory";
        PQfreemem(err);
        while (!why.empty() && why.back() == '\n') why.pop_back();
        return Error{"cannot read the database address: " + why};
    }
    bool has_password = false;
    for (auto* o = options; o->keyword; ++o)
        if (std::strcmp(o->keyword, "password") == 0 && o->val && *o->val) has_password = true;
    PQconninfoFree(options);
    if (has_password)
        return Error{"the database address holds a password: put it in a password file (PGPASSFILE, or "
                     "~/.pgpass of the server's user, mode 0600) or a service file, and give the address without it"};
    return ok_status();
}

Result<std::unique_ptr<Connection>> open_postgres(const std::string& conninfo) {
    AUL_TRY(check_conninfo(conninfo));
    PGconn* conn = PQconnectdb(conninfo.c_str());
    if (!conn) return Error{"cannot allocate a database connection", kUnavailable};
    if (PQstatus(conn) != CONNECTION_OK) {
        std::string why = PQerrorMessage(conn);
        PQfinish(conn);
        while (!why.empty() && why.back() == '\n') why.pop_back();
        return Error{"cannot connect to the database: " + why, kUnavailable};
    }
    // Notices (e.g. "relation already exists, skipping") are not the operators' business.
    PQsetNoticeProcessor(conn, [](void*, const char*) {}, nullptr);
    return std::unique_ptr<Connection>(new PostgresConnection(conn, where_of(conn)));
}

}  // namespace aul::sync::sql
