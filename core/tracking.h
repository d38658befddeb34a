// Tracking codes: what a resident writes down to follow a proposal. Unique nationwide by
// construction: the kiosk's code (assigned at enrolment) followed by the kiosk's own
// sequence number, then a check character. Alphabet without look-alikes (no 0/O, 1/I/L).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace aul::core {

inline constexpr std::string_view kTrackingAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";  // 31, a prime
inline constexpr std::size_t kKioskCodeLength = 4;
inline constexpr std::size_t kSequenceLength = 6;  // 31^6 = 887 503 681 codes per kiosk
inline constexpr std::uint64_t kSequenceLimit = 31ull * 31 * 31 * 31 * 31 * 31;  // sequences 0 .. limit - 1
inline constexpr std::size_t kTrackingLength = kKioskCodeLength + kSequenceLength + 1;  // 11

// The check character for `body` (characters of the alphabet): weights 1, 2, 3, ... modulo
// 31. As 31 is prime and the weights are distinct and non-zero, any single wrong
// character and any swap of two neighbours changes the sum, so the check catches both.
std::optional<char> tracking_check_char(std::string_view body);

// Code for the n-th proposal of a kiosk; nullopt if the kiosk code is not 4 characters of
// the alphabet or the sequence is beyond 31^6 - 1.
std::optional<std::string> make_tracking_code(std::string_view kiosk_code, std::uint64_t sequence);

// The sequence inside a valid canonical code (the inverse of make_tracking_code); nullopt
// unless check_tracking_code accepts it.
std::optional<std::uint64_t> tracking_sequence(std::string_view canonical);

// Typed text -> canonical code: upper case, spaces and dashes dropped. Characters outside
// the alphabet (0, O, 1, I, L) are kept so the check can name them rather than guess.
std::string normalize_tracking_input(std::string_view typed);

enum class TrackingCheck { ok, too_short, too_long, bad_character, wrong_check };
TrackingCheck check_tracking_code(std::string_view canonical);

// "K7QM2F9H3CX" -> "K7QM 2F9H 3CX": groups of four read aloud and copy well.
std::string format_tracking_code(std::string_view canonical);

}  // namespace aul::core
