#include "core/text.h"

#include <utf8proc.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>

namespace aul::core {

namespace {
struct FreeDeleter {
    void operator()(void* p) const { std::free(p); }
};

void append_utf8(std::string& out, char32_t cp) {
    utf8proc_uint8_t buf[4];
    utf8proc_ssize_t n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), buf);
    out.append(reinterpret_cast<char*>(buf), static_cast<std::size_t>(n));
}

std::string sanitize(std::string_view s) {
    if (is_valid_utf8(s)) return std::string(s);
    std::string out;
    out.reserve(s.size());
    for_each_codepoint(s, [&](char32_t cp, std::string_view) { append_utf8(out, cp); });
    return out;
}

std::string map_with(std::string_view s, int options) {
    std::string clean = sanitize(s);
    utf8proc_uint8_t* out = nullptr;
    utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(clean.data()),
                                      static_cast<utf8proc_ssize_t>(clean.size()), &out,
                                      static_cast<utf8proc_option_t>(options));
    std::unique_ptr<utf8proc_uint8_t, FreeDeleter> hold(out);
    if (n < 0) return clean;
    return std::string(reinterpret_cast<char*>(out), static_cast<std::size_t>(n));
}
}  // namespace

std::size_t decode_utf8(std::string_view s, char32_t& cp) {
    if (s.empty()) return 0;
    utf8proc_int32_t c = 0;
    utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                          static_cast<utf8proc_ssize_t>(s.size()), &c);
    if (n <= 0) {
        cp = 0xFFFD;
        return 1;
    }
    cp = static_cast<char32_t>(c);
    return static_cast<std::size_t>(n);
}

bool is_valid_utf8(std::string_view s) {
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
    utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(s.size());
    while (left > 0) {
        utf8proc_int32_t cp = 0;
        utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
        if (n < 0) return false;
        p += n;
        left -= n;
    }
    return true;
}

std::string to_nfc(std::string_view s) {
    return map_with(s, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
}

std::string fold_for_search(std::string_view s) {
    std::string folded = map_with(s, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
    std::string out;
    out.reserve(folded.size());
    for_each_codepoint(folded, [&](char32_t cp, std::string_view) {
        if (cp == 0x0451) cp = 0x0435;  // ё -> е: Russian writing omits the dots freely
        append_utf8(out, cp);
    });
    return out;
}

namespace {
template <typename Map>
std::string map_case(std::string_view s, Map&& map) {
    std::string out;
    out.reserve(s.size());
    for_each_codepoint(s, [&](char32_t cp, std::string_view) {
        append_utf8(out, static_cast<char32_t>(map(static_cast<utf8proc_int32_t>(cp))));
    });
    return out;
}

// The Kazakh Cyrillic alphabet, lower case, in its order. Russian's is a subsequence of it,
// so one order serves both readers; ё is folded to е before it is looked up.
constexpr char32_t kKazakhAlphabet[] = U"аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя";
constexpr char32_t kAlphabetBlock = 0xE000;  // private use: after every letter in one or two bytes
constexpr char32_t kOtherCyrillicBlock = 0xE100;

// A letter's place in the sort key. Code point order puts the Kazakh letters (ә ғ қ ң ө ұ ү
// һ і, at U+04xx) after я; their places in the alphabet put қ between к and л. Other
// Cyrillic letters follow the alphabet; every other character keeps its code point.
char32_t alphabet_place(char32_t cp) {
    for (std::size_t i = 0; kKazakhAlphabet[i] != 0; ++i)
        if (kKazakhAlphabet[i] == cp) return kAlphabetBlock + static_cast<char32_t>(i);
    if (cp >= 0x0400 && cp <= 0x04FF) return kOtherCyrillicBlock + (cp - 0x0400);
    return cp;
}
}  // namespace

std::string sort_key(std::string_view s) {
    std::string folded = fold_for_search(s);
    std::string key;
    bool started = false;
    for_each_codepoint(folded, [&](char32_t cp, std::string_view) {
        if (!started) {
            auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
            started = (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) || cat == UTF8PROC_CATEGORY_ND;
            if (!started) return;
        }
        append_utf8(key, alphabet_place(cp));
    });
    return key;
}

std::string to_upper(std::string_view s) { return map_case(s, utf8proc_toupper); }
std::string to_lower(std::string_view s) { return map_case(s, utf8proc_tolower); }

void pop_codepoint(std::string& s) {
    if (s.empty()) return;
    std::size_t i = s.size() - 1;
    while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;  // back over continuation bytes
    s.erase(i);
}

std::size_t codepoint_count(std::string_view s) {
    std::size_t n = 0;
    for_each_codepoint(s, [&](char32_t, std::string_view) { ++n; });
    return n;
}

namespace {
bool is_bidi_control(char32_t cp) { return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069); }

void append_escape(std::string& out, std::uint32_t value, bool json) {
    char buf[8];
    if (value < 0x100 && !json)
        std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(value));
    else
        std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(value));
    out += buf;
}
}  // namespace

bool is_control(char32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || is_bidi_control(cp); }

std::string strip_controls(std::string_view s, bool keep_newlines) {
    std::string out;
    out.reserve(s.size());
    for_each_codepoint(sanitize(s), [&](char32_t cp, std::string_view) {
        if (cp == '\t') {
            out.push_back(' ');
            return;
        }
        if (!is_control(cp) || (cp == '\n' && keep_newlines)) append_utf8(out, cp);
    });
    return out;
}

std::string escape_for_terminal(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for_each_codepoint(s, [&](char32_t cp, std::string_view bytes) {
        if (cp == 0xFFFD && bytes != "\xEF\xBF\xBD")
            append_escape(out, static_cast<unsigned char>(bytes[0]), false);  // a byte that is not UTF-8
        else if (is_control(cp))
            append_escape(out, cp, false);
        else
            out.append(bytes);
    });
    return out;
}

std::string escape_json_for_terminal(std::string_view json) {
    std::string out;
    out.reserve(json.size());
    for_each_codepoint(json, [&](char32_t cp, std::string_view bytes) {
        if (cp == 0xFFFD && bytes != "\xEF\xBF\xBD")
            out += "\\ufffd";
        else if (is_control(cp) && cp != '\n')
            append_escape(out, cp, true);
        else
            out.append(bytes);
    });
    return out;
}

}  // namespace aul::core
