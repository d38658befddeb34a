// Moving a national server from its SQLite file to PostgreSQL (`national-api migrate`).
#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"
#include "sync/server/server_store.h"

namespace aul::sync {

struct MigrationReport {
    std::vector<std::pair<std::string, std::int64_t>> rows;  // table, rows copied
};

// Copies every row of `from` into `to` in one transaction: all of it or nothing. `to` must
// hold no kiosks, proposals, sign-ups or catalogue yet; both must have the same keys
// (server.keys of the same data folder).
Result<MigrationReport> copy_server_data(ServerStore& from, ServerStore& to);

}  // namespace aul::sync
