#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "core/text.h"
#include "core/vcard.h"

using namespace aul::core;

namespace {

// The card's content lines as a phone reads them: unfolded, split at CRLF.
std::vector<std::string> unfolded_lines(const std::string& card) {
    std::string flat;
    for (std::size_t i = 0; i < card.size(); ++i) {
        if (card.compare(i, 3, "\r\n ") == 0) {
            i += 2;
            continue;
        }
        flat += card[i];
    }
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (std::size_t end; (end = flat.find("\r\n", start)) != std::string::npos; start = end + 2)
        lines.push_back(flat.substr(start, end - start));
    return lines;
}

// The value of the first line starting with `prefix`, escapes undone; "-" when absent.
std::string value_of(const std::string& card, const std::string& prefix) {
    for (const auto& line : unfolded_lines(card)) {
        if (line.compare(0, prefix.size(), prefix) != 0) continue;
        std::string out;
        for (std::size_t i = prefix.size(); i < line.size(); ++i) {
            if (line[i] == '\\' && i + 1 < line.size()) {
                ++i;
                out += line[i] == 'n' ? '\n' : line[i];
            } else {
                out += line[i];
            }
        }
        return out;
    }
    return "-";
}

// The street of ADR (the third component), escapes undone; "-" when absent.
std::string street_of(const std::string& card) {
    std::string adr = value_of(card, "ADR;TYPE=WORK:");
    return adr == "-" ? adr : adr.substr(2, adr.size() - 2 - 4);
}

// What every card must be: its lines CRLF-ended, none longer than 75 octets, each whole
// UTF-8 with no escape cut by a fold, within the bound, framed by BEGIN and END.
void check_well_formed(const std::string& card) {
    REQUIRE(card.size() <= kVcardMaxBytes);
    CHECK(card.rfind("BEGIN:VCARD\r\nVERSION:3.0\r\n", 0) == 0);
    CHECK(card.size() >= 11);
    CHECK(card.substr(card.size() - 11) == "END:VCARD\r\n");
    std::size_t start = 0;
    for (std::size_t end; (end = card.find("\r\n", start)) != std::string::npos; start = end + 2) {
        std::string line = card.substr(start, end - start);
        CHECK(line.size() <= 75);
        CHECK(is_valid_utf8(line));
        CHECK(line.find('\r') == std::string::npos);
        CHECK(line.find('\n') == std::string::npos);
        // A fold never falls between a backslash and what it escapes.
        std::size_t backslashes = 0;
        for (auto it = line.rbegin(); it != line.rend() && *it == '\\'; ++it) ++backslashes;
        CHECK(backslashes % 2 == 0);
    }
    CHECK(start == card.size());  // nothing after the last CRLF, no bare LF anywhere
}

}  // namespace

TEST_CASE("vCard: every field, in order, with CRLF line ends") {
    std::string card = contact_vcard({"Aul Trust", "+77011234567", "info@aul.kz", "Talgar, Abai St 5"});
    CHECK(card ==
          "BEGIN:VCARD\r\n"
          "VERSION:3.0\r\n"
          "N:;;;;\r\n"
          "FN:Aul Trust\r\n"
          "ORG:Aul Trust\r\n"
          "TEL;TYPE=WORK,VOICE:+77011234567\r\n"
          "EMAIL;TYPE=INTERNET:info@aul.kz\r\n"
          "ADR;TYPE=WORK:;;Talgar\\, Abai St 5;;;;\r\n"
          "END:VCARD\r\n");
    check_well_formed(card);
}

TEST_CASE("vCard: backslash, comma, semicolon and newline escaped; other controls dropped") {
    std::string card = contact_vcard({"A\\B, C; D", "+77011234567", "", "line one\nline two\r\tend\x1b[2J\u202e"});
    CHECK(card.find("FN:A\\\\B\\, C\\; D\r\n") != std::string::npos);
    CHECK(card.find("ORG:A\\\\B\\, C\\; D\r\n") != std::string::npos);
    CHECK(card.find("ADR;TYPE=WORK:;;line one\\nline two end[2J;;;;\r\n") != std::string::npos);
    CHECK(value_of(card, "FN:") == "A\\B, C; D");
    CHECK(street_of(card) == "line one\nline two end[2J");
    CHECK(card.find('\x1b') == std::string::npos);
    CHECK(card.find("\u202e") == std::string::npos);
    check_well_formed(card);
}

TEST_CASE("vCard: only the fields that exist are written") {
    std::string phone_only = contact_vcard({"Қамқор", "+77011234567", "", ""});
    CHECK(phone_only.find("TEL;TYPE=WORK,VOICE:+77011234567\r\n") != std::string::npos);
    CHECK(phone_only.find("EMAIL") == std::string::npos);
    CHECK(phone_only.find("ADR") == std::string::npos);
    check_well_formed(phone_only);

    std::string email_only = contact_vcard({"Қамқор", "", "kamkor@mail.kz", "  "});
    CHECK(email_only.find("TEL") == std::string::npos);
    CHECK(email_only.find("EMAIL;TYPE=INTERNET:kamkor@mail.kz\r\n") != std::string::npos);
    CHECK(email_only.find("ADR") == std::string::npos);

    std::string address_only = contact_vcard({"Қамқор", "", "", "Талғар"});
    CHECK(address_only.find("TEL") == std::string::npos);
    CHECK(address_only.find("EMAIL") == std::string::npos);
    CHECK(street_of(address_only) == "Талғар");

    // No way to reach the organisation: no card at all.
    CHECK(contact_vcard({"Қамқор", "", "", ""}).empty());
    CHECK(contact_vcard({"Қамқор", " ", "\n", " \t "}).empty());
}

