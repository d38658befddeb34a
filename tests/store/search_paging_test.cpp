// The first page and the pages after it against the whole list, over generated catalogues
// and generated queries: Kazakh and Russian words, their first 1, 2, 3 letters or whole,
// one or two of them, with and without category, region and district filters.
// Replay a failure: AUL_PROPERTY_SEED=<seed printed> AUL_PROPERTY_RUNS=1 store_tests -tc='*pages*'
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <set>

#include "common.h"
#include "core/text.h"
#include "store/catalog_store.h"

using namespace aul;

namespace {

std::uint32_t env_number(const char* name, std::uint32_t fallback) {
    const char* v = std::getenv(name);
    return v ? static_cast<std::uint32_t>(std::strtoul(v, nullptr, 10)) : fallback;
}

const std::vector<std::string> kKazakh{"қамқор", "балалар", "жастар", "ауыл",   "көмек", "отбасы", "білім",
                                       "спорт",  "денсаулық", "мүгедек", "қоры", "бірлестігі", "ел", "жасыл"};
const std::vector<std::string> kRussian{"фонд",   "помощь", "дети",       "семья",  "молодёжь", "село", "здоровье",
                                        "спорт",  "образование", "инвалиды", "экология", "объединение", "центр", "зелёная"};

std::string words(std::mt19937& rng, const std::vector<std::string>& vocabulary, int lo, int hi) {
    std::string out;
    int n = std::uniform_int_distribution<int>(lo, hi)(rng);
    for (int i = 0; i < n; ++i) {
        if (!out.empty()) out += ' ';
        out += vocabulary[std::uniform_int_distribution<std::size_t>(0, vocabulary.size() - 1)(rng)];
    }
    return out;
}

// Few words, so names repeat (ties in every order) and prefixes match many NGOs.
core::Catalog generated_catalog(std::mt19937& rng, int ngos) {
    core::Catalog c = small_catalog();
    c.categories.push_back({"sport", "futbol", {"Спорт", "Спорт", "Sport"}});
    c.regions.push_back({"KZ-55", {"Павлодар облысы", "Павлодарская область", "Pavlodar Region"}});
    c.districts.push_back({"KZ-19-02", "KZ-19", {"Еңбекшіқазақ ауданы", "Енбекшиказахский район", "Enbekshikazakh"}});
    c.opportunities.clear();
    c.councils.clear();
    c.ngos.clear();
    const char* categories[] = {"children", "environment", "sport"};
    const char* regions[] = {"KZ-19", "KZ-71", "KZ-55"};
    for (int i = 0; i < ngos; ++i) {
        std::string region = regions[rng() % 3];
        auto n = make_ngo(i + 1, words(rng, kKazakh, 1, 3), words(rng, kRussian, 1, 3), words(rng, kRussian, 0, 8),
                          region, categories[rng() % 3]);
        n.mission.kk = words(rng, kKazakh, 0, 8);
        if (rng() % 4 == 0) n.categories.push_back(categories[rng() % 3]);
        if (region == "KZ-19" && rng() % 3 != 0) n.district = rng() % 2 ? "KZ-19-01" : "KZ-19-02";
        c.ngos.push_back(std::move(n));
    }
    return c;
}

std::string first_letters(const std::string& word, std::size_t n) {
    std::string out;
    core::for_each_codepoint(word, [&](char32_t, std::string_view bytes) {
        if (n > 0) out += bytes, --n;
    });
    return out;
}

store::NgoQuery generated_query(std::mt19937& rng) {
    store::NgoQuery q;
    q.lang = rng() % 2 ? core::Lang::kk : core::Lang::ru;
    const auto& vocabulary = q.lang == core::Lang::kk ? kKazakh : kRussian;
    int typed = static_cast<int>(rng() % 6);  // none, one word, two words
    for (int i = 0; i < (typed == 0 ? 0 : typed == 5 ? 2 : 1); ++i) {
        std::string word = vocabulary[rng() % vocabulary.size()];
        std::size_t letters = rng() % 4;  // 0: the whole word
        q.text += (q.text.empty() ? "" : " ") + (letters ? first_letters(word, letters) : word);
    }
    if (rng() % 3 == 0) q.category = std::vector<std::string>{"children", "environment", "sport"}[rng() % 3];
    if (rng() % 3 == 0) {
        q.region = "KZ-19";
        if (rng() % 2) q.district = rng() % 2 ? "KZ-19-01" : "KZ-19-02";
    } else if (rng() % 4 == 0) {
        q.region = "KZ-55";
    }
    return q;
}

// Which NGOs the query matches, worked out without SQL: each typed word begins a word of
// the NGO's names (and BIN) or descriptions (`names_only`: of its names), and every filter
// holds.
std::set<std::string> matching_ids(const core::Catalog& c, const store::NgoQuery& q, bool names_only = false) {
    auto tokens = [](const std::string& text) {
        std::vector<std::string> out;
        std::string word;
        core::for_each_codepoint(core::fold_for_search(text), [&](char32_t cp, std::string_view bytes) {
            if (cp == ' ' || cp == '-' || cp == '.' || cp == ',' || cp == '"') {
                if (!word.empty()) out.push_back(word);
                word.clear();
            } else {
                word += bytes;
            }
        });
        if (!word.empty()) out.push_back(word);
        return out;
    };
    std::vector<std::string> typed = tokens(q.text);
    std::set<std::string> out;
    for (const auto& n : c.ngos) {
        if (!q.region.empty() && n.region != q.region) continue;
        if (!q.district.empty() && n.district != q.district) continue;
        if (!q.category.empty() && std::find(n.categories.begin(), n.categories.end(), q.category) == n.categories.end())
            continue;
        std::string text = n.name.kk + " " + n.name.ru + " " + n.name.en + " " + n.bin;
        if (!names_only) text += " " + n.mission.kk + " " + n.mission.ru + " " + n.mission.en;
        auto own = tokens(text);
        bool all = std::all_of(typed.begin(), typed.end(), [&](const std::string& t) {
            return std::any_of(own.begin(), own.end(), [&](const std::string& w) { return w.rfind(t, 0) == 0; });
        });
        if (all) out.insert(n.id);
    }
    return out;
}

std::string describe(const store::NgoQuery& q) {
    return "text '" + q.text + "' lang " + std::string(core::lang_code(q.lang)) + " category '" + q.category +
           "' region '" + q.region + "' district '" + q.district + "'";
}

// A text query's list opens with the NGOs whose names match (the first kMaxListed as
// stored when more do), in the reader's alphabet with ties by rowid, and lists no other
// name match after them.
void check_names_first(const store::CatalogStore& s, const core::Catalog& c, const store::NgoQuery& q,
                       const std::vector<std::int64_t>& all) {
    if (store::CatalogStore::match_expression(q.text).empty()) return;
    std::set<std::string> names = matching_ids(c, q, /*names_only=*/true);
    std::size_t head = std::min<std::size_t>(names.size(), store::kMaxListed);
    REQUIRE(all.size() >= head);
    std::vector<std::pair<std::string, std::int64_t>> keys;
    for (std::size_t i = 0; i < all.size(); ++i) {
        auto ngo = s.ngo(all[i]);
        REQUIRE(ngo.ok());
        INFO("row " << i << " of " << all.size() << ": " << ngo->name.in(q.lang));
        CHECK((names.count(ngo->id) == 1) == (i < head));
        if (i < head) keys.push_back({core::sort_key(ngo->name.in(q.lang)), all[i]});
    }
    CHECK(std::is_sorted(keys.begin(), keys.end()));
}

// The properties for one query: pages of any size laid end to end are the whole list, the
// first page is its head, the count is its length, nothing twice, and the list holds what
// the query matches (all of it, unless the query is too broad to list whole).
void check_pages(const store::CatalogStore& s, const core::Catalog& c, const store::NgoQuery& q, std::int64_t page) {
    INFO(describe(q) << ", pages of " << page);
    auto whole = s.search(q);
    REQUIRE_MESSAGE(whole.ok(), (whole.ok() ? "" : whole.error()));
    const auto& all = whole->rowids;
    CHECK(whole->count == static_cast<std::int64_t>(all.size()));
    CHECK(std::set<std::int64_t>(all.begin(), all.end()).size() == all.size());

    auto first = s.search_first(q, page);
    REQUIRE(first.ok());
    CHECK(first->count == whole->count);
    CHECK(first->more == whole->more);
    CHECK(first->rowids == std::vector<std::int64_t>(all.begin(), all.begin() + std::min<std::int64_t>(page, all.size())));

    std::vector<std::int64_t> joined = first->rowids;
    while (static_cast<std::int64_t>(joined.size()) < whole->count) {
        auto next = s.search_page(q, static_cast<std::int64_t>(joined.size()), page);
        REQUIRE(next.ok());
        REQUIRE_FALSE(next->empty());
        joined.insert(joined.end(), next->begin(), next->end());
    }
    CHECK(joined == all);
    CHECK(s.search_page(q, whole->count, page)->empty());

    std::set<std::string> expected = matching_ids(c, q);
    std::set<std::string> listed;
    for (std::int64_t rowid : all) listed.insert(s.ngo(rowid)->id);
    check_names_first(s, c, q, all);
    if (whole->more) {
        CHECK(whole->count == store::kMaxListed);
        CHECK(static_cast<int>(expected.size()) > store::kMaxRanked);
        CHECK(std::includes(expected.begin(), expected.end(), listed.begin(), listed.end()));
    } else {
        CHECK(listed == expected);
    }
}

}  // namespace

