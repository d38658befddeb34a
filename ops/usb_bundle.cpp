#include "ops/usb_bundle.h"

#include "ops/kiosk_data.h"

namespace aul::ops {

Result<sync::BundleReport> export_bundle(const std::string& dir, const std::string& file, std::int64_t now_ms) {
    auto filing = open_filing_connection(dir);
    if (!filing) return Error{filing.error()};
    return sync::export_bundle(KioskPaths{dir}, *filing, file, now_ms);
}

}  // namespace aul::ops
