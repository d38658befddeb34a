// A thin SQLite layer: connections, prepared statements, transactions, all returning
// Results. Bound parameters only; no SQL is built from data.
#pragma once
#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "core/result.h"

namespace aul::store {

class Stmt {
public:
    Stmt() = default;
    Stmt(sqlite3* db, sqlite3_stmt* s) : db_(db), s_(s) {}
    Stmt(Stmt&& o) noexcept : db_(o.db_), s_(std::exchange(o.s_, nullptr)) {}
    Stmt& operator=(Stmt&& o) noexcept {
        if (this != &o) {
            sqlite3_finalize(s_);
            db_ = o.db_;
            s_ = std::exchange(o.s_, nullptr);
        }
        return *this;
    }
    ~Stmt() { sqlite3_finalize(s_); }

    // Binding is 1-based like SQLite; chains for brevity.
    Stmt& bind(int i, std::string_view v);
    Stmt& bind(int i, std::int64_t v);
    Stmt& bind(int i, int v) { return bind(i, static_cast<std::int64_t>(v)); }
    Stmt& bind(int i, bool v) { return bind(i, static_cast<std::int64_t>(v ? 1 : 0)); }
    Stmt& bind_null(int i);

    // true: a row is ready; false: done. Errors come back as Result.
    Result<bool> step();
    // Steps through every row, calling `on_row()` with the statement on it; the first
    // error ends the walk and comes back.
    template <typename F>
    Status each_row(F&& on_row) {
        for (;;) {
            AUL_TRY_ASSIGN(bool row, step());
            if (!row) return ok_status();
            on_row();
        }
    }
    // Runs to completion, for statements that return no rows.
    Status run();
    void reset();

    std::string text(int col) const;
    std::int64_t integer(int col) const;
    bool is_null(int col) const;
    sqlite3_stmt* raw() const { return s_; }

private:
    sqlite3* db_ = nullptr;
    sqlite3_stmt* s_ = nullptr;
};

struct OpenOptions {
    int busy_timeout_ms = 5000;  // another process (kiosk-sync) may hold the write lock
    bool read_only = false;
    // The file (and its -wal, -shm) is its group's too, mode 0660: the kiosk's database,
    // shared by the kiosk and kiosk-sync, two users of one group. Otherwise 0600 (the
    // national server's database holds the key that opens every resident's contacts).
    bool shared_with_group = false;
};

class Db {
public:
    Db() = default;
    Db(Db&& o) noexcept : db_(std::exchange(o.db_, nullptr)), path_(std::move(o.path_)) {}
    Db& operator=(Db&& o) noexcept {
        if (this != &o) {
            close();
            db_ = std::exchange(o.db_, nullptr);
            path_ = std::move(o.path_);
        }
        return *this;
    }
    ~Db() { close(); }

    // Opens (creating if needed) with WAL, foreign keys and a busy timeout.
    static Result<Db> open(const std::string& path, const OpenOptions& opts = {});

    Result<Stmt> prepare(std::string_view sql) const;
    Status exec(std::string_view sql) const;  // for fixed SQL text without parameters
    Result<std::int64_t> scalar_int(std::string_view sql) const;
    std::string last_error() const { return db_ ? sqlite3_errmsg(db_) : "no database"; }
    std::int64_t last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }
    sqlite3* raw() const { return db_; }
    const std::string& path() const { return path_; }
    void close();

private:
    sqlite3* db_ = nullptr;
    std::string path_;
};

// BEGIN IMMEDIATE on construction (takes the write lock up front so a busy database
// is waited for at the start, not half-way); ROLLBACK unless commit() succeeded.
class WriteTx {
public:
    static Result<WriteTx> begin(const Db& db);
    WriteTx(WriteTx&& o) noexcept : db_(std::exchange(o.db_, nullptr)) {}
    WriteTx& operator=(WriteTx&&) = delete;
    ~WriteTx();
    Status commit();

private:
    explicit WriteTx(const Db* db) : db_(db) {}
    const Db* db_ = nullptr;
};

// Free space for the folder `dir` in KiB (what an unprivileged writer may use), -1 when it
// cannot be read.
std::int64_t free_disk_kib(const std::string& dir);

// SQLite's result code says the file itself is damaged ("corrupt", "not a database"). A
// full disk, an I/O error or a lock never do: a sound file must not be sent aside for them.
inline bool is_damage_code(int code) { return (code & 0xff) == SQLITE_CORRUPT || (code & 0xff) == SQLITE_NOTADB; }

// "what failed: sqlite says" with the hint a person can act on for the common causes.
Error sql_error(const Db& db, std::string_view what);

}  // namespace aul::store
