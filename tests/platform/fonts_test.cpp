#include <doctest/doctest.h>
#include <imgui.h>

#include "test_files.h"

#include "core/catalog_json.h"
#include "core/i18n.h"
#include "platform/fonts.h"

using namespace aul;

namespace {
struct Atlas {
    ImFontAtlas atlas;
    platform::FontSet fonts;
    platform::IconNames icons;
    Atlas() {
        REQUIRE(icons.load(platform::FontFiles{}.icon_names).ok());
        auto set = platform::build_fonts(atlas, platform::FontFiles{}, platform::FontSizes{}, {icons.codepoint("search")});
        REQUIRE_MESSAGE(set.ok(), (set.ok() ? "" : set.error()));
        fonts = *set;
    }
};

std::string hex(const std::vector<std::uint32_t>& cps) {
    std::ostringstream os;
    for (auto cp : cps) os << "U+" << std::hex << cp << " ";
    return os.str();
}
}  // namespace

TEST_CASE("every translated string can be drawn by every text face") {
    Atlas a;
    core::Translations tr;
    for (core::Lang l : core::kAllLangs)
        REQUIRE(tr.load(l, slurp(std::string(AUL_TEST_ASSETS) + "/i18n/" + std::string(core::lang_code(l)) + ".json")).ok());
    for (const auto& text : tr.all_texts())
        for (ImFont* f : {a.fonts.body, a.fonts.small, a.fonts.heading}) {
            auto missing = platform::missing_glyphs(*f, text);
            CHECK_MESSAGE(missing.empty(), "\"" << text << "\" lacks " << hex(missing));
        }
}

TEST_CASE("the atlas has the nine Kazakh letters, tenge and numero sign") {
    Atlas a;
    CHECK(platform::missing_glyphs(*a.fonts.body, "ӘәҒғҚқҢңӨөҰұҮүҺһІі ₸ № «» — … ÄäĞğÑñÖöŞşŪūÜüİı").empty());
}

TEST_CASE("the coverage check itself notices a missing glyph") {
    Atlas a;
    auto missing = platform::missing_glyphs(*a.fonts.body, "ok 漢");
    REQUIRE(missing.size() == 1);
    CHECK(missing[0] == 0x6F22);
}

TEST_CASE("the demo catalogue's texts are covered too") {
    Atlas a;
    auto c = core::parse_catalog(slurp(std::string(AUL_TEST_ASSETS) + "/demo/catalog.json"));
    REQUIRE(c.ok());
    std::string all;
    for (const auto& n : c->ngos)
        for (const auto* t : {&n.name, &n.mission, &n.services, &n.area, &n.address}) all += t->kk + t->ru + t->en;
    for (const auto& r : c->regions) all += r.name.kk + r.name.ru + r.name.en;
    auto missing = platform::missing_glyphs(*a.fonts.body, all);
    CHECK_MESSAGE(missing.empty(), hex(missing));
}

TEST_CASE("icon names come from the Font Awesome package") {
    platform::IconNames icons;
    REQUIRE(icons.load(platform::FontFiles{}.icon_names).ok());
    CHECK(icons.codepoint("child") == 0xf1ae);
    CHECK(icons.codepoint("search") == 0xf002);
    CHECK(icons.codepoint("no-such-icon") == 0);
    CHECK_FALSE(icons.load("/nonexistent.css").ok());
}
