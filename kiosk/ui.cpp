#include "kiosk/ui.h"

#include <imgui_internal.h>
#include <qrencode.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "platform/log.h"

namespace aul::kiosk {

namespace {
ImVec2 add(ImVec2 a, ImVec2 b) { return ImVec2(a.x + b.x, a.y + b.y); }

// Visibly cut by a clip rectangle: more than three pixels of it out of view (rounding is not).
bool cut(ImVec2 min, ImVec2 max, ImVec2 vmin, ImVec2 vmax) {
    return vmin.x - min.x > 3 || vmin.y - min.y > 3 || max.x - vmax.x > 3 || max.y - vmax.y > 3;
}

}  // namespace

void Ui::begin_frame(const platform::Gesture& gesture, float dt) {
    gesture_ = gesture;
    dt_ = dt;
    items_.clear();
    animating_ = false;
    layer_ = 0;
    covers_.clear();
    scroll_to_start_ = false;
    voice_ = UiItem::Voice::read;
    tapped_id_.clear();
}

void Ui::begin_layer(ImVec2 min, ImVec2 max) {
    ++layer_;
    covers_.push_back({layer_, min, max});
}

void Ui::end_layer() { --layer_; }

PageArea Ui::page_area() const {
    ImVec2 avail = ImGui::GetContentRegionAvail();
    float pad = theme_.pad();
    return {ImGui::GetCursorScreenPos(), avail, pad, avail.x - 2 * pad};
}

bool Ui::page_action(const PageArea& page, const std::string& id, std::string_view label, std::string_view icon) {
    float w = std::max(theme_.mm(80), button_width(label, icon));
    float h = theme_.touch_min();
    ImGui::SetCursorScreenPos(
        ImVec2(page.origin.x + page.pad + page.width - w, page.origin.y + page.avail.y - h - theme_.mm(3)));
    return button(id, label, icon, ImVec2(w, h), ButtonKind::primary);
}

ImFont* Ui::font(TextFace face) const {
    switch (face) {
        case TextFace::small: return theme_.fonts.small;
        case TextFace::heading: return theme_.fonts.heading;
        case TextFace::body: break;
    }
    return theme_.fonts.body;
}

std::string Ui::glyph(std::string_view icon_name) const {
    if (!icons_ || icon_name.empty()) return {};
    std::uint32_t cp = icons_->codepoint(icon_name);
    if (cp && theme_.fonts.body && !theme_.fonts.body->FindGlyphNoFallback(static_cast<ImWchar>(cp)) &&
        std::find(missing_icons_.begin(), missing_icons_.end(), icon_name) == missing_icons_.end()) {
        missing_icons_.emplace_back(icon_name);
        platform::log::error("icon '" + std::string(icon_name) + "' is not in the font atlas");
    }
    return icons_->glyph(icon_name);
}

ImVec2 Ui::visible_min(ImVec2 a) const {
    const ImRect& clip = ImGui::GetCurrentWindow()->ClipRect;
    return ImVec2(std::max(a.x, clip.Min.x), std::max(a.y, clip.Min.y));
}
ImVec2 Ui::visible_max(ImVec2 b) const {
    const ImRect& clip = ImGui::GetCurrentWindow()->ClipRect;
    return ImVec2(std::min(b.x, clip.Max.x), std::min(b.y, clip.Max.y));
}

// Everything is recorded, even what is scrolled out of sight: scripts bring a target into
// view as a resident would, and the layout check finds what no scrolling can reach.
void Ui::record(const std::string& id, std::string_view text, ImVec2 min, ImVec2 max, bool tappable, LabelFit fit) {
    UiItem it;
    it.id = id;
    it.text = std::string(text);
    it.tappable = tappable;
    it.kind = !tappable ? UiItem::Kind::text : recording_keys_ ? UiItem::Kind::key : UiItem::Kind::target;
    it.layer = layer_;
    it.fit = fit;
    it.voice = voice_;
    if (tappable && !tapped_id_.empty() && id == tapped_id_) {
        it.tapped = true;
        tapped_id_.clear();
    }
    if (!open_scrolls_.empty()) it.scroll = open_scrolls_.back().id;
    ImVec2 vmin = visible_min(min), vmax = visible_max(max);
    it.hidden = vmax.x <= vmin.x || vmax.y <= vmin.y;
    it.clipped = !it.hidden && cut(min, max, vmin, vmax);
    it.min = it.hidden ? min : vmin;
    it.max = it.hidden ? max : vmax;
    it.full_min = min;
    it.full_max = max;
    items_.push_back(std::move(it));
}

bool Ui::press_feedback_tap(const std::string& id, ImVec2 size, bool& held) {
    bool tapped = ImGui::InvisibleButton(id.c_str(), size);
    held = ImGui::IsItemActive();
    if (tapped) tapped_id_ = id;
    return tapped;
}

bool Ui::tap_area(const std::string& id, ImVec2 size, bool& held, const std::string& recorded_as) {
    bool tapped = press_feedback_tap(id, size, held);
    if (tapped) tapped_id_ = recorded_as;
    return tapped;
}

// How a label is set in a button: its font size and whether it wraps to a second line.
struct Ui::LabelSetting {
    float size = 0;
    bool wrap = false;
    bool fits = false;  // whole: no ellipsis, no word cut
};

float Ui::label_room(ImVec2 size, std::string_view label, std::string_view icon_name) const {
    ImFont* f = theme_.fonts.body;
    std::string icon = glyph(icon_name);
    float icon_w = icon.empty() ? 0 : f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, icon.c_str()).x;
    float gap = icon.empty() || label.empty() ? 0 : theme_.mm(2.5f);
    return size.x - 2 * theme_.mm(2.5f) - icon_w - gap;
}

