#include "core/vcard.h"

#include <string_view>
#include <vector>

#include "core/text.h"

namespace aul::core {

namespace {

constexpr std::size_t kFoldAt = 75;        // octets a line should not pass (RFC 6350 §3.2)
constexpr std::size_t kPhoneMax = 32;      // the catalogue's own limit for a phone
constexpr std::size_t kEmailMax = 100;     // longer than any address an organisation gives out
constexpr std::string_view kCut = "…";

// A value without controls (a newline kept), spaces trimmed at both ends, split into the
// units it is written in: one character each, escaped where RFC 6350 says.
std::vector<std::string> escaped_units(std::string_view value) {
    std::string clean = strip_controls(value, true);
    std::size_t a = clean.find_first_not_of(" \n");
    std::size_t b = clean.find_last_not_of(" \n");
    std::vector<std::string> units;
    if (a == std::string::npos) return units;
    for_each_codepoint(std::string_view(clean).substr(a, b - a + 1), [&](char32_t cp, std::string_view bytes) {
        switch (cp) {
            case '\\': units.emplace_back("\\\\"); break;
            case ',': units.emplace_back("\\,"); break;
            case ';': units.emplace_back("\\;"); break;
            case '\n': units.emplace_back("\\n"); break;
            default: units.emplace_back(bytes);
        }
    });
    return units;
}

std::size_t total(const std::vector<std::string>& units) {
    std::size_t n = 0;
    for (const auto& u : units) n += u.size();
    return n;
}

// The escaped value, at most `max` bytes: whole when it fits, else as many characters as
// fit with "…" after them (spaces before the "…" dropped), or nothing at all.
std::string shortened(const std::vector<std::string>& units, std::size_t max) {
    std::string out;
    if (total(units) <= max) {
        for (const auto& u : units) out += u;
        return out;
    }
    if (max < kCut.size()) return out;
    for (const auto& u : units) {
        if (out.size() + u.size() > max - kCut.size()) break;
        out += u;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    if (!out.empty()) out += kCut;
    return out;
}

// The escaped value when it fits in `max` bytes, else nothing: a phone or an email is
// of use whole or not at all.
std::string whole_or_nothing(std::string_view value, std::size_t max) {
    auto units = escaped_units(value);
    return total(units) <= max ? shortened(units, max) : std::string();
}

// Bytes of the unit `line` starts with: an escape, or one whole UTF-8 character.
std::size_t unit_size(std::string_view line) {
    if (line[0] == '\\' && line.size() > 1) return 2;
    char32_t cp = 0;
    return decode_utf8(line, cp);
}

// One content line, folded: a CRLF and a space before any unit that would take the line
// past 75 octets (the space counts in the next one).
void append_line(std::string& out, std::string_view line) {
    std::size_t length = 0;
    while (!line.empty()) {
        std::size_t n = unit_size(line);
        if (length + n > kFoldAt) {
            out += "\r\n ";
            length = 1;
        }
        out.append(line.substr(0, n));
        length += n;
        line.remove_prefix(n);
    }
    out += "\r\n";
}

std::string card_text(const std::string& name, bool org, const std::string& phone, const std::string& email,
                      const std::string& address) {
    std::string out;
    append_line(out, "BEGIN:VCARD");
    append_line(out, "VERSION:3.0");
    append_line(out, "N:;;;;");
    append_line(out, "FN:" + name);
    if (org) append_line(out, "ORG:" + name);
    if (!phone.empty()) append_line(out, "TEL;TYPE=WORK,VOICE:" + phone);
    if (!email.empty()) append_line(out, "EMAIL;TYPE=INTERNET:" + email);
    if (!address.empty()) append_line(out, "ADR;TYPE=WORK:;;" + address + ";;;;");
    append_line(out, "END:VCARD");
    return out;
}

}  // namespace

std::string contact_vcard(const ContactCard& card) {
    std::string phone = whole_or_nothing(card.phone, kPhoneMax);
    std::string email = whole_or_nothing(card.email, kEmailMax);
    auto name_units = escaped_units(card.name);
    auto address_units = escaped_units(card.address);
    if (phone.empty() && email.empty() && address_units.empty()) return {};

    // Give way in this order until the card fits: ORG (FN still names the organisation),
    // the address, the name. Each round shortens by at least what was over, so it ends:
    // with neither name nor address the card is far below the bound.
    bool org = true;
    std::size_t name_max = total(name_units), address_max = total(address_units);
    for (;;) {
        std::string name = shortened(name_units, name_max);
        std::string address = shortened(address_units, address_max);
        std::string out = card_text(name, org, phone, email, address);
        if (out.size() <= kVcardMaxBytes) return out;
        std::size_t over = out.size() - kVcardMaxBytes;
        if (org)
            org = false;
        else if (!address.empty())
            address_max = address.size() > over ? address.size() - over : 0;
        else if (!name.empty())
            name_max = name.size() > over ? name.size() - over : 0;
        else
            return out;  // never: a phone and an email alone stay far below the bound
    }
}

}  // namespace aul::core
