// Touch widgets drawn with ImGui: buttons, tiles, chips, text, and scroll regions that
// follow a finger. Every widget records its stable id, visible text and rectangle in a
// per-frame registry, which the script player and the UI tests read ("tap", "expect").
#pragma once
#include <imgui.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kiosk/theme.h"
#include "platform/input.h"

namespace aul::kiosk {

// How a label fitted the room it was given, as the widget drew it: the layout check reads
// these facts instead of guessing from pixels.
struct LabelFit {
    bool elided = false;  // cut short with an ellipsis, or spilling out of its box
    bool broken = false;  // wrapped inside a word ("Денсаулы/қ")
};

struct UiItem {
    enum class Kind { text, target, key, scroll };
    // How the voice reads it (kiosk/narration.h): read in order; the page's heading, or
    // its question (both spoken on entering the page in voice guide mode); a problem to
    // fix; a code, spelled; a resident's contact detail, never spoken; or not read (the
    // top bar's own buttons, decoration).
    enum class Voice { read, heading, question, problem, code, personal, silent };
    std::string id;     // stable id ("home.ngos") or empty for plain text
    std::string text;   // what a person reads there
    ImVec2 min, max;    // on-screen rectangle, clipped to what is visible
    ImVec2 full_min, full_max;  // the whole rectangle, in view or not
    bool tappable = false;
    bool clipped = false;  // partly out of view: its rectangle is not its full size
    Kind kind = Kind::text;
    int layer = 0;            // 0 the page; the keyboard and each dialog lie one above
    bool hidden = false;      // wholly out of view (scrolled away); min/max are where it would be
    std::string scroll;       // the innermost scroll region it lies in, or empty
    LabelFit fit;
    Voice voice = Voice::read;
    bool tapped = false;      // tapped in this frame
};

// A layer's rectangle: what lies below it cannot be tapped there.
struct UiCover {
    int layer;
    ImVec2 min, max;
};

enum class ButtonKind { primary, secondary, quiet };

// The area a screen fills below the top bar, and the page's side margins.
struct PageArea {
    ImVec2 origin;  // top-left corner
    ImVec2 avail;   // size
    float pad;      // side margin
    float width;    // usable width between the margins
};
enum class TextFace { body, small, heading };

class Ui {
public:
    explicit Ui(Theme& theme) : theme_(theme) {}

    void begin_frame(const platform::Gesture& gesture, float dt);
    Theme& theme() { return theme_; }
    PageArea page_area() const;
    const Palette& pal() const { return theme_.palette(); }

    // A button with an optional icon (Font Awesome name); true when tapped.
    bool button(const std::string& id, std::string_view label, std::string_view icon,
                ImVec2 size, ButtonKind kind = ButtonKind::secondary, bool selected = false);
    // A tick box with its text beside it, the whole row tappable; true when tapped.
    bool check_row(const std::string& id, std::string_view text, bool checked, float width);

    // The page's one main action: a primary button in its bottom-right corner, at least
    // 80 mm wide, wider when the label needs it; true when tapped.
    bool page_action(const PageArea& page, const std::string& id, std::string_view label, std::string_view icon);
    // A touch-high button as wide as its label needs, never wider than `max_width`.
    bool fitted_button(const std::string& id, std::string_view label, std::string_view icon, float max_width,
                       ButtonKind kind = ButtonKind::primary);
    // The label shows whole in a button of `size`: on one line, or on two where the button
    // is tall enough, without cutting a word (at most a few font steps smaller).
    bool label_fits(std::string_view label, std::string_view icon, ImVec2 size) const;
    // The most columns, up to `most`, at which every label shows whole in buttons `height`
    // tall sharing `width` with the theme's gap between them; at least one.
    int columns_fitting(const std::vector<std::string>& labels, std::string_view icon, float width, float height,
                        int most) const;
    // The width a button needs to show its icon and label on one line.
    float button_width(std::string_view label, std::string_view icon) const;
    // A text field the on-screen keyboard types into; true when tapped (to focus it).
    // Single-line fields show the end of a long text; multi-line ones wrap.
    bool text_field(const std::string& id, const std::string& text, std::string_view hint, ImVec2 size,
                    bool focused, bool multiline = false);
    // A large tile: icon above a label, for the resident's tasks.
    // `label_face` forces the label's face (tiles of a grid share one); by default the bold
    // face when it fits, else the body face.
    // `on`: a mode the tile switches is on; the tile shows it filled with its colour.
    bool tile(const std::string& id, std::string_view label, std::string_view caption,
              std::string_view icon, ImVec2 size, ImU32 colour, ImFont* label_face = nullptr, bool on = false);
    // The face the label of such a tile gets by default.
    ImFont* tile_label_face(std::string_view label, std::string_view caption, ImVec2 size) const;
    // Every word of the label fits a tile `width` wide in the body face.
    bool tile_words_fit(std::string_view label, float width) const {
        return words_fit(font(TextFace::body), label, tile_text_width(width));
    }
    // The height a tile needs to show its icon, label and caption at `width`.
    float tile_min_height(std::string_view label, std::string_view caption, float width) const;
    // Every word of `text` fits `width` on its own line in font f (wrapping never cuts one).
    static bool words_fit(ImFont* f, std::string_view text, float width);
    // Wrapping `text` at `width` would cut a word of the language (not a path or address).
    static bool breaks_a_word(ImFont* f, std::string_view text, float width);
    // A pill-shaped filter choice; width follows the label.
    bool chip(const std::string& id, std::string_view label, std::string_view icon, bool selected);
    float chip_width(std::string_view label, std::string_view icon) const;