// The body size on one line; else two lines where the button is tall enough and no word
// is cut; else the same at smaller steps, down to the standard small size (keys, large
// text). A label that fits none of these is cut, and recorded as cut.
Ui::LabelSetting Ui::set_label(ImVec2 size, std::string_view label, std::string_view icon_name) const {
    ImFont* f = theme_.fonts.body;
    float room = label_room(size, label, icon_name);
    float floor = std::min(f->FontSize, theme_.small_floor());
    const char* lb = label.data();
    const char* le = label.data() + label.size();
    for (float fs = f->FontSize; fs >= floor - 0.01f; fs = fs > floor ? std::max(floor, fs * 0.92f) : 0) {
        if (fs > size.y) continue;  // taller than the button: a step smaller
        if (f->CalcTextSizeA(fs, FLT_MAX, 0, lb, le).x <= room + 0.5f) return {fs, false, true};
        bool two_lines = size.y >= fs * 2.3f;
        if (two_lines && f->CalcTextSizeA(fs, FLT_MAX, room, lb, le).y <= fs * 2.05f) {
            float scale = fs / f->FontSize;
            // words_fit measures at the face's own size; compare at this one.
            if (words_fit(f, label, room / scale)) return {fs, true, true};
        }
        if (fs <= floor) break;
    }
    return {f->FontSize, false, false};
}

bool Ui::label_fits(std::string_view label, std::string_view icon_name, ImVec2 size) const {
    return label.empty() || set_label(size, label, icon_name).fits;
}

int Ui::columns_fitting(const std::vector<std::string>& labels, std::string_view icon, float width, float height,
                        int most) const {
    for (int cols = most; cols > 1; --cols) {
        ImVec2 size((width - (cols - 1) * theme_.gap()) / cols, height);
        if (size.x < theme_.target_min()) continue;
        bool all = true;
        for (const auto& l : labels) all = all && label_fits(l, icon, size);
        if (all) return cols;
    }
    return 1;
}

// Icon and label centred, the label set as set_label says.
LabelFit Ui::draw_button_label(ImVec2 pos, ImVec2 size, std::string_view label, std::string_view icon_name, ImU32 fg) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* f = theme_.fonts.body;
    float side = theme_.mm(2.5f);
    std::string icon = glyph(icon_name);
    LabelSetting set = label.empty() ? LabelSetting{f->FontSize, false, true} : set_label(size, label, icon_name);
    float fs = set.size;
    // The icon keeps its size while the label steps down, unless it is alone.
    float ifs = std::min(f->FontSize, size.y * 0.8f);
    float icon_w = icon.empty() ? 0 : f->CalcTextSizeA(ifs, FLT_MAX, 0, icon.c_str()).x;
    float gap = icon.empty() || label.empty() ? 0 : theme_.mm(2.5f);
    float room = size.x - 2 * side - icon_w - gap;
    const char* lb = label.data();
    const char* le = label.data() + label.size();
    ImVec2 one_line = f->CalcTextSizeA(fs, FLT_MAX, 0, lb, le);
    ImVec2 ts = set.wrap ? f->CalcTextSizeA(fs, FLT_MAX, room, lb, le) : ImVec2(std::min(one_line.x, room), one_line.y);
    float content_w = icon_w + gap + ts.x;
    float x = pos.x + std::max(side, (size.x - content_w) * 0.5f);
    float y = pos.y + (size.y - ts.y) * 0.5f;
    if (!icon.empty()) dl->AddText(f, ifs, ImVec2(x, pos.y + (size.y - ifs) * 0.5f), fg, icon.c_str());
    x += icon_w + gap;
    if (label.empty()) return {};
    if (set.wrap || set.fits) {
        dl->AddText(f, fs, ImVec2(x, y), fg, lb, le, set.wrap ? room : 0.0f);
        return {};
    }
    ImGui::PushFont(f);
    ImGui::PushStyleColor(ImGuiCol_Text, fg);
    ImGui::RenderTextEllipsis(dl, ImVec2(x, y), ImVec2(x + room, y + fs), x + room, x + room, lb, le, &one_line);
    ImGui::PopStyleColor();
    ImGui::PopFont();
    return {.elided = true, .broken = false};
}

