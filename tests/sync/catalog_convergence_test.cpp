// Catalogue convergence, proven by generated histories: the real server store publishes
// random edits of a catalogue (add, edit, rename, move between regions, districts and
// categories, delete), kiosks join at random versions and pull through the real kiosk
// store and the real pull (the protocol's encoding included) with random page budgets,
// cut off between pages. After every history each kiosk's catalogue equals the server's
// snapshot, its references resolve and nothing is left half-applied; at every moment in
// between, a kiosk's catalogue is one of the snapshots the server published.
//
// Replay a failure: AUL_PROPERTY_SEED=<seed printed> AUL_PROPERTY_RUNS=1 server_tests
// (on PostgreSQL: tests/server/with_postgres.sh server_tests, with the same variables)
//                   -tc='*generated publish histories*'
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>

#include "core/catalog_json.h"
#include "store/catalog_store.h"
#include "store/common.h"
#include "sync/kiosk_sync.h"
#include "sync/protocol.h"
#include "sync/server/server_store.h"
#include "test_server.h"

using namespace aul;
using nlohmann::json;

namespace {

// A catalogue as the publisher edits it; always valid (every reference resolves).
struct Model {
    struct Ngo {
        std::string region, district, name;
        std::vector<std::string> categories;
        int bin_serial = 0;
    };
    struct Council {
        std::string level, region, district, name;
    };
    struct Opportunity {
        std::string ngo, region, title;
    };
    std::map<std::string, std::string> regions;                          // code -> name
    std::map<std::string, std::pair<std::string, std::string>> districts;  // code -> (region, name)
    std::vector<std::pair<std::string, std::string>> categories;          // display order: (code, name)
    std::map<std::string, Ngo> ngos;
    std::map<std::string, Council> councils;
    std::map<std::string, Opportunity> opportunities;
    int next = 1;  // for fresh ids and BINs

