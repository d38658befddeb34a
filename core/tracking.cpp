#include "core/tracking.h"

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

std::optional<std::string> make_tracking_code(std::string_view kiosk_code, std::uint64_t sequence) {
    if (kiosk_code.size() != kKioskCodeLength) return std::nullopt;
    for (char c : kiosk_code)
        if (value_of(c) < 0) return std::nullopt;
    std::string seq(kSequenceLength, kTrackingAlphabet[0]);
    for (std::size_t i = kSequenceLength; i-- > 0;) {
        seq[i] = kTrackingAlphabet[sequence % kBase];
        sequence /= kBase;
    }
    if (sequence != 0) return std::nullopt;
    std::string body = std::string(kiosk_code) + seq;
    auto check = tracking_check_char(body);
    if (!check) return std::nullopt;
    return body + *check;
}

std::optional<std::uint64_t> tracking_sequence(std::string_view code) {
    if (check_tracking_code(code) != TrackingCheck::ok) return std::nullopt;
    std::uint64_t sequence = 0;
    for (char c : code.substr(kKioskCodeLength, kSequenceLength))
        sequence = sequence * kBase + static_cast<std::uint64_t>(value_of(c));
    return sequence;
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
