// Checks on identifiers residents and operators type: BIN/IIN, Kazakhstan phone numbers.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace aul::core {

// The 12th digit of a BIN or IIN computed from the first 11 digits, or nullopt when the
// number cannot be valid (the weighted sum gives 10 with both weight sequences).
// Weights 1..11 first, then 3..11,1,2 when the first sum modulo 11 is 10.
std::optional<int> bin_check_digit(std::string_view first11);

// True for exactly 12 ASCII digits whose last digit is the check digit.
// BIN (business identification number) and IIN (individual) share the algorithm.
bool is_valid_bin(std::string_view bin);
bool is_valid_iin(std::string_view iin);

// Normalises a Kazakhstan phone number typed in any usual way ("8 701 123 45 67",
// "+7(701)1234567", "7011234567") to E.164 "+77011234567". nullopt when it is not a
// Kazakhstan number (+7 followed by 10 digits, the first of them 7).
std::optional<std::string> normalize_kz_phone(std::string_view typed);

// "+77011234567" -> "+7 701 123 45 67". Returns the input unchanged if it is not E.164 KZ.
std::string format_kz_phone(std::string_view e164);

}  // namespace aul::core
