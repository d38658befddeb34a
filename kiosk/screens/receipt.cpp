#include "kiosk/screens/screens.h"

#include <qrencode.h>

#include <memory>

#include "core/tracking.h"

namespace aul::kiosk {

namespace {

// The QR code of the tracking code, drawn module by module: no texture to upload, sharp
// at any size, and a phone camera reads it straight off the screen.
void draw_qr(Ui& ui, const std::string& text, ImVec2 pos, float size) {
    std::unique_ptr<QRcode, void (*)(QRcode*)> qr(
        QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), QRcode_free);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + size, pos.y + size), IM_COL32(255, 255, 255, 255));
    if (!qr) return;
    const int quiet = 2;  // modules of white margin the standard asks for (4) minus the card's own
    float m = size / static_cast<float>(qr->width + 2 * quiet);
    for (int y = 0; y < qr->width; ++y)
        for (int x = 0; x < qr->width; ++x)
            if (qr->data[y * qr->width + x] & 1) {
                ImVec2 a(pos.x + (x + quiet) * m, pos.y + (y + quiet) * m);
                dl->AddRectFilled(a, ImVec2(a.x + m + 0.5f, a.y + m + 0.5f), IM_COL32(0, 0, 0, 255));
            }
    ui.record("receipt.qr", text, pos, ImVec2(pos.x + size, pos.y + size), false);
}

}  // namespace

Intent draw_receipt(Ui& ui, const ReceiptView& v) {
    Intent out;
    Theme& t = ui.theme();
    const Palette& p = ui.pal();
    const PageArea page = ui.page_area();
    const auto [origin, avail, pad, width] = page;
    float qr_size = std::min(t.mm(55), avail.y * 0.62f);
    float text_w = width - qr_size - t.gap() * 2;

    ImGui::SetCursorScreenPos(ImVec2(origin.x + pad, origin.y + t.mm(3)));
    ui.begin_scroll("receipt.page", ImVec2(width, avail.y - t.touch_min() - t.mm(8)));
    ImVec2 top = ImGui::GetCursorScreenPos();
    ImGui::BeginGroup();
    ui.text(ui.glyph("check-circle") + "  " + v.words("receipt.title"), TextFace::heading, p.badge_volunteers, text_w);
    ui.text(v.words("receipt.code_label"), TextFace::small, p.text_muted, text_w);
    ui.code_text("receipt.code", core::format_tracking_code(v.tracking_code), p.text);
    ui.text(ui.glyph("camera") + "  " + v.words("receipt.write_down"), TextFace::body, p.text, text_w);
    ImGui::Dummy(ImVec2(0, t.mm(1)));
    ui.text(v.words("receipt.next_title"), TextFace::small, p.primary, text_w);
    ui.text(v.words("receipt.next_steps"), TextFace::body, p.text, text_w);
    ImGui::EndGroup();
    draw_qr(ui, v.tracking_code, ImVec2(top.x + width - qr_size, top.y), qr_size);
    ui.end_scroll();

    if (ui.page_action(page, "receipt.done", v.words("receipt.done"), "home"))
        keep_first(out, Intent::of(Intent::Kind::receipt_done));
    return out;
}

}  // namespace aul::kiosk
