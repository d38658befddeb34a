// What the voice says, from generated screens: a resident's contact details never reach
// an utterance however the items fall, the top layer alone is read, the heading and
// question come first, codes are spelled twice by their names, and keys typed into a
// private field click.
#include <doctest/doctest.h>

#include <cstdlib>
#include <random>

#include "core/files.h"
#include "kiosk/narration.h"

using namespace aul;
using namespace aul::kiosk;
using V = UiItem::Voice;

namespace {

struct Fixture {
    core::Translations tr;
    platform::Lexicon lx;
    Fixture() {
        for (core::Lang l : core::kAllLangs) {
            auto text = core::read_whole_file(std::string(AUL_TEST_ASSETS) + "/i18n/" + std::string(core::lang_code(l)) + ".json");
            REQUIRE(text);
            REQUIRE(tr.load(l, *text));
        }
        auto loaded = platform::Lexicon::load(std::string(AUL_TEST_ASSETS) + "/voice");
        REQUIRE(loaded);
        lx = std::move(*loaded);
    }
};

UiItem item(std::string text, V voice, int layer = 0, bool tappable = false) {
    UiItem it;
    it.id = tappable ? "t." + text : "";
    it.text = std::move(text);
    it.voice = voice;
    it.layer = layer;
    it.tappable = tappable;
    it.kind = tappable ? UiItem::Kind::target : UiItem::Kind::text;
    return it;
}

std::uint64_t property_seed() {
    const char* env = std::getenv("AUL_PROPERTY_SEED");
    return env ? std::strtoull(env, nullptr, 10) : std::random_device{}();
}

}  // namespace

TEST_CASE("no utterance holds a contact detail, on any generated screen") {
    Fixture f;
    Narrator n(f.tr, f.lx);
    std::uint64_t seed = property_seed();
    INFO("AUL_PROPERTY_SEED=" << seed);
    std::mt19937_64 rng(seed);
    const V voices[] = {V::read, V::heading, V::question, V::problem, V::code, V::personal, V::silent};
    for (int round = 0; round < 500; ++round) {
        std::vector<UiItem> items;
        int count = 1 + static_cast<int>(rng() % 30);
        for (int i = 0; i < count; ++i) {
            V v = voices[rng() % std::size(voices)];
            std::string text = v == V::personal ? "Secret" + std::to_string(rng() % 1000) + " +7 701 " + std::to_string(i)
                                                : "word" + std::to_string(i);
            UiItem it = item(text, v, static_cast<int>(rng() % 3 == 0), rng() % 2);
            it.hidden = rng() % 4 == 0;
            it.tapped = rng() % 8 == 0;
            if (rng() % 6 == 0) it.kind = UiItem::Kind::key;
            items.push_back(std::move(it));
        }
        for (core::Lang l : core::kAllLangs) {
            std::vector<platform::Utterance> said{n.read_page(items, l, "Title", "voice.screen.home"),
                                                  n.page_question(items, l, "Title", ""), n.problems(items, l),
                                                  n.key("7", true, l)};
            if (auto t = n.tapped(items, l)) said.push_back(*t);
            for (const auto& u : said) {
                std::string text = u.text();
                INFO(text);
                CHECK(text.find("Secret") == std::string::npos);
                CHECK(text.find("701") == std::string::npos);
                for (const auto& p : u.parts) CHECK(p.text.find("Secret") == std::string::npos);
            }
        }
    }
}

