// An organisation's contact as a vCard 3.0 (RFC 2426): the text of the QR code a resident
// photographs to save the contact on a phone. Plain text: no I/O, no UI.
#pragma once
#include <cstddef>
#include <string>

namespace aul::core {

// What the card holds, each already in the reader's language (LocalText::in).
struct ContactCard {
    std::string name;     // the organisation's name
    std::string phone;    // E.164 ("+77011234567"), or empty
    std::string email;    // or empty
    std::string address;  // free text on one line, or empty
};

// The longest card contact_vcard writes, in bytes. Its QR code at error correction M is
// then at most version 18 (89 modules a side), which a phone reads off a 149 dpi screen
// at 2 px a module.
inline constexpr std::size_t kVcardMaxBytes = 550;

// The card as vCard 3.0 text with CRLF line ends: an empty N, the name as FN and ORG,
// then TEL, EMAIL and ADR (the whole address as its street) only when given. Values are
// escaped as RFC 6350 §3.4 says (\\ \, \; \n), other control characters dropped; lines
// longer than 75 bytes are folded between characters, never inside one or inside an
// escape. Never longer than kVcardMaxBytes: when it would be, ORG is left out first,
// then the address and at last the name are shortened, ending in "…". A phone or an email
// too long to be real is left out whole, never shortened into a wrong one.
// Empty when there is no phone, email or address: nothing to take home.
std::string contact_vcard(const ContactCard& card);

}  // namespace aul::core
