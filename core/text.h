// Text rules shared by every module: all text is UTF-8 and NFC inside Aul.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace aul::core {

// Decodes the code point at the start of s into cp and returns how many bytes it took
// (0 only for an empty s). An invalid byte decodes as U+FFFD and takes one byte, so a
// loop over a damaged string always advances and loses nothing silently.
std::size_t decode_utf8(std::string_view s, char32_t& cp);

// Calls fn(code point, its bytes) for each code point of s.
template <typename Fn>
void for_each_codepoint(std::string_view s, Fn&& fn) {
    while (!s.empty()) {
        char32_t cp = 0;
        std::size_t n = decode_utf8(s, cp);
        fn(cp, s.substr(0, n));
        s.remove_prefix(n);
    }
}

// True when s is well-formed UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF).
bool is_valid_utf8(std::string_view s);

// NFC form of s; invalid UTF-8 sequences become U+FFFD so nothing is silently dropped.
std::string to_nfc(std::string_view s);

// The key search uses on both sides, index and query: NFC, case folded (Cyrillic, Latin,
// Kazakh letters), ё folded to е. Kazakh letters stay distinct from their Russian
// look-alikes (қ is not к): they are different letters to a reader.
std::string fold_for_search(std::string_view s);

// Alphabetical sort key, compared byte by byte: the search folding without leading quotes
// and punctuation, so «Алтын жас» sorts under А and "Adilet" under A, and Cyrillic letters
// in the order of the Kazakh alphabet (қ after к, not after я). Digits and Latin letters
// come before Cyrillic ones.
std::string sort_key(std::string_view s);

// Upper and lower case, code point by code point (Kazakh and Russian letters included).
std::string to_upper(std::string_view s);
std::string to_lower(std::string_view s);

// Removes the last code point (what backspace does).
void pop_codepoint(std::string& s);

// Count of code points (what a resident sees as "characters" for length limits).
std::size_t codepoint_count(std::string_view s);

// Removes C0/C1 control characters except '\n' (kept for multi-line text when allowed),
// and the bidirectional embedding, override and isolate controls (U+202A-U+202E,
// U+2066-U+2069), which make a text read differently from what it holds. Tabs become spaces.
std::string strip_controls(std::string_view s, bool keep_newlines);

// True for a code point a terminal or a reader's screen acts on instead of showing: C0,
// DEL, C1 (ESC among them), and the bidirectional controls strip_controls removes.
bool is_control(char32_t cp);

// Untrusted text made safe to print on an operator's terminal: every control (is_control)
// and every byte that is not UTF-8 is shown escaped, \x1b for a code point or byte below
// 0x100, \u202e above; everything else, Cyrillic included, is kept as it is. One line
// always: newlines are escaped too.
std::string escape_for_terminal(std::string_view s);
// The same for JSON text (nlohmann's dump already escapes C0): the controls it leaves raw
// become \u escapes, so the result is still the same JSON.
std::string escape_json_for_terminal(std::string_view json);

}  // namespace aul::core