TEST_CASE("a contact detail on the page says only that it is given; a tap on its field clicks") {
    Fixture f;
    Narrator n(f.tr, f.lx);
    std::vector<UiItem> items{item("Contact", V::read), item("Aigul, +7 701 123 45 67", V::personal),
                              item("Aigul", V::personal, 0, true)};
    std::string said = n.read_page(items, core::Lang::en, "", "").text();
    CHECK(said.find("Name and phone given") != std::string::npos);
    CHECK(said.find("Aigul") == std::string::npos);
    // Said once, however many personal items.
    CHECK(said.find("Name and phone given") == said.rfind("Name and phone given"));
    items[2].tapped = true;
    auto tap = n.tapped(items, core::Lang::en);
    REQUIRE(tap);
    CHECK(tap->text() == "(click)");
    CHECK(n.key("A", true, core::Lang::kk).text() == "(click)");
    CHECK(n.key("қ", false, core::Lang::kk).text() == "қы");
    CHECK(n.key("B", false, core::Lang::ru).text() == "бэ");
    CHECK(n.key(" ", false, core::Lang::en).text() == "space");
}

TEST_CASE("the heading and question come first; a dialog is read alone; keys are not read") {
    Fixture f;
    Narrator n(f.tr, f.lx);
    std::vector<UiItem> items{item("Choice one", V::read, 0, true), item("Where is it?", V::question),
                              item("Step 2 of 5", V::heading), item("hidden", V::silent)};
    CHECK(n.read_page(items, core::Lang::en, "Proposal", "").text() == "Proposal Step 2 of 5 Where is it? Choice one");
    CHECK(n.page_question(items, core::Lang::en, "Proposal", "voice.screen.home").text() ==
          "Proposal Step 2 of 5 Where is it?");
    // No question on the page: the screen's own words after the title.
    std::vector<UiItem> plain{item("Result", V::read)};
    CHECK(n.page_question(plain, core::Lang::en, "Catalogue", "voice.screen.ngos").text() ==
          "Catalogue " + f.tr.get(core::Lang::en, "voice.screen.ngos"));
    // A dialog over the page: its words alone, without the page's title.
    items.push_back(item("Are you still there?", V::question, 1));
    items.push_back(item("Continue", V::read, 1, true));
    CHECK(n.read_page(items, core::Lang::en, "Proposal", "").text() == "Are you still there? Continue");
    // The keyboard lies above the page, but a page with the keyboard open is still the page.
    std::vector<UiItem> typing{item("Title", V::question)};
    UiItem k = item("a", V::read, 1, true);
    k.kind = UiItem::Kind::key;
    typing.push_back(k);
    CHECK(n.read_page(typing, core::Lang::en, "", "").text() == "Title");
}

TEST_CASE("a code is spelled slowly by the names of its characters, twice") {
    Fixture f;
    Narrator n(f.tr, f.lx);
    std::vector<UiItem> items{item("Saved", V::question), item("KZ24 2222 23X", V::code)};
    platform::Utterance u = n.page_question(items, core::Lang::kk, "", "");
    CHECK(u.text() == "Saved ка зэт екі төрт екі екі екі екі екі үш икс Тағы бір рет: ка зэт екі төрт екі екі екі екі екі үш икс");
    int slow = 0, pauses = 0;
    for (const auto& p : u.parts) {
        slow += p.kind == platform::SpeechPart::Kind::slow_words;
        pauses += p.kind == platform::SpeechPart::Kind::pause;
    }
    CHECK(slow == 22);
    CHECK(pauses >= 20);
    CHECK(n.spell("KZ24", core::Lang::ru).text() == "ка зэт два четыре Ещё раз: ка зэт два четыре");
}

TEST_CASE("translated words carry their key, so a recording of the key can play instead") {
    Fixture f;
    Narrator n(f.tr, f.lx);
    std::vector<UiItem> items{item(f.tr.get(core::Lang::ru, "home.greeting"), V::heading), item("Фонд «Вера»", V::read)};
    auto u = n.read_page(items, core::Lang::ru, "", "");
    std::vector<std::string> keys;
    for (const auto& p : u.parts)
        if (p.kind == platform::SpeechPart::Kind::words) keys.push_back(p.key);
    REQUIRE(keys.size() == 2);
    CHECK(keys[0] == "home.greeting");
    CHECK(keys[1].empty());
    // Icons are not read.
    CHECK(Narrator::speakable("\xef\x80\x8c  Saved ") == "Saved");
}
