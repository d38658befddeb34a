// The one place that names the files of a kiosk's data folder: its database and what
// enrolment gave it. Header only, so every process (the kiosk app too) can name them.
#pragma once
#include <string>

namespace aul::store {

struct KioskPaths {
    std::string dir;
    std::string db() const { return dir + "/kiosk.db"; }
    std::string ca() const { return dir + "/national-ca.pem"; }
    std::string token() const { return dir + "/device-token"; }  // mode 0600, read by kiosk-sync only
    // The Ed25519 secret key that signs USB bundles, mode 0600, made at enrolment.
    std::string signing_key() const { return dir + "/kiosk-signing-key"; }
    // The key an enrolment in progress offered (0600): kept until the server's answer
    // arrives, so asking again with the same code after a lost reply offers the same key.
    std::string pending_signing_key() const { return dir + "/kiosk-signing-key.pending"; }
};

}  // namespace aul::store