TEST_CASE("search pages laid end to end are the whole list, over generated catalogues and queries") {
    const std::uint32_t first_seed = env_number("AUL_PROPERTY_SEED", std::random_device{}());
    const std::uint32_t runs = env_number("AUL_PROPERTY_RUNS", 3);
    for (std::uint32_t run = 0; run < runs; ++run) {
        const std::uint32_t seed = first_seed + run;
        INFO("seed " << seed << " (replay: AUL_PROPERTY_SEED=" << seed << " AUL_PROPERTY_RUNS=1)");
        std::mt19937 rng(seed);
        TempDir dir;
        store::CatalogStore s(std::move(*store::open_kiosk_db(dir.file("kiosk.db"))));
        // Small catalogues rank every match; large ones also list broad queries names first.
        const int ngos = seed % 2 ? 1300 : 150 + static_cast<int>(rng() % 200);
        core::Catalog c = generated_catalog(rng, ngos);
        REQUIRE(s.replace_catalog(c).ok());
        for (int i = 0; i < 40; ++i) {
            const std::int64_t sizes[] = {20, 60, 150};  // a broad list of 1 000 in 7 to 50 pages
            check_pages(s, c, generated_query(rng), sizes[rng() % 3]);
        }
    }
}

TEST_CASE("NGOs of the same name keep their places in every page, whichever the order") {
    TempDir dir;
    store::CatalogStore s(std::move(*store::open_kiosk_db(dir.file("kiosk.db"))));
    core::Catalog c = small_catalog();
    c.ngos.clear();
    // Identical names and texts: equal sort keys and equal relevance, tied everywhere but rowid.
    for (int i = 0; i < store::kMaxRanked + 50; ++i)
        c.ngos.push_back(make_ngo(i + 1, "Балалар қоры", i % 3 ? "Фонд детей" : "Семья", "Помощь детям и семьям"));
    REQUIRE(s.replace_catalog(c).ok());
    store::NgoQuery q;
    q.lang = core::Lang::ru;
    for (const char* text : {"", "семья", "дет", "фонд"}) {  // alphabetical, names first twice, relevance
        q.text = text;
        check_pages(s, c, q, 7);
    }
    q.text = "дет";
    q.region = "KZ-19";
    q.category = "children";
    check_pages(s, c, q, 20);
}

