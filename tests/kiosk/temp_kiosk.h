// A kiosk's data folder under /tmp with its database open as a kiosk process opens it:
// filing on the checked first connection, the catalogue on a further one. Removed at the end.
#pragma once
#include <doctest/doctest.h>
#include <stdlib.h>

#include <filesystem>
#include <optional>
#include <string>

#include "ops/kiosk_data.h"

struct TempKiosk {
    std::string dir;
    std::optional<aul::store::FilingStore> filing;
    std::optional<aul::store::CatalogStore> catalog;

    TempKiosk() {
        char tmpl[] = "/tmp/aul-kiosk-XXXXXX";
        dir = mkdtemp(tmpl);
        auto stores = aul::ops::open_stores(dir);
        REQUIRE(stores.ok());
        filing.emplace(std::move(stores->filing));
        catalog.emplace(std::move(stores->catalog));
    }
    ~TempKiosk() { std::filesystem::remove_all(dir); }
    TempKiosk(const TempKiosk&) = delete;
    TempKiosk& operator=(const TempKiosk&) = delete;
};
