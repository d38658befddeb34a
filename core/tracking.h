// Tracking codes: what a resident writes down to follow a proposal. Unique nationwide by
// construction: the kiosk's code (assigned at enrolment), six characters standing for the
// kiosk's own sequence number, then a check character. Alphabet without look-alikes (no
// 0/O, 1/I/L).
//
// Any kiosk can look a code up on the national server, so a code must not tell the next
// one: an enrolled kiosk passes its sequence through a keyed permutation (the kiosk's
// TrackingKey, derived by the server from the kiosk code). Six characters whose first is
// '2' (value 0) are a plain sequence: the codes issued before the permutation, and by a
// kiosk that has no key yet. Keyed codes never start with '2', so the two kinds never
// meet, and each is a bijection of the sequence: unique by construction, old codes valid.
#pragma once
#include <array>
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
// Plain codes stand for sequences below 31^5 (their first character is '2'); keyed codes
// for sequences below the 30 * 31^5 values left.
inline constexpr std::uint64_t kPlainSequenceLimit = 31ull * 31 * 31 * 31 * 31;
inline constexpr std::uint64_t kKeyedSequenceLimit = kSequenceLimit - kPlainSequenceLimit;  // 858 874 530

// The secret that orders one kiosk's codes: 16 bytes, written as 32 lower-case hex digits.
struct TrackingKey {
    std::array<unsigned char, 16> bytes{};
    static std::optional<TrackingKey> from_hex(std::string_view hex);
    std::string hex() const;
    bool operator==(const TrackingKey&) const = default;
};

// The keyed permutation of [0, kKeyedSequenceLimit): a Feistel network over 30 bits with
// SipHash rounds, walked until it lands inside the range. permute_sequence(key, s) for
// s past the range is nullopt; unpermute_sequence is its inverse.
std::optional<std::uint64_t> permute_sequence(const TrackingKey& key, std::uint64_t sequence);
std::optional<std::uint64_t> unpermute_sequence(const TrackingKey& key, std::uint64_t value);

// The check character for `body` (characters of the alphabet): weights 1, 2, 3, ... modulo
// 31. As 31 is prime and the weights are distinct and non-zero, any single wrong
// character and any swap of two neighbours changes the sum, so the check catches both.
std::optional<char> tracking_check_char(std::string_view body);

// Code for the n-th proposal of a kiosk: keyed with `key`, plain without; nullopt if the
// kiosk code is not 4 characters of the alphabet or the sequence is beyond its kind's limit.
std::optional<std::string> make_tracking_code(std::string_view kiosk_code, std::uint64_t sequence,
                                              const TrackingKey* key = nullptr);

// The sequence inside a valid canonical code (the inverse of make_tracking_code); nullopt
// unless check_tracking_code accepts it, or for a keyed code when `key` is not given.
std::optional<std::uint64_t> tracking_sequence(std::string_view canonical, const TrackingKey* key = nullptr);
// Whether a valid code's six characters are a plain sequence (issued without a key).
bool is_plain_tracking_code(std::string_view canonical);

// Typed text -> canonical code: upper case, spaces and dashes dropped. Characters outside
// the alphabet (0, O, 1, I, L) are kept so the check can name them rather than guess.
std::string normalize_tracking_input(std::string_view typed);

enum class TrackingCheck { ok, too_short, too_long, bad_character, wrong_check };
TrackingCheck check_tracking_code(std::string_view canonical);

// "K7QM2F9H3CX" -> "K7QM 2F9H 3CX": groups of four read aloud and copy well.
std::string format_tracking_code(std::string_view canonical);

}  // namespace aul::core