bool Ui::button(const std::string& id, std::string_view label, std::string_view icon_name,
                ImVec2 size, ButtonKind kind, bool selected) {
    const Palette& p = pal();
    ImVec2 pos = ImGui::GetCursorScreenPos();
    bool held = false;
    bool tapped = press_feedback_tap(id, size, held);
    ImVec2 max = add(pos, size);
    ImU32 bg = p.surface, fg = p.text, border = p.border;
    if (kind == ButtonKind::primary || selected) {
        bg = held ? p.primary_pressed : p.primary;
        fg = p.on_primary;
        border = bg;
    } else if (kind == ButtonKind::quiet) {
        bg = held ? p.surface_pressed : IM_COL32(0, 0, 0, 0);
        border = IM_COL32(0, 0, 0, 0);
    } else if (held) {
        bg = p.surface_pressed;
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float r = theme_.radius();
    dl->AddRectFilled(pos, max, bg, r);
    if ((border >> IM_COL32_A_SHIFT) != 0) dl->AddRect(pos, max, border, r, 0, theme_.config().high_contrast ? 3.f : 1.5f);

    LabelFit fit = draw_button_label(pos, size, label, icon_name, fg);
    record(id, label, pos, max, true, fit);
    return tapped;
}

bool Ui::tile(const std::string& id, std::string_view label, std::string_view caption,
              std::string_view icon_name, ImVec2 size, ImU32 colour, ImFont* label_face, bool on) {
    const Palette& p = pal();
    ImVec2 pos = ImGui::GetCursorScreenPos();
    bool held = false;
    bool tapped = press_feedback_tap(id, size, held);
    ImVec2 max = add(pos, size);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float r = theme_.radius() * 2;
    ImU32 bg = held ? p.surface_pressed : on ? p.primary : p.surface;
    ImU32 fg = on ? p.on_primary : p.text, muted = on ? p.on_primary : p.text_muted;
    if (on) colour = p.on_primary;
    // A soft shadow lifts the tile off the page; pressed tiles sink.
    if (!held && !theme_.config().high_contrast)
        dl->AddRectFilled(add(pos, ImVec2(0, theme_.mm(0.8f))), add(max, ImVec2(0, theme_.mm(0.8f))),
                          IM_COL32(0, 0, 0, 28), r);
    dl->AddRectFilled(pos, max, bg, r);
    if (theme_.config().high_contrast) dl->AddRect(pos, max, p.border, r, 0, 3.0f);
    float band = theme_.mm(2.2f);
    dl->AddRectFilled(pos, ImVec2(pos.x + band, max.y), colour, r, ImDrawFlags_RoundCornersLeft);

    // Icon on the left, label and caption beside it, the block centred vertically.
    float pad = tile_pad();
    float icon_size = tile_icon_size();
    float text_x = pos.x + band + pad * 2 + icon_size;
    float text_w = tile_text_width(size.x);
    ImFont* lf = label_face ? label_face : tile_label_face(label, caption, size);
    ImFont* sf = theme_.fonts.small;
    ImVec2 ls = lf->CalcTextSizeA(lf->FontSize, FLT_MAX, text_w, label.data(), label.data() + label.size());
    ImVec2 cs = caption.empty() ? ImVec2(0, 0)
                                : sf->CalcTextSizeA(sf->FontSize, FLT_MAX, text_w, caption.data(),
                                                    caption.data() + caption.size());
    float block = ls.y + (caption.empty() ? 0 : theme_.mm(1) + cs.y);
    float y = pos.y + std::max(pad, (size.y - block) * 0.5f);
    icon(icon_name, ImVec2(pos.x + band + pad, pos.y + (size.y - icon_size) * 0.5f), icon_size, colour);
    dl->AddText(lf, lf->FontSize, ImVec2(text_x, y), fg, label.data(), label.data() + label.size(), text_w);
    if (!caption.empty())
        dl->AddText(sf, sf->FontSize, ImVec2(text_x, y + ls.y + theme_.mm(1)), muted, caption.data(),
                    caption.data() + caption.size(), text_w);
    LabelFit fit{.elided = y - pos.y + block > size.y + 0.5f, .broken = !words_fit(lf, label, text_w)};
    record(id, label, pos, max, true, fit);
    if (!caption.empty())
        record("", caption, pos, max, false, {.elided = false, .broken = !words_fit(sf, caption, text_w)});
    return tapped;
}

bool Ui::text_field(const std::string& id, const std::string& text, std::string_view hint, ImVec2 size,
                    bool focused, bool multiline) {
    const Palette& p = pal();
    ImVec2 pos = ImGui::GetCursorScreenPos();
    bool held = false;
    bool tapped = press_feedback_tap(id, size, held);
    ImVec2 max = add(pos, size);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float r = theme_.radius();
    dl->AddRectFilled(pos, max, p.surface, r);
    dl->AddRect(pos, max, focused ? p.primary : p.border, r, 0, focused ? 3.0f : 1.5f);

    ImFont* f = theme_.fonts.body;
    float fs = f->FontSize;
    float pad_x = theme_.mm(4);
    float inner_w = size.x - 2 * pad_x - theme_.mm(1);
    const bool empty = text.empty();
    std::string shown = empty ? std::string(hint) : text;
    ImU32 colour = empty ? p.text_muted : p.text;
    dl->PushClipRect(add(pos, ImVec2(2, 2)), add(max, ImVec2(-2, -2)), true);
    ImVec2 caret;
    if (multiline) {
        ImVec2 tp(pos.x + pad_x, pos.y + theme_.mm(3));
        dl->AddText(f, fs, tp, colour, shown.c_str(), nullptr, inner_w);
        // The caret follows the last line of the wrapped text.
        ImVec2 all = f->CalcTextSizeA(fs, FLT_MAX, inner_w, text.c_str());
        const char* line_start = text.c_str();
        for (const char* s = text.c_str(); *s;) {
            const char* next = f->CalcWordWrapPositionA(1.0f, s, text.c_str() + text.size(), inner_w);
            if (next == s) next = s + 1;
            line_start = s;
            s = next;
            while (*s == ' ' || *s == '\n') ++s;
        }
        float last_w = f->CalcTextSizeA(fs, FLT_MAX, 0, line_start).x;
        caret = ImVec2(tp.x + (empty ? 0 : last_w), tp.y + (empty ? 0 : all.y - fs));
    } else {
        float w = f->CalcTextSizeA(fs, FLT_MAX, 0, shown.c_str()).x;
        float x = pos.x + pad_x + std::min(0.0f, inner_w - w);  // keep the end in view
        float y = pos.y + (size.y - fs) * 0.5f;
        dl->AddText(f, fs, ImVec2(x, y), colour, shown.c_str());
        caret = ImVec2(empty ? pos.x + pad_x : x + w, y);
    }
    if (focused)
        dl->AddRectFilled(ImVec2(caret.x + 1, caret.y + fs * 0.1f), ImVec2(caret.x + 4, caret.y + fs * 0.95f), p.primary);
    dl->PopClipRect();
    record(id, empty ? hint : std::string_view(text), pos, max, true);
    if (focused) follow_focus(id, text, pos, max);
    return tapped;
}

// The field being typed into comes into view above the keyboard when it takes focus and as
// its text changes; in between, a finger may scroll the page to read the rest of the form.
void Ui::follow_focus(const std::string& id, const std::string& text, ImVec2 min, ImVec2 max) {
    if (id == focus_id_ && text == focus_text_) return;
    focus_id_ = id;
    focus_text_ = text;
    const ImRect& clip = ImGui::GetCurrentWindow()->ClipRect;
    float wy = ImGui::GetWindowPos().y;
    bool fits = max.y - min.y <= clip.GetHeight();
    if (fits && min.y >= clip.Min.y && max.y <= clip.Max.y) return;  // in view already
    // Its whole height if that fits (from its top when it lies above), else its end, where
    // the typing is.
    if (fits && min.y < clip.Min.y)
        ImGui::SetScrollFromPosY(min.y - wy, 0.0f);
    else
        ImGui::SetScrollFromPosY(max.y - wy, 1.0f);
}

bool Ui::check_row(const std::string& id, std::string_view text, bool checked, float width) {
    const Palette& p = pal();
    ImFont* f = theme_.fonts.body;
    float box = theme_.mm(10);
    float pad = theme_.mm(3);
    float text_w = width - box - 3 * pad;
    ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, text_w, text.data(), text.data() + text.size());
    ImVec2 size(width, std::max(theme_.touch_min(), ts.y + 2 * pad));
    ImVec2 pos = ImGui::GetCursorScreenPos();
    bool held = false;
    bool tapped = press_feedback_tap(id, size, held);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, add(pos, size), held ? p.surface_pressed : p.surface, theme_.radius());
    ImVec2 bmin(pos.x + pad, pos.y + (size.y - box) * 0.5f);
    ImVec2 bmax(bmin.x + box, bmin.y + box);
    dl->AddRectFilled(bmin, bmax, checked ? p.primary : p.surface, theme_.radius() * 0.6f);
    dl->AddRect(bmin, bmax, checked ? p.primary : p.text_muted, theme_.radius() * 0.6f, 0, 3.0f);
    if (checked) icon("check", bmin, box, p.on_primary);
    dl->AddText(f, f->FontSize, ImVec2(bmax.x + pad * 2, pos.y + (size.y - ts.y) * 0.5f), p.text, text.data(),
                text.data() + text.size(), text_w);
    record(id, text, pos, add(pos, size), true);
    return tapped;
}