    // Text wrapped to the region width (or `wrap` px), registered for scripts.
    void text(std::string_view s, TextFace face = TextFace::body, ImU32 colour = 0, float wrap = 0);
    // A problem the reader must fix, as every screen shows one: its icon, in the danger colour.
    void problem(const std::string& s, TextFace face, float wrap);
    // A small coloured label ("Needs volunteers").
    void badge(std::string_view label, std::string_view icon, ImU32 colour);
    // An icon glyph from the large icon face, centred in a square of `size`.
    void icon(std::string_view name, ImVec2 pos, float size, ImU32 colour);
    // The icon's UTF-8, or "" for an unknown name. A known icon left out of the font atlas
    // is remembered (missing_icons) so tests fail instead of showing "?".
    std::string glyph(std::string_view icon_name) const;
    const std::vector<std::string>& missing_icons() const { return missing_icons_; }

    // A white card behind whatever is drawn between begin and end, `width` wide.
    void begin_card(float width);
    void end_card();

    // A window over the whole screen that dims what is below and takes every touch;
    // end_overlay closes it.
    void begin_overlay(const char* id);
    void end_overlay();
    // A card in the middle of an overlay that dims the screen (the idle prompt, "discard
    // this proposal?"): begin_dialog opens both and returns the width inside the card;
    // end_dialog draws the card behind what was drawn and closes them.
    float begin_dialog(const char* id);
    // Ends the dialog's content and starts its actions, which stay in view at the card's
    // foot however long the content; returns their width.
    float dialog_actions();
    void end_dialog();
    // A tracking code in the display face, recorded under `id` for scripts.
    // Scaled down to `max_width` (default: the room left on the line) when wider.
    void code_text(const std::string& id, const std::string& shown, ImU32 colour, float max_width = 0);
    // A QR code of `text` (error correction M): a white square `side` wide at `pos`, the
    // code centred in it with modules of whole pixels, as large as fit with a margin of two
    // modules. Drawn module by module: no texture to upload, sharp, and a phone camera reads
    // it straight off the screen. The layout never waits on the encoding: only a square in
    // view is encoded, once. Recorded under `id` with `text`, for scripts. Nothing is drawn
    // for text too long to encode in the square at 1 px a module.
    void qr_code(const std::string& id, const std::string& text, ImVec2 pos, float side);
    // How many pixels a module of qr_code(text, side) takes; 0 when it cannot be drawn.
    int qr_module_px(const std::string& text, float side);

    // A region scrolled by dragging a finger anywhere in it, with momentum on release.
    // Vertical by default; horizontal for chip rows. A horizontal row wider than its region
    // shows where more is hidden: at that edge a fade and a chevron, a target of its own
    // ("ID.back", "ID.more") that glides the row a page on; both go once the end is reached.
    void begin_scroll(const std::string& id, ImVec2 size, bool horizontal = false);
    void end_scroll();

    // An area of `size` at the cursor that a finger taps (a list row drawn by its screen);
    // true when tapped, `held` while pressed. `recorded_as`: the id the screen records it
    // under, so the voice guide can say what was tapped.
    bool tap_area(const std::string& id, ImVec2 size, bool& held, const std::string& recorded_as);
    // Records an arbitrary rectangle (a list row) under a stable id.
    void record(const std::string& id, std::string_view text, ImVec2 min, ImVec2 max, bool tappable,
                LabelFit fit = {});
    // The keyboard and dialogs draw over the page: items between begin_layer and end_layer
    // lie in a layer above, covering [min, max] below them.
    void begin_layer(ImVec2 min, ImVec2 max);
    void end_layer();
    const std::vector<UiCover>& covers() const { return covers_; }
    // Keys of the on-screen keyboard record as keys, which have their own minimum size.
    void set_recording_keys(bool on) { recording_keys_ = on; }
    // Items recorded while the returned guard lives are read by the voice as `v` says:
    //   { auto as = ui.voice(UiItem::Voice::question); ui.text(...); }
    class VoiceScope {
    public:
        VoiceScope(Ui& ui, UiItem::Voice v) : ui_(ui), was_(ui.voice_) { ui.voice_ = v; }
        ~VoiceScope() { ui_.voice_ = was_; }
        VoiceScope(const VoiceScope&) = delete;
        VoiceScope& operator=(const VoiceScope&) = delete;

