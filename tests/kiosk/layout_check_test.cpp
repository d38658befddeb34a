// The layout check reads the facts widgets record: generated screens of non-overlapping
// targets pass, and each kind of defect planted in them is found and named.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "kiosk/layout_check.h"

using namespace aul::kiosk;

namespace {

UiItem target(std::string id, ImVec2 min, ImVec2 max, UiItem::Kind kind = UiItem::Kind::target) {
    UiItem it;
    it.id = std::move(id);
    it.text = it.id;
    it.tappable = true;
    it.kind = kind;
    it.min = it.full_min = min;
    it.max = it.full_max = max;
    return it;
}

// A grid of targets with gaps between them, as a screen lays them out, at a random size.
struct Screen {
    std::vector<UiItem> items;
    LayoutRules rules;
};
Screen random_grid(std::mt19937& rng) {
    std::uniform_int_distribution<int> cols_d(1, 6), rows_d(1, 6);
    std::uniform_real_distribution<float> cell_d(70, 160), gap_d(2, 20);
    Screen s;
    int cols = cols_d(rng), rows = rows_d(rng);
    float cell = cell_d(rng), gap = gap_d(rng);
    s.rules = {ImVec2(cols * (cell + gap) + gap, rows * (cell + gap) + gap), 60, 45, 6};
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c) {
            ImVec2 min(gap + c * (cell + gap), gap + r * (cell + gap));
            s.items.push_back(target("t." + std::to_string(r) + "." + std::to_string(c), min,
                                     ImVec2(min.x + cell, min.y + cell)));
        }
    return s;
}

bool names(const std::vector<std::string>& problems, const std::string& needle) {
    for (const auto& p : problems)
        if (p.find(needle) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_CASE("generated grids pass; each planted defect is found and names its item") {
    std::uint32_t seed = std::random_device{}();
    INFO("seed " << seed);
    std::mt19937 rng(seed);
    for (int round = 0; round < 200; ++round) {
        Screen s = random_grid(rng);
        REQUIRE(layout_problems(s.items, {}, s.rules).empty());
        std::uniform_int_distribution<std::size_t> pick(0, s.items.size() - 1);
        UiItem& victim = s.items[pick(rng)];
        std::vector<UiItem> items = s.items;
        UiItem& v = items[&victim - s.items.data()];
        switch (round % 5) {
            case 0: {  // a second target laid over it
                UiItem extra = target("extra", ImVec2(v.min.x + 5, v.min.y + 5), ImVec2(v.max.x + 5, v.max.y + 5));
                items.push_back(extra);
                CHECK(names(layout_problems(items, {}, s.rules), "overlaps"));
                break;
            }
            case 1:  // shrunk under the minimum
                v.max.y = v.full_max.y = v.min.y + s.rules.target_min - 5;
                CHECK(names(layout_problems(items, {}, s.rules), v.id + " is "));
                break;
            case 2:  // cut by the screen edge, in no scroll region
                v.clipped = true;
                CHECK(names(layout_problems(items, {}, s.rules), v.id + " is cut off"));
                break;
            case 3:  // its label cut short
                v.fit.elided = true;
                CHECK(names(layout_problems(items, {}, s.rules), "label of " + v.id + " is cut short"));
                break;
            case 4: {  // half under the keyboard
                ImVec2 mid((v.min.x + v.max.x) * 0.5f, (v.min.y + v.max.y) * 0.5f);
                std::vector<UiCover> covers{{1, ImVec2(0, mid.y), s.rules.screen}};
                CHECK(names(layout_problems(items, covers, s.rules), v.id + " lies partly under"));
                break;
            }
        }
    }
}

TEST_CASE("what a layer covers wholly is neither tappable nor checked") {
    LayoutRules rules{ImVec2(800, 480), 58, 47, 5.2f};
    std::vector<UiItem> items{target("page.a", ImVec2(10, 300), ImVec2(100, 400)),
                              target("page.b", ImVec2(50, 350), ImVec2(150, 450))};  // overlapping, but covered
    UiItem key = target("keyboard.key.a", ImVec2(10, 300), ImVec2(60, 350), UiItem::Kind::key);
    key.layer = 1;
    items.push_back(key);
    std::vector<UiCover> covers{{1, ImVec2(0, 280), ImVec2(800, 480)}};
    CHECK(layout_problems(items, covers, rules).empty());
}

TEST_CASE("keys have their own minimum; scrolled targets may be cut; text over text is found") {
    LayoutRules rules{ImVec2(800, 480), 58, 47, 5.2f};
    UiItem key = target("keyboard.key.a", ImVec2(0, 0), ImVec2(50, 50), UiItem::Kind::key);
    CHECK(layout_problems({key}, {}, rules).empty());  // 50 px: a key may be, a button may not
    UiItem button = target("b", ImVec2(0, 0), ImVec2(50, 50));
    CHECK(names(layout_problems({button}, {}, rules), "under the 11.2 mm minimum"));

    UiItem region;
    region.id = "list";
    region.kind = UiItem::Kind::scroll;
    region.min = region.full_min = ImVec2(0, 0);
    region.max = region.full_max = ImVec2(800, 400);
    UiItem row = target("list.row", ImVec2(0, 380), ImVec2(800, 400));
    row.full_max.y = 440;
    row.clipped = true;
    row.scroll = "list";
    CHECK(layout_problems({region, row}, {}, rules).empty());

    UiItem a, b;
    a.text = "heading";
    b.text = "step 3 of 5";
    a.min = a.full_min = ImVec2(0, 0);
    a.max = a.full_max = ImVec2(300, 60);
    b.min = b.full_min = ImVec2(250, 40);
    b.max = b.full_max = ImVec2(400, 80);
    CHECK(names(layout_problems({a, b}, {}, rules), "runs over text"));
}
