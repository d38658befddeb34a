// The national server's store as the tests open it: SQLite in the folder by default, or,
// when AUL_TEST_POSTGRES names a running cluster (tests/server/with_postgres.sh), a fresh
// PostgreSQL schema for each new folder (as good as a database of its own, and made in
// microseconds where a database takes a third of a second), remembered in the folder as an
// operator's --db is, so opening the same folder again (another instance) reaches it again.
#pragma once
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <string>

#include "sync/server/server_store.h"

namespace aul::test {

inline bool testing_postgres() {
    const char* pg = std::getenv("AUL_TEST_POSTGRES");
    return pg && *pg;
}

inline Result<sync::ServerStore> open_test_server(const std::string& dir) {
    if (!testing_postgres()) return sync::ServerStore::open(dir);
    AUL_TRY_ASSIGN(std::string url, sync::remembered_database(dir, ""));
    if (url.empty()) {
        static std::atomic<int> made{0};
        const std::string cluster = std::getenv("AUL_TEST_POSTGRES");
        const std::string name = "aul_test_" + std::to_string(::getpid()) + "_" + std::to_string(++made);
        AUL_TRY_ASSIGN(auto admin, sync::sql::open_postgres(cluster));
        AUL_TRY(admin->run_script("CREATE SCHEMA " + name));
        url = cluster + " options='-c search_path=" + name + "'";
        AUL_TRY(sync::remembered_database(dir, url));
    }
    return sync::ServerStore::open(sync::ServerDatabase{dir, url});
}

}  // namespace aul::test
