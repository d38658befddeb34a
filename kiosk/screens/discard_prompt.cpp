#include "kiosk/screens/screens.h"

namespace aul::kiosk {

// Home or Back out of a proposal that holds what the resident wrote: keeping it is the
// large first choice, discarding the smaller second.
Intent draw_discard_prompt(Ui& ui, const DiscardPromptView& v) {
    Intent out;
    Theme& t = ui.theme();
    const Palette& p = ui.pal();
    float inner = ui.begin_dialog("##discard");
    {
        auto as = ui.voice(UiItem::Voice::question);
        ui.text(ui.glyph("question-circle") + "  " + v.words("discard.title"), TextFace::heading, p.text, inner);
    }
    ui.text(v.words("discard.body"), TextFace::body, p.text, inner);
    inner = ui.dialog_actions();
    if (ui.button("discard.keep", v.words("discard.keep"), "arrow-right", ImVec2(inner, t.touch_min() * 1.4f),
                  ButtonKind::primary))
        keep_first(out, Intent::of(Intent::Kind::discard_keep));
    ImGui::Dummy(ImVec2(0, t.gap()));
    if (ui.button("discard.confirm", v.words("discard.confirm"), "times", ImVec2(inner, t.touch_min()),
                  ButtonKind::secondary))
        keep_first(out, Intent::of(Intent::Kind::discard_confirm));
    ui.end_dialog();
    return out;
}

}  // namespace aul::kiosk
