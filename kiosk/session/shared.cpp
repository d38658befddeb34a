#include "kiosk/session/shared.h"

#include "core/text.h"
#include "platform/log.h"

namespace aul::kiosk {

void Place::load(const store::FilingStore& filing, const store::CatalogStore& catalog,
                 const store::Locality& configured) {
    auto saved = store::saved_locality(filing);
    if (!saved) platform::log::error("the saved place could not be read: " + saved.error());
    where_ = saved && *saved ? **saved : configured;
    for (auto& line : lines_) line.reset();
    councils_.clear();
    if (auto c = catalog.councils_for(where_.region, where_.district)) councils_ = std::move(*c);
}

const std::string& Place::line(core::Lang lang, const store::CatalogStore& catalog,
                               const std::vector<core::Region>& regions) const {
    auto& cached = lines_[static_cast<std::size_t>(lang)];
    if (cached) return *cached;
    std::vector<core::District> districts;
    if (!where_.district.empty())
        if (auto ds = catalog.districts(where_.region)) districts = std::move(*ds);
    cached = place_text(where_, districts, &regions, lang);
    return *cached;
}

void Shared::show(std::initializer_list<ScreenId> above_home) {
    stack.assign(1, ScreenId::home);
    stack.insert(stack.end(), above_home);
}

std::string Shared::save_failed(std::string_view what, const std::string& reason) const {
    platform::log::error(std::string(what) + " could not be saved: " + reason);
    return core::format_text(text("propose.save_failed"), "reason", reason);
}

void Shared::focus(FieldId f) {
    focused = f;
    layout = layout_for(f, lang);
    shift = false;
}

}  // namespace aul::kiosk
