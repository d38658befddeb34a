// A kiosk's data folder and the connections a process opens to its database. Every
// program opens the kiosk's database here (store::KioskPaths names the files).
#pragma once
#include <string>

#include "core/result.h"
#include "store/catalog_store.h"
#include "store/filing_store.h"
#include "store/kiosk_paths.h"

namespace aul::ops {

using store::KioskPaths;

// The database of the data folder `dir`, opened with the check asked for (store::OpenCheck):
// a damaged file is set aside (`report` says where) and a fresh one created. The first
// connection a process opens.
Result<store::Db> open_database(const std::string& dir, store::OpenReport* report = nullptr,
                                store::OpenCheck check = store::OpenCheck::none);
// A further connection to a database opened with the check already (by this process or
// a running kiosk): for another thread or a slow task.
Result<store::Db> open_connection(const std::string& dir);

// The two connections most work needs: filing (the checked open, synchronous=FULL) and the
// catalogue (a further connection).
struct KioskStores {
    store::FilingStore filing;
    store::CatalogStore catalog;
};
Result<KioskStores> open_stores(const std::string& dir, store::OpenReport* report = nullptr,
                                store::OpenCheck check = store::OpenCheck::none);
// Filing alone on a further connection of its own (a background task beside the kiosk).
Result<store::FilingStore> open_filing_connection(const std::string& dir);

// Whether this process may use the data folder's secrets (KioskPaths::private_dir): true
// for kiosk-sync's user (and root acting as it), and where no private folder was made
// yet; false for the kiosk's user on a board, which asks kiosk-sync instead.
bool can_read_secrets(const KioskPaths& paths);

}  // namespace aul::ops
