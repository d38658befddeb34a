// USB bundles: when a village is offline for weeks, staff carry the kiosk's undelivered
// items to the national office in one signed file (format: sync/PROTOCOL.md). Exporting
// marks nothing delivered: the items stay in the outbox, and the next online sync is
// answered "duplicate" for what the office imported.
//
// Needs the filing store and libsodium, never the network client, so the kiosk app's
// staff panel can export as kioskctl does.
#pragma once
#include <sys/types.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "store/filing_store.h"
#include "sync/kiosk_paths.h"
#include "sync/protocol.h"

namespace aul::sync {

inline constexpr std::string_view kBundleMagic = "aul-bundle 1";  // the first line of every bundle

struct BundleReport {
    std::size_t proposals = 0, signups = 0;  // written to the file
    std::size_t held_back = 0;  // items whose contact details are not sealed: never written, left for the online path
    std::string file;
};

// Writes every undelivered, unquarantined item to `file` (mode `mode`), signed with the
// kiosk's key, atomically: `file` is either absent (or as it was) or complete. Refuses,
// saying what to do, a kiosk that is not enrolled or has no signing key.
Result<BundleReport> export_bundle(const KioskPaths& paths, store::FilingStore& filing, const std::string& file,
                                   std::int64_t now_ms, mode_t mode = 0600);

// A bundle whose signature was checked, as the submissions the kiosk would have sent.
struct Bundle {
    BundleManifest manifest;
    std::vector<SubmitRequest> batches;
};

// The seal of a bundle file: which kiosk's key must check the rest. Nothing of the
// bundle is trusted yet.
Result<BundleSeal> read_bundle_seal(std::string_view file);

// Checks the signature over everything after the seal with the kiosk's public key
// (base64), then decodes it; refuses any file that is not exactly what the kiosk signed.
Result<Bundle> open_bundle(std::string_view file, const std::string& public_key_b64);
// The same with any of a kiosk's keys (a kiosk re-enrolled since it wrote the bundle
// signed it with an earlier key).
Result<Bundle> open_bundle(std::string_view file, const std::vector<std::string>& public_keys_b64);

}  // namespace aul::sync
