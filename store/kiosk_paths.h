// The one place that names the files of a kiosk's data folder: its database, what
// enrolment gave it, and the bundles kiosk-sync signs for the staff panel. Header only, so
// every process (the kiosk app too) can name them.
//
// The folder is shared by two users of one group (on a board: the kiosk as `aul`,
// kiosk-sync as `aul-sync`, both of group `aul`): the database is the group's, while the
// secrets live in private/, which only kiosk-sync's user can enter. The resident-facing
// kiosk so holds no credential, whatever happens to it.
#pragma once
#include <string>

namespace aul::store {

struct KioskPaths {
    std::string dir;
    std::string db() const { return dir + "/kiosk.db"; }  // mode 0660: the kiosk's and kiosk-sync's
    // Mode 0700, kiosk-sync's user's: made by whoever writes a secret first (enrolment,
    // `kioskctl signing-key`), or by the package on a board.
    std::string private_dir() const { return dir + "/private"; }
    std::string ca() const { return private_dir() + "/national-ca.pem"; }
    std::string token() const { return private_dir() + "/device-token"; }  // mode 0600
    // The Ed25519 secret key that signs USB bundles, mode 0600, made at enrolment.
    std::string signing_key() const { return private_dir() + "/kiosk-signing-key"; }
    // The key an enrolment in progress offered (0600): kept until the server's answer
    // arrives, so asking again with the same code after a lost reply offers the same key.
    std::string pending_signing_key() const { return private_dir() + "/kiosk-signing-key.pending"; }
    // Bundles kiosk-sync signed for the staff panel (folder 0770, files 0640), each waiting
    // for the panel to copy it onto a stick and delete it.
    std::string outgoing_dir() const { return dir + "/outgoing"; }
};

}  // namespace aul::store
