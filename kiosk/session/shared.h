// What every flow of a resident's session reads and moves: the stores, the language, the
// screen stack, the keyboard's focus, where the kiosk stands and the catalogue's short
// lists. The Session owns one; each flow holds a reference.
#pragma once
#include <array>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "core/domain.h"
#include "core/i18n.h"
#include "kiosk/session/fields.h"
#include "kiosk/session/intent.h"
#include "kiosk/session/views.h"
#include "platform/tasks.h"
#include "store/catalog_store.h"
#include "store/filing_store.h"
#include "store/kiosk_state.h"

namespace aul::kiosk {

// The resident's screens; the staff pages lie over them (StaffMode).
enum class ScreenId { home, catalog, ngo, propose, receipt, track, councils, volunteer };

// Where the kiosk stands: saved by staff, else the configuration's [locality]; with its
// councils and its name in each language, read once, not every frame.
class Place {
public:
    void load(const store::FilingStore& filing, const store::CatalogStore& catalog, const store::Locality& configured);
    const store::Locality& where() const { return where_; }
    const std::vector<core::Council>& councils() const { return councils_; }
    // "Talgar, Talgar District, Almaty Region" in `lang`.
    const std::string& line(core::Lang lang, const store::CatalogStore& catalog,
                            const std::vector<core::Region>& regions) const;

private:
    store::Locality where_;
    std::vector<core::Council> councils_;
    mutable std::array<std::optional<std::string>, 3> lines_;
};

struct Shared {
    Shared(store::CatalogStore& c, store::FilingStore& f, platform::TaskRunner& t, const core::Translations& words,
           std::function<std::int64_t()> clock)
        : catalog(c), filing(f), tasks(t), tr(words), wall_ms(std::move(clock)) {}

    store::CatalogStore& catalog;  // the UI thread's connection
    store::FilingStore& filing;
    platform::TaskRunner& tasks;
    const core::Translations& tr;
    std::function<std::int64_t()> wall_ms;  // ms since 1970; a test sets its own
    store::Locality configured_locality;

    core::Lang lang = core::Lang::kk;
    std::vector<ScreenId> stack{ScreenId::home};
    FieldId focused = FieldId::none;
    KeyLayout layout = KeyLayout::kk;
    bool shift = false;

    Place place;
    // The catalogue's short lists, as of `catalogue_generation`.
    std::vector<core::Category> categories;
    std::vector<core::Region> regions;
    std::int64_t ngo_count = 0;
    std::int64_t catalogue_generation = -1;

    Words words() const { return Words{&tr, lang}; }
    const std::string& text(std::string_view key) const { return tr.get(lang, key); }
    ScreenId screen() const { return stack.back(); }
    // Home, then these screens.
    void show(std::initializer_list<ScreenId> above_home);
    void push(ScreenId s) { stack.push_back(s); }
    void focus(FieldId f);
    void unfocus() { focused = FieldId::none; }
    void load_place() { place.load(filing, catalog, configured_locality); }
    const std::string& place_line() const { return place.line(lang, catalog, regions); }
    // A resident's save failed: the store's reason goes to the log (nothing personal does),
    // and the words for the resident come back.
    std::string save_failed(std::string_view what, const std::string& reason) const;
};

// One task of the resident's (browsing, proposing, tracking...): its state, what it does
// with the intents that are its own, and how it forgets.
class Flow {
public:
    virtual ~Flow() = default;
    // Handles an intent of its own; false when the intent is another flow's.
    virtual bool apply(const Intent& i) = 0;
    // Back was tapped on one of its screens: true when it handled it (a step back).
    virtual bool back() { return false; }
    // The text a field of this flow edits, or nullptr when the field is not its own.
    virtual std::string* field_text(FieldId) { return nullptr; }
    // The resident edited one of its fields.
    virtual void field_changed(FieldId) {}
    // The reader's language changed.
    virtual void language_changed() {}
    // Forget everything the resident did.
    virtual void reset() = 0;
    // Holds something of a resident's that the next person must not see.
    virtual bool holds_resident_data() const = 0;
};

}  // namespace aul::kiosk
