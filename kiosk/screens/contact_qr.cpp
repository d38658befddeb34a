#include "kiosk/screens/screens.h"

namespace aul::kiosk {

float contact_qr_width(Ui& ui, const std::string& card) { return card.empty() ? 0 : ui.theme().contact_qr_column(); }

void draw_contact_qr(Ui& ui, const std::string& id, const std::string& card, const Words& w, ImVec2 pos) {
    if (card.empty()) return;
    float side = ui.theme().contact_qr();
    ImGui::SetCursorScreenPos(pos);
    ImGui::BeginGroup();
    ui.qr_code(id, card, pos, side);
    ImGui::Dummy(ImVec2(side, side));
    ui.text(ui.glyph("camera") + " " + w("contact.scan_to_save"), TextFace::small, ui.pal().text_muted,
            contact_qr_width(ui, card));
    ImGui::EndGroup();
}

}  // namespace aul::kiosk
