// Contact details sealed to a national server's key the way a kiosk seals them, for tests
// that speak to the server directly.
#pragma once
#include <sodium.h>

#include <string>
#include <vector>

#include "core/proposal.h"
#include "sync/protocol.h"
#include "sync/server/server_store.h"

inline std::string seal_to(const aul::sync::ServerStore& server, const std::string& plain) {
    auto pk = aul::sync::from_base64(*server.public_key());
    std::vector<unsigned char> box(plain.size() + crypto_box_SEALBYTES);
    crypto_box_seal(box.data(), reinterpret_cast<const unsigned char*>(plain.data()), plain.size(), pk->data());
    return aul::sync::to_base64(box);
}

inline std::string proposal_contact(const aul::sync::ServerStore& server) {
    aul::core::ProposalDraft d;
    d.name = "Айгүл Сәрсенова";
    d.phone = "+77011234567";
    return seal_to(server, aul::core::contact_json(d));
}

inline std::string signup_contact(const aul::sync::ServerStore& server) {
    aul::core::SignupDraft d;
    d.name = "Данияр";
    d.phone = "+77011234567";
    return seal_to(server, aul::core::contact_json(d));
}
