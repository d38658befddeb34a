// The kiosk database schema, versioned by PRAGMA user_version. Each migration moves the
// database one version forward inside one transaction; opening always migrates to latest.
#pragma once
#include <span>

#include "core/result.h"
#include "store/db.h"

namespace aul::store {

inline constexpr int kSchemaVersion = 10;

// Registers the SQL functions migrations and queries rely on (aul_fold, aul_sort_key).
Status register_functions(const Db& db);

// Brings the database to `target` (default: latest). Refuses a database newer than this
// program knows, so an old kiosk binary never scribbles on a newer schema.
Status migrate(const Db& db, int target = kSchemaVersion);

// The versioning both Aul databases share (the kiosk's and the national server's): step i
// brings user_version i to i+1 in its own transaction, up to `target`; a database newer
// than `steps` knows is refused.
Status run_migrations(const Db& db, std::span<const char* const> steps, int target);

Result<int> schema_version(const Db& db);

}  // namespace aul::store
