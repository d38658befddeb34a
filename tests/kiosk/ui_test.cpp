// The Ui's widgets drawn without a window (an ImGui context with the real fonts): what a
// horizontal row shows and records where it is cut by the screen's edge.
#include <doctest/doctest.h>
#include <imgui.h>

#include <cfloat>
#include <optional>
#include <string>

#include "kiosk/ui.h"
#include "platform/fonts.h"

using namespace aul;

namespace {
struct Row {
    kiosk::Theme theme{kiosk::ThemeConfig{}};
    std::optional<kiosk::Ui> ui;
    int tapped_chip = -1;

    Row() {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(1280, 800);
        io.IniFilename = nullptr;
        auto fonts = platform::build_fonts(*io.Fonts, platform::FontFiles{}, theme.font_sizes(), {});
        REQUIRE(fonts.ok());
        theme.fonts = fonts->set;
        unsigned char* px;
        int w, h;
        io.Fonts->GetTexDataAsAlpha8(&px, &w, &h);
        theme.apply_to_imgui();
        ui.emplace(theme);
    }
    ~Row() { ImGui::DestroyContext(); }
    Row(const Row&) = delete;
    Row& operator=(const Row&) = delete;

    // One frame of `chips` chips in a row `width` wide, a finger down at `finger` if given.
    void frame(int chips, float width, std::optional<ImVec2> finger = {}) {
        ImGuiIO& io = ImGui::GetIO();
        io.DeltaTime = 1.0f / 60;
        io.MouseDown[0] = finger.has_value();
        if (finger) io.MousePos = *finger;
        platform::Gesture g;
        g.pressed = finger.has_value();
        if (finger) g.start = *finger;
        ui->begin_frame(g, io.DeltaTime);
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(io.DisplaySize);
        ImGui::Begin("##page", nullptr, ImGuiWindowFlags_NoDecoration);
        ui->begin_scroll("row", ImVec2(width, theme.touch_min() + theme.mm(1)), /*horizontal=*/true);
        for (int i = 0; i < chips; ++i) {
            if (i) ImGui::SameLine(0, theme.mm(2));
            if (ui->chip("row.chip." + std::to_string(i), "Chip number " + std::to_string(i), "", false))
                tapped_chip = i;
        }
        ui->end_scroll();
        ImGui::End();
        ImGui::Render();
    }
    // Frames until nothing moves (at most two seconds' worth).
    void settle(int chips, float width) {
        for (int i = 0; i < 120; ++i) {
            frame(chips, width);
            if (!ui->animating()) break;
        }
        frame(chips, width);
    }
    const kiosk::UiItem* item(const std::string& id) const {
        for (const auto& it : ui->items())
            if (it.id == id) return &it;
        return nullptr;
    }
    // A finger down and up on the middle of a recorded item, then frames until it settles.
    void tap(const std::string& id, int chips, float width) {
        const kiosk::UiItem* it = item(id);
        REQUIRE(it);
        ImVec2 at((it->min.x + it->max.x) * 0.5f, (it->min.y + it->max.y) * 0.5f);
        frame(chips, width, at);
        frame(chips, width);  // lifted where it went down: a tap
        ImGui::GetIO().MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
        settle(chips, width);
    }
    // No chip's recorded rectangle reaches under a chevron: a script taps what a finger can.
    void chips_clear_of_chevrons() const {
        const kiosk::UiItem* back = item("row.back");
        const kiosk::UiItem* more = item("row.more");
        for (const auto& it : ui->items()) {
            if (it.id.rfind("row.chip.", 0) != 0) continue;
            CAPTURE(it.id);
            if (back) CHECK(it.min.x >= back->max.x);
            if (more) CHECK(it.max.x <= more->min.x);
        }
    }
};
}  // namespace

TEST_CASE("a row cut by the edge shows a chevron on the side with more; tapping it glides a page, to the end") {
    Row r;
    const int chips = 20;
    const float width = 900;
    r.settle(chips, width);
    REQUIRE(r.item("row.more"));
    CHECK_FALSE(r.item("row.back"));  // at the start nothing is hidden to the left
    CHECK(r.item("row.more")->tappable);
    CHECK(r.item("row.more")->max.x - r.item("row.more")->min.x >= r.theme.touch_min() - 0.5f);
    r.chips_clear_of_chevrons();

    r.tap("row.more", chips, width);
    CHECK(r.tapped_chip == -1);  // the chevron took the tap, not the chip beneath it
    CHECK_FALSE(r.item("row.chip.0"));  // a page on
    REQUIRE(r.item("row.back"));
    CHECK(r.item("row.more"));
    r.chips_clear_of_chevrons();

    for (int i = 0; i < 40 && r.item("row.more"); ++i) r.tap("row.more", chips, width);
    CHECK_FALSE(r.item("row.more"));  // the end: nothing more to the right
    CHECK(r.item("row.back"));
    CHECK(r.item("row.chip." + std::to_string(chips - 1)));
    CHECK(r.tapped_chip == -1);

    r.tap("row.back", chips, width);
    CHECK(r.item("row.more"));
    CHECK(r.tapped_chip == -1);
}

TEST_CASE("a row that fits shows no chevron") {
    Row r;
    r.settle(3, 1200);
    CHECK_FALSE(r.item("row.more"));
    CHECK_FALSE(r.item("row.back"));
    REQUIRE(r.item("row.chip.2"));
    CHECK_FALSE(r.item("row.chip.2")->clipped);
}
