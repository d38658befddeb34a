#include "core/validate.h"

#include <cctype>

namespace aul::core {

namespace {
bool all_digits(std::string_view s) {
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}
int weighted_mod11(std::string_view d, const int (&w)[11]) {
    int sum = 0;
    for (int i = 0; i < 11; ++i) sum += (d[i] - '0') * w[i];
    return sum % 11;
}
}  // namespace

std::optional<int> bin_check_digit(std::string_view first11) {
    if (first11.size() < 11 || !all_digits(first11.substr(0, 11))) return std::nullopt;
    static constexpr int kFirst[11] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    static constexpr int kSecond[11] = {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2};
    int r = weighted_mod11(first11, kFirst);
    if (r == 10) r = weighted_mod11(first11, kSecond);
    if (r == 10) return std::nullopt;
    return r;
}

bool is_valid_bin(std::string_view bin) {
    if (bin.size() != 12 || !all_digits(bin)) return false;
    auto check = bin_check_digit(bin);
    return check && *check == bin[11] - '0';
}

bool is_valid_iin(std::string_view iin) {
    if (!is_valid_bin(iin)) return false;
    // Month 01..12, day 01..31 and the century/sex digit 1..6 make a plausible IIN.
    int month = (iin[2] - '0') * 10 + (iin[3] - '0');
    int day = (iin[4] - '0') * 10 + (iin[5] - '0');
    int century = iin[6] - '0';
    return month >= 1 && month <= 12 && day >= 1 && day <= 31 && century >= 1 && century <= 6;
}

std::optional<std::string> normalize_kz_phone(std::string_view typed) {
    std::string digits;
    bool plus = false;
    for (char c : typed) {
        if (c >= '0' && c <= '9') {
            digits.push_back(c);
        } else if (c == '+' && digits.empty() && !plus) {
            plus = true;
        } else if (c == ' ' || c == '-' || c == '(' || c == ')' || c == '.') {
            continue;
        } else {
            return std::nullopt;
        }
    }
    // Domestic trunk prefix 8 is the same number as +7; ten digits are the national number.
    // After an explicit "+" the country code must be there: "+7701123456" is a digit short,
    // not a number to complete.
    if (!plus && digits.size() == 11 && digits[0] == '8') digits[0] = '7';
    if (!plus && digits.size() == 10) digits.insert(digits.begin(), '7');
    if (digits.size() != 11 || digits[0] != '7' || digits[1] != '7') return std::nullopt;
    return "+" + digits;
}

std::string format_kz_phone(std::string_view e164) {
    if (e164.size() != 12 || e164[0] != '+' || !all_digits(e164.substr(1)))
        return std::string(e164);
    std::string s(e164);
    return s.substr(0, 2) + " " + s.substr(2, 3) + " " + s.substr(5, 3) + " " + s.substr(8, 2) +
           " " + s.substr(10, 2);
}

}  // namespace aul::core
