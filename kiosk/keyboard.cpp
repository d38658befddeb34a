#include "kiosk/keyboard.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/text.h"

namespace aul::kiosk {

namespace {

constexpr float kKeyMm = 12.0f;        // key height; keys are never narrower than 12 mm either
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

float keyboard_height(const Ui& ui, KeyLayout layout) {
    Theme& t = const_cast<Ui&>(ui).theme();
    int rows = static_cast<int>(rows_of(layout).rows.size()) + (layout == KeyLayout::phone ? 0 : 1);
    if (layout == KeyLayout::code) rows = static_cast<int>(rows_of(layout).rows.size());  // Done beside the last row
    return rows * (t.mm(kKeyMm) + t.mm(1.2f)) + t.mm(4);
}

Intent draw_keyboard(Ui& ui, const KeyboardView& v) {
    Intent out;
    Theme& t = ui.theme();
    const Palette& p = ui.pal();
    ImGuiIO& io = ImGui::GetIO();
    float h = keyboard_height(ui, v.layout);
    ImVec2 origin(0, io.DisplaySize.y - h);
    ImGui::GetWindowDrawList()->AddRectFilled(origin, io.DisplaySize, p.chip);
    ImGui::GetWindowDrawList()->AddLine(origin, ImVec2(io.DisplaySize.x, origin.y), p.border, 2);

    float key_h = t.mm(kKeyMm);
    float gap = t.mm(1.2f);
    float side = t.mm(3);
    float width = io.DisplaySize.x - 2 * side;
    const auto& rows = rows_of(v.layout).rows;
    bool phone = v.layout == KeyLayout::phone;
    // One case, nothing but the code's characters: backspace and Done close the last row.
    bool code = v.layout == KeyLayout::code;
    // Every letter key has the same width, set by the longest row, so rows line up.
    std::size_t widest = 0;
    for (auto r : rows) widest = std::max(widest, letters(r).size());
    float slots = phone ? 4.0f : static_cast<float>(widest) + 1.0f;
    // The code's last row also holds backspace (1.5 keys) and Done (2.6 keys).
    if (code) slots = std::max(static_cast<float>(widest), static_cast<float>(letters(rows.back()).size()) + 4.1f);
    float key_w = std::max(t.mm(12), (width - (slots - 1) * gap) / slots);
    if (phone) key_w = std::min(key_w * 1.6f, t.mm(40));

    auto key = [&](const std::string& id, std::string_view label, std::string_view icon, float w, ButtonKind kind,
                   bool selected = false) { return ui.button(id, label, icon, ImVec2(w, key_h), kind, selected); };

    float y = origin.y + t.mm(2);
    for (std::size_t r = 0; r < rows.size(); ++r) {
        auto row = letters(rows[r]);
        bool last = r + 1 == rows.size();
        float row_w = static_cast<float>(row.size()) * (key_w + gap) - gap;
        float extra = 0;
        if (last && !phone && !code) extra = 2 * (key_w * 1.5f + gap);  // shift and backspace flank the last row
        if (phone && last) extra = key_w + gap;                 // backspace after "+ 0"
        if (code && last) extra = key_w * 1.5f + key_w * 2.6f + 2 * gap;  // backspace, then Done
        float x = origin.x + side + (width - row_w - extra) * 0.5f;
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        if (last && !phone && !code) {
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
            bool tapped = key("keyboard.backspace", "", "long-arrow-left", phone ? key_w : key_w * 1.5f,
                              ButtonKind::secondary);
            bool held = ImGui::IsItemActive() && held_repeat(io.MouseDownDuration[0], io.DeltaTime);
            if (ImGui::IsItemActive()) ui.request_animation();  // keep frames coming while held
            if (tapped || held) keep_first(out, Intent::of(Intent::Kind::backspace));
            if (code) {
                ImGui::SameLine(0, gap);
                if (key("keyboard.done", v.done_label, v.done_icon, key_w * 2.6f, ButtonKind::primary))
                    keep_first(out, Intent::of(Intent::Kind::keyboard_done));
            }
        }
        y += key_h + gap;
    }
    if (code) return out;
    if (phone) {
        ImGui::SetCursorScreenPos(ImVec2(io.DisplaySize.x - side - key_w * 1.6f, origin.y + t.mm(2)));
        if (key("keyboard.done", v.done_label, v.done_icon, key_w * 1.6f, ButtonKind::primary))
            keep_first(out, Intent::of(Intent::Kind::keyboard_done));
        return out;
    }
    // Bottom row: digits, layout, space, punctuation, done.
    ImGui::SetCursorScreenPos(ImVec2(origin.x + side, y));
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
