#include <doctest/doctest.h>

#include "test_files.h"

#include "core/i18n.h"

using namespace aul::core;

namespace {
Translations load_shipped() {
    Translations tr;
    for (Lang l : kAllLangs) {
        std::string path = std::string(AUL_TEST_ASSETS) + "/i18n/" + std::string(lang_code(l)) + ".json";
        auto s = tr.load(l, slurp(path));
        REQUIRE_MESSAGE(s.ok(), path << ": " << (s.ok() ? "" : s.error()));
    }
    return tr;
}
}  // namespace

TEST_CASE("every key is translated in every language") {
    Translations tr = load_shipped();
    for (Lang l : kAllLangs) {
        auto missing = tr.missing_keys(l);
        std::string list;
        for (const auto& k : missing) list += k + " ";
        CHECK_MESSAGE(missing.empty(), lang_code(l) << " lacks: " << list);
    }
}

TEST_CASE("the check notices a missing key") {
    Translations tr;
    REQUIRE(tr.load(Lang::kk, R"({"a": "A", "b": "B"})").ok());
    REQUIRE(tr.load(Lang::ru, R"({"a": "А"})").ok());
    REQUIRE(tr.load(Lang::en, R"({"a": "A", "b": "B"})").ok());
    CHECK(tr.missing_keys(Lang::ru) == std::vector<std::string>{"b"});
    CHECK(tr.get(Lang::ru, "b") == "B");        // falls back to English
    CHECK(tr.get(Lang::ru, "zzz") == "zzz");    // and then shows the key, never blank
}

TEST_CASE("bad translation files are refused with the reason") {
    Translations tr;
    CHECK_FALSE(tr.load(Lang::kk, "[1, 2]").ok());
    auto s = tr.load(Lang::kk, R"({"a": 5})");
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().find("'a'") != std::string::npos);
    CHECK_FALSE(tr.load(Lang::kk, "{\"a\": \"\xFF\"}").ok());
}

TEST_CASE("format_text fills placeholders") {
    CHECK(format_text("Табылды: {count}", "count", "12") == "Табылды: 12");
    CHECK(format_text("{n} and {n}", "n", "{n}") == "{n} and {n}");
}

TEST_CASE("published text falls back to the language its reader most likely reads") {
    using aul::core::Lang;
    using aul::core::LocalText;
    LocalText all{"Қазақша", "Русский", "English"};
    for (Lang l : aul::core::kAllLangs) CHECK(all.in(l) == all.exact(l));
    LocalText no_en{"Қазақша", "Русский", ""};
    CHECK(no_en.in(Lang::en) == "Русский");  // English readers: Russian before Kazakh
    LocalText only_kk{"Қазақша", "", ""};
    CHECK(only_kk.in(Lang::en) == "Қазақша");
    CHECK(only_kk.in(Lang::ru) == "Қазақша");
    LocalText no_ru{"Қазақша", "", "English"};
    CHECK(no_ru.in(Lang::ru) == "Қазақша");  // Russian readers: Kazakh before English
    LocalText no_kk{"", "Русский", "English"};
    CHECK(no_kk.in(Lang::kk) == "Русский");
    CHECK(LocalText{}.in(Lang::kk).empty());
}
