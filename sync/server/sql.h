// The national server's database, whichever it is: SQLite (one file, the embedded default)
// or PostgreSQL (several server instances, a standby). The server's logic is written once
// against this interface, in SQL both understand; each backend translates the little that
// differs (placeholders, transactions, schema version, errors).
//
// SQL conventions for both: parameters are ?1, ?2...; INSERT ... ON CONFLICT for upserts;
// RETURNING; no functions of one backend only (times come from the caller, not the SQL).
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/result.h"

namespace aul::sync::sql {

enum class Backend { sqlite, postgres };

// A parameter: NULL, an integer or text.
using Value = std::variant<std::nullptr_t, std::int64_t, std::string>;
using Params = std::vector<Value>;

// One row of a result, every cell as text (NULL kept apart); integers are parsed on demand.
class Row {
public:
    explicit Row(std::vector<std::optional<std::string>> cells) : cells_(std::move(cells)) {}
    const std::string& text(std::size_t col) const;  // "" for NULL
    std::int64_t integer(std::size_t col) const;     // 0 for NULL or not a number
    bool is_null(std::size_t col) const { return !cells_.at(col).has_value(); }
    std::size_t size() const { return cells_.size(); }

private:
    std::vector<std::optional<std::string>> cells_;
};
using Rows = std::vector<Row>;

// Error codes of this layer (below Aul's others; SQLite's own codes are positive).
// kConflict: the transaction met a concurrent one (PostgreSQL's serialization failure,
// deadlock, or a unique key another instance just took): running it again is correct.
inline constexpr int kConflict = -40001;
// kUnavailable: the database cannot be reached (down, failing over): try again later.
inline constexpr int kUnavailable = -40002;

class Connection {
public:
    virtual ~Connection() = default;
    virtual Backend backend() const = 0;
    // Where it is, for messages: a file path, or host and database (never a password).
    virtual std::string describe() const = 0;
    // Runs one statement and returns its rows (a RETURNING clause's too).
    virtual Result<Rows> query(std::string_view sql, const Params& params = {}) = 0;
    // Runs one statement and returns how many rows it inserted, changed or deleted.
    virtual Result<std::int64_t> execute(std::string_view sql, const Params& params = {}) = 0;
    // Several statements without parameters (schema migrations).
    virtual Status run_script(std::string_view sql) = 0;
    // A write transaction as if alone: SQLite's BEGIN IMMEDIATE (one writer at a time),
    // PostgreSQL's SERIALIZABLE (a concurrent writer's conflict fails with kConflict).
    virtual Status begin_write() = 0;
    virtual Status commit() = 0;
    virtual void rollback() = 0;
    // Inside a write transaction: writers that take numbers from a sequence commit in the
    // order they took them, so a reader following the numbers never skips one committed
    // late. SQLite's writers are one at a time already.
    virtual Status take_turn(std::string_view what) = 0;
    // The schema version (0 for an empty database), and setting it inside a migration.
    virtual Result<int> schema_version() = 0;
    virtual Status set_schema_version(int version) = 0;
    // Inside a migration's transaction: only one process migrates at a time.
    virtual Status lock_schema() = 0;

    // A single integer, e.g. SELECT count(*); 0 when there is no row.
    Result<std::int64_t> scalar(std::string_view sql, const Params& params = {});
};

Result<std::unique_ptr<Connection>> open_sqlite(const std::string& path);
// `conninfo`: a libpq connection string or postgresql:// URI. One holding a password is
// refused: passwords belong in a PGPASSFILE or service file, not on a command line.
Result<std::unique_ptr<Connection>> open_postgres(const std::string& conninfo);
// The URI or key=value string as it may be shown and stored: an error when it holds a
// password, or when libpq cannot read it.
Status check_conninfo(const std::string& conninfo);

// One step of a schema: brings the database to `version`.
struct Migration {
    int version;
    const char* sql;
};
// Runs every step above the database's version up to `up_to`, each in its own
// transaction, one process at a time; a database newer than the last step is refused.
Status migrate(Connection& db, std::span<const Migration> steps, int up_to = 1 << 30);

inline constexpr int kWriteAttempts = 8;
void back_off(int attempt);  // a short random wait, longer with each attempt

// Runs `body` (returning a Result) in a write transaction and commits when it succeeds;
// a failure rolls back. A conflict with a concurrent writer runs the whole body again, up
// to kWriteAttempts times: `body` must read what it decides on inside the transaction.
template <typename F>
auto write_transaction(Connection& db, F&& body) -> decltype(body()) {
    for (int attempt = 1;; ++attempt) {
        Error failure;
        if (auto began = db.begin_write(); !began) {
            failure = began.take_error();
        } else {
            auto out = body();
            if (out) {
                auto done = db.commit();
                if (done) return out;
                failure = done.take_error();
            } else {
                failure = out.take_error();
            }
            db.rollback();
        }
        if (failure.code != kConflict || attempt == kWriteAttempts) return failure;
        back_off(attempt);
    }
}

}  // namespace aul::sync::sql