bool Ui::fitted_button(const std::string& id, std::string_view label, std::string_view icon, float max_width,
                       ButtonKind kind) {
    return button(id, label, icon, ImVec2(std::min(max_width, button_width(label, icon)), theme_.touch_min()), kind);
}

float Ui::button_width(std::string_view label, std::string_view icon_name) const {
    ImFont* f = theme_.fonts.body;
    std::string icon = glyph(icon_name);
    float w = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, label.data(), label.data() + label.size()).x;
    if (!icon.empty()) w += f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, icon.c_str()).x + (label.empty() ? 0 : theme_.mm(2.5f));
    return std::max(theme_.touch_min(), w + 2 * theme_.mm(4));
}

bool Ui::words_fit(ImFont* f, std::string_view text, float width) {
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find_first_of(" \n", start);
        if (end == std::string_view::npos) end = text.size();
        if (f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, text.data() + start, text.data() + end).x > width + 0.5f)
            return false;
        start = end + 1;
    }
    return true;
}

// A 7-inch panel's tiles keep more room for words: a smaller icon and margins.
float Ui::tile_pad() const { return theme_.mm(theme_.compact() ? 3.0f : 5.0f); }
float Ui::tile_icon_size() const { return theme_.compact() ? theme_.mm(8.0f) : theme_.fonts.icon->FontSize; }

// A word of the language wider than `width`: paths, addresses and links ("/media/usb/…",
// "name@example.kz") have no better place to break and are not counted.
bool Ui::breaks_a_word(ImFont* f, std::string_view text, float width) {
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find_first_of(" \n", start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view word = text.substr(start, end - start);
        bool machine = word.find_first_of("/@\\") != std::string_view::npos;
        if (!machine && f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, word.data(), word.data() + word.size()).x > width + 0.5f)
            return true;
        start = end + 1;
    }
    return false;
}

float Ui::tile_text_width(float tile_width) const {
    return tile_width - theme_.mm(2.2f) - tile_pad() * 3 - tile_icon_size();
}

