#include "ops/kiosk_data.h"

namespace aul::ops {

Result<store::Db> open_database(const std::string& dir, store::OpenReport* report) {
    return store::open_kiosk_db(KioskPaths{dir}.db(), report);
}

Result<store::Db> open_connection(const std::string& dir) { return store::open_kiosk_db_connection(KioskPaths{dir}.db()); }

Result<KioskStores> open_stores(const std::string& dir, store::OpenReport* report) {
    auto db = open_database(dir, report);
    if (!db) return Error{db.error()};
    auto catalog_db = open_connection(dir);
    if (!catalog_db) return Error{catalog_db.error()};
    auto filing = store::FilingStore::open(std::move(*db));
    if (!filing) return Error{filing.error()};
    return KioskStores{std::move(*filing), store::CatalogStore(std::move(*catalog_db))};
}

Result<store::FilingStore> open_filing_connection(const std::string& dir) {
    auto db = open_connection(dir);
    if (!db) return Error{db.error()};
    return store::FilingStore::open(std::move(*db));
}

}  // namespace aul::ops
