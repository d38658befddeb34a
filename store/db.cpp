#include "store/db.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sys/statvfs.h>

namespace aul::store {

Stmt& Stmt::bind(int i, std::string_view v) {
    sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
}
Stmt& Stmt::bind(int i, std::int64_t v) {
    sqlite3_bind_int64(s_, i, v);
    return *this;
}
Stmt& Stmt::bind_null(int i) {
    sqlite3_bind_null(s_, i);
    return *this;
}

Result<bool> Stmt::step() {
    int rc = sqlite3_step(s_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    std::string msg = sqlite3_errmsg(db_);
    sqlite3_reset(s_);
    if ((rc & 0xff) == SQLITE_FULL) return Error{"the disk is full (" + msg + "); free space and try again", rc};
    if ((rc & 0xff) == SQLITE_BUSY) return Error{"the database is busy (" + msg + "); try again", rc};
    return Error{msg, rc};
}

Status Stmt::run() {
    for (;;) {
        AUL_TRY_ASSIGN(bool row, step());
        if (!row) break;
    }
    reset();
    return ok_status();
}

void Stmt::reset() {
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
}

std::string Stmt::text(int col) const {
    const unsigned char* t = sqlite3_column_text(s_, col);
    return t ? std::string(reinterpret_cast<const char*>(t),
                           static_cast<std::size_t>(sqlite3_column_bytes(s_, col)))
             : std::string();
}
std::int64_t Stmt::integer(int col) const { return sqlite3_column_int64(s_, col); }
bool Stmt::is_null(int col) const { return sqlite3_column_type(s_, col) == SQLITE_NULL; }

namespace {
// Every database Aul keeps holds personal data or keys (the national server's opens every
// resident's contact details): readable by its owner only (or, for the kiosk's, by its
// group: the kiosk and kiosk-sync), whatever the umask or the folder's mode. The file is
// made (or narrowed) here before SQLite opens it; SQLite gives the -wal and -shm files it
// creates the database file's mode, and ones left by an older build are set too. Failing
// here (a file of another user of the group) is left to SQLite to report in its own words.
//
// An existing file is never opened here: POSIX locks belong to the process, and closing
// any descriptor of the file drops every lock another connection of this process holds
// on it, which lets a second process write beside it and damages the database. Only a
// file that does not exist yet (so nobody holds it) is created, exclusively.
void set_mode(const std::string& path, mode_t mode) {
    if (path.empty() || path == ":memory:" || path.rfind("file:", 0) == 0) return;
    int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd >= 0) ::close(fd);
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) (void)::chmod((path + suffix).c_str(), mode);
}
}  // namespace

Result<Db> Db::open(const std::string& path, const OpenOptions& opts) {
    Db db;
    db.path_ = path;
    if (!opts.read_only) set_mode(path, opts.shared_with_group ? 0660 : 0600);
    int flags = opts.read_only ? SQLITE_OPEN_READONLY
                               : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    flags |= SQLITE_OPEN_NOMUTEX;
    int rc = sqlite3_open_v2(path.c_str(), &db.db_, flags, nullptr);
    auto failed = [&](int code, std::string message) -> Result<Db> {
        return Error{std::move(message), code};
    };
    if (rc != SQLITE_OK) {
        std::string msg = db.db_ ? sqlite3_errmsg(db.db_) : sqlite3_errstr(rc);
        return failed(rc, "cannot open database " + path + ": " + msg +
                              " (check the data directory exists and is writable)");
    }
    sqlite3_extended_result_codes(db.db_, 1);
    sqlite3_busy_timeout(db.db_, opts.busy_timeout_ms);
    if (!opts.read_only) {
        if (auto s = db.exec("PRAGMA journal_mode=WAL"); !s) return failed(sqlite3_errcode(db.db_), s.error());
    }
    if (auto s = db.exec("PRAGMA foreign_keys=ON"); !s) return failed(sqlite3_errcode(db.db_), s.error());
    return db;
}

Result<Stmt> Db::prepare(std::string_view sql) const {
    sqlite3_stmt* s = nullptr;
    int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &s, nullptr);
    if (rc != SQLITE_OK) return sql_error(*this, "preparing a query");
    return Stmt(db_, s);
}

Status Db::exec(std::string_view sql) const {
    std::string text(sql);
    char* err = nullptr;
    int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        std::string msg = err ? err : sqlite3_errstr(rc);
        sqlite3_free(err);
        if ((rc & 0xff) == SQLITE_FULL) return Error{"the disk is full (" + msg + "); free space", rc};
        return Error{msg, rc};
    }
    return ok_status();
}

Result<std::int64_t> Db::scalar_int(std::string_view sql) const {
    AUL_TRY_ASSIGN(auto st, prepare(sql));
    AUL_TRY_ASSIGN(bool row, st.step());
    return row ? st.integer(0) : 0;
}

void Db::close() {
    if (db_) sqlite3_close_v2(db_);
    db_ = nullptr;
}

Result<WriteTx> WriteTx::begin(const Db& db) {
    AUL_TRY_CONTEXT(db.exec("BEGIN IMMEDIATE"), "cannot start a write: ");
    return WriteTx(&db);
}

WriteTx::~WriteTx() {
    if (db_) (void)db_->exec("ROLLBACK");
}

Status WriteTx::commit() {
    if (!db_) return Error{"transaction already finished"};
    auto s = db_->exec("COMMIT");
    if (!s) return s;  // destructor rolls back
    db_ = nullptr;
    return ok_status();
}

std::int64_t free_disk_kib(const std::string& dir) {
    struct statvfs fs {};
    if (::statvfs(dir.c_str(), &fs) != 0) return -1;
    return static_cast<std::int64_t>(fs.f_bavail) * static_cast<std::int64_t>(fs.f_frsize) / 1024;
}

Error sql_error(const Db& db, std::string_view what) {
    int extended = db.raw() ? sqlite3_extended_errcode(db.raw()) : SQLITE_ERROR;
    int code = extended & 0xff;  // primary code
    std::string msg = std::string(what) + ": " + db.last_error();
    if (code == SQLITE_FULL) msg += " (the disk is full; free space and try again)";
    if (code == SQLITE_IOERR) msg += " (the disk may be full or failing: check free space with df, and the kernel log)";
    if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB) msg += " (the database file is damaged)";
    return Error{msg, extended};
}

}  // namespace aul::store
