#include <doctest/doctest.h>

#include "core/validate.h"

using namespace aul::core;

namespace {
// Completes 11 digits with their check digit; empty when no digit can make them valid.
std::string complete(const std::string& first11) {
    auto d = bin_check_digit(first11);
    return d ? first11 + char('0' + *d) : std::string();
}
}  // namespace

TEST_CASE("BIN check digit follows the two weight sequences") {
    // 1..11 weights: sum for 05054001234 = 0*1+5*2+0*3+5*4+4*5+0*6+0*7+1*8+2*9+3*10+4*11 = 150 -> 150 % 11 = 7
    CHECK(bin_check_digit("05054001234") == 7);
    CHECK(is_valid_bin("050540012347"));
    CHECK_FALSE(is_valid_bin("050540012346"));
    // When the first pass gives 10 the second weights decide; find such a number and check it.
    int second_pass = 0, impossible = 0;
    for (int serial = 0; serial < 2000; ++serial) {
        char buf[12];
        std::snprintf(buf, sizeof buf, "0601400%04d", serial);
        std::string s(buf);
        int sum = 0;
        for (int i = 0; i < 11; ++i) sum += (s[i] - '0') * (i + 1);
        if (sum % 11 != 10) continue;
        static const int w2[11] = {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2};
        int sum2 = 0;
        for (int i = 0; i < 11; ++i) sum2 += (s[i] - '0') * w2[i];
        if (sum2 % 11 == 10) {
            CHECK_FALSE(bin_check_digit(s).has_value());
            ++impossible;
        } else {
            CHECK(bin_check_digit(s) == sum2 % 11);
            ++second_pass;
        }
    }
    CHECK(second_pass > 0);
    CHECK(impossible > 0);
}

TEST_CASE("BIN shape is checked") {
    CHECK_FALSE(is_valid_bin(""));
    CHECK_FALSE(is_valid_bin("05054001234"));
    CHECK_FALSE(is_valid_bin("0505400123470"));
    CHECK_FALSE(is_valid_bin("05054001234a"));
    CHECK_FALSE(is_valid_bin("０50540012347"));  // full-width digit
}

TEST_CASE("single-digit changes of a valid BIN are caught, but for the 11th digit") {
    std::string bin = complete("15034001234");
    REQUIRE(!bin.empty());
    // The 11th digit carries weight 11 = 0 (mod 11) in the first pass, so the national
    // algorithm cannot see a change there when the first pass decides; every other
    // position is protected.
    for (std::size_t i = 0; i < 12; ++i)
        for (char c = '0'; c <= '9'; ++c) {
            if (i == 10) continue;
            if (c == bin[i]) continue;
            std::string wrong = bin;
            wrong[i] = c;
            CHECK_FALSE(is_valid_bin(wrong));
        }
}

TEST_CASE("IIN adds date and century checks") {
    std::string iin = complete("85072530012");  // 25 July 1985, man born in the 20th century
    REQUIRE(!iin.empty());
    CHECK(is_valid_iin(iin));
    std::string month13 = complete("85132530012");
    if (!month13.empty()) CHECK_FALSE(is_valid_iin(month13));
    std::string century0 = complete("85072500012");
    if (!century0.empty()) CHECK_FALSE(is_valid_iin(century0));
}

TEST_CASE("Kazakhstan phone numbers normalise and format") {
    CHECK(normalize_kz_phone("+7 701 123 45 67") == "+77011234567");
    CHECK(normalize_kz_phone("8 (701) 123-45-67") == "+77011234567");
    CHECK(normalize_kz_phone("7011234567") == "+77011234567");
    CHECK(normalize_kz_phone("+7 7172 55 66 77") == "+77172556677");
    CHECK_FALSE(normalize_kz_phone("+7 912 123 45 67"));  // a Russian number
    CHECK_FALSE(normalize_kz_phone("+7 701 123 45"));
    CHECK_FALSE(normalize_kz_phone("+7 701 123 45 67 ext 2"));
    CHECK_FALSE(normalize_kz_phone("++77011234567"));
    CHECK_FALSE(normalize_kz_phone("+7701123456"));  // a digit short, whatever 10 digits would mean
    CHECK(format_kz_phone("+77011234567") == "+7 701 123 45 67");
    CHECK(format_kz_phone("garbage") == "garbage");
}