TEST_CASE("the names' order follows a catalogue changed by another connection, and renamed NGOs move") {
    TempDir dir;
    store::CatalogStore s(std::move(*store::open_kiosk_db(dir.file("kiosk.db"))));
    core::Catalog c = small_catalog();
    c.ngos.clear();
    for (int i = 0; i < 30; ++i)
        c.ngos.push_back(make_ngo(i + 1, "Қор " + std::to_string(100 + i), "Фонд " + std::to_string(100 + i), "Помощь"));
    REQUIRE(s.replace_catalog(c).ok());
    store::NgoQuery q;
    q.lang = core::Lang::ru;
    q.text = "фонд";
    auto names_of = [&](const store::CatalogStore& on) {
        std::vector<std::string> out;
        auto hits = on.search(q);
        REQUIRE_MESSAGE(hits.ok(), (hits.ok() ? "" : hits.error()));
        for (std::int64_t rowid : hits->rowids) out.push_back(on.ngo(rowid)->name.ru);
        return out;
    };
    auto before = names_of(s);  // reads the alphabet's places on this connection
    REQUIRE(before.size() == 30);
    CHECK(before.front() == "Фонд 100");
    // kiosk-sync, another connection, renames them in the reverse order and adds one.
    auto second = store::open_kiosk_db(dir.file("kiosk.db"));
    REQUIRE_MESSAGE(second.ok(), (second.ok() ? "" : second.error()));
    store::CatalogStore other(std::move(*second));
    for (int i = 0; i < 30; ++i) c.ngos[static_cast<std::size_t>(i)].name.ru = "Фонд " + std::to_string(200 - i);
    c.ngos.push_back(make_ngo(31, "Қор 150", "Фонд 150", "Помощь"));
    REQUIRE(other.replace_catalog(c).ok());
    auto after = names_of(s);
    REQUIRE(after.size() == 31);
    CHECK(after.front() == "Фонд 150");
    CHECK(after[1] == "Фонд 171");
    CHECK(after.back() == "Фонд 200");
    CHECK(std::is_sorted(after.begin(), after.end()));
    check_pages(s, c, q, 7);
}