float Ui::tile_height_with(ImFont* lf, std::string_view label, std::string_view caption, float width) const {
    float text_w = tile_text_width(width);
    ImFont* sf = theme_.fonts.small;
    float h = lf->CalcTextSizeA(lf->FontSize, FLT_MAX, text_w, label.data(), label.data() + label.size()).y;
    if (!caption.empty())
        h += theme_.mm(1) + sf->CalcTextSizeA(sf->FontSize, FLT_MAX, text_w, caption.data(), caption.data() + caption.size()).y;
    return std::max(h, tile_icon_size()) + 2 * tile_pad();
}

// The bold face when every word fits a line and the tile is tall enough for it; the body
// face otherwise, rather than a word cut in two or a label spilling out of its tile.
ImFont* Ui::tile_label_face(std::string_view label, std::string_view caption, ImVec2 size) const {
    ImFont* bold = theme_.fonts.heading;
    if (words_fit(bold, label, tile_text_width(size.x)) && tile_height_with(bold, label, caption, size.x) <= size.y)
        return bold;
    return theme_.fonts.body;
}

float Ui::tile_min_height(std::string_view label, std::string_view caption, float width) const {
    return tile_height_with(theme_.fonts.body, label, caption, width);
}

float Ui::chip_width(std::string_view label, std::string_view icon_name) const {
    ImFont* f = theme_.fonts.body;
    std::string text = glyph(icon_name);
    if (!text.empty()) text += "  ";
    text += label;
    return f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, text.c_str()).x + theme_.mm(10);
}

bool Ui::chip(const std::string& id, std::string_view label, std::string_view icon_name, bool selected) {
    const Palette& p = pal();
    ImVec2 size(chip_width(label, icon_name), theme_.touch_min());
    ImVec2 pos = ImGui::GetCursorScreenPos();
    bool held = false;
    bool tapped = press_feedback_tap(id, size, held);
    ImVec2 max = add(pos, size);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImU32 bg = selected ? p.chip_selected : (held ? p.surface_pressed : p.chip);
    ImU32 fg = selected ? p.on_chip_selected : p.text;
    dl->AddRectFilled(pos, max, bg, size.y * 0.5f);
    if (theme_.config().high_contrast || !selected) dl->AddRect(pos, max, p.border, size.y * 0.5f, 0, 1.5f);
    std::string text = glyph(icon_name);
    if (!text.empty()) text += "  ";
    text += label;
    ImFont* f = theme_.fonts.body;
    ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, text.c_str());
    dl->AddText(f, f->FontSize, ImVec2(pos.x + (size.x - ts.x) * 0.5f, pos.y + (size.y - ts.y) * 0.5f), fg,
                text.c_str());
    record(id, label, pos, max, true);
    return tapped;
}

void Ui::text(std::string_view s, TextFace face, ImU32 colour, float wrap) {
    if (s.empty()) return;
    ImFont* f = font(face);
    ImGui::PushFont(f);
    float width = wrap > 0 ? wrap : ImGui::GetContentRegionAvail().x;
    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImVec2 size = ImGui::CalcTextSize(s.data(), s.data() + s.size(), false, width);
    ImGui::GetWindowDrawList()->AddText(f, f->FontSize, pos, colour ? colour : pal().text, s.data(),
                                        s.data() + s.size(), width);
    ImGui::Dummy(ImVec2(width, size.y));
    ImGui::PopFont();
    record("", s, pos, add(pos, size), false, {.elided = false, .broken = breaks_a_word(f, s, width)});
}

void Ui::badge(std::string_view label, std::string_view icon_name, ImU32 colour) {
    ImFont* f = theme_.fonts.small;
    std::string text = glyph(icon_name);
    if (!text.empty()) text += " ";
    text += label;
    ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, text.c_str());
    ImVec2 pad(theme_.mm(2.5f), theme_.mm(1.2f));
    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImVec2 size(ts.x + pad.x * 2, ts.y + pad.y * 2);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, add(pos, size), colour, theme_.radius());
    dl->AddText(f, f->FontSize, add(pos, pad), pal().on_badge, text.c_str());
    ImGui::Dummy(size);
    record("", label, pos, add(pos, size), false);
}

void Ui::icon(std::string_view name, ImVec2 pos, float size, ImU32 colour) {
    std::string g = glyph(name);
    if (g.empty()) g = glyph("circle");
    ImFont* f = theme_.fonts.icon;
    float scale_size = std::min(size, f->FontSize);
    ImVec2 ts = f->CalcTextSizeA(scale_size, FLT_MAX, 0, g.c_str());
    ImGui::GetWindowDrawList()->AddText(f, scale_size,
                                        ImVec2(pos.x + (size - ts.x) * 0.5f, pos.y + (size - ts.y) * 0.5f),
                                        colour, g.c_str());
}

// The card's size is known only after its content is laid out, so content goes to a
// foreground channel and the card is drawn behind it at the end.
void Ui::begin_card(float width) {
    ImGui::GetWindowDrawList()->ChannelsSplit(2);
    ImGui::GetWindowDrawList()->ChannelsSetCurrent(1);
    ImVec2 min = ImGui::GetCursorScreenPos();
    open_cards_.push_back({min, width});
    float pad = theme_.mm(4);
    ImGui::SetCursorScreenPos(ImVec2(min.x + pad, min.y + pad));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(min.x + width - pad);
}

