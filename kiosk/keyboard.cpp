#include "kiosk/keyboard.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/text.h"

namespace aul::kiosk {

namespace {

constexpr float kKeyMaxMm = 16.0f;     // keys grow with the screen up to this
constexpr float kKeyboardShare = 0.45f; // of the screen's height, at most, unless the minimum needs more
constexpr float kRepeatDelay = 0.5f;    // seconds before a held backspace repeats
constexpr float kRepeatEvery = 0.08f;

// Letter rows of each layout, as UTF-8 strings of single letters.
struct Rows {
    std::vector<std::string_view> rows;
};

const Rows& rows_of(KeyLayout l) {
    static const Rows kk{{"әіңғүұқөһ", "йцукенгшщзхъ", "фывапролджэ", "ячсмитьбюё"}};
    static const Rows ru{{"1234567890", "йцукенгшщзхъ", "фывапролджэ", "ячсмитьбюё"}};
    static const Rows en{{"1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"}};
    static const Rows digits{{"1234567890", "-/:;()₸№\"'", "@#%&*+=_", ".,?!"}};
    static const Rows phone{{"123", "456", "789", "+0"}};
    // core::kTrackingAlphabet in keyboard order: no 0, 1, I, L or O.
    static const Rows code{{"23456789", "qwertyup", "asdfghjk", "zxcvbnm"}};
    switch (l) {
        case KeyLayout::kk: return kk;
        case KeyLayout::ru: return ru;
        case KeyLayout::en: return en;
        case KeyLayout::digits: return digits;
        case KeyLayout::phone: return phone;
        case KeyLayout::code: return code;
    }
    return kk;
}

std::vector<std::string> letters(std::string_view row) {
    std::vector<std::string> out;
    core::for_each_codepoint(row, [&](char32_t, std::string_view bytes) { out.emplace_back(bytes); });
    return out;
}

bool held_repeat(float held_for, float dt) {
    if (held_for < kRepeatDelay) return false;
    float before = std::floor((held_for - dt - kRepeatDelay) / kRepeatEvery);
    float now = std::floor((held_for - kRepeatDelay) / kRepeatEvery);
    return now > before;
}

}  // namespace

std::vector<std::string> letter_keys(KeyLayout layout) {
    std::vector<std::string> out;
    for (auto row : rows_of(layout).rows)
        for (auto& key : letters(row)) out.push_back(std::move(key));
    return out;
}

std::string_view layout_label(KeyLayout l) {
    switch (l) {
        case KeyLayout::kk: return "ҚАЗ";
        case KeyLayout::ru: return "РУС";
        case KeyLayout::en: return "ENG";
        case KeyLayout::digits: return "123";
        case KeyLayout::phone: return "+7";
        case KeyLayout::code: return "ABC";
    }
    return "";
}

namespace {

int key_rows(KeyLayout layout) {
    int rows = static_cast<int>(rows_of(layout).rows.size());
    // Letters and signs have a bottom row of layout, space and Done; the phone pad and the
    // code keyboard keep Done beside their keys.
    return layout == KeyLayout::phone || layout == KeyLayout::code ? rows : rows + 1;
}

// Keys as large as the screen allows: square where there is room, the keyboard taking at
// most 45% of the height (so the field and the step's action stay in view above it), and
// never below the minimum for the panel.
struct KeyMetrics {
    float key_h, gap, side, top;
};
KeyMetrics key_metrics(const Theme& t, KeyLayout layout, ImVec2 screen) {
    KeyMetrics m{};
    m.gap = t.mm(t.compact() ? 0.8f : 1.2f);
    m.side = t.mm(t.compact() ? 1.5f : 3.0f);
    m.top = t.mm(t.compact() ? 1.0f : 2.0f);
    float rows = static_cast<float>(key_rows(layout));
    float by_height = (screen.y * kKeyboardShare - 2 * m.top) / rows - m.gap;
    float by_width = (screen.x - 2 * m.side - 12 * m.gap) / 13.0f;  // the longest letter row and a slot
    // A portrait kiosk's keyboard may take more of its tall screen: larger keys.
    float most = t.mm(t.portrait() ? kKeyMaxMm * 1.4f : kKeyMaxMm);
    m.key_h = std::clamp(std::min(by_height, by_width), t.key_min(), std::max(t.key_min(), most));
    return m;
}

}  // namespace

float keyboard_height(const Ui& ui, KeyLayout layout) {
    const Theme& t = const_cast<Ui&>(ui).theme();
    KeyMetrics m = key_metrics(t, layout, t.screen());
    return key_rows(layout) * (m.key_h + m.gap) - m.gap + 2 * m.top;
}

static Intent draw_keys(Ui& ui, const KeyboardView& v, ImVec2 origin);

Intent draw_keyboard(Ui& ui, const KeyboardView& v) {
    ImGuiIO& io = ImGui::GetIO();
    float h = keyboard_height(ui, v.layout);
    ImVec2 origin(0, io.DisplaySize.y - h);
    // The keyboard lies over the page: what it covers cannot be tapped.
    ui.begin_layer(origin, io.DisplaySize);
    ui.set_recording_keys(true);
    Intent out = draw_keys(ui, v, origin);
    ui.set_recording_keys(false);
    ui.end_layer();
    return out;
}

// A key's icon gives way when the label needs the room ("ҚАЗ" on a narrow layout key).
static bool draw_key(Ui& ui, const std::string& id, std::string_view label, std::string_view icon, ImVec2 size,
              ButtonKind kind, bool selected = false) {
    if (!label.empty() && !icon.empty() && !ui.label_fits(label, icon, size)) icon = "";
    return ui.button(id, label, icon, size, kind, selected);
}

static void backspace_key(Ui& ui, Intent& out, ImVec2 size) {
    ImGuiIO& io = ImGui::GetIO();
    bool tapped = ui.button("keyboard.backspace", "", "long-arrow-left", size, ButtonKind::secondary);
    bool held = ImGui::IsItemActive() && held_repeat(io.MouseDownDuration[0], io.DeltaTime);
    if (ImGui::IsItemActive()) ui.request_animation();  // keep frames coming while held
    if (tapped || held) keep_first(out, Intent::of(Intent::Kind::backspace));
}

// The phone pad as on a telephone: three columns of digits, "+" and 0 below; backspace
// and a tall Done in a fourth column beside them, so nothing covers a digit.
static Intent draw_phone_pad(Ui& ui, const KeyboardView& v, ImVec2 origin, const KeyMetrics& km) {
    Intent out;
    const Theme& t = ui.theme();
    ImGuiIO& io = ImGui::GetIO();
    float key_w = std::min(t.mm(40), std::max(km.key_h * 2.0f, ui.button_width(v.done_label, v.done_icon)));
    key_w = std::min(key_w, (io.DisplaySize.x - 2 * km.side - 3 * km.gap) / 4);
    float pad_w = 4 * key_w + 3 * km.gap;
    float x0 = (io.DisplaySize.x - pad_w) * 0.5f;
    float y0 = origin.y + km.top;
    const auto& rows = rows_of(KeyLayout::phone).rows;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        float x = x0;
        for (const auto& digit : letters(rows[r])) {
            ImGui::SetCursorScreenPos(ImVec2(x, y0 + r * (km.key_h + km.gap)));
            if (ui.button("keyboard.key." + digit, digit, "", ImVec2(key_w, km.key_h), ButtonKind::secondary))
                keep_first(out, Intent::of(Intent::Kind::type_text, digit));
            x += key_w + km.gap;
        }
    }
    float x3 = x0 + 3 * (key_w + km.gap);
    ImGui::SetCursorScreenPos(ImVec2(x3, y0));
    backspace_key(ui, out, ImVec2(key_w, km.key_h));
    ImGui::SetCursorScreenPos(ImVec2(x3, y0 + km.key_h + km.gap));
    float done_h = static_cast<float>(rows.size() - 1) * (km.key_h + km.gap) - km.gap;
    if (draw_key(ui, "keyboard.done", v.done_label, v.done_icon, ImVec2(key_w, done_h), ButtonKind::primary))
        keep_first(out, Intent::of(Intent::Kind::keyboard_done));
    return out;
}