    std::string json_text() const {
        json doc{{"format", 1}};
        doc["categories"] = json::array();
        for (const auto& [code, name] : categories) doc["categories"].push_back({{"code", code}, {"name", {{"en", name}}}});
        doc["regions"] = json::array();
        for (const auto& [code, name] : regions) doc["regions"].push_back({{"code", code}, {"name", {{"ru", name}}}});
        doc["districts"] = json::array();
        for (const auto& [code, d] : districts)
            doc["districts"].push_back({{"code", code}, {"region", d.first}, {"name", {{"kk", d.second}}}});
        doc["ngos"] = json::array();
        for (const auto& [id, n] : ngos) {
            json r{{"id", id}, {"bin", valid_bin(n.bin_serial)}, {"name", {{"kk", n.name}, {"ru", n.name + " ру"}}},
                   {"mission", {{"ru", "Миссия " + n.name}}}, {"region", n.region}, {"categories", n.categories}};
            if (!n.district.empty()) r["district"] = n.district;
            doc["ngos"].push_back(r);
        }
        doc["councils"] = json::array();
        for (const auto& [id, c] : councils) {
            json r{{"id", id}, {"level", c.level}, {"name", {{"en", c.name}}}};
            if (!c.region.empty()) r["region"] = c.region;
            if (!c.district.empty()) r["district"] = c.district;
            doc["councils"].push_back(r);
        }
        doc["opportunities"] = json::array();
        for (const auto& [id, o] : opportunities) {
            json r{{"id", id}, {"ngo", o.ngo}, {"title", {{"en", o.title}}}};
            if (!o.region.empty()) r["region"] = o.region;
            doc["opportunities"].push_back(r);
        }
        return doc.dump();
    }
};

template <typename Map>
std::string any_key(const Map& m, std::mt19937& rng) {
    auto it = m.begin();
    std::advance(it, std::uniform_int_distribution<std::size_t>(0, m.size() - 1)(rng));
    return it->first;
}

// One random edit of the kind a national office makes over the years. Removing a place
// or a category first moves or clears what uses it, as a publisher has to.
void random_edit(Model& m, std::mt19937& rng) {
    auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
    auto fresh = [&](const char* prefix) { return std::string(prefix) + std::to_string(m.next++); };
    auto some_district_in = [&](const std::string& region) {
        std::vector<std::string> in;
        for (const auto& [code, d] : m.districts)
            if (d.first == region) in.push_back(code);
        return in.empty() || pick(3) == 0 ? std::string() : in[static_cast<std::size_t>(pick(static_cast<int>(in.size())))];
    };
    switch (pick(16)) {
        case 0:  // a new region
            m.regions[fresh("R")] = "Region " + std::to_string(m.next);
            break;
        case 1:  // a region renamed: everything that uses it was published earlier
            m.regions[any_key(m.regions, rng)] += " (renamed)";
            break;
        case 2: {  // a region withdrawn: its districts go, what used it moves to another
            if (m.regions.size() < 2) break;
            std::string gone = any_key(m.regions, rng);
            m.regions.erase(gone);
            std::string other = any_key(m.regions, rng);
            for (auto it = m.districts.begin(); it != m.districts.end();)
                it = it->second.first == gone ? m.districts.erase(it) : std::next(it);
            for (auto& [id, n] : m.ngos)
                if (n.region == gone || (!n.district.empty() && !m.districts.count(n.district))) {
                    if (n.region == gone) n.region = other;
                    n.district.clear();
                }
            for (auto& [id, c] : m.councils)
                if (c.region == gone || (!c.district.empty() && !m.districts.count(c.district))) {
                    c.level = "national";
                    c.region.clear();
                    c.district.clear();
                }
            for (auto& [id, o] : m.opportunities)
                if (o.region == gone) o.region = other;
            break;
        }
        case 3: {  // a new district, or one renamed
            std::string r = any_key(m.regions, rng);
            if (m.districts.empty() || pick(2)) m.districts[fresh("D")] = {r, "District " + std::to_string(m.next)};
            else m.districts[any_key(m.districts, rng)].second += " (renamed)";
            break;
        }
        case 4: {  // a district moved to another region, with the NGOs in it
            if (m.districts.empty()) break;
            std::string d = any_key(m.districts, rng), r = any_key(m.regions, rng);
            m.districts[d].first = r;
            for (auto& [id, n] : m.ngos)
                if (n.district == d) n.region = r;
            for (auto& [id, c] : m.councils)
                if (c.district == d) c.region = r;
            break;
        }
        case 5: {  // a district withdrawn
            if (m.districts.empty()) break;
            std::string d = any_key(m.districts, rng);
            m.districts.erase(d);
            for (auto& [id, n] : m.ngos)
                if (n.district == d) n.district.clear();
            for (auto& [id, c] : m.councils)
                if (c.district == d) {
                    c.level = "regional";
                    c.district.clear();
                }
            break;
        }
        case 6:  // a category added, renamed or moved in the list
            if (m.categories.size() < 2 || pick(3) == 0) {
                m.categories.insert(m.categories.begin() + pick(static_cast<int>(m.categories.size()) + 1),
                                    {fresh("c"), "Category " + std::to_string(m.next)});
            } else if (pick(2)) {
                m.categories[static_cast<std::size_t>(pick(static_cast<int>(m.categories.size())))].second += " *";
            } else {
                std::swap(m.categories.front(), m.categories.back());
            }
            break;
        case 7: {  // a category withdrawn
            if (m.categories.size() < 2) break;
            auto at = m.categories.begin() + pick(static_cast<int>(m.categories.size()));
            std::string gone = at->first;
            m.categories.erase(at);
            for (auto& [id, n] : m.ngos) std::erase(n.categories, gone);
            break;
        }
        case 8:
        case 9: {  // a new NGO
            Model::Ngo n;
            n.region = any_key(m.regions, rng);
            n.district = some_district_in(n.region);
            n.name = "NGO " + std::to_string(m.next);
            n.bin_serial = m.next;
            if (!m.categories.empty()) n.categories.push_back(m.categories[static_cast<std::size_t>(pick(static_cast<int>(m.categories.size())))].first);
            m.ngos[fresh("ngo-")] = n;
            break;
        }
        case 10: {  // an NGO edited: renamed, moved, its areas of work changed
            if (m.ngos.empty()) break;
            auto& n = m.ngos[any_key(m.ngos, rng)];
            if (pick(2)) n.name += " edited";
            if (pick(2)) {
                n.region = any_key(m.regions, rng);
                n.district = some_district_in(n.region);
            }
            if (pick(2) && !m.categories.empty()) {
                auto c = m.categories[static_cast<std::size_t>(pick(static_cast<int>(m.categories.size())))].first;
                if (std::find(n.categories.begin(), n.categories.end(), c) == n.categories.end()) n.categories.push_back(c);
                else std::erase(n.categories, c);
            }
            break;
        }
        case 11: {  // an NGO withdrawn, with its opportunities
            if (m.ngos.empty()) break;
            std::string gone = any_key(m.ngos, rng);
            m.ngos.erase(gone);
            for (auto it = m.opportunities.begin(); it != m.opportunities.end();)
                it = it->second.ngo == gone ? m.opportunities.erase(it) : std::next(it);
            break;
        }
        case 12: {  // a council added or moved
            std::string r = any_key(m.regions, rng), d = some_district_in(r);
            std::string id = m.councils.empty() || pick(2) ? fresh("council-") : any_key(m.councils, rng);
            m.councils[id] = {d.empty() ? "regional" : "district", r, d, "Council " + std::to_string(m.next)};
            break;
        }
        case 13:  // a council withdrawn
            if (!m.councils.empty()) m.councils.erase(any_key(m.councils, rng));
            break;
        case 14: {  // an opportunity added, or moved to another NGO
            if (m.ngos.empty()) break;
            std::string ngo = any_key(m.ngos, rng);
            std::string id = m.opportunities.empty() || pick(2) ? fresh("opp-") : any_key(m.opportunities, rng);
            m.opportunities[id] = {ngo, pick(2) ? m.ngos[ngo].region : std::string(), "Help " + std::to_string(m.next)};
            break;
        }
        default:  // an opportunity withdrawn
            if (!m.opportunities.empty()) m.opportunities.erase(any_key(m.opportunities, rng));
            break;
    }
}

Model starting_model(std::mt19937& rng, int ngos) {
    Model m;
    for (int i = 0; i < 3; ++i) m.regions["R" + std::to_string(m.next++)] = "Region";
    for (int i = 0; i < 3; ++i) m.categories.push_back({"c" + std::to_string(m.next++), "Category"});
    for (int i = 0; i < 3; ++i) m.districts["D" + std::to_string(m.next++)] = {any_key(m.regions, rng), "District"};
    for (int i = 0; i < ngos; ++i) {
        auto r = any_key(m.regions, rng);
        m.ngos["ngo-" + std::to_string(m.next)] = {r, "", "NGO " + std::to_string(m.next), {m.categories[0].first}, m.next};
        ++m.next;
    }
    return m;
}

// The kiosk's catalogue in a canonical text: every record of every table by its key,
// without what is local to one database (row ids). Two kiosks with the same text show
// residents the same catalogue.
std::string canonical(const store::CatalogStore& s) {
    static const char* kQueries[] = {
        "SELECT code, icon, position, name_kk, name_ru, name_en FROM categories ORDER BY code",
        "SELECT code, name_kk, name_ru, name_en FROM regions ORDER BY code",
        "SELECT code, region, name_kk, name_ru, name_en FROM districts ORDER BY code",
        "SELECT n.id, n.bin, n.region, coalesce(n.district, ''), n.name_kk, n.name_ru, n.mission_ru, "
        "(SELECT group_concat(category, ' ') FROM (SELECT category FROM ngo_categories WHERE ngo = n.rowid "
        "ORDER BY category)), t.search_name, s.sort_kk FROM ngos n JOIN ngo_search s ON s.rowid = n.rowid "
        "JOIN ngo_search_text t ON t.ngo = n.rowid ORDER BY n.id",
        "SELECT id, level, coalesce(region, ''), coalesce(district, ''), name_en FROM councils ORDER BY id",
        "SELECT id, ngo, coalesce(region, ''), title_en FROM opportunities ORDER BY id"};
    std::string out;
    for (const char* sql : kQueries) {
        auto st = s.db().prepare(sql);
        REQUIRE(st.ok());
        int cols = sqlite3_column_count(st->raw());
        REQUIRE(st->each_row([&] {
                      for (int i = 0; i < cols; ++i) out += st->text(i) + "|";
                      out += "\n";
                  }).ok());
        out += "--\n";
    }
    return out;
}

// References resolve, the search index matches its rows, no pull is left half-kept.
void require_whole(const store::CatalogStore& s, const std::string& who) {
    INFO(who);
    auto fk = s.db().prepare("PRAGMA foreign_key_check");
    REQUIRE(fk.ok());
    auto row = fk->step();
    REQUIRE(row.ok());
    CHECK_MESSAGE(!*row, "a reference does not resolve in table " << (*row ? fk->text(0) : ""));
    CHECK(s.db().exec("INSERT INTO ngo_fts(ngo_fts, rank) VALUES ('integrity-check', 1)").ok());
    CHECK(s.db().exec("INSERT INTO ngo_name_fts(ngo_name_fts, rank) VALUES ('integrity-check', 1)").ok());
    CHECK(s.ngo_count().value_or(-1) == s.db().scalar_int("SELECT count(*) FROM ngos").value_or(-2));
}

struct Kiosk {
    std::unique_ptr<store::CatalogStore> store;
    std::string name;
};

std::unique_ptr<store::CatalogStore> open_store(const std::string& path) {
    auto db = store::open_kiosk_db(path);
    REQUIRE(db.ok());
    return std::make_unique<store::CatalogStore>(std::move(*db));
}

// A pull through the real page checks and store, with the server's pages encoded and
// decoded as on the wire. `budget` bytes a page; `cut_after` pages (0: never) and then
// the line drops. Returns the report.
sync::RoundReport pull(sync::ServerStore& server, store::CatalogStore& kiosk, std::size_t budget, int cut_after) {
    int served = 0;
    sync::CatalogFetch fetch = [&](std::int64_t since, sync::RoundReport& rep) -> std::optional<std::string> {
        if (cut_after > 0 && served == cut_after) {
            rep.error = "the line dropped";
            return std::nullopt;
        }
        ++served;
        ++rep.requests;
        auto page = server.catalog_since(since, budget);
        REQUIRE(page.ok());
        return sync::encode(*page);
    };
    sync::RoundReport rep;
    sync::pull_catalog(fetch, kiosk, rep);
    return rep;
}

// Many small databases: in memory-backed /dev/shm where there is one.
struct ScratchDir {
    std::string path;
    ScratchDir() {
        std::string tmpl = (std::filesystem::is_directory("/dev/shm") ? "/dev/shm" : "/tmp") + std::string("/aul-converge-XXXXXX");
        path = mkdtemp(tmpl.data());
    }
    ~ScratchDir() { std::filesystem::remove_all(path); }
    std::string file(const std::string& name) const { return path + "/" + name; }
};

struct History {
    std::uint32_t seed;
    int publishes = 0;
    int pulls = 0, cut_pulls = 0, pages = 0;
};

// One whole history: returns figures for the summary; fails the test case on divergence.
History run_history(std::uint32_t seed) {
    History h{seed};
    std::mt19937 rng(seed);
    auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    ScratchDir dir;
    auto server = test::open_test_server(dir.file("server"));
    REQUIRE(server.ok());
    Model model = starting_model(rng, pick(2, 12));
    std::set<std::string> published;  // canonical texts of every snapshot published
    auto reference = open_store(dir.file("reference.db"));
    auto publish = [&] {
        std::string text = model.json_text();
        auto rep = server->publish_catalog(text, 0);
        REQUIRE_MESSAGE(rep.ok(), (rep.ok() ? "" : rep.error()));
        auto parsed = core::parse_catalog(text);
        REQUIRE(parsed.ok());
        REQUIRE(reference->replace_catalog(*parsed).ok());
        published.insert(canonical(*reference));
        ++h.publishes;
    };
    std::vector<Kiosk> kiosks;
    int kiosk_count = pick(1, 3);
    std::vector<int> joins;  // the publication after which each kiosk first pulls
    int rounds = pick(3, 8);
    for (int k = 0; k < kiosk_count; ++k) joins.push_back(pick(0, rounds - 1));
    std::string empty_catalogue;
    for (int round = 0; round < rounds; ++round) {
        for (int e = pick(1, 8); e > 0; --e) random_edit(model, rng);
        publish();
        for (int k = 0; k < kiosk_count; ++k) {
            if (joins[static_cast<std::size_t>(k)] == round) {
                kiosks.push_back({open_store(dir.file("kiosk" + std::to_string(k) + ".db")), "kiosk " + std::to_string(k)});
                if (empty_catalogue.empty()) empty_catalogue = canonical(*kiosks.back().store);
            }
        }
        for (auto& k : kiosks) {
            if (pick(0, 3) == 0) continue;  // offline this time
            std::size_t budget = static_cast<std::size_t>(pick(150, 3000));
            int cut = pick(0, 1) == 0 ? pick(1, 4) : 0;
            auto rep = pull(*server, *k.store, budget, cut);
            ++h.pulls;
            h.pages += rep.requests;
            if (!rep.error.empty()) {
                REQUIRE_MESSAGE(rep.error == "the line dropped", k.name << ": " << rep.error << " (seed " << seed << ")");
                ++h.cut_pulls;
            }
            // Whatever happened, the kiosk shows one whole published snapshot (or none yet).
            std::string now = canonical(*k.store);
            CHECK_MESSAGE((published.count(now) || now == empty_catalogue),
                          k.name << " shows a catalogue the server never published (seed " << seed << ")");
            require_whole(*k.store, k.name);
        }
    }
    // Every kiosk, brought up to date, holds exactly the server's snapshot.
    std::string expected = canonical(*reference);
    for (auto& k : kiosks) {
        auto rep = pull(*server, *k.store, static_cast<std::size_t>(pick(200, 6000)), 0);
        REQUIRE_MESSAGE(rep.error.empty(), k.name << ": " << rep.error << " (seed " << seed << ")");
        CHECK_MESSAGE(canonical(*k.store) == expected, k.name << " differs from the server's snapshot (seed " << seed << ")");
        require_whole(*k.store, k.name);
        auto pending = k.store->db().scalar_int("SELECT count(*) FROM catalog_pending");
        CHECK(*pending == 0);
        CHECK(*k.store->catalog_cursor() == *k.store->pull_cursor());
    }
    return h;
}

std::uint32_t env_number(const char* name, std::uint32_t otherwise) {
    const char* v = std::getenv(name);
    return v && *v ? static_cast<std::uint32_t>(std::strtoul(v, nullptr, 10)) : otherwise;
}

}  // namespace

