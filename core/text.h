// Text rules shared by every module: all text is UTF-8 and NFC inside Aul.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace aul::core {

// True when s is well-formed UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF).
bool is_valid_utf8(std::string_view s);

// NFC form of s; invalid UTF-8 sequences become U+FFFD so nothing is silently dropped.
std::string to_nfc(std::string_view s);

// The key search uses on both sides, index and query: NFC, case folded (Cyrillic, Latin,
// Kazakh letters), ё folded to е. Kazakh letters stay distinct from their Russian
// look-alikes (қ is not к): they are different letters to a reader.
std::string fold_for_search(std::string_view s);

// Count of code points (what a resident sees as "characters" for length limits).
std::size_t codepoint_count(std::string_view s);

// Removes C0/C1 control characters except '\n' (kept for multi-line text when allowed).
std::string strip_controls(std::string_view s, bool keep_newlines);

}  // namespace aul::core