void Ui::end_card() {
    OpenCard card = open_cards_.back();
    open_cards_.pop_back();
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    float pad = theme_.mm(4);
    ImVec2 max(card.min.x + card.width, ImGui::GetItemRectMax().y + pad);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSetCurrent(0);
    dl->AddRectFilled(card.min, max, pal().surface, theme_.radius() * 1.5f);
    if (theme_.config().high_contrast) dl->AddRect(card.min, max, pal().border, theme_.radius() * 1.5f, 0, 2.0f);
    dl->ChannelsMerge();
    ImGui::SetCursorScreenPos(card.min);
    ImGui::Dummy(ImVec2(card.width, max.y - card.min.y));
}

void Ui::begin_overlay(const char* id) {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(0, 0, 0, 160));
    ImGui::Begin(id, nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    ImGui::PopStyleColor();
    begin_layer(ImVec2(0, 0), ImGui::GetIO().DisplaySize);
}

void Ui::end_overlay() {
    end_layer();
    ImGui::End();
}

void Ui::code_text(const std::string& id, const std::string& shown, ImU32 colour, float max_width) {
    ImFont* big = theme().fonts.display;
    ImVec2 cp = ImGui::GetCursorScreenPos();
    // As large as the room allows, never wider: a code cut short cannot be written down.
    float room = max_width > 0 ? max_width : ImGui::GetContentRegionAvail().x;
    float fs = big->FontSize;
    float natural = big->CalcTextSizeA(fs, FLT_MAX, 0, shown.c_str()).x;
    if (natural > room && natural > 0) fs *= room / natural;
    ImGui::GetWindowDrawList()->AddText(big, fs, cp, colour, shown.c_str());
    ImVec2 cs = big->CalcTextSizeA(fs, FLT_MAX, 0, shown.c_str());
    ImGui::Dummy(cs);
    auto as = voice(UiItem::Voice::code);
    record(id, shown, cp, ImVec2(cp.x + cs.x, cp.y + cs.y), false);
}

namespace {
constexpr int kQrQuiet = 2;  // modules of white margin: the standard's 4, less what the page around gives
constexpr std::size_t kQrCacheMax = 128;  // a screen's worth of codes (the volunteer list)
}  // namespace

const Ui::QrModules& Ui::qr_modules(const std::string& text) {
    if (auto it = qr_cache_.find(text); it != qr_cache_.end()) return it->second;
    if (qr_cache_.size() >= kQrCacheMax) qr_cache_.clear();
    QrModules m;
    std::unique_ptr<QRcode, void (*)(QRcode*)> qr(QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1),
                                                  QRcode_free);
    if (qr) {
        m.width = qr->width;
        m.dark.resize(static_cast<std::size_t>(qr->width) * static_cast<std::size_t>(qr->width));
        for (std::size_t i = 0; i < m.dark.size(); ++i) m.dark[i] = (qr->data[i] & 1) != 0;
    }
    return qr_cache_.emplace(text, std::move(m)).first->second;
}

int Ui::qr_module_px(const std::string& text, float side) {
    const QrModules& m = qr_modules(text);
    if (m.width == 0) return 0;
    return static_cast<int>(std::floor(std::round(side) / static_cast<float>(m.width + 2 * kQrQuiet)));
}

void Ui::qr_code(const std::string& id, const std::string& text, ImVec2 pos, float side) {
    pos = ImVec2(std::round(pos.x), std::round(pos.y));
    side = std::round(side);
    ImVec2 end(pos.x + side, pos.y + side);
    if (!ImGui::IsRectVisible(pos, end)) return;  // scrolled away: a list of them encodes only those in view
    int px = qr_module_px(text, side);
    if (px < 1) return;
    const QrModules& m = qr_modules(text);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, end, IM_COL32(255, 255, 255, 255));
    float code = static_cast<float>(m.width * px);
    ImVec2 origin(pos.x + std::floor((side - code) / 2), pos.y + std::floor((side - code) / 2));
    auto at = [&](int x, int y) {
        return ImVec2(origin.x + static_cast<float>(x * px), origin.y + static_cast<float>(y * px));
    };
    // One rectangle for each run of dark modules along a row.
    for (int y = 0; y < m.width; ++y) {
        const auto row = m.dark.begin() + y * m.width;
        for (int x = 0; x < m.width;) {
            if (!row[x]) {
                ++x;
                continue;
            }
            int run = 1;
            while (x + run < m.width && row[x + run]) ++run;
            dl->AddRectFilled(at(x, y), at(x + run, y + 1), IM_COL32(0, 0, 0, 255));
            x += run;
        }
    }
    record(id, text, pos, end, false);
}

void Ui::problem(const std::string& s, TextFace face, float wrap) {
    auto as = voice(UiItem::Voice::problem);
    text(glyph("exclamation-circle") + " " + s, face, pal().badge_partners, wrap);
}

