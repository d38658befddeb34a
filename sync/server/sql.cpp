#include "sync/server/sql.h"

#include <charconv>
#include <chrono>
#include <random>
#include <thread>

namespace aul::sync::sql {

const std::string& Row::text(std::size_t col) const {
    static const std::string empty;
    const auto& cell = cells_.at(col);
    return cell ? *cell : empty;
}

std::int64_t Row::integer(std::size_t col) const {
    const std::string& t = text(col);
    std::int64_t v = 0;
    std::from_chars(t.data(), t.data() + t.size(), v);
    return v;
}

Result<std::int64_t> Connection::scalar(std::string_view sql, const Params& params) {
    AUL_TRY_ASSIGN(auto rows, query(sql, params));
    return rows.empty() || rows[0].size() == 0 ? 0 : rows[0].integer(0);
}

void back_off(int attempt) {
    // Random, so two instances that met once do not meet again at the same moment.
    thread_local std::minstd_rand rng{std::random_device{}()};
    const int ceiling_ms = std::min(2 << attempt, 200);
    std::this_thread::sleep_for(std::chrono::milliseconds(1 + static_cast<int>(rng() % static_cast<unsigned>(ceiling_ms))));
}

Status migrate(Connection& db, std::span<const Migration> steps, int up_to) {
    if (steps.empty()) return ok_status();
    AUL_TRY_ASSIGN(int current, db.schema_version());
    const int latest = steps.back().version;
    if (current > latest)
        return Error{"database " + db.describe() + " has schema version " + std::to_string(current) +
                     ", newer than this program's " + std::to_string(latest) +
                     "; install the newer national-api or restore a matching backup"};
    for (const auto& step : steps) {
        if (step.version <= current) continue;
        if (step.version > up_to) break;
        auto done = write_transaction(db, [&]() -> Status {
            AUL_TRY(db.lock_schema());
            // Another instance starting at the same moment may have run it while this one waited.
            AUL_TRY_ASSIGN(int now, db.schema_version());
            if (now >= step.version) return ok_status();
            AUL_TRY(db.run_script(step.sql));
            return db.set_schema_version(step.version);
        });
        if (!done)
            return done.take_error().prefixed("migrating " + db.describe() + " to version " +
                                               std::to_string(step.version) + ": ");
        current = step.version;
    }
    return ok_status();
}

}  // namespace aul::sync::sql
