#include "kiosk/screens/screens.h"

namespace aul::kiosk {

// The three languages, each a full-width button written in itself, over any screen.
Intent draw_language_sheet(Ui& ui, const SheetView& v) {
    Intent out;
    Theme& t = ui.theme();
    const Palette& p = ui.pal();
    float inner = ui.begin_dialog("##language");
    {
        auto as = ui.voice(UiItem::Voice::question);
        ui.text(ui.glyph("globe") + "  " + v.words("sheet.language.title"), TextFace::heading, p.text, inner);
    }
    ImGui::Dummy(ImVec2(0, t.mm(1)));
    static constexpr struct {
        core::Lang lang;
        const char* id;
        const char* label;
    } kChoices[] = {{core::Lang::kk, "sheet.lang.kk", "Қазақша"},
                    {core::Lang::ru, "sheet.lang.ru", "Русский"},
                    {core::Lang::en, "sheet.lang.en", "English"}};
    for (const auto& c : kChoices) {
        bool current = v.words.lang == c.lang;
        if (ui.button(c.id, c.label, current ? "check" : "", ImVec2(inner, t.touch_min() * 1.2f),
                      ButtonKind::secondary, current))
            keep_first(out, Intent::language(c.lang));
        ImGui::Dummy(ImVec2(0, t.mm(1)));
    }
    inner = ui.dialog_actions();
    if (ui.button("sheet.close", v.words("sheet.close"), "times", ImVec2(inner, t.touch_min()), ButtonKind::quiet))
        keep_first(out, Intent::of(Intent::Kind::close_sheet));
    ui.end_dialog();
    return out;
}

}  // namespace aul::kiosk
