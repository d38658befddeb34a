#include "kiosk/screens/screens.h"

#include <imgui_internal.h>

#include <array>

namespace aul::kiosk {

namespace {

struct LangButton {
    core::Lang lang;
    const char* short_id;
    const char* short_label;
    const char* full_id;
    const char* full_label;
};
// Each language written in itself: a resident who cannot read the current one still
// finds their own.
constexpr std::array<LangButton, 3> kLangs{{{core::Lang::kk, "nav.lang.kk", "ҚАЗ", "home.lang.kk", "Қазақша"},
                                            {core::Lang::ru, "nav.lang.ru", "РУС", "home.lang.ru", "Русский"},
                                            {core::Lang::en, "nav.lang.en", "ENG", "home.lang.en", "English"}}};

const LangButton& current_lang(core::Lang l) {
    for (const auto& b : kLangs)
        if (b.lang == l) return b;
    return kLangs[0];
}

// How much of the bar gets words, from the roomiest arrangement to the most compact.
enum class Langs { full, short_names, sheet };
struct Arrangement {
    Langs langs;
    bool display_label;
    bool back_label;
};
// The languages as buttons matter most (a resident who cannot read the current one finds
// theirs); then the words on Screen and Back.
constexpr std::array<Arrangement, 6> kArrangements{{
    {Langs::full, true, true},
    {Langs::short_names, true, true},
    {Langs::short_names, false, true},
    {Langs::sheet, true, true},
    {Langs::sheet, false, true},
    {Langs::sheet, false, false},
}};

float bar_margin(const Theme& t) { return t.mm(t.compact() ? 1.5f : 3.0f); }

}  // namespace

float top_bar_height(const Ui& ui) {
    const Theme& t = const_cast<Ui&>(ui).theme();
    return t.touch_min() + 2 * bar_margin(t);
}

// Back and home on the left, the title, then language, the screen's display and Listen
// on the right: the same place on every screen, so a resident who is lost always
// finds a way out. Where the bar is narrow the languages fold into one button that opens
// a sheet, then the words give way to icons, the title first of all.
Intent draw_top_bar(Ui& ui, const TopBarView& v) {
    Intent out;
    // The bar's own buttons are not read out with the page: the title is the page's
    // heading, which the narration takes from the screen itself. A tap on one is still spoken.
    auto as = ui.voice(UiItem::Voice::silent);
    Theme& t = ui.theme();
    const Palette& p = ui.pal();
    float h = top_bar_height(ui);
    ImVec2 origin = ImGui::GetCursorScreenPos();
    float width = ImGui::GetContentRegionAvail().x;
    ImGui::GetWindowDrawList()->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + h), p.surface);
    ImGui::GetWindowDrawList()->AddLine(ImVec2(origin.x, origin.y + h), ImVec2(origin.x + width, origin.y + h),
                                        p.border, 2.0f);
    float m = bar_margin(t);
    float b = t.touch_min();
    float gap = t.mm(2);
    const std::string& back = v.back_label.empty() ? v.words("nav.back") : v.back_label;
    const std::string& display = v.words("nav.display");
    const LangButton& cur = current_lang(v.words.lang);

    auto lang_width = [&](const LangButton& l, Langs mode) {
        // Short names keep their width unless large text needs more: never cut to "Қ…".
        return mode == Langs::full ? ui.button_width(l.full_label, "")
                                   : std::max(b * 1.25f, ui.button_width(l.short_label, ""));
    };
    auto langs_width = [&](Langs mode) {
        if (mode == Langs::sheet) return ui.button_width(cur.short_label, "globe");
        float w = 0;
        for (const auto& l : kLangs) w += lang_width(l, mode) + gap;
        return w - gap;
    };
    // Listen stands at the right end, in the same place on every screen.
    auto listen_width = [&](bool label) {
        if (!v.listen) return -gap;
        return label ? ui.button_width(v.words("nav.listen"), "volume-up") : b;
    };
    auto left_width = [&](bool back_label) {
        return v.show_back ? (back_label ? ui.button_width(back, "arrow-left") : b) + gap + b + gap : 0.0f;
    };
    auto right_width = [&](const Arrangement& a) {
        return langs_width(a.langs) + t.mm(4) + (a.display_label ? ui.button_width(display, "adjust") : b) + gap +
               listen_width(a.display_label);
    };
    // The roomiest arrangement that leaves the title its room; else the roomiest that fits
    // without it (the screen's own heading says where one is).
    ImFont* hf = ui.font(TextFace::heading);
    float title_need = v.title.empty() ? 0.0f : hf->CalcTextSizeA(hf->FontSize, FLT_MAX, 0, v.title.c_str()).x + t.mm(5);
    Arrangement use = kArrangements.back();
    bool found = false;
    for (float title_room : {title_need, 0.0f}) {
        for (const auto& a : kArrangements) {
            if (a.langs == Langs::full && !v.full_language_names) continue;
            // The title never costs the languages their buttons or Back its word.
            if (title_room > 0 && (a.langs == Langs::sheet || !a.back_label)) continue;
            if (left_width(a.back_label) + title_room + right_width(a) <= width - 2 * m) {
                use = a;
                found = true;
                break;
            }
        }
        if (found || title_need == 0) break;
    }

    ImGui::SetCursorScreenPos(ImVec2(origin.x + m, origin.y + m));
    if (v.show_back) {
        float bw = use.back_label ? ui.button_width(back, "arrow-left") : b;
        if (ui.button("nav.back", use.back_label ? back : "", "arrow-left", ImVec2(bw, b)))
            keep_first(out, Intent::of(Intent::Kind::go_back));
        ImGui::SameLine(0, gap);
        if (ui.button("nav.home", "", "home", ImVec2(b, b))) keep_first(out, Intent::of(Intent::Kind::go_home));
        ImGui::SameLine(0, gap);
    }
    float title_x = ImGui::GetCursorScreenPos().x + t.mm(2);
    float right_x = origin.x + width - m - right_width(use);

    float title_w = right_x - title_x - t.mm(3);
    ImVec2 ts = hf->CalcTextSizeA(hf->FontSize, FLT_MAX, 0, v.title.c_str());
    // A title cut short reads worse than none: the screen itself says where one is.
    if (ts.x <= title_w && !v.title.empty()) {
        ImVec2 tp(title_x, origin.y + (h - ts.y) * 0.5f);
        ImGui::GetWindowDrawList()->AddText(hf, hf->FontSize, tp, p.text, v.title.c_str());
        ui.record("", v.title, tp, ImVec2(title_x + ts.x, tp.y + ts.y), false);
    }

    ImGui::SetCursorScreenPos(ImVec2(right_x, origin.y + m));
    if (use.langs == Langs::sheet) {
        if (ui.button("nav.language", cur.short_label, "globe", ImVec2(langs_width(use.langs), b)))
            keep_first(out, Intent::of(Intent::Kind::open_language_sheet));
    } else {
        for (const auto& l : kLangs) {
            bool full = use.langs == Langs::full;
            if (ui.button(full ? l.full_id : l.short_id, full ? l.full_label : l.short_label, "",
                          ImVec2(lang_width(l, use.langs), b), ButtonKind::secondary, v.words.lang == l.lang))
                keep_first(out, Intent::language(l.lang));
            ImGui::SameLine(0, gap);
        }
        ImGui::NewLine();
    }
    ImGui::SetCursorScreenPos(ImVec2(right_x + langs_width(use.langs) + t.mm(4), origin.y + m));
    bool shown_differently = v.high_contrast || v.large_text;
    if (ui.button("nav.display", use.display_label ? display : "", "adjust",
                  ImVec2(use.display_label ? ui.button_width(display, "adjust") : b, b), ButtonKind::secondary,
                  shown_differently))
        keep_first(out, Intent::of(Intent::Kind::open_display_sheet));
    if (v.listen) {
        ImGui::SameLine(0, gap);
        const std::string& listen = v.words("nav.listen");
        // While it reads, the button stays lit; a tap then stops it.
        if (ui.button("nav.listen", use.display_label ? listen : "", "volume-up",
                      ImVec2(use.display_label ? ui.button_width(listen, "volume-up") : b, b), ButtonKind::secondary,
                      v.speaking))
            keep_first(out, Intent::of(Intent::Kind::listen));
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + h + 2));
    return out;
}

}  // namespace aul::kiosk
