#include "ops/kiosk_data.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>

namespace aul::ops {

Result<store::Db> open_database(const std::string& dir, store::OpenReport* report, store::OpenCheck check) {
    return store::open_kiosk_db(KioskPaths{dir}.db(), report, check);
}

Result<store::Db> open_connection(const std::string& dir) { return store::open_kiosk_db_connection(KioskPaths{dir}.db()); }

Result<KioskStores> open_stores(const std::string& dir, store::OpenReport* report, store::OpenCheck check) {
    AUL_TRY_ASSIGN(auto db, open_database(dir, report, check));
    AUL_TRY_ASSIGN(auto catalog_db, open_connection(dir));
    AUL_TRY_ASSIGN(auto filing, store::FilingStore::open(std::move(db)));
    return KioskStores{std::move(filing), store::CatalogStore(std::move(catalog_db))};
}

Result<store::FilingStore> open_filing_connection(const std::string& dir) {
    AUL_TRY_ASSIGN(auto db, open_connection(dir));
    return store::FilingStore::open(std::move(db));
}

bool can_read_secrets(const KioskPaths& paths) {
    return ::faccessat(AT_FDCWD, paths.private_dir().c_str(), R_OK | X_OK, AT_EACCESS) == 0 || errno == ENOENT;
}

}  // namespace aul::ops