// The card sits in the middle of the screen at the height its content and actions took
// last frame. The actions (dialog_actions) stay at the card's foot; content taller than
// the screen leaves scrolls above them (large text on a 7-inch panel).
float Ui::begin_dialog(const char* id) {
    Theme& t = theme();
    ImGuiIO& io = ImGui::GetIO();
    begin_overlay(id);
    float margin = t.mm(4);
    float w = std::min(io.DisplaySize.x - 2 * margin, t.mm(170));
    float room = io.DisplaySize.y - 2 * margin - 2 * t.pad();
    dialog_ = OpenDialog{id, 0, 0};
    DialogSize known = dialog_sizes_.count(dialog_.id) ? dialog_sizes_[dialog_.id] : DialogSize{room, 0};
    float shown = std::min(known.content, std::max(t.touch_min(), room - known.actions));
    float card_h = shown + known.actions + 2 * t.pad();
    dialog_min_ = ImVec2((io.DisplaySize.x - w) * 0.5f, (io.DisplaySize.y - card_h) * 0.5f);
    dialog_w_ = w;
    ImVec2 max(dialog_min_.x + w, dialog_min_.y + card_h);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(dialog_min_, max, pal().background, t.radius() * 2);
    if (t.config().high_contrast) dl->AddRect(dialog_min_, max, pal().border, t.radius() * 2, 0, 3);
    ImGui::SetCursorScreenPos(ImVec2(dialog_min_.x + t.pad(), dialog_min_.y + t.pad()));
    float inner = w - 2 * t.pad();
    begin_scroll(dialog_.id + ".card", ImVec2(inner, shown));
    // Content taller than its room gets a scroll bar, which takes its width from the content.
    if (known.content > shown + 0.5f) inner -= ImGui::GetStyle().ScrollbarSize;
    ImGui::BeginGroup();
    return inner;
}

float Ui::dialog_actions() {
    ImGui::EndGroup();
    // ImGui counts the spacing after the last item as content: without it a scroll bar
    // would appear for nothing.
    dialog_.content = ImGui::GetItemRectSize().y + ImGui::GetStyle().ItemSpacing.y;
    ImVec2 below = ImGui::GetWindowPos();
    below.y += ImGui::GetWindowSize().y;
    end_scroll();
    ImGui::SetCursorScreenPos(ImVec2(dialog_min_.x + theme_.pad(), below.y + theme_.gap()));
    ImGui::BeginGroup();
    dialog_.in_actions = true;
    return dialog_w_ - 2 * theme_.pad();
}

void Ui::end_dialog() {
    if (!dialog_.in_actions) {
        dialog_actions();
    }
    ImGui::EndGroup();
    float actions = ImGui::GetItemRectSize().y + theme_.gap();
    if (actions <= theme_.gap() + 0.5f) actions = 0;
    DialogSize now{dialog_.content, actions};
    DialogSize& known = dialog_sizes_[dialog_.id];
    if (std::fabs(known.content - now.content) > 0.5f || std::fabs(known.actions - now.actions) > 0.5f) {
        known = now;
        animating_ = true;  // one more frame, at the size just measured
    }
    end_overlay();
}

void Ui::begin_scroll(const std::string& id, ImVec2 size, bool horizontal) {
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoBackground;
    if (horizontal) flags |= ImGuiWindowFlags_HorizontalScrollbar | ImGuiWindowFlags_NoScrollbar;
    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImVec2 room = ImGui::GetContentRegionAvail();
    ImVec2 box(size.x > 0 ? size.x : room.x + size.x, size.y > 0 ? size.y : room.y + size.y);
    UiItem region;
    region.id = id;
    region.kind = UiItem::Kind::scroll;
    region.layer = layer_;
    ImVec2 vmin = visible_min(pos), vmax = visible_max(add(pos, box));
    region.hidden = vmax.x <= vmin.x || vmax.y <= vmin.y;
    region.clipped = !region.hidden && cut(pos, add(pos, box), vmin, vmax);
    region.min = region.hidden ? pos : vmin;
    region.max = region.hidden ? add(pos, box) : vmax;
    region.full_min = pos;
    region.full_max = add(pos, box);
    region.text = horizontal ? "horizontal" : "vertical";
    if (!open_scrolls_.empty()) region.scroll = open_scrolls_.back().id;
    items_.push_back(std::move(region));
    ImGui::BeginChild(id.c_str(), size, false, flags);
    if (scroll_to_start_) {
        // ImGui moves the view at the next frame: ask for it.
        if (ImGui::GetScrollY() != 0 || ImGui::GetScrollX() != 0) animating_ = true;
        ImGui::SetScrollY(0);
        ImGui::SetScrollX(0);
        scroll_[id].velocity = 0;
    }
    open_scrolls_.push_back({id, horizontal, {}, {}, 0});
    if (horizontal) edge_targets(open_scrolls_.back());
    open_scrolls_.back().first_item = items_.size();
}

// A row cut at the screen's edge, mid-word, does not say that it scrolls. Where more is
// hidden, its edge fades out under a chevron. The chevron is a tap target that glides the
// row a page on rather than a mark a tap falls through: dragging a row sideways is not
// obvious to everyone, tapping an arrow is, and a tap through it would choose the
// half-hidden chip beneath instead. The targets come before the row's content so that
// they, not a chip under them, take the touch (the first item under a finger gets it);
// the scroll range is the one ImGui kept from the last frame.
void Ui::edge_targets(OpenScroll& open) {
    float cur = ImGui::GetScrollX(), max = ImGui::GetScrollMaxX();
    if (max < 1) return;
    const ImRect r = ImGui::GetCurrentWindow()->InnerRect;
    float edge_w = theme_.touch_min();
    // A page is what is in view less the edges, so the chip half under a chevron is whole
    // after the glide.
    float page = std::max(edge_w, r.GetWidth() - 2 * edge_w);
    ImVec2 start = ImGui::GetCursorScreenPos();
    ScrollState& st = scroll_[open.id];
    auto target = [&](Edge& e, const char* suffix, float x, float direction) {
        e.shown = true;
        e.min = ImVec2(x, r.Min.y);
        e.max = ImVec2(x + edge_w, r.Max.y);
        std::string id = open.id + suffix;
        ImGui::SetCursorScreenPos(e.min);
        if (ImGui::InvisibleButton(id.c_str(), ImVec2(edge_w, r.GetHeight())))
            st.glide_to = std::clamp(cur + direction * page, 0.0f, max);
        e.held = ImGui::IsItemActive();
        record(id, "", e.min, e.max, true);
    };
    if (cur > 0.5f) target(open.back, ".back", r.Min.x, -1);
    if (cur < max - 0.5f) target(open.more, ".more", r.Max.x - edge_w, 1);
    ImGui::SetCursorScreenPos(start);
}

