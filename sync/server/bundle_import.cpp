#include "sync/server/bundle_import.h"

#include "sync/bundle.h"

namespace aul::sync {

namespace {

// The kiosk whose keys must check the bundle, when it may still send anything at all.
Result<Kiosk> signer(const ServerStore& store, const BundleSeal& seal, std::vector<std::string>& keys) {
    auto found = store.kiosk_by_id(seal.kiosk_id);
    if (!found) return found.take_error();
    if (!found->has_value())
        return Error{"the bundle names a kiosk this server does not know (" + seal.kiosk_id +
                     "): was it enrolled with another national server?"};
    const Kiosk& k = **found;
    if (k.revoked) return Error{"kiosk " + k.code + " was revoked: its bundles are refused"};
    auto known = store.signing_keys(k.id);
    if (!known) return known.take_error();
    keys = std::move(*known);
    if (keys.empty())
        return Error{"kiosk " + k.code + " has no signing key on record (enrolled before USB bundles): its staff run "
                     "kioskctl signing-key, and you register the key with national-api set-signing-key " + k.code +
                     " KEY"};
    return k;
}

void tally(ImportReport& rep, const SubmitResponse& answer) {
    for (const auto& r : answer.results) {
        switch (r.status) {
            case ItemStatus::accepted: ++rep.stored; break;
            case ItemStatus::duplicate: ++rep.duplicates; break;
            case ItemStatus::conflict: ++rep.conflicts; rep.refused.push_back(r); break;
            case ItemStatus::rejected: ++rep.rejected; rep.refused.push_back(r); break;
        }
    }
}

}  // namespace

Result<ImportReport> import_bundle(ServerStore& store, std::string_view file, std::int64_t now_ms) {
    auto seal = read_bundle_seal(file);
    if (!seal) return seal.take_error();
    std::vector<std::string> keys;
    auto kiosk = signer(store, *seal, keys);
    if (!kiosk) return kiosk.take_error();
    auto bundle = open_bundle(file, keys);
    if (!bundle) return bundle.take_error();
    ImportReport rep;
    rep.kiosk_code = kiosk->code;
    rep.created_ms = bundle->manifest.created_ms;
    // Batch by batch as the kiosk would have pushed them; an interrupted import is simply
    // run again, and what it stored already comes back as duplicates.
    for (const auto& batch : bundle->batches) {
        auto answer = store.submit(*kiosk, batch, now_ms);
        if (!answer) return answer.take_error();
        tally(rep, *answer);
    }
    return rep;
}

}  // namespace aul::sync