TEST_CASE("generated publish histories: every kiosk converges on the server's snapshot") {
    const std::uint32_t first = env_number("AUL_PROPERTY_SEED", std::random_device{}());
    const std::uint32_t runs = env_number("AUL_PROPERTY_RUNS", 300);
    History total{first};
    for (std::uint32_t i = 0; i < runs; ++i) {
        std::uint32_t seed = first + i;
        CAPTURE(seed);
        auto h = run_history(seed);
        total.publishes += h.publishes;
        total.pulls += h.pulls;
        total.cut_pulls += h.cut_pulls;
        total.pages += h.pages;
    }
    MESSAGE(runs << " histories from seed " << first << ": " << total.publishes << " publications, " << total.pulls
                 << " pulls (" << total.cut_pulls << " cut off), " << total.pages << " pages");
    CHECK(total.cut_pulls > 0);  // the histories did interrupt pulls between pages
}

// The case that stranded fresh kiosks: records edited after the records that use them
// travel on later pages. With 2 500 NGOs in two regions and one region renamed, a kiosk
// joining afterwards with pages of a few records gets NGOs whose region comes pages later.
TEST_CASE("a region renamed after the NGOs that use it: a fresh kiosk pulling small pages gets everything") {
    TempDir dir;
    auto server = test::open_test_server(dir.file("server"));
    REQUIRE(server.ok());
    std::mt19937 rng(7);
    Model m = starting_model(rng, 300);
    REQUIRE(server->publish_catalog(m.json_text(), 0).ok());
    m.regions.begin()->second = "Renamed";
    m.categories.front().second = "Renamed too";
    m.districts.begin()->second.first = std::next(m.regions.begin())->first;  // and a district moved
    REQUIRE(server->publish_catalog(m.json_text(), 0).ok());
    for (std::size_t budget : {300u, 2000u, 50000u}) {
        auto kiosk = open_store(dir.file("kiosk" + std::to_string(budget) + ".db"));
        auto rep = pull(*server, *kiosk, budget, 0);
        REQUIRE_MESSAGE(rep.error.empty(), rep.error);
        CHECK(*kiosk->ngo_count() == 300);
        CHECK(kiosk->regions()->front().name.ru == "Renamed");
        require_whole(*kiosk, "budget " + std::to_string(budget));
    }
}

TEST_CASE("catalogue pages are filled up to their byte budget, and every record fits one") {
    TempDir dir;
    auto server = test::open_test_server(dir.file("server"));
    REQUIRE(server.ok());
    std::mt19937 rng(11);
    Model m = starting_model(rng, 400);
    REQUIRE(server->publish_catalog(m.json_text(), 0).ok());
    for (std::size_t budget : {1u, 500u, 4096u, 65536u}) {
        std::int64_t since = 0;
        for (bool more = true; more;) {
            auto page = server->catalog_since(since, budget);
            REQUIRE(page.ok());
            REQUIRE(!page->items.empty());
            std::string wire = sync::encode(*page);
            if (page->items.size() > 1) CHECK(wire.size() <= budget + 64);
            CHECK(page->cursor > since);
            since = page->cursor;
            more = page->more;
        }
    }
}
