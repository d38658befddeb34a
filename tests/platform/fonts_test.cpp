#include <doctest/doctest.h>
#include <imgui.h>
#include <unistd.h>
#include <zlib.h>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <random>
#include <string_view>

#include "test_files.h"

#include "core/catalog_json.h"
#include "core/files.h"
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
        fonts = set->set;
    }
};

std::uint64_t property_seed() {
    const char* env = std::getenv("AUL_PROPERTY_SEED");
    return env ? std::strtoull(env, nullptr, 10) : std::random_device{}();
}

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

namespace {
std::string fresh_dir(const char* what) {
    auto dir = std::filesystem::temp_directory_path() / (std::string("aul-") + what + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir.string();
}

std::vector<std::filesystem::path> atlases_in(const std::string& dir) {
    std::vector<std::filesystem::path> out;
    for (const auto& e : std::filesystem::directory_iterator(dir))
        if (e.path().extension() == ".atlas") out.push_back(e.path());
    return out;
}

std::uint64_t checksum(std::string_view bytes) {
    return crc32_z(crc32_z(0L, Z_NULL, 0), reinterpret_cast<const Bytef*>(bytes.data()), bytes.size());
}

// The same face, glyph for glyph and metric for metric.
void check_same_face(const ImFont& a, const ImFont& b) {
    CHECK(a.FontSize == b.FontSize);
    CHECK(a.Ascent == b.Ascent);
    CHECK(a.Descent == b.Descent);
    CHECK(a.FallbackChar == b.FallbackChar);
    CHECK(a.EllipsisChar == b.EllipsisChar);
    REQUIRE(a.Glyphs.Size == b.Glyphs.Size);
    CHECK(std::memcmp(a.Glyphs.Data, b.Glyphs.Data, sizeof(ImFontGlyph) * static_cast<std::size_t>(a.Glyphs.Size)) == 0);
    for (const char* text : {"Қоғамдық ұйымдар", "Общественные организации", "Public councils № 12 — ₸", "\t?"}) {
        ImVec2 sa = a.CalcTextSizeA(a.FontSize, 1e9f, 300.0f, text), sb = b.CalcTextSizeA(b.FontSize, 1e9f, 300.0f, text);
        CHECK(sa.x == sb.x);
        CHECK(sa.y == sb.y);
    }
}

const std::vector<std::uint32_t> kSomeIcons = {0xf002, 0xf015, 0xf0c0};
}  // namespace

TEST_CASE("a cached font atlas is the atlas that was built, glyph for glyph and pixel for pixel") {
    std::string dir = fresh_dir("atlas");
    ImFontAtlas built, loaded;
    auto first = platform::build_fonts(built, platform::FontFiles{}, platform::FontSizes{}, kSomeIcons, dir);
    REQUIRE_MESSAGE(first.ok(), (first.ok() ? "" : first.error()));
    CHECK_FALSE(first->from_cache);
    CHECK(first->cache_problem.empty());
    REQUIRE(atlases_in(dir).size() == 1);

    auto second = platform::build_fonts(loaded, platform::FontFiles{}, platform::FontSizes{}, kSomeIcons, dir);
    REQUIRE(second.ok());
    CHECK(second->from_cache);
    CHECK(loaded.TexWidth == built.TexWidth);
    CHECK(loaded.TexHeight == built.TexHeight);
    CHECK(loaded.TexUvWhitePixel.x == built.TexUvWhitePixel.x);
    CHECK(loaded.TexUvWhitePixel.y == built.TexUvWhitePixel.y);
    CHECK(std::memcmp(loaded.TexUvLines, built.TexUvLines, sizeof built.TexUvLines) == 0);
    REQUIRE(loaded.TexPixelsAlpha8 != nullptr);
    CHECK(std::memcmp(loaded.TexPixelsAlpha8, built.TexPixelsAlpha8,
                      static_cast<std::size_t>(built.TexWidth) * built.TexHeight) == 0);
    const platform::FontSet& a = first->set;
    const platform::FontSet& b = second->set;
    check_same_face(*a.body, *b.body);
    check_same_face(*a.small, *b.small);
    check_same_face(*a.heading, *b.heading);
    check_same_face(*a.icon, *b.icon);
    check_same_face(*a.display, *b.display);
    // What the backends upload: the same RGBA texture.
    unsigned char *pa = nullptr, *pb = nullptr;
    int wa = 0, ha = 0, wb = 0, hb = 0;
    built.GetTexDataAsRGBA32(&pa, &wa, &ha);
    loaded.GetTexDataAsRGBA32(&pb, &wb, &hb);
    REQUIRE((wa == wb && ha == hb));
    CHECK(std::memcmp(pa, pb, static_cast<std::size_t>(wa) * ha * 4) == 0);
    std::filesystem::remove_all(dir);
}

TEST_CASE("a change of sizes or icons builds a new atlas; the few newest are kept") {
    std::string dir = fresh_dir("atlas-keys");
    platform::FontSizes sizes;
    for (int variant = 0; variant < 6; ++variant) {
        ImFontAtlas atlas;
        sizes.body = 40.0f + static_cast<float>(variant);
        auto built = platform::build_fonts(atlas, platform::FontFiles{}, sizes, kSomeIcons, dir);
        REQUIRE(built.ok());
        CHECK_FALSE(built->from_cache);
    }
    CHECK(atlases_in(dir).size() == 4);
    ImFontAtlas atlas;
    auto again = platform::build_fonts(atlas, platform::FontFiles{}, sizes, kSomeIcons, dir);  // the newest is kept
    REQUIRE(again.ok());
    CHECK(again->from_cache);
    auto more_icons = kSomeIcons;
    more_icons.push_back(0xf06e);
    ImFontAtlas other;
    auto changed = platform::build_fonts(other, platform::FontFiles{}, sizes, more_icons, dir);
    REQUIRE(changed.ok());
    CHECK_FALSE(changed->from_cache);
    std::filesystem::remove_all(dir);
}

TEST_CASE("a damaged or forged atlas file is refused, never crashes, and is replaced by a built one") {
    std::string dir = fresh_dir("atlas-bad");
    ImFontAtlas reference;
    auto built = platform::build_fonts(reference, platform::FontFiles{}, platform::FontSizes{}, kSomeIcons, dir);
    REQUIRE(built.ok());
    auto file = atlases_in(dir).at(0).string();
    auto good = core::read_whole_file(file);
    REQUIRE(good);
    std::uint64_t seed = property_seed();
    INFO("AUL_PROPERTY_SEED=" << seed);
    std::mt19937_64 rng(seed);
    int refused = 0;
    for (int round = 0; round < 60; ++round) {
        std::string bytes = *good;
        // Cut it, or change bytes in its header and glyph tables; half the time with the
        // checksum made right again, as a forger would.
        if (rng() % 4 == 0) bytes.resize(rng() % bytes.size());
        std::size_t head = std::min<std::size_t>(bytes.size(), 64 * 1024);
        for (int k = 1 + static_cast<int>(rng() % 8); k > 0 && head > 0; --k) bytes[rng() % head] = static_cast<char>(rng());
        if (rng() % 2 && bytes.size() > 8) {
            std::uint64_t sum = checksum(std::string_view(bytes).substr(0, bytes.size() - 8));
            std::memcpy(bytes.data() + bytes.size() - 8, &sum, 8);
        }
        REQUIRE(core::write_file_atomically(file, bytes, 0640).ok());
        ImFontAtlas atlas;
        auto got = platform::build_fonts(atlas, platform::FontFiles{}, platform::FontSizes{}, kSomeIcons, dir);
        REQUIRE(got.ok());
        if (!got->from_cache) {
            ++refused;
            CHECK(got->cache_problem.find("was not used") != std::string::npos);
            CHECK(atlas.TexWidth == reference.TexWidth);  // built afresh, and written back whole
            auto rewritten = core::read_whole_file(file);
            CHECK((rewritten && *rewritten == *good));
        } else {
            // A forgery that passes every check still draws within the texture.
            for (const ImFont* f : atlas.Fonts)
                for (const ImFontGlyph& g : f->Glyphs) CHECK((g.U0 >= 0 && g.U1 <= 1 && g.V0 >= 0 && g.V1 <= 1));
            CHECK(std::isfinite(got->set.body->CalcTextSizeA(got->set.body->FontSize, 1e9f, 0, "Қоғам").x));
        }
    }
    CHECK(refused > 30);
    std::filesystem::remove_all(dir);
}
