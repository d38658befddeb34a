#include "kiosk/session/track_flow.h"

#include "core/tracking.h"
#include "ops/track_lookup.h"
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
    forget_answer();
    searched_ = true;
    const std::string code = core::normalize_tracking_input(code_);
    auto found = s_.filing.find(code);
    if (!found) {
        platform::log::error("tracking lookup failed: " + found.error());
        error_ = s_.text("track.error");
    } else if (found->has_value()) {
        found_ = std::move(**found);
    } else if (core::check_tracking_code(code) == core::TrackingCheck::ok) {
        look_up_elsewhere(code);
    }
}

void TrackFlow::look_up_elsewhere(const std::string& code) {
    lookup_ = s_.tasks.run(
        "track-lookup",
        [dir = data_dir_, code](const platform::StopToken& stop) {
            return ops::look_up_elsewhere(dir, code, [&stop] { return stop.stop_requested(); });
        },
        [this](Result<store::LookupAnswer> answer) { looked_up(std::move(answer)); });
}

void TrackFlow::looked_up(Result<store::LookupAnswer> answer) {
    if (!answer) {
        platform::log::error("tracking lookup failed: " + answer.error());
        error_ = s_.text("track.error");
        return;
    }
    elsewhere_ = answer->outcome;
    if (answer->outcome == store::LookupOutcome::found) found_ = std::move(answer->progress);
}

void TrackFlow::forget_answer() {
    lookup_.cancel();  // its answer would be for a code no longer on the screen
    searched_ = false;
    found_.reset();
    elsewhere_.reset();
    error_.clear();
}

void TrackFlow::reset() {
    code_.clear();
    forget_answer();
}

TrackView TrackFlow::view() const {
    TrackView v;
    v.words = s_.words();
    v.code = &code_;
    v.focused = s_.focused == FieldId::track_code;
    v.searched = searched_;
    v.found = found_ ? &*found_ : nullptr;
    v.asking_server = lookup_.running();
    v.elsewhere = elsewhere_;
    v.error = error_;
    return v;
}

}  // namespace aul::kiosk
