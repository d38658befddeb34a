#include "kiosk/screens/screens.h"

#include "core/tracking.h"

namespace aul::kiosk {

Intent draw_receipt(Ui& ui, const ReceiptView& v) {
    Intent out;
    Theme& t = ui.theme();
    const Palette& p = ui.pal();
    const PageArea page = ui.page_area();
    const auto [origin, avail, pad, width] = page;
    float qr_size = std::min(t.mm(55), avail.y * 0.62f);
    float text_w = width - qr_size - t.gap() * 2;
    // Where the words would be squeezed beside the code's QR, the QR follows the code.
    bool qr_beside = text_w >= t.mm(90);
    if (!qr_beside) {
        text_w = width - t.mm(3);
        qr_size = std::min(t.mm(40), text_w);
    }

    ImGui::SetCursorScreenPos(ImVec2(origin.x + pad, origin.y + t.mm(3)));
    ui.begin_scroll("receipt.page", ImVec2(width, avail.y - t.touch_min() - t.mm(8)));
    ImVec2 top = ImGui::GetCursorScreenPos();
    ImGui::BeginGroup();
    ui.text(ui.glyph("check-circle") + "  " + v.words("receipt.title"), TextFace::heading, p.badge_volunteers, text_w);
    ui.text(v.words("receipt.code_label"), TextFace::small, p.text_muted, text_w);
    ui.code_text("receipt.code", core::format_tracking_code(v.tracking_code), p.text, text_w);
    if (!qr_beside) {
        ui.qr_code("receipt.qr", v.tracking_code, ImGui::GetCursorScreenPos(), qr_size);
        ImGui::Dummy(ImVec2(qr_size, qr_size));
    }
    ui.text(ui.glyph("camera") + "  " + v.words("receipt.write_down"), TextFace::body, p.text, text_w);
    ImGui::Dummy(ImVec2(0, t.mm(1)));
    ui.text(v.words("receipt.next_title"), TextFace::small, p.primary, text_w);
    ui.text(v.words("receipt.next_steps"), TextFace::body, p.text, text_w);
    ImGui::EndGroup();
    if (qr_beside) ui.qr_code("receipt.qr", v.tracking_code, ImVec2(top.x + width - qr_size, top.y), qr_size);
    ui.end_scroll();

    if (ui.page_action(page, "receipt.done", v.words("receipt.done"), "home"))
        keep_first(out, Intent::of(Intent::Kind::receipt_done));
    return out;
}

}  // namespace aul::kiosk
