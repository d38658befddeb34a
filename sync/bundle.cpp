#include "sync/bundle.h"

#include <sodium.h>

#include <cstdint>
#include <filesystem>

#include "sync/files.h"
#include "sync/outbox.h"
#include "sync/signing.h"

namespace aul::sync {

namespace {

// A bundle file is lines:
//   aul-bundle 1          the format
//   SEAL                  {"kiosk_id", "signature"}: the signature covers every byte below
//   MANIFEST              who, when and how many
//   SUBMISSION ...        one per line, each exactly what the online push sends
// JSON never holds a raw newline, so each message is one line.
struct Unsealed {
    BundleSeal seal;
    std::string_view payload;  // the signed bytes
};

std::string_view next_line(std::string_view& rest) {
    auto nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest.remove_prefix(nl == std::string_view::npos ? rest.size() : nl + 1);
    return line;
}

Result<Unsealed> unseal(std::string_view file) {
    if (file.empty()) return Error{"the file is empty, not a bundle: copy it from the kiosk again"};
    std::string_view rest = file;
    std::string_view magic = next_line(rest);
    if (magic != kBundleMagic) {
        if (magic.rfind("aul-bundle ", 0) == 0)
            return Error{"this bundle is in a format this program does not read (" + std::string(magic) +
                         "): update national-api"};
        return Error{"this file is not an Aul bundle (a bundle starts with the line '" + std::string(kBundleMagic) +
                     "')"};
    }
    auto seal = decode_bundle_seal(next_line(rest));
    if (!seal) return Error{"the bundle is damaged (" + seal.error() + "): copy it from the kiosk again"};
    return Unsealed{std::move(*seal), rest};
}

// A sealed box is at least its overhead; plain contact details (from a kiosk that stored
// them before sealing existed) never leave the kiosk on a stick.
bool is_sealed(const std::string& contact) {
    auto box = from_base64(contact);
    return box && box->size() >= crypto_box_SEALBYTES;
}

// Drops items whose contact details are not sealed; returns how many.
std::size_t hold_back_unsealed(SubmitRequest& all) {
    std::size_t before = all.proposals.size() + all.signups.size();
    std::erase_if(all.proposals,
                  [](const ProposalItem& p) { return !p.contact_sealed.empty() && !is_sealed(p.contact_sealed); });
    std::erase_if(all.signups, [](const SignupItem& s) { return !is_sealed(s.contact_sealed); });
    return before - all.proposals.size() - all.signups.size();
}

// The signing key of an enrolled kiosk, or what staff must do to get one.
Result<SigningKey> kiosk_signing_key(const KioskPaths& paths, const store::FilingStore& filing) {
    if (filing.setting("kiosk_id").value_or("").empty() || !filing.kiosk_code())
        return Error{"this kiosk is not enrolled with the national server, so the national office could not check a "
                     "bundle from it: enrol it first (kioskctl enroll)"};
    std::error_code unreadable;  // private/ closed to this user: loading says so
    if (!std::filesystem::exists(paths.signing_key(), unreadable) && !unreadable)
        return Error{"this kiosk has no signing key (" + paths.signing_key() +
                     " is missing; it was enrolled before USB bundles, or the file was lost): run kioskctl "
                     "signing-key and give the key it prints to the national operators"};
    return SigningKey::load(paths.signing_key());
}

std::string bundle_text(const BundleManifest& manifest, const std::vector<SubmitRequest>& batches,
                        const SigningKey& key) {
    std::string payload = encode(manifest) + "\n";
    for (const auto& b : batches) payload += encode(b) + "\n";
    return std::string(kBundleMagic) + "\n" + encode(BundleSeal{manifest.kiosk_id, key.sign(payload)}) + "\n" +
           payload;
}

}  // namespace

Result<BundleReport> export_bundle(const KioskPaths& paths, store::FilingStore& filing, const std::string& file,
                                   std::int64_t now_ms, mode_t mode) {
    auto key = kiosk_signing_key(paths, filing);
    if (!key) return key.take_error();
    auto all = outbox_submission(filing, SIZE_MAX);
    if (!all) return all.take_error();
    BundleReport rep;
    rep.held_back = hold_back_unsealed(*all);
    rep.proposals = all->proposals.size();
    rep.signups = all->signups.size();
    rep.file = file;
    auto batches = in_batches(*all);
    BundleManifest manifest{filing.setting("kiosk_id").value_or(""), filing.kiosk_code().value_or(""), now_ms,
                            static_cast<std::int64_t>(rep.proposals), static_cast<std::int64_t>(rep.signups),
                            static_cast<std::int64_t>(batches.size())};
    AUL_TRY(write_file_atomically(file, bundle_text(manifest, batches, *key), mode));
    return rep;
}

Result<BundleSeal> read_bundle_seal(std::string_view file) {
    auto unsealed = unseal(file);
    if (!unsealed) return unsealed.take_error();
    return unsealed->seal;
}

Result<Bundle> open_bundle(std::string_view file, const std::string& public_key_b64) {
    return open_bundle(file, std::vector<std::string>{public_key_b64});
}

Result<Bundle> open_bundle(std::string_view file, const std::vector<std::string>& public_keys_b64) {
    auto unsealed = unseal(file);
    if (!unsealed) return unsealed.take_error();
    const BundleSeal& seal = unsealed->seal;
    std::string_view payload = unsealed->payload;
    bool signed_by_kiosk = false;
    for (const auto& key : public_keys_b64) signed_by_kiosk = signed_by_kiosk || signature_matches(payload, seal.signature, key);
    if (!signed_by_kiosk)
        return Error{"the bundle's signature does not match its content: it was changed after the kiosk wrote it, "
                     "is incomplete, or was not written by this kiosk; copy it from the kiosk again"};
    // Signed by the kiosk: what follows is its own encoding, checked as strictly as a push.
    auto manifest = decode_bundle_manifest(next_line(payload));
    if (!manifest) return manifest.take_error();
    if (manifest->kiosk_id != seal.kiosk_id) return Error{"the bundle's seal and manifest name different kiosks"};
    Bundle out{*manifest, {}};
    std::int64_t proposals = 0, signups = 0;
    while (!payload.empty()) {
        auto batch = decode_submit_request(next_line(payload));
        if (!batch) return batch.take_error().prefixed("the bundle holds a bad submission: ");
        proposals += static_cast<std::int64_t>(batch->proposals.size());
        signups += static_cast<std::int64_t>(batch->signups.size());
        out.batches.push_back(std::move(*batch));
    }
    if (static_cast<std::int64_t>(out.batches.size()) != manifest->batches || proposals != manifest->proposals ||
        signups != manifest->signups)
        return Error{"the bundle's manifest does not match what it holds"};
    return out;
}

}  // namespace aul::sync