TEST_CASE("vCard: Kazakh and Russian text kept byte for byte; folds never split a letter") {
    const std::string name = "«Алтын жас» қарттарға қамқорлық қоғамдық қоры, Аягөз";
    const std::string address = "Абай облысы, Аягөз қ., Бұқар жырау көшесі, 136, 33-кеңсе; ғимараттың екінші қабаты";
    std::string card = contact_vcard({name, "+77479537485", "info@altyn-zhas.kz", address});
    check_well_formed(card);
    CHECK(card.find("\r\n ") != std::string::npos);  // long enough to be folded
    CHECK(value_of(card, "FN:") == name);
    CHECK(value_of(card, "ORG:") == name);
    CHECK(street_of(card) == address);
    CHECK(value_of(card, "TEL;TYPE=WORK,VOICE:") == "+77479537485");

    std::string ru = contact_vcard({"Фонд заботы о пожилых «Золотой возраст», Аягоз", "", "", "г. Аягоз, ул. Бухар жырау, 136"});
    check_well_formed(ru);
    CHECK(value_of(ru, "FN:") == "Фонд заботы о пожилых «Золотой возраст», Аягоз");
    CHECK(street_of(ru) == "г. Аягоз, ул. Бухар жырау, 136");
}

TEST_CASE("vCard: bounded, giving way ORG first, then the address, then the name") {
    std::string long_name, long_address;
    for (int i = 0; i < 36; ++i) long_name += "Қазақ ";       // 216 letters, 396 bytes
    for (int i = 0; i < 200; ++i) long_address += "көше, ";   // the catalogue allows 1 000

    // A long address alone: ORG goes, then the address is shortened, ending in "…".
    std::string card = contact_vcard({"Аул қоры", "+77011234567", "aul@mail.kz", long_address});
    check_well_formed(card);
    CHECK(value_of(card, "ORG:") == "-");
    CHECK(value_of(card, "FN:") == "Аул қоры");
    CHECK(value_of(card, "TEL;TYPE=WORK,VOICE:") == "+77011234567");
    CHECK(value_of(card, "EMAIL;TYPE=INTERNET:") == "aul@mail.kz");
    std::string street = street_of(card);
    REQUIRE(street.size() > 200);  // what fits is kept, not dropped
    CHECK(street.substr(street.size() - 3) == "…");
    CHECK(long_address.rfind(street.substr(0, street.size() - 3), 0) == 0);

    // A name that fits once but not twice: ORG is left out, nothing else shortened.
    std::string name_300(300, 'x');
    std::string once = contact_vcard({name_300, "+77011234567", "", "Талғар"});
    check_well_formed(once);
    CHECK(value_of(once, "FN:") == name_300);
    CHECK(value_of(once, "ORG:") == "-");
    CHECK(street_of(once) == "Талғар");

    // Both at their longest: the address goes before the name is touched.
    std::string both = contact_vcard({long_name, "+77011234567", "aul@mail.kz", long_address});
    check_well_formed(both);
    std::string fn = value_of(both, "FN:");
    CHECK(fn.size() > 300);
    CHECK(long_name.rfind(fn.substr(0, fn.size() - (fn.ends_with("…") ? 3 : 0)), 0) == 0);
    CHECK(value_of(both, "EMAIL;TYPE=INTERNET:") == "aul@mail.kz");
}

TEST_CASE("vCard: a phone or an email too long to be real is left out, never cut") {
    std::string email(120, 'a');
    email += "@mail.kz";
    std::string card = contact_vcard({"Аул", "+7701123456789012345678901234567890", email, "Талғар"});
    CHECK(card.find("TEL") == std::string::npos);
    CHECK(card.find("EMAIL") == std::string::npos);
    CHECK(street_of(card) == "Талғар");
    check_well_formed(card);
}

TEST_CASE("vCard: any text gives a well-formed card within the bound") {
    const std::vector<std::string> pieces = {"ә", "Қ", "ё", "a", " ", ",", ";", "\\", "\n", "\r", "\t", "«", "»", "€",
                                             "\xF0\x9F\x93\x9E", "\xFF", "\x1b", ":", "1", "+"};
    std::mt19937 rng(7);
    auto text = [&](std::size_t max) {
        std::string s;
        std::size_t n = std::uniform_int_distribution<std::size_t>(0, max)(rng);
        for (std::size_t i = 0; i < n; ++i) s += pieces[rng() % pieces.size()];
        return s;
    };
    for (int run = 0; run < 2000; ++run) {
        ContactCard c{text(350), text(20), text(60), text(1100)};
        std::string card = contact_vcard(c);
        if (card.empty()) continue;
        check_well_formed(card);
        CHECK(value_of(card, "FN:") != "-");
    }
}