// Over the row's content: from the edge inwards, the page's background fading out, and
// the chevron on a round button.
void Ui::draw_edges(const OpenScroll& open) {
    const Palette& p = pal();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImU32 solid = p.background, clear = p.background & ~IM_COL32_A_MASK;
    float fade = theme_.mm(8);
    auto draw = [&](const Edge& e, bool right) {
        if (!e.shown) return;
        float w = e.max.x - e.min.x;
        // Opaque under the chevron's half nearest the edge, fading over the rest and a bit.
        float inner = right ? e.min.x + w * 0.5f : e.max.x - w * 0.5f;
        float outer = right ? e.min.x - fade : e.max.x + fade;
        if (right) {
            dl->AddRectFilledMultiColor(ImVec2(outer, e.min.y), ImVec2(inner, e.max.y), clear, solid, solid, clear);
            dl->AddRectFilled(ImVec2(inner, e.min.y), e.max, solid);
        } else {
            dl->AddRectFilledMultiColor(ImVec2(inner, e.min.y), ImVec2(outer, e.max.y), solid, clear, clear, solid);
            dl->AddRectFilled(e.min, ImVec2(inner, e.max.y), solid);
        }
        float d = std::min(w, e.max.y - e.min.y) * 0.62f;
        ImVec2 c((e.min.x + e.max.x) * 0.5f, (e.min.y + e.max.y) * 0.5f);
        dl->AddCircleFilled(c, d * 0.5f, e.held ? p.surface_pressed : p.surface);
        dl->AddCircle(c, d * 0.5f, p.border, 0, theme_.config().high_contrast ? 3.f : 1.5f);
        float icon_size = d * 0.55f;
        icon(right ? "chevron-right" : "chevron-left", ImVec2(c.x - icon_size * 0.5f, c.y - icon_size * 0.5f),
             icon_size, p.text);
    };
    draw(open.back, false);
    draw(open.more, true);
}

void Ui::end_scroll() {
    OpenScroll open = open_scrolls_.back();
    open_scrolls_.pop_back();
    ImGuiWindow* w = ImGui::GetCurrentWindow();
    ScrollState& st = scroll_[open.id];
    bool owns = w->Rect().Contains(gesture_.start);
    float delta = open.horizontal ? gesture_.delta.x : gesture_.delta.y;
    float max_scroll = open.horizontal ? ImGui::GetScrollMaxX() : ImGui::GetScrollMaxY();
    float cur = open.horizontal ? ImGui::GetScrollX() : ImGui::GetScrollY();
    float next = cur;
    if (gesture_.pressed && owns) {
        st.velocity = 0;  // a finger on the list stops it
        if (gesture_.dragging) next = cur - delta;
    } else if (gesture_.released_drag && owns) {
        next = cur - delta;
        st.velocity = -(open.horizontal ? gesture_.velocity.x : gesture_.velocity.y);
    } else if (st.velocity != 0) {
        next = cur + st.velocity * dt_;
        // Friction: the list glides about a third of a second per half-speed.
        st.velocity *= std::exp(-dt_ * 3.5f);
        if (std::fabs(st.velocity) < 30.0f || next <= 0 || next >= max_scroll) st.velocity = 0;
    }
    if (st.glide_to >= 0) {
        if (gesture_.pressed && owns) {
            st.glide_to = -1;  // a finger takes over
        } else {
            // Eased: most of the way in a fifth of a second, then exactly there (ImGui keeps
            // whole pixels, so a step under one would never arrive).
            float step = (st.glide_to - cur) * std::min(1.0f, dt_ * 12.0f);
            next = cur + step;
            if (std::fabs(step) < 1.0f) next = st.glide_to, st.glide_to = -1;
        }
    }
    next = std::clamp(next, 0.0f, max_scroll);
    if (next != cur) {
        if (open.horizontal)
            ImGui::SetScrollX(next);
        else
            ImGui::SetScrollY(next);
    }
    if (st.velocity != 0 || st.glide_to >= 0) animating_ = true;
    if (open.horizontal) {
        draw_edges(open);
        // What lies under a chevron is the chevron's to tap: the chips' recorded rectangles
        // end at it, so a script taps the part of a chip a finger can reach.
        for (std::size_t i = open.first_item; i < items_.size();) {
            UiItem& it = items_[i];
            if (open.back.shown && it.min.x < open.back.max.x) it.min.x = open.back.max.x, it.clipped = true;
            if (open.more.shown && it.max.x > open.more.min.x) it.max.x = open.more.min.x, it.clipped = true;
            if (it.max.x <= it.min.x) items_.erase(items_.begin() + static_cast<std::ptrdiff_t>(i));
            else ++i;
        }
    }
    ImGui::EndChild();
}

}  // namespace aul::kiosk
