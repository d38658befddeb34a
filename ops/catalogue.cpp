#include "ops/catalogue.h"

#include "core/catalog_json.h"
#include "core/files.h"

namespace aul::ops {

Result<store::ImportCounts> import_catalog_file(store::CatalogStore& catalog, const std::string& path) {
    AUL_TRY_ASSIGN(auto text, core::read_whole_file(path));
    auto parsed = core::parse_catalog(text);
    if (!parsed) return Error{path + ": " + parsed.error()};
    return catalog.replace_catalog(*parsed);
}

Result<std::optional<store::ImportCounts>> seed_catalog_if_empty(store::CatalogStore& catalog,
                                                                 const std::string& path) {
    AUL_TRY_ASSIGN(auto count, catalog.ngo_count());
    if (count > 0) return std::optional<store::ImportCounts>{};
    AUL_TRY_ASSIGN(auto counts, import_catalog_file(catalog, path));
    return std::optional<store::ImportCounts>{counts};
}

}  // namespace aul::ops
