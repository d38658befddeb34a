#include "ops/usb_bundle.h"

#include "ops/kiosk_data.h"

namespace aul::ops {

Result<sync::BundleReport> export_bundle(const std::string& dir, const std::string& file, std::int64_t now_ms) {
    AUL_TRY_ASSIGN(auto filing, open_filing_connection(dir));
    return sync::export_bundle(KioskPaths{dir}, filing, file, now_ms);
}

}  // namespace aul::ops