static Intent draw_keys(Ui& ui, const KeyboardView& v, ImVec2 origin) {
    Intent out;
    Theme& t = ui.theme();
    const Palette& p = ui.pal();
    ImGuiIO& io = ImGui::GetIO();
    ImGui::GetWindowDrawList()->AddRectFilled(origin, io.DisplaySize, p.chip);
    ImGui::GetWindowDrawList()->AddLine(origin, ImVec2(io.DisplaySize.x, origin.y), p.border, 2);

    KeyMetrics km = key_metrics(t, v.layout, io.DisplaySize);
    float key_h = km.key_h, gap = km.gap;
    if (v.layout == KeyLayout::phone) return draw_phone_pad(ui, v, origin, km);
    const auto& rows = rows_of(v.layout).rows;
    // One case, nothing but the code's characters: backspace and Done close the last row.
    bool code = v.layout == KeyLayout::code;
    // Every letter key has the same width, set by the longest row, so rows line up.
    std::size_t widest = 0;
    for (auto r : rows) widest = std::max(widest, letters(r).size());
    float slots = static_cast<float>(widest) + 1.0f;
    // The code's last row also holds backspace (1.5 keys) and Done (2.6 keys).
    if (code) slots = std::max(static_cast<float>(widest), static_cast<float>(letters(rows.back()).size()) + 4.1f);
    // Keys no wider than half again their height: on a wide screen the keyboard is a block
    // in the middle, not a row of planks.
    float width = std::min(io.DisplaySize.x - 2 * km.side, slots * (key_h * 1.5f + gap) - gap);
    float side = (io.DisplaySize.x - width) * 0.5f;
    float key_w = std::max(t.key_min(), (width - (slots - 1) * gap) / slots);

    auto key = [&](const std::string& id, std::string_view label, std::string_view icon, float w, ButtonKind kind,
                   bool selected = false) { return draw_key(ui, id, label, icon, ImVec2(w, key_h), kind, selected); };

    float y = origin.y + km.top;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        auto row = letters(rows[r]);
        bool last = r + 1 == rows.size();
        float row_w = static_cast<float>(row.size()) * (key_w + gap) - gap;
        float extra = 0;
        if (last && !code) extra = 2 * (key_w * 1.5f + gap);  // shift and backspace flank the last row
        if (code && last) extra = key_w * 1.5f + key_w * 2.6f + 2 * gap;  // backspace, then Done
        float x = side + (width - row_w - extra) * 0.5f;
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        if (last && !code) {
            if (key("keyboard.shift", "", "arrow-up", key_w * 1.5f, ButtonKind::secondary, v.shift))
                keep_first(out, Intent::of(Intent::Kind::keyboard_shift));
            ImGui::SameLine(0, gap);
        }
        for (const auto& letter : row) {
            std::string shown = v.shift || code ? core::to_upper(letter) : letter;
            if (key("keyboard.key." + letter, shown, "", key_w, ButtonKind::secondary))
                keep_first(out, Intent::of(Intent::Kind::type_text, shown));
            ImGui::SameLine(0, gap);
        }
        if (last) {
            backspace_key(ui, out, ImVec2(key_w * 1.5f, key_h));
            if (code) {
                ImGui::SameLine(0, gap);
                if (key("keyboard.done", v.done_label, v.done_icon, key_w * 2.6f, ButtonKind::primary))
                    keep_first(out, Intent::of(Intent::Kind::keyboard_done));
            }
        }
        y += key_h + gap;
    }
    if (code) return out;
    // Bottom row: digits, layout, space, punctuation, done.
    ImGui::SetCursorScreenPos(ImVec2(side, y));
    bool digits = v.layout == KeyLayout::digits;
    if (key("keyboard.digits", digits ? "АБВ" : "123", "", key_w * 1.5f, ButtonKind::secondary, digits))
        keep_first(out, Intent::of(Intent::Kind::keyboard_digits));
    ImGui::SameLine(0, gap);
    if (key("keyboard.layout", layout_label(digits ? KeyLayout::kk : v.layout), "globe", key_w * 2.2f,
            ButtonKind::secondary))
        keep_first(out, Intent::of(Intent::Kind::keyboard_next_layout));
    ImGui::SameLine(0, gap);
    float done_w = key_w * 2.6f;
    float punct_w = key_w;
    float space_w = width - (key_w * 1.5f + key_w * 2.2f + 2 * punct_w + done_w + 5 * gap);
    if (key("keyboard.space", v.space_label, "", space_w, ButtonKind::secondary))
        keep_first(out, Intent::of(Intent::Kind::type_text, " "));
    for (const char* mark : {",", "."}) {
        ImGui::SameLine(0, gap);
        if (key(std::string("keyboard.key.") + mark, mark, "", punct_w, ButtonKind::secondary))
            keep_first(out, Intent::of(Intent::Kind::type_text, mark));
    }
    ImGui::SameLine(0, gap);
    if (key("keyboard.done", v.done_label, v.done_icon, done_w, ButtonKind::primary))
        keep_first(out, Intent::of(Intent::Kind::keyboard_done));
    return out;
}

}  // namespace aul::kiosk
