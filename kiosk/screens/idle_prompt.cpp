#include "kiosk/screens/screens.h"

#include "core/tracking.h"

namespace aul::kiosk {

Intent draw_idle_prompt(Ui& ui, const IdlePromptView& v) {
    Intent out;
    Theme& t = ui.theme();
    const Palette& p = ui.pal();
    float inner = ui.begin_dialog("##idle");
    {
        auto as = ui.voice(UiItem::Voice::question);
        ui.text(ui.glyph("clock-o") + "  " + v.words("idle.title"), TextFace::heading, p.text, inner);
    }
    bool receipt = !v.receipt_code.empty();
    // The code first: on a short screen the words below it may need scrolling, the code not.
    if (receipt) ui.code_text("idle.code", core::format_tracking_code(v.receipt_code), p.text, inner);
    ui.text(core::format_text(v.words(receipt ? "idle.body_receipt" : "idle.body"), "n", std::to_string(v.seconds_left)),
            TextFace::body, p.text, inner);
    inner = ui.dialog_actions();
    if (ui.button("idle.continue", v.words("idle.continue"), "hand-pointer-o", ImVec2(inner, t.touch_min() * 1.4f),
                  ButtonKind::primary))
        keep_first(out, Intent::of(Intent::Kind::idle_continue));
    ui.end_dialog();
    return out;
}

}  // namespace aul::kiosk