    private:
        Ui& ui_;
        UiItem::Voice was_;
    };
    [[nodiscard]] VoiceScope voice(UiItem::Voice v) { return VoiceScope(*this, v); }

    // Every scroll region drawn this frame opens at its start: a screen a resident enters
    // begins at its top, whatever the last resident left it at.
    void scroll_all_to_start() { scroll_to_start_ = true; }
    // A number a screen keeps from one frame to the next (a header's height as last drawn),
    // 0 at first.
    float& memo(const std::string& key) { return memo_[key]; }

    ImFont* font(TextFace face) const;
    const std::vector<UiItem>& items() const { return items_; }
    // A momentum scroll is still moving: the loop keeps drawing frames.
    bool animating() const { return animating_; }
    void request_animation() { animating_ = true; }

    void set_icon_names(const platform::IconNames* names) { icons_ = names; }

private:
    struct ScrollState {
        float velocity = 0;  // px/s along the scroll axis
        float glide_to = -1;  // a chevron was tapped: the scroll position it glides to
    };
    // A horizontal row's edge where more is hidden: its chevron's target.
    struct Edge {
        bool shown = false;
        ImVec2 min, max;
        bool held = false;
    };
    struct OpenScroll {
        std::string id;
        bool horizontal;
        Edge back, more;             // left and right, horizontal rows only
        std::size_t first_item = 0;  // the first item recorded inside the region
    };
    void edge_targets(OpenScroll& open);
    void draw_edges(const OpenScroll& open);
    ImVec2 visible_min(ImVec2 a) const;
    ImVec2 visible_max(ImVec2 b) const;
    struct LabelSetting;
    float label_room(ImVec2 size, std::string_view label, std::string_view icon_name) const;
    LabelSetting set_label(ImVec2 size, std::string_view label, std::string_view icon_name) const;
    LabelFit draw_button_label(ImVec2 pos, ImVec2 size, std::string_view label, std::string_view icon_name, ImU32 fg);
    float tile_text_width(float tile_width) const;
    float tile_pad() const;
    float tile_icon_size() const;
    float tile_height_with(ImFont* label_face, std::string_view label, std::string_view caption, float width) const;
    bool press_feedback_tap(const std::string& id, ImVec2 size, bool& held);
    void follow_focus(const std::string& id, const std::string& text, ImVec2 min, ImVec2 max);
    // A QR code's modules, row by row (true = dark); width 0 when the text cannot be encoded.
    struct QrModules {
        int width = 0;
        std::vector<bool> dark;
    };
    const QrModules& qr_modules(const std::string& text);

    Theme& theme_;
    const platform::IconNames* icons_ = nullptr;
    platform::Gesture gesture_;
    float dt_ = 1.0f / 60;
    std::vector<UiItem> items_;
    std::unordered_map<std::string, ScrollState> scroll_;
    std::vector<OpenScroll> open_scrolls_;
    ImVec2 dialog_min_{};  // the open dialog's card: top left and width
    float dialog_w_ = 0;
    struct OpenDialog {
        std::string id;
        float content = 0;
        bool in_actions = false;
    } dialog_;
    struct DialogSize {
        float content = 0, actions = 0;
    };
    std::unordered_map<std::string, DialogSize> dialog_sizes_;  // each dialog's, last frame
    struct OpenCard {
        ImVec2 min;
        float width;
    };
    std::vector<OpenCard> open_cards_;
    bool animating_ = false;
    int layer_ = 0;
    std::vector<UiCover> covers_;
    bool recording_keys_ = false;
    UiItem::Voice voice_ = UiItem::Voice::read;
    std::string tapped_id_;  // the widget tapped this frame, until it is recorded
    std::string focus_id_, focus_text_;
    std::unordered_map<std::string, float> memo_;
    bool scroll_to_start_ = false;  // the focused field as last brought into view
    mutable std::vector<std::string> missing_icons_;
    std::unordered_map<std::string, QrModules> qr_cache_;  // encoded once, not every frame
};

}  // namespace aul::kiosk
