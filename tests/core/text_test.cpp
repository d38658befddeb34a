#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/text.h"

using namespace aul::core;

TEST_CASE("UTF-8 validity") {
    CHECK(is_valid_utf8("Қазақстан"));
    CHECK_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
    CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate
    CHECK_FALSE(is_valid_utf8("abc\xFF"));
    CHECK_FALSE(is_valid_utf8("\xE2\x82"));          // truncated
}

TEST_CASE("NFC composes and repairs") {
    // й as и + combining breve, ә as its decomposed form does not exist (ә is atomic): stays.
    CHECK(to_nfc("\xD0\xB8\xCC\x86") == "й");
    CHECK(to_nfc("ә") == "ә");
    CHECK(to_nfc("a\xFF" "b") == "a\xEF\xBF\xBD" "b");  // invalid byte -> U+FFFD, nothing dropped
}

TEST_CASE("search folding: case, ё, but Kazakh letters stay themselves") {
    CHECK(fold_for_search("ҚАМҚОР") == "қамқор");
    CHECK(fold_for_search("ӘЛЕМ Ғылым ҢҮҰӨҺІ") == "әлем ғылым ңүұөһі");
    CHECK(fold_for_search("Всё для детей") == "все для детей");
    CHECK(fold_for_search("ЁЛКА") == "елка");
    CHECK(fold_for_search("Straße") == "strasse");
    CHECK(fold_for_search("қ") != fold_for_search("к"));
    CHECK(fold_for_search("ү") != fold_for_search("у"));
    CHECK(fold_for_search("\xD0\xB5\xCC\x88") == "е");  // decomposed ё folds too
}

TEST_CASE("sort keys ignore leading quotes and fold like search") {
    CHECK(sort_key("«Алтын жас» қоры") == sort_key("алтын жас» қоры"));
    CHECK(sort_key("\"Adilet\" Public Association") == "adilet\" public association");
    CHECK(sort_key("Ёлка") == sort_key("елка"));
    CHECK(sort_key("«»") == "");
}

TEST_CASE("sort keys follow the Kazakh alphabet, of which the Russian one is a part") {
    const std::vector<std::string> letters{"а", "ә", "б", "в", "г", "ғ", "д", "е", "ж", "з", "и", "й", "к", "қ",
                                           "л", "м", "н", "ң", "о", "ө", "п", "р", "с", "т", "у", "ұ", "ү", "ф",
                                           "х", "һ", "ц", "ч", "ш", "щ", "ъ", "ы", "і", "ь", "э", "ю", "я"};
    for (std::size_t i = 1; i < letters.size(); ++i) {
        CAPTURE(letters[i - 1] + " < " + letters[i]);
        CHECK(sort_key(letters[i - 1]) < sort_key(letters[i]));
        CHECK(sort_key(to_upper(letters[i - 1]) + "я") < sort_key(letters[i]));  // the first letter decides
    }
    // Names as readers see them listed.
    CHECK(sort_key("«Ақ жаулық» қоры") < sort_key("«Алтын жас» қоры"));
    CHECK(sort_key("Қамқор") < sort_key("Лидер"));
    CHECK(sort_key("Үміт") < sort_key("Фонд"));
    CHECK(sort_key("Іскер") < sort_key("Юность"));
    CHECK(sort_key("Ёлка") < sort_key("Жасыл ел"));
    CHECK(sort_key("Ёлка") > sort_key("Дом"));
    // Digits, then Latin, then Cyrillic; other Cyrillic letters after the alphabet.
    CHECK(sort_key("7 ауыл") < sort_key("Adilet"));
    CHECK(sort_key("Zhas") < sort_key("Ана"));
    CHECK(sort_key("Ўзбек") > sort_key("Ярмарка"));
}

TEST_CASE("upper case covers Kazakh, Russian and Latin letters") {
    CHECK(to_upper("әіңғүұқөһ") == "ӘІҢҒҮҰҚӨҺ");
    CHECK(to_upper("ёж q1") == "ЁЖ Q1");
    CHECK(to_lower("ҚАЗАҚ Ё") == "қазақ ё");
}

TEST_CASE("backspace removes one whole code point") {
    std::string s = "aқ€";
    pop_codepoint(s);
    CHECK(s == "aқ");
    pop_codepoint(s);
    CHECK(s == "a");
    pop_codepoint(s);
    pop_codepoint(s);
    CHECK(s.empty());
}

TEST_CASE("length and control characters") {
    CHECK(codepoint_count("Қазақ") == 5);
    CHECK(strip_controls("a\x01" "b\tc\nd\x7F", false) == "ab cd");
    CHECK(strip_controls("a\nb", true) == "a\nb");
    CHECK(strip_controls("a\xC2\x85" "b", false) == "ab");  // C1 NEL
}

TEST_CASE("untrusted text is shown escaped on a terminal, readable text kept") {
    CHECK(escape_for_terminal("Талғар, KZ-19") == "Талғар, KZ-19");
    CHECK(escape_for_terminal("a\x1b[31mb") == "a\\x1b[31mb");
    CHECK(escape_for_terminal("line\nnext\r\t") == "line\\x0anext\\x0d\\x09");
    CHECK(escape_for_terminal("\x7f") == "\\x7f");
    CHECK(escape_for_terminal("\xc2\x9b" "2J") == "\\x9b2J");  // C1 CSI
    CHECK(escape_for_terminal("abc\u202edef") == "abc\\u202edef");
    CHECK(escape_for_terminal("\u2066x\u2069") == "\\u2066x\\u2069");
    CHECK(escape_for_terminal("bad\xff" "byte") == "bad\\xffbyte");
    CHECK(escape_for_terminal("\xef\xbf\xbd") == "\xef\xbf\xbd");  // a real U+FFFD is text
    CHECK(escape_json_for_terminal("{\"a\":\"x\\u001b\xc2\x9b\u202e\"}\n") == "{\"a\":\"x\\u001b\\u009b\\u202e\"}\n");
    // Whatever the bytes, nothing a terminal acts on is left.
    std::string all;
    for (int b = 0; b < 256; ++b) all += static_cast<char>(b);
    all += "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069";
    std::string shown = escape_for_terminal(all);
    for_each_codepoint(shown, [&](char32_t cp, std::string_view) { CHECK_FALSE(is_control(cp)); });
}

TEST_CASE("bidirectional overrides are stripped from typed text like other controls") {
    CHECK(strip_controls("abc\u202etxt.exe", false) == "abctxt.exe");
    CHECK(strip_controls("\u2066x\u2069", false) == "x");
    CHECK(strip_controls("Қазақ", false) == "Қазақ");
}
