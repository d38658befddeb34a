// Every screen draws from a view (kiosk/session/views.h: what to show) and returns the
// Intent the resident expressed. Screens hold no state of their own and never touch the
// database.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "kiosk/session/intent.h"
#include "kiosk/session/views.h"
#include "kiosk/ui.h"

namespace aul::kiosk {

// How the voice treats a field's content: a resident's contact detail is never spoken.
inline UiItem::Voice field_voice(FieldId f) {
    return field_spec(f).personal ? UiItem::Voice::personal : UiItem::Voice::read;
}

Intent draw_top_bar(Ui& ui, const TopBarView& v);
float top_bar_height(const Ui& ui);
Intent draw_home(Ui& ui, const HomeView& v);
Intent draw_catalog(Ui& ui, const CatalogView& v);
Intent draw_region_picker(Ui& ui, const CatalogView& v);
// One place on a list to choose from: a region, a district, or "all" / "not listed".
struct PlaceChoice {
    std::string id;  // the stable widget id
    std::string label;
    const char* icon;
    bool selected;
    Intent pick;  // what tapping it says
};
// The choices as touch-high buttons, two to a row across `width` (the region picker's
// lists and the proposal's place step).
Intent draw_place_choices(Ui& ui, const std::vector<PlaceChoice>& choices, float width);
Intent draw_ngo(Ui& ui, const NgoView& v);
Intent draw_propose(Ui& ui, const ProposeView& v);
Intent draw_receipt(Ui& ui, const ReceiptView& v);
Intent draw_track(Ui& ui, const TrackView& v);
Intent draw_councils(Ui& ui, const CouncilsView& v);
Intent draw_volunteer(Ui& ui, const VolunteerView& v);
// An organisation's contact as a QR code a phone camera saves (`card`, a vCard), with a
// caption under it saying so, in a column `contact_qr_width` wide (0 without a card) whose
// top-left corner is `pos`: beside the contact lines of its page, beside an opportunity.
float contact_qr_width(Ui& ui, const std::string& card);
void draw_contact_qr(Ui& ui, const std::string& id, const std::string& card, const Words& w, ImVec2 pos);
// Over any screen after a while untouched: "still there?" with one large Continue.
Intent draw_idle_prompt(Ui& ui, const IdlePromptView& v);
Intent draw_discard_prompt(Ui& ui, const DiscardPromptView& v);
// The sheets the top bar opens: the languages where the bar is narrow; contrast and text size.
Intent draw_language_sheet(Ui& ui, const SheetView& v);
Intent draw_display_sheet(Ui& ui, const SheetView& v);
Intent draw_staff_pin(Ui& ui, const StaffPinView& v);
Intent draw_staff_panel(Ui& ui, const StaffPanelView& v);
Intent draw_staff_locality(Ui& ui, const StaffLocalityView& v);

}  // namespace aul::kiosk
