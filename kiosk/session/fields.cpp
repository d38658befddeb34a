#include "kiosk/session/fields.h"

#include <array>

namespace aul::kiosk {

namespace {
using F = core::Field;
// Phone fields take "+7 701 234 56 78" with spaces; an IIN is 12 digits; a tracking code
// is typed with or without its spaces. Done walks a form's fields in the order they stand
// on screen: title then details; name, phone, IIN; a volunteer's name then phone.
const std::array<FieldSpec, 12> kFields{{
    {FieldId::none, "", 0, std::nullopt, std::nullopt},
    {FieldId::ngos_search, "ngos.search", 80, std::nullopt, std::nullopt},
    {FieldId::propose_title, "propose.title", core::kTitleMax, std::nullopt, F::title, FieldId::propose_description},
    {FieldId::propose_description, "propose.description", core::kDescriptionMax, std::nullopt, F::description},
    {FieldId::propose_name, "propose.name", core::kNameMax, std::nullopt, F::name, FieldId::propose_phone, true},
    {FieldId::propose_phone, "propose.phone", 20, KeyLayout::phone, F::phone, FieldId::propose_iin, true},
    {FieldId::propose_iin, "propose.iin", 12, KeyLayout::digits, F::iin, FieldId::none, true},
    {FieldId::propose_settlement, "propose.settlement", core::kSettlementMax, std::nullopt, F::place},
    {FieldId::track_code, "track.code", 16, KeyLayout::code, std::nullopt},
    {FieldId::volunteer_name, "volunteer.name", core::kNameMax, std::nullopt, F::name, FieldId::volunteer_phone, true},
    {FieldId::volunteer_phone, "volunteer.phone", 20, KeyLayout::phone, F::phone, FieldId::none, true},
    {FieldId::staff_settlement, "staff.settlement", 80, std::nullopt, std::nullopt},
}};
}  // namespace

const FieldSpec& field_spec(FieldId id) { return kFields[static_cast<std::size_t>(id)]; }

KeyLayout next_letter_layout(KeyLayout l) {
    switch (l) {
        case KeyLayout::kk: return KeyLayout::ru;
        case KeyLayout::ru: return KeyLayout::en;
        default: return KeyLayout::kk;
    }
}

KeyLayout letters_for(core::Lang l) {
    return l == core::Lang::ru ? KeyLayout::ru : l == core::Lang::en ? KeyLayout::en : KeyLayout::kk;
}

KeyLayout layout_for(FieldId id, core::Lang lang) { return field_spec(id).layout.value_or(letters_for(lang)); }

}  // namespace aul::kiosk
