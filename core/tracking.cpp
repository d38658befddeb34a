#include "core/tracking.h"

#include <sodium.h>

namespace aul::core {

namespace {
constexpr int kBase = static_cast<int>(kTrackingAlphabet.size());

int value_of(char c) {
    auto pos = kTrackingAlphabet.find(c);
    return pos == std::string_view::npos ? -1 : static_cast<int>(pos);
}

// Multiplicative inverse modulo the prime base (Fermat: a^(p-2)).
int inverse(int a) {
    int result = 1, base = a % kBase, e = kBase - 2;
    while (e > 0) {
        if (e & 1) result = result * base % kBase;
        base = base * base % kBase;
        e >>= 1;
    }
    return result;
}
}  // namespace

std::optional<char> tracking_check_char(std::string_view body) {
    if (body.size() + 1 >= static_cast<std::size_t>(kBase)) return std::nullopt;  // weights must stay distinct
    int sum = 0;
    for (std::size_t i = 0; i < body.size(); ++i) {
        int v = value_of(body[i]);
        if (v < 0) return std::nullopt;
        sum = (sum + v * static_cast<int>(i + 1)) % kBase;
    }
    // Choose c so that sum + c * weight(check) == 0 (mod 31).
    int weight = static_cast<int>(body.size() + 1);
    int c = (kBase - sum) % kBase * inverse(weight) % kBase;
    return kTrackingAlphabet[static_cast<std::size_t>(c)];
}

namespace {
// The Feistel network's halves: 15 bits each, 2^30 values, the smallest power of two
// holding kKeyedSequenceLimit (so walking back into the range takes 1.25 steps on average).
constexpr int kHalfBits = 15;
constexpr std::uint64_t kHalfMask = (1u << kHalfBits) - 1;
constexpr int kRounds = 10;

std::uint64_t round_value(const TrackingKey& key, int round, std::uint64_t half) {
    unsigned char in[3] = {static_cast<unsigned char>(round), static_cast<unsigned char>(half >> 8),
                           static_cast<unsigned char>(half)};
    unsigned char out[crypto_shorthash_BYTES];
    crypto_shorthash(out, in, sizeof in, key.bytes.data());
    return (static_cast<std::uint64_t>(out[0]) | static_cast<std::uint64_t>(out[1]) << 8) & kHalfMask;
}

std::uint64_t feistel(const TrackingKey& key, std::uint64_t x) {
    std::uint64_t left = x >> kHalfBits, right = x & kHalfMask;
    for (int r = 0; r < kRounds; ++r) {
        std::uint64_t next = left ^ round_value(key, r, right);
        left = right;
        right = next;
    }
    return left << kHalfBits | right;
}

std::uint64_t feistel_inverse(const TrackingKey& key, std::uint64_t y) {
    std::uint64_t left = y >> kHalfBits, right = y & kHalfMask;
    for (int r = kRounds; r-- > 0;) {
        std::uint64_t previous = right ^ round_value(key, r, left);
        right = left;
        left = previous;
    }
    return left << kHalfBits | right;
}

std::string sequence_characters(std::uint64_t value) {
    std::string seq(kSequenceLength, kTrackingAlphabet[0]);
    for (std::size_t i = kSequenceLength; i-- > 0;) {
        seq[i] = kTrackingAlphabet[value % kBase];
        value /= kBase;
    }
    return seq;
}
}  // namespace

std::optional<TrackingKey> TrackingKey::from_hex(std::string_view hex) {
    TrackingKey key;
    std::size_t len = 0;
    if (hex.size() != key.bytes.size() * 2 ||
        sodium_hex2bin(key.bytes.data(), key.bytes.size(), hex.data(), hex.size(), nullptr, &len, nullptr) != 0 ||
        len != key.bytes.size())
        return std::nullopt;
    return key;
}

std::string TrackingKey::hex() const {
    char out[sizeof bytes * 2 + 1];
    sodium_bin2hex(out, sizeof out, bytes.data(), bytes.size());
    return out;
}

// Cycle walking: the network permutes [0, 2^30); applying a step again from any value
// past the range until one lands inside keeps a bijection of the range itself. `step` is
// the network or its inverse.
namespace {
template <typename Step>
std::optional<std::uint64_t> walk_within_keyed_range(std::uint64_t x, Step step) {
    if (x >= kKeyedSequenceLimit) return std::nullopt;
    do x = step(x);
    while (x >= kKeyedSequenceLimit);
    return x;
}
}  // namespace

std::optional<std::uint64_t> permute_sequence(const TrackingKey& key, std::uint64_t sequence) {
    return walk_within_keyed_range(sequence, [&](std::uint64_t x) { return feistel(key, x); });
}

std::optional<std::uint64_t> unpermute_sequence(const TrackingKey& key, std::uint64_t value) {
    return walk_within_keyed_range(value, [&](std::uint64_t x) { return feistel_inverse(key, x); });
}

std::optional<std::string> make_tracking_code(std::string_view kiosk_code, std::uint64_t sequence,
                                              const TrackingKey* key) {
    if (kiosk_code.size() != kKioskCodeLength) return std::nullopt;
    for (char c : kiosk_code)
        if (value_of(c) < 0) return std::nullopt;
    std::uint64_t value = sequence;
    if (key) {
        auto permuted = permute_sequence(*key, sequence);
        if (!permuted) return std::nullopt;
        value = kPlainSequenceLimit + *permuted;
    } else if (sequence >= kPlainSequenceLimit) {
        return std::nullopt;
    }
    std::string body = std::string(kiosk_code) + sequence_characters(value);
    auto check = tracking_check_char(body);
    if (!check) return std::nullopt;
    return body + *check;
}

bool is_plain_tracking_code(std::string_view code) {
    return code.size() > kKioskCodeLength && code[kKioskCodeLength] == kTrackingAlphabet[0];
}

std::optional<std::uint64_t> tracking_sequence(std::string_view code, const TrackingKey* key) {
    if (check_tracking_code(code) != TrackingCheck::ok) return std::nullopt;
    std::uint64_t value = 0;
    for (char c : code.substr(kKioskCodeLength, kSequenceLength))
        value = value * kBase + static_cast<std::uint64_t>(value_of(c));
    if (value < kPlainSequenceLimit) return value;
    if (!key) return std::nullopt;
    return unpermute_sequence(*key, value - kPlainSequenceLimit);
}

std::string normalize_tracking_input(std::string_view typed) {
    std::string out;
    for (char c : typed) {
        if (c == ' ' || c == '-' || c == '\t') continue;
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        out.push_back(c);
    }
    return out;
}

TrackingCheck check_tracking_code(std::string_view code) {
    for (char c : code)
        if (value_of(c) < 0) return TrackingCheck::bad_character;
    if (code.size() < kTrackingLength) return TrackingCheck::too_short;
    if (code.size() > kTrackingLength) return TrackingCheck::too_long;
    auto check = tracking_check_char(code.substr(0, kTrackingLength - 1));
    return check && *check == code.back() ? TrackingCheck::ok : TrackingCheck::wrong_check;
}

std::string format_tracking_code(std::string_view code) {
    std::string out;
    for (std::size_t i = 0; i < code.size(); ++i) {
        if (i > 0 && i % 4 == 0) out.push_back(' ');
        out.push_back(code[i]);
    }
    return out;
}

}  // namespace aul::core
