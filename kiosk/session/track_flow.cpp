#include "kiosk/session/track_flow.h"

#include "core/tracking.h"
#include "platform/log.h"

namespace aul::kiosk {

bool TrackFlow::apply(const Intent& i) {
    using K = Intent::Kind;
    switch (i.kind) {
        case K::open_track: open(i.text); return true;
        case K::track_search: search(); return true;
        default: return false;
    }
}

void TrackFlow::open(const std::string& code) {
    reset();
    code_ = code;
    s_.show({ScreenId::track});
    if (code.empty()) s_.focus(FieldId::track_code);
    else search();
}

void TrackFlow::search() {
    s_.unfocus();
    searched_ = true;
    error_.clear();
    found_.reset();
    auto found = s_.filing.find(core::normalize_tracking_input(code_));
    if (!found) {
        platform::log::error("tracking lookup failed: " + found.error());
        error_ = s_.text("track.error");
    } else if (found->has_value()) {
        found_ = std::move(**found);
    }
}

void TrackFlow::reset() {
    code_.clear();
    searched_ = false;
    found_.reset();
    error_.clear();
}

TrackView TrackFlow::view() const {
    TrackView v;
    v.words = s_.words();
    v.code = &code_;
    v.focused = s_.focused == FieldId::track_code;
    v.searched = searched_;
    v.found = found_ ? &*found_ : nullptr;
    v.error = error_;
    return v;
}

}  // namespace aul::kiosk
