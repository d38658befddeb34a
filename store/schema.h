// The kiosk database schema, versioned by PRAGMA user_version. Each migration moves the
// database one version forward inside one transaction; opening always migrates to latest.
#pragma once
#include "core/result.h"
#include "store/db.h"

namespace aul::store {

inline constexpr int kSchemaVersion = 4;

// Registers the SQL functions migrations and queries rely on (aul_fold, aul_sort_key).
Status register_functions(const Db& db);

// Brings the database to `target` (default: latest). Refuses a database newer than this
// program knows, so an old kiosk binary never scribbles on a newer schema.
Status migrate(const Db& db, int target = kSchemaVersion);

Result<int> schema_version(const Db& db);

}  // namespace aul::store
