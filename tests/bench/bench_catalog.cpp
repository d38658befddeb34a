// Catalogue benchmarks: search latency over a large catalogue (the first screenful beside
// the whole ranked list) beside a LIKE scan of the same data, the database's size, and
// the cost of building one UI frame of the result list at two result counts. Prints one JSON object a line: {"name": ..., "value": N, "unit": ...}.
//   bench_catalog --catalog FILE.json --data DIR
// DIR keeps the imported kiosk.db so the start-up benchmark can open it afterwards.
#include <imgui.h>
#include <utf8proc.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "core/catalog_json.h"
#include "core/text.h"
#include "kiosk/screens/screens.h"
#include "kiosk/session/catalog_flow.h"
#include "kiosk/theme.h"
#include "kiosk/ui.h"
#include "platform/fonts.h"
#include "store/catalog_store.h"

#include "figures.h"

using namespace aul;
using Clock = std::chrono::steady_clock;

namespace {

using bench::figure;
using bench::percentile;

template <typename Fn>
double time_ms(Fn&& fn) {
    auto t0 = Clock::now();
    fn();
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

// Query texts drawn from the catalogue's own words, so every query is one a resident
// could plausibly type: the first 1, 2, 3 letters of a word, or the whole word.
std::vector<std::string> words_of(const core::Catalog& c, core::Lang lang) {
    std::vector<std::string> words;
    for (std::size_t i = 0; i < c.ngos.size(); i += 7) {
        std::string text = core::fold_for_search(c.ngos[i].name.exact(lang) + " " + c.ngos[i].mission.exact(lang));
        std::string word;
        auto flush = [&] {
            if (core::codepoint_count(word) >= 4) words.push_back(word);
            word.clear();
        };
        // Words are runs of letters; quotes, dashes and digits end them.
        core::for_each_codepoint(text, [&](char32_t cp, std::string_view bytes) {
            auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
            if (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO)
                word += bytes;
            else
                flush();
        });
        flush();
    }
    return words;
}

std::string first_letters(const std::string& word, std::size_t n) {
    std::string out;
    core::for_each_codepoint(word, [&](char32_t, std::string_view bytes) {
        if (n > 0) out += bytes, --n;
    });
    return out;
}

// Each query two ways in the same run: what a keystroke now waits for (the count and the
// first screenful, search_first) and the whole ranked list (search), in alternating order
// so neither has the warmer cache.
void bench_search(const store::CatalogStore& s, const core::Catalog& c) {
    std::mt19937 rng(7);
    auto like = s.db().prepare(
        "SELECT rowid FROM ngos WHERE name_kk || name_ru || name_en || bin || mission_kk || mission_ru || mission_en || "
        "services_kk || services_ru || services_en || area_kk || area_ru || area_en LIKE '%' || ?1 || '%'");
    std::vector<double> all_first, all_whole;
    for (core::Lang lang : {core::Lang::kk, core::Lang::ru}) {
        auto words = words_of(c, lang);
        std::shuffle(words.begin(), words.end(), rng);
        std::string lc(core::lang_code(lang));
        // A connection's first search in a language reads every NGO's place in its alphabet
        // (CatalogStore::sort_alphabetically), once per language and catalogue change.
        store::NgoQuery opening;
        opening.text = first_letters(words.back(), 1);
        opening.lang = lang;
        figure("search." + lc + ".first_in_language", time_ms([&] {
                   if (!s.search_first(opening, kiosk::CatalogFlow::kPageRows)) std::exit(1);
               }), "ms");
        for (int kind = 1; kind <= 4; ++kind) {
            std::vector<double> first, whole, scan;
            std::size_t results = 0;
            const int queries = std::min<int>(200, static_cast<int>(words.size()));
            for (int i = 0; i < queries; ++i) {
                std::string q = kind == 4 ? words[static_cast<std::size_t>(i)] : first_letters(words[static_cast<std::size_t>(i)], static_cast<std::size_t>(kind));
                store::NgoQuery query;
                query.text = q;
                query.lang = lang;
                auto first_page = [&] {
                    first.push_back(time_ms([&] {
                        auto hits = s.search_first(query, kiosk::CatalogFlow::kPageRows);
                        if (!hits) {
                            std::fprintf(stderr, "bench: search '%s' failed: %s\n", q.c_str(), hits.error().c_str());
                            std::exit(1);
                        }
                        results += static_cast<std::size_t>(hits->count);
                    }));
                };
                auto whole_list = [&] {
                    whole.push_back(time_ms([&] {
                        if (auto hits = s.search(query); !hits) std::exit(1);
                    }));
                };
                if (i % 2) first_page(), whole_list();
                else whole_list(), first_page();
                if (i < 40) {  // the scan is slow; fewer samples keep the run short
                    scan.push_back(time_ms([&] {
                        like->bind(1, core::fold_for_search(q));
                        while (*like->step()) {}
                        like->reset();
                    }));
                }
            }
            std::string label = kind == 4 ? "word" : std::to_string(kind) + "letter";
            if (std::getenv("AUL_BENCH_SLOWEST")) {  // which queries make the tail
                std::vector<std::pair<double, int>> order;
                for (int i = 0; i < queries; ++i) order.push_back({first[static_cast<std::size_t>(i)], i});
                std::sort(order.rbegin(), order.rend());
                for (int k = 0; k < 3; ++k) {
                    const auto& w = words[static_cast<std::size_t>(order[static_cast<std::size_t>(k)].second)];
                    std::fprintf(stderr, "slow %s %s: %.2f ms '%s'\n", std::string(core::lang_code(lang)).c_str(),
                                 label.c_str(), order[static_cast<std::size_t>(k)].first,
                                 (kind == 4 ? w : first_letters(w, static_cast<std::size_t>(kind))).c_str());
                }
            }
            std::string base = "search." + lc + "." + label;
            figure(base + ".first_page.median", percentile(first, 0.5), "ms");
            figure(base + ".first_page.p99", percentile(first, 0.99), "ms");
            figure(base + ".whole_list.median", percentile(whole, 0.5), "ms");
            figure(base + ".whole_list.p99", percentile(whole, 0.99), "ms");
            figure(base + ".whole_to_first.median_ratio", percentile(whole, 0.5) / std::max(1e-6, percentile(first, 0.5)), "x");
            figure(base + ".whole_to_first.p99_ratio", percentile(whole, 0.99) / std::max(1e-6, percentile(first, 0.99)), "x");
            figure(base + ".like_scan.median", percentile(scan, 0.5), "ms");
            figure(base + ".speedup_vs_like", percentile(scan, 0.5) / std::max(1e-6, percentile(first, 0.5)), "x");
            figure(base + ".mean_results", static_cast<double>(results) / queries, "rows");
            all_first.insert(all_first.end(), first.begin(), first.end());
            all_whole.insert(all_whole.end(), whole.begin(), whole.end());
        }
    }
    // Every query set together: the tail a resident typing anything meets.
    figure("search.first_page.p99", percentile(all_first, 0.99), "ms");
    figure("search.whole_list.p99", percentile(all_whole, 0.99), "ms");
}

// Builds catalogue frames (NewFrame to Render, no GPU) with `rows` results.
double frame_median_ms(store::CatalogStore& s, const std::vector<std::int64_t>& all, std::size_t rows,
                       kiosk::Theme& theme, kiosk::Ui& ui, const core::Translations& tr,
                       const std::vector<core::Category>& cats, const std::vector<core::Region>& regions) {
    std::vector<std::int64_t> results(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(std::min(rows, all.size())));
    std::unordered_map<std::int64_t, store::NgoSummary> cache;
    store::NgoQuery q;
    std::vector<core::District> districts;
    kiosk::CatalogView v;
    v.words = kiosk::Words{&tr, core::Lang::kk};
    v.categories = &cats;
    v.regions = &regions;
    v.districts = &districts;
    v.query = &q;
    v.results = &results;
    v.result_count = static_cast<std::int64_t>(results.size());
    std::string text;
    v.search_text = &text;
    v.summary = [&](std::int64_t id) -> const store::NgoSummary* {
        auto it = cache.find(id);
        if (it != cache.end()) return &it->second;
        auto got = s.summaries(std::span<const std::int64_t>(&id, 1));
        if (!got || got->empty()) return nullptr;
        return &cache.emplace(id, got->front()).first->second;
    };
    std::vector<double> times;
    platform::Gesture still;
    for (int i = 0; i < 300; ++i) {
        // Scroll somewhere in the middle so the clipper works at depth, not just the top.
        double ms = time_ms([&] {
            ImGui::GetIO().DeltaTime = 1.0f / 60;
            ui.begin_frame(still, 1.0f / 60);
            ImGui::NewFrame();
            ImGui::SetNextWindowPos(ImVec2(0, 0));
            ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
            ImGui::Begin("##aul", nullptr, ImGuiWindowFlags_NoDecoration);
            kiosk::draw_catalog(ui, v);
            ImGui::End();
            ImGui::Render();
        });
        if (i >= 20) times.push_back(ms);  // the first frames fill caches
    }
    (void)theme;
    // Proof the frame drew the list: rows were recorded for scripts, with vertices behind them.
    int rows_drawn = 0;
    for (const auto& it : ui.items()) rows_drawn += it.id.rfind("ngos.result.", 0) == 0;
    figure("ui.frame_build." + std::to_string(results.size()) + "_results.rows_drawn", rows_drawn, "rows");
    figure("ui.frame_build." + std::to_string(results.size()) + "_results.vertices",
           ImGui::GetDrawData()->TotalVtxCount, "vertices");
    return percentile(times, 0.5);
}

void bench_frames(store::CatalogStore& s) {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(1280, 800);
    io.IniFilename = nullptr;
    kiosk::Theme theme(kiosk::ThemeConfig{});
    platform::IconNames icons;
    (void)icons.load(platform::FontFiles{}.icon_names);
    std::vector<std::uint32_t> cps;
    auto cats = *s.categories();
    for (const auto& k : cats) cps.push_back(icons.codepoint(k.icon));
    theme.fonts = platform::build_fonts(*io.Fonts, platform::FontFiles{}, theme.font_sizes(), cps)->set;
    unsigned char* px;
    int w, h;
    io.Fonts->GetTexDataAsAlpha8(&px, &w, &h);
    theme.apply_to_imgui();
    kiosk::Ui ui(theme);
    ui.set_icon_names(&icons);
    core::Translations tr;
    for (core::Lang l : core::kAllLangs) {
        std::ifstream in(std::string(AUL_ASSETS) + "/i18n/" + std::string(core::lang_code(l)) + ".json");
        std::stringstream ss;
        ss << in.rdbuf();
        (void)tr.load(l, ss.str());
    }
    auto regions = *s.regions();
    auto all = s.search(store::NgoQuery{})->rowids;
    double small = frame_median_ms(s, all, 500, theme, ui, tr, cats, regions);
    double large = frame_median_ms(s, all, all.size(), theme, ui, tr, cats, regions);
    figure("ui.frame_build.500_results.median", small, "ms");
    figure("ui.frame_build." + std::to_string(all.size()) + "_results.median", large, "ms");
    figure("ui.frame_build.ratio_large_to_small", large / small, "x");
    ImGui::DestroyContext();
}

}  // namespace

int main(int argc, char** argv) {
    std::string catalog_path, data_dir;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string a = argv[i];
        if (a == "--catalog") catalog_path = argv[i + 1];
        if (a == "--data") data_dir = argv[i + 1];
    }
    if (catalog_path.empty() || data_dir.empty()) {
        std::fputs("usage: bench_catalog --catalog FILE.json --data DIR\n", stderr);
        return 2;
    }
    std::ifstream in(catalog_path);
    std::stringstream ss;
    ss << in.rdbuf();
    core::Catalog catalog;
    double parse_ms = time_ms([&] {
        auto c = core::parse_catalog(ss.str());
        if (!c) {
            std::fprintf(stderr, "bench: %s\n", c.error().c_str());
            std::exit(1);
        }
        catalog = std::move(*c);
    });
    std::filesystem::create_directories(data_dir);
    std::filesystem::remove(data_dir + "/kiosk.db");
    auto db = store::open_kiosk_db(data_dir + "/kiosk.db");
    if (!db) {
        std::fprintf(stderr, "bench: %s\n", db.error().c_str());
        return 1;
    }
    store::CatalogStore s(std::move(*db));
    double import_ms = time_ms([&] {
        if (auto r = s.replace_catalog(catalog); !r) {
            std::fprintf(stderr, "bench: import failed: %s\n", r.error().c_str());
            std::exit(1);
        }
    });
    figure("catalog.ngos", static_cast<double>(catalog.ngos.size()), "count");
    figure("catalog.parse", parse_ms, "ms");
    figure("catalog.import", import_ms, "ms");
    const double db_mb = static_cast<double>(std::filesystem::file_size(data_dir + "/kiosk.db")) / 1e6;
    figure("catalog.db_size", db_mb, "MB");
    figure("catalog.db_size_per_1000_ngos", db_mb * 1000 / static_cast<double>(catalog.ngos.size()), "MB");
    if (auto cached = s.cache_for_search(); !cached) std::fprintf(stderr, "bench: %s\n", cached.error().c_str());
    bench_search(s, catalog);
    bench_frames(s);
    return 0;
}
