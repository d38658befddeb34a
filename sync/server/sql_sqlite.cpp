// The embedded backend: one SQLite file in the server's data folder (mode 0600), WAL, one
// writer at a time.
#include <sqlite3.h>

#include <unordered_map>

#include "store/db.h"
#include "sync/server/sql.h"

namespace aul::sync::sql {

namespace {

class SqliteConnection final : public Connection {
public:
    explicit SqliteConnection(store::Db db) : db_(std::move(db)) {}

    Backend backend() const override { return Backend::sqlite; }
    std::string describe() const override { return db_.path(); }

    Result<Rows> query(std::string_view sql, const Params& params) override {
        AUL_TRY_ASSIGN(auto* st, bound(sql, params));
        Rows rows;
        const int columns = sqlite3_column_count(st->raw());
        auto walked = st->each_row([&] {
            std::vector<std::optional<std::string>> cells;
            cells.reserve(static_cast<std::size_t>(columns));
            for (int c = 0; c < columns; ++c) {
                if (st->is_null(c))
                    cells.emplace_back();
                else
                    cells.emplace_back(st->text(c));
            }
            rows.emplace_back(std::move(cells));
        });
        st->reset();
        if (!walked) return walked.take_error();
        return rows;
    }

    Result<std::int64_t> execute(std::string_view sql, const Params& params) override {
        AUL_TRY_ASSIGN(auto* st, bound(sql, params));
        auto ran = st->run();
        st->reset();
        if (!ran) return ran.take_error();
        return static_cast<std::int64_t>(sqlite3_changes(db_.raw()));
    }

    Status run_script(std::string_view sql) override { return db_.exec(sql); }
    Status begin_write() override { return db_.exec("BEGIN IMMEDIATE"); }
    Status commit() override { return db_.exec("COMMIT"); }
    void rollback() override {
        if (!sqlite3_get_autocommit(db_.raw())) (void)db_.exec("ROLLBACK");
    }
    Status take_turn(std::string_view) override { return ok_status(); }
    Result<int> schema_version() override {
        AUL_TRY_ASSIGN(auto v, scalar("PRAGMA user_version"));
        return static_cast<int>(v);
    }
    Status set_schema_version(int version) override {
        return db_.exec("PRAGMA user_version=" + std::to_string(version));
    }
    Status lock_schema() override { return ok_status(); }

private:
    // The statement for `sql`, prepared once per connection, with `params` bound as ?1, ?2...
    Result<store::Stmt*> bound(std::string_view sql, const Params& params) {
        auto it = cache_.find(std::string(sql));
        if (it == cache_.end()) {
            AUL_TRY_ASSIGN(auto st, db_.prepare(sql));
            it = cache_.emplace(std::string(sql), std::move(st)).first;
        }
        store::Stmt& st = it->second;
        sqlite3_clear_bindings(st.raw());
        for (std::size_t i = 0; i < params.size(); ++i) {
            const int at = static_cast<int>(i) + 1;
            if (const auto* n = std::get_if<std::int64_t>(&params[i]))
                st.bind(at, *n);
            else if (const auto* s = std::get_if<std::string>(&params[i]))
                st.bind(at, *s);
            else
                st.bind_null(at);
        }
        return &st;
    }

    store::Db db_;
    std::unordered_map<std::string, store::Stmt> cache_;
};

}  // namespace

Result<std::unique_ptr<Connection>> open_sqlite(const std::string& path) {
    // The file holds what residents sent: its owner's alone (0600).
    AUL_TRY_ASSIGN(auto db, store::Db::open(path));
    return std::unique_ptr<Connection>(new SqliteConnection(std::move(db)));
}

}  // namespace aul::sync::sql
