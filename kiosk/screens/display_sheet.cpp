#include "kiosk/screens/screens.h"

namespace aul::kiosk {

// Contrast and text size, each a labelled switch that takes effect at once, so the
// resident sees the change before closing the sheet.
Intent draw_display_sheet(Ui& ui, const SheetView& v) {
    Intent out;
    Theme& t = ui.theme();
    const Palette& p = ui.pal();
    float inner = ui.begin_dialog("##display");
    {
        auto as = ui.voice(UiItem::Voice::question);
        ui.text(ui.glyph("adjust") + "  " + v.words("sheet.display.title"), TextFace::heading, p.text, inner);
    }
    ImGui::Dummy(ImVec2(0, t.mm(1)));
    if (ui.check_row("sheet.contrast", ui.glyph("adjust") + "  " + v.words("sheet.display.contrast"), v.high_contrast,
                     inner))
        keep_first(out, Intent::of(Intent::Kind::toggle_contrast));
    ImGui::Dummy(ImVec2(0, t.mm(1)));
    if (ui.check_row("sheet.large_text", ui.glyph("text-height") + "  " + v.words("sheet.display.large_text"),
                     v.large_text, inner))
        keep_first(out, Intent::of(Intent::Kind::toggle_large_text));
    inner = ui.dialog_actions();
    if (ui.button("sheet.close", v.words("sheet.close"), "check", ImVec2(inner, t.touch_min()), ButtonKind::primary))
        keep_first(out, Intent::of(Intent::Kind::close_sheet));
    ui.end_dialog();
    return out;
}

}  // namespace aul::kiosk
