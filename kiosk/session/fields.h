// The text fields a resident (or staff) types into: one row of a table each, naming the
// field's widget id (what scripts tap), how long it may grow, which keyboard it opens with,
// which validation field its problems are reported under and which field of the same form
// the keyboard's Done moves on to.
#pragma once
#include <cstddef>
#include <optional>
#include <string_view>

#include "core/domain.h"
#include "core/proposal.h"

namespace aul::kiosk {

// `code`: the tracking-code alphabet alone (core::kTrackingAlphabet), one case, so a
// resident cannot type the 0, O, 1, I or L a code never holds.
enum class KeyLayout { kk, ru, en, digits, phone, code };

// The letter layout that follows `l` on the layout key: ҚАЗ -> РУС -> ENG -> ҚАЗ.
KeyLayout next_letter_layout(KeyLayout l);
// The letters of the reader's language.
KeyLayout letters_for(core::Lang l);

enum class FieldId {
    none,
    ngos_search,
    propose_title,
    propose_description,
    propose_name,
    propose_phone,
    propose_iin,
    propose_settlement,
    track_code,
    volunteer_name,
    volunteer_phone,
    staff_settlement,
};

struct FieldSpec {
    FieldId id;
    std::string_view widget;  // the stable widget id scripts and tests tap
    std::size_t max_chars;    // code points
    // The keyboard it opens with; nullopt: the letters of the reader's language.
    std::optional<KeyLayout> layout;
    // Problems of this validation field are cleared as the resident edits it.
    std::optional<core::Field> checks;
    // The field below it on the same form, which Done moves to; none: Done closes the
    // keyboard (the form's last field).
    FieldId next = FieldId::none;
    // A resident's contact detail (name, phone, IIN): never spoken, in a public hall. Keys
    // typed into it give a neutral click.
    bool personal = false;
};

const FieldSpec& field_spec(FieldId id);
inline std::string_view field_widget(FieldId id) { return field_spec(id).widget; }
// The keyboard a field opens with when the reader's language is `lang`.
KeyLayout layout_for(FieldId id, core::Lang lang);

}  // namespace aul::kiosk
