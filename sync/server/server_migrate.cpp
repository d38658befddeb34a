#include "sync/server/server_migrate.h"

namespace aul::sync {

namespace {

struct Table {
    const char* name;
    const char* columns;
};
// In the order their references need.
constexpr Table kTables[] = {
    {"enrollment_codes", "code, created_ms, used_by, for_kiosk, spent_key, used_ms"},
    {"kiosks", "id, code, token_hash, region, district, settlement, revoked, enrolled_ms, signing_key, issued_sequence"},
    {"kiosk_keys", "kiosk, signing_key, added_ms, revoked"},
    {"proposals", "id, kiosk, tracking_code, content_hash, body, state, answer, received_ms"},
    {"signups", "id, kiosk, content_hash, body, received_ms"},
    {"status_changes", "seq, kiosk, tracking_code, state, answer, at_ms"},
    {"catalog_items", "kind, id, version, deleted, hash, record"},
    {"heartbeats", "kiosk, at_ms, body"},
    {"lookup_counts", "kiosk, hour, lookups, misses"},
};

std::string placeholders(const std::string& columns) {
    std::string out;
    int n = 0;
    for (char c : columns + ",") {
        if (c != ',') continue;
        out += n == 0 ? "?" : ", ?";
        out += std::to_string(++n);
    }
    return out;
}

Status copy_table(sql::Connection& from, sql::Connection& to, const Table& t, std::int64_t& copied) {
    const std::string columns = t.columns;
    AUL_TRY_ASSIGN(auto rows, from.query("SELECT " + columns + " FROM " + t.name));
    const std::string insert = std::string("INSERT INTO ") + t.name + "(" + columns + ") VALUES (" + placeholders(columns) + ")";
    for (const auto& row : rows) {
        sql::Params values;
        for (std::size_t c = 0; c < row.size(); ++c)
            values.push_back(row.is_null(c) ? sql::Value(nullptr) : sql::Value(row.text(c)));
        AUL_TRY_CONTEXT(to.execute(insert, values), std::string("copying ") + t.name + ": ");
    }
    copied = static_cast<std::int64_t>(rows.size());
    return ok_status();
}

}  // namespace

Result<MigrationReport> copy_server_data(ServerStore& from, ServerStore& to) {
    if (*from.public_key() != *to.public_key())
        return Error{"the two databases were set up with different keys: migrate with the data folder of the SQLite "
                     "server, whose server.keys the new database then records"};
    for (const auto& t : kTables) {
        AUL_TRY_ASSIGN(auto n, to.db().scalar(std::string("SELECT count(*) FROM ") + t.name));
        if (n > 0)
            return Error{to.db().describe() + " already holds " + t.name +
                         ": migrate into a new, empty database (nothing was copied)"};
    }
    return sql::write_transaction(to.db(), [&]() -> Result<MigrationReport> {
        MigrationReport rep;
        for (const auto& t : kTables) {
            std::int64_t copied = 0;
            AUL_TRY(copy_table(from.db(), to.db(), t, copied));
            rep.rows.emplace_back(t.name, copied);
        }
        if (to.db().backend() == sql::Backend::postgres) {
            // Status changes keep their numbers (kiosks follow them); new ones continue above.
            AUL_TRY(to.db().query("SELECT setval(pg_get_serial_sequence('status_changes', 'seq'), "
                                  "coalesce(max(seq), 0) + 1, false) FROM status_changes"));
        }
        return rep;
    });
}

}  // namespace aul::sync
