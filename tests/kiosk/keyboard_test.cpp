#include <doctest/doctest.h>

#include <set>

#include "core/text.h"
#include "core/tracking.h"
#include "kiosk/keyboard.h"

using namespace aul;
using namespace aul::kiosk;

TEST_CASE("the tracking code's keyboard holds the code alphabet, each character once, and nothing else") {
    std::set<std::string> keys;
    for (const auto& key : letter_keys(KeyLayout::code)) CHECK_MESSAGE(keys.insert(core::to_upper(key)).second, key);
    std::set<std::string> alphabet;
    for (char c : core::kTrackingAlphabet) alphabet.insert(std::string(1, c));
    CHECK(keys == alphabet);
    for (const char* never : {"0", "O", "1", "I", "L", ",", " "}) CHECK(keys.count(never) == 0);
}

TEST_CASE("every letter of each language's keyboard is a key of its own") {
    for (KeyLayout l : {KeyLayout::kk, KeyLayout::ru, KeyLayout::en}) {
        std::set<std::string> seen;
        for (const auto& key : letter_keys(l)) CHECK_MESSAGE(seen.insert(key).second, key);
    }
    CHECK(letter_keys(KeyLayout::kk).size() == 42);  // the 33 Cyrillic letters and the nine Kazakh ones
}
