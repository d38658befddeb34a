#include "kiosk/script.h"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "core/text.h"

namespace aul::kiosk {

namespace {
constexpr double kFindTimeout = 5.0;  // seconds a step waits for its target to appear
constexpr int kDragFrames = 12;
constexpr int kDragHoldFrames = 6;
constexpr int kMaxScrollDrags = 30;  // pans a tap may spend bringing its target into view

// Reads a double-quoted argument, with \" and \\ escapes.
bool quoted(const std::string& rest, std::string& out) {
    auto start = rest.find('"');
    if (start == std::string::npos) return false;
    out.clear();
    for (std::size_t i = start + 1; i < rest.size(); ++i) {
        if (rest[i] == '\\' && i + 1 < rest.size()) {
            out.push_back(rest[++i]);
        } else if (rest[i] == '"') {
            return true;
        } else {
            out.push_back(rest[i]);
        }
    }
    return false;
}

// "volunteer.choose.*" names the first of a kind, whatever its catalogue id.
bool id_matches(const std::string& id, const std::string& want) {
    if (!want.empty() && want.back() == '*') return id.compare(0, want.size() - 1, want, 0, want.size() - 1) == 0;
    return id == want;
}

ImVec2 centre(const UiItem& it) { return ImVec2((it.min.x + it.max.x) * 0.5f, (it.min.y + it.max.y) * 0.5f); }
}  // namespace

Result<std::vector<ScriptStep>> parse_script(const std::string& text) {
    std::vector<ScriptStep> steps;
    std::istringstream in(text);
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        auto first = line.find_first_not_of(" \t\r");
        if (first == std::string::npos || line[first] == '#') continue;
        std::istringstream words(line.substr(first));
        std::string verb;
        words >> verb;
        std::string rest;
        std::getline(words, rest);
        rest.erase(0, std::min(rest.size(), rest.find_first_not_of(" \t")));
        ScriptStep s{};
        s.line = number;
        auto bad = [&](const char* why) {
            return Error{"line " + std::to_string(number) + ": " + why + ": " + line};
        };
        if (verb == "lang") {
            s.kind = ScriptStep::Kind::lang;
            std::istringstream(rest) >> s.arg;
            core::Lang l;
            if (!core::parse_lang(s.arg, l)) return bad("lang takes kk, ru or en");
        } else if (verb == "tap") {
            auto id = rest.find("id:");
            if (id != std::string::npos && rest.find('"') == std::string::npos) {
                s.kind = ScriptStep::Kind::tap_id;
                std::istringstream(rest.substr(id + 3)) >> s.arg;
            } else {
                s.kind = ScriptStep::Kind::tap_text;
                if (!quoted(rest, s.arg)) return bad("tap takes \"text\" or id:widget.id");
            }
        } else if (verb == "hold" && rest.rfind("at ", 0) == 0) {
            // hold at XMM YMM MS: a point on the screen, in millimetres from the top-left
            s.kind = ScriptStep::Kind::hold;
            if (!(std::istringstream(rest.substr(3)) >> s.dx >> s.dy >> s.ms) || s.ms < 0)
                return bad("hold at takes XMM YMM MS");
        } else if (verb == "hold") {
            s.kind = ScriptStep::Kind::hold;
            auto id = rest.find("id:");
            if (id == std::string::npos) return bad("hold takes id:widget.id MS");
            std::istringstream words(rest.substr(id + 3));
            if (!(words >> s.arg >> s.ms) || s.ms < 0) return bad("hold takes id:widget.id MS");
        } else if (verb == "drag") {
            s.kind = ScriptStep::Kind::drag;
            if (!(std::istringstream(rest) >> s.dx >> s.dy)) return bad("drag takes DX DY in pixels");
        } else if (verb == "type-noted") {
            s.kind = ScriptStep::Kind::type_noted;
        } else if (verb == "text-size") {
            s.kind = ScriptStep::Kind::text_size;
            std::istringstream(rest) >> s.arg;
            if (s.arg != "standard" && s.arg != "large") return bad("text-size takes standard or large");
        } else if (verb == "idle") {
            s.kind = ScriptStep::Kind::idle;
        } else if (verb == "type" || verb == "press") {
            s.kind = verb == "type" ? ScriptStep::Kind::type : ScriptStep::Kind::press;
            if (!quoted(rest, s.arg)) return bad("type and press take \"text\"");
        } else if (verb == "wait") {
            s.kind = ScriptStep::Kind::wait;
            if (!(std::istringstream(rest) >> s.ms) || s.ms < 0) return bad("wait takes milliseconds");
        } else if (verb == "expect" || verb == "expect-not") {
            s.kind = verb == "expect" ? ScriptStep::Kind::expect : ScriptStep::Kind::expect_not;
            if (!quoted(rest, s.arg)) return bad("expect takes \"text\"");
        } else if (verb == "expect-spoken" || verb == "never-spoken") {
            s.kind = verb == "expect-spoken" ? ScriptStep::Kind::expect_spoken : ScriptStep::Kind::never_spoken;
            if (!quoted(rest, s.arg) || s.arg.empty()) return bad("expect-spoken and never-spoken take \"text\"");
        } else if (verb == "expect-silent") {
            s.kind = ScriptStep::Kind::expect_silent;
        } else if (verb == "note" || verb == "expect-changed") {
            s.kind = verb == "note" ? ScriptStep::Kind::note : ScriptStep::Kind::expect_changed;
            auto id = rest.find("id:");
            if (id == std::string::npos) return bad("takes id:widget.id");
            std::istringstream(rest.substr(id + 3)) >> s.arg;
        } else if (verb == "expect-targets") {
            s.kind = ScriptStep::Kind::expect_targets;
            if (!(std::istringstream(rest) >> s.dx) || s.dx <= 0) return bad("expect-targets takes millimetres");
        } else if (verb == "shot") {
            s.kind = ScriptStep::Kind::shot;
            std::istringstream(rest) >> s.arg;
            if (s.arg.empty()) return bad("shot takes a name");
        } else {
            return bad("unknown step");
        }
        steps.push_back(std::move(s));
    }
    return steps;
}

// One key tap per call, as a person types: finds the key for the next character, switching
// layout (ҚАЗ -> РУС -> ENG, then 123) when the current one lacks it and pressing shift
// for capitals. True when the whole text is typed.
bool ScriptPlayer::type_on_keyboard(ScriptHost& host, const ScriptStep& s) {
    if (cooldown_ > 0 || !host.settled()) {
        if (cooldown_ > 0) --cooldown_;
        return false;
    }
    if (type_pos_ >= s.arg.size()) return true;
    char32_t cp = 0;
    std::size_t len = core::decode_utf8(std::string_view(s.arg).substr(type_pos_), cp);
    std::string ch = s.arg.substr(type_pos_, len);
    std::string lower = core::to_lower(ch);
    std::string id = ch == " " ? "keyboard.space" : "keyboard.key." + lower;
    auto find = [&](const std::string& want, ImVec2& at) {
        for (const auto& it : host.items())
            if (it.id == want && it.tappable) {
                at = centre(it);
                return true;
            }
        return false;
    };
    ImVec2 at;
    cooldown_ = 2;
    if (find(id, at)) {
        // A capital needs shift, except on a keyboard of one case (the tracking code's).
        ImVec2 shift;
        if (lower != ch && !shifted_ && find("keyboard.shift", shift)) {
            touch(host, platform::TouchPhase::down, shift);
            touch(host, platform::TouchPhase::up, shift);
            shifted_ = true;
            return false;
        }
        touch(host, platform::TouchPhase::down, at);
        touch(host, platform::TouchPhase::up, at);
        type_pos_ += len;
        layout_tries_ = 0;
        shifted_ = false;
        return false;
    }
    // Not on this layout: the letter layouts in turn, then digits and signs.
    const char* next = layout_tries_ < 3 ? "keyboard.layout" : layout_tries_ == 3 ? "keyboard.digits" : nullptr;
    if (!next || !find(next, at)) {
        fail(s, "no key types \"" + ch + "\" on any keyboard layout");
        return false;
    }
    ++layout_tries_;
    touch(host, platform::TouchPhase::down, at);
    touch(host, platform::TouchPhase::up, at);
    return false;
}

const UiItem* ScriptPlayer::find_item(const ScriptHost& host, const ScriptStep& s) const {
    // In view beats scrolled away; the exact text beats text that contains it.
    const UiItem* best = nullptr;
    int best_rank = 0;
    for (const auto& it : host.items()) {
        if (!it.tappable) continue;
        int rank = 0;
        if (s.kind == ScriptStep::Kind::tap_id)
            rank = id_matches(it.id, s.arg) ? 2 : 0;
        else
            rank = it.text == s.arg ? 2 : it.text.find(s.arg) != std::string::npos ? 1 : 0;
        if (rank == 0) continue;
        rank = rank * 2 + (it.hidden || it.clipped ? 0 : 1);
        if (rank > best_rank) {
            best = &it;
            best_rank = rank;
        }
    }
    return best;
}

bool ScriptPlayer::find_target(const ScriptHost& host, const ScriptStep& s, ImVec2& at) const {
    const UiItem* it = find_item(host, s);
    if (!it || it->hidden) return false;
    at = centre(*it);
    return true;
}

// One pan of at most two thirds of the region, from its middle toward the target, as a
// resident's finger drags a list: the next frames show whether it is in view yet.
bool ScriptPlayer::bring_into_view(ScriptHost& host, const UiItem& target) {
    const UiItem* it = &target;
    const UiItem* region = nullptr;
    // A region scrolled away inside another comes into view first.
    for (int depth = 0; depth < 4; ++depth) {
        region = nullptr;
        for (const auto& r : host.items())
            if (r.kind == UiItem::Kind::scroll && r.id == it->scroll) region = &r;
        if (!region) return false;
        if (!(region->hidden || region->clipped) || region->scroll.empty()) break;
        it = region;
    }
    bool horizontal = region->text == "horizontal";
    ImVec2 rc = centre(*region);
    // Just far enough that the whole item shows: its start if it is above (or left of) the
    // region's view, its end if below; the middle if it is larger than the view.
    float r0 = horizontal ? region->min.x : region->min.y, r1 = horizontal ? region->max.x : region->max.y;
    float i0 = horizontal ? it->full_min.x : it->full_min.y, i1 = horizontal ? it->full_max.x : it->full_max.y;
    float want = i1 - i0 > r1 - r0 ? (r0 + r1 - i0 - i1) * 0.5f : i0 < r0 ? r0 - i0 : i1 > r1 ? r1 - i1 : 0.0f;
    float room = r1 - r0;
    float by = std::clamp(want, -room * 0.66f, room * 0.66f);
    if (std::fabs(by) < 2.0f) return false;
    // A short move would be taken for a tap, on whatever lies under the finger.
    float least = host.px_per_mm() * 6.0f;
    if (std::fabs(by) < least) by = by < 0 ? -least : least;
    drag_from_ = rc;
    drag_by_ = horizontal ? ImVec2(by, 0) : ImVec2(0, by);
    phase_ = 0;
    return true;
}

// Whether a pan could still show more of `it`: false once its region shows as much of it
// as the region can (the item is larger than the region).
bool ScriptPlayer::bring_into_view_possible(const ScriptHost& host, const UiItem& it) const {
    for (const auto& r : host.items()) {
        if (r.kind != UiItem::Kind::scroll || r.id != it.scroll) continue;
        bool horizontal = r.text == "horizontal";
        float shown = horizontal ? it.max.x - it.min.x : it.max.y - it.min.y;
        float room = horizontal ? r.max.x - r.min.x : r.max.y - r.min.y;
        return shown < room - 1.0f;
    }
    return false;
}

// A pan in frames: down, move, hold still, lift (a pan, not a flick). True when lifted.
bool ScriptPlayer::pan(ScriptHost& host) {
    if (phase_ == 0) {
        touch(host, platform::TouchPhase::down, drag_from_);
    } else if (phase_ <= kDragFrames + kDragHoldFrames) {
        float f = std::min(1.0f, static_cast<float>(phase_) / kDragFrames);
        touch(host, platform::TouchPhase::move, ImVec2(drag_from_.x + drag_by_.x * f, drag_from_.y + drag_by_.y * f));
    } else {
        touch(host, platform::TouchPhase::up, ImVec2(drag_from_.x + drag_by_.x, drag_from_.y + drag_by_.y));
        phase_ = 0;
        return true;
    }
    ++phase_;
    return false;
}

void ScriptPlayer::touch(ScriptHost& host, platform::TouchPhase phase, ImVec2 at) {
    if (phase == platform::TouchPhase::down) ++touches_;
    host.touch(phase, at);
}

void ScriptPlayer::fail(const ScriptStep& s, const std::string& why) {
    failure_ = "line " + std::to_string(s.line) + ": " + why;
    state_ = State::failed;
}

// A layout problem does not stop the script: the rest of the screens are checked too, and
// the script fails at its end with every problem listed in the log.
void ScriptPlayer::check_layout(const ScriptHost& host, const ScriptStep& after) {
    auto problems = host.layout_problems();
    ++layout_checks_;
    if (problems.empty()) return;
    ++layout_failed_checks_;
    std::string where = "line " + std::to_string(after.line) + ", " + host.screen_name() + " at " +
                        std::to_string(static_cast<int>(host.screen_size().x)) + "x" +
                        std::to_string(static_cast<int>(host.screen_size().y));
    for (const auto& p : problems) layout_problems_.push_back(where + ": " + p);
}

ScriptPlayer::State ScriptPlayer::advance(ScriptHost& host, double now) {
    if (state_ != State::running) return state_;
    if (next_ >= steps_.size()) {
        if (!host.settled()) return state_;
        check_never_spoken(host);
        if (state_ != State::running) return state_;
        if (!steps_.empty() && checked_ != steps_.size() - 1) {
            checked_ = steps_.size() - 1;
            check_layout(host, steps_.back());
        }
        std::string defects = host.visible_defects();
        if (!layout_problems_.empty())
            defects += (defects.empty() ? "" : "; ") + std::string("the layout check found ") +
                       std::to_string(layout_problems_.size()) + " problems after " +
                       std::to_string(layout_failed_checks_) + " of " + std::to_string(layout_checks_) + " steps";
        if (defects.empty()) {
            state_ = State::passed;
        } else {
            failure_ = "end of script: " + defects;
            state_ = State::failed;
        }
        return state_;
    }
    const ScriptStep& s = steps_[next_];
    bool first_frame = step_started_ < 0;
    // Each step starts from a quiet screen, as a person waits to see what happened.
    if (first_frame && !host.settled() && s.kind != ScriptStep::Kind::wait) return state_;
    check_never_spoken(host);
    if (state_ != State::running) return state_;
    if (first_frame) {
        // What the voice said before a step that acts is the last step's; the checks look at it.
        bool reads_speech = s.kind == ScriptStep::Kind::expect_spoken || s.kind == ScriptStep::Kind::expect_silent ||
                            s.kind == ScriptStep::Kind::never_spoken;
        if (!reads_speech) host.forget_spoken();
        // What the last step left on screen, checked once it has settled.
        if (next_ > 0 && checked_ != next_ - 1 && s.kind != ScriptStep::Kind::wait) {
            checked_ = next_ - 1;
            check_layout(host, steps_[next_ - 1]);
        }
        step_started_ = now;
        phase_ = 0;
        scroll_drags_ = 0;
        panning_ = false;
    }
    double waited = now - step_started_;
    auto done = [&] {
        ++next_;
        step_started_ = -1;
    };
    auto contains_text = [&](const std::string& needle) {
        for (const auto& it : host.items())
            if (!it.hidden && it.text.find(needle) != std::string::npos) return true;
        return false;
    };

    switch (s.kind) {
        case ScriptStep::Kind::lang: {
            core::Lang l;
            core::parse_lang(s.arg, l);
            host.set_lang(l);
            done();
            break;
        }
        case ScriptStep::Kind::tap_text:
        case ScriptStep::Kind::tap_id: {
            if (panning_) {
                if (pan(host)) panning_ = false;
                break;
            }
            const UiItem* it = find_item(host, s);
            if (!it) {
                if (waited > kFindTimeout) fail(s, "nothing to tap shows \"" + s.arg + "\"");
                break;
            }
            // A target taller than its region (a long text field) is tapped on the part in
            // view, once that part is a finger wide.
            float finger = host.px_per_mm() * 9.0f;
            bool enough = it->clipped && !bring_into_view_possible(host, *it) &&
                          it->max.x - it->min.x >= finger && it->max.y - it->min.y >= finger;
            if ((it->hidden || it->clipped) && !enough) {
                if (!host.settled()) break;  // the last pan may still be gliding
                if (++scroll_drags_ > kMaxScrollDrags || !bring_into_view(host, *it)) {
                    std::string where = "at " + std::to_string(int(it->min.x)) + "," + std::to_string(int(it->min.y)) +
                                        "-" + std::to_string(int(it->max.x)) + "," + std::to_string(int(it->max.y)) +
                                        (it->hidden ? " hidden" : " clipped") + " in region " +
                                        (it->scroll.empty() ? "none" : it->scroll) + " full " +
                                        std::to_string(int(it->full_min.y)) + "-" + std::to_string(int(it->full_max.y)) +
                                        " after " + std::to_string(scroll_drags_) + " pans";
                    fail(s, (it->id.empty() ? "\"" + it->text + "\"" : it->id) + " (" + where +
                                ") is out of view and no dragging brings it in");
                    break;
                }
                panning_ = true;
                break;
            }
            // Down and up are queued together: the input layer must still turn them
            // into exactly one tap.
            touch(host, platform::TouchPhase::down, centre(*it));
            touch(host, platform::TouchPhase::up, centre(*it));
            done();
            break;
        }
        case ScriptStep::Kind::hold: {
            if (phase_ == 0) {
                ScriptStep as_tap = s;
                as_tap.kind = ScriptStep::Kind::tap_id;
                if (s.arg.empty()) {
                    drag_from_ = ImVec2(s.dx * host.px_per_mm(), s.dy * host.px_per_mm());
                } else if (!find_target(host, as_tap, drag_from_)) {
                    if (waited > kFindTimeout) fail(s, "nothing to hold shows \"" + s.arg + "\"");
                    break;
                }
                touch(host, platform::TouchPhase::down, drag_from_);
                phase_ = 1;
            } else if (waited * 1000 >= s.ms) {
                touch(host, platform::TouchPhase::up, drag_from_);
                done();
            }
            break;
        }
        case ScriptStep::Kind::drag: {
            if (phase_ == 0) {
                // From the middle of the largest scrolling region on screen (the list).
                drag_from_ = ImVec2(host.screen_size().x * 0.5f, host.screen_size().y * 0.6f);
                float best = 0;
                for (const auto& it : host.items()) {
                    float area = (it.max.x - it.min.x) * (it.max.y - it.min.y);
                    bool list = it.id.size() > 5 && it.id.compare(it.id.size() - 5, 5, ".list") == 0;  // not "nav.listen"
                    if (list && !it.hidden && area > best) {
                        best = area;
                        drag_from_ = centre(it);
                    }
                }
                drag_by_ = ImVec2(s.dx, s.dy);
            }
            if (pan(host)) done();
            break;
        }
        case ScriptStep::Kind::press:
            host.type(s.arg);
            done();
            break;
        case ScriptStep::Kind::type_noted: {
            // Codes are shown in groups; their spaces are not typed.
            ScriptStep typed = s;
            typed.arg.clear();
            for (char c : note_)
                if (c != ' ') typed.arg.push_back(c);
            if (type_on_keyboard(host, typed)) {
                type_pos_ = 0;
                done();
            }
            break;
        }
        case ScriptStep::Kind::text_size:
            host.set_large_text(s.arg == "large");
            done();
            break;
        case ScriptStep::Kind::idle:
            host.pretend_idle();
            done();
            break;
        case ScriptStep::Kind::type: {
            bool keyboard_up = false;
            for (const auto& it : host.items()) keyboard_up = keyboard_up || it.id == "keyboard.done";
            if (!keyboard_up && type_pos_ == 0) {
                host.type(s.arg);  // no on-screen keyboard: type as a physical keyboard does
                done();
            } else if (type_on_keyboard(host, s)) {
                type_pos_ = 0;
                done();
            }
            break;
        }
        case ScriptStep::Kind::wait:
            if (waited * 1000 >= s.ms) done();
            break;
        case ScriptStep::Kind::expect:
            if (contains_text(s.arg))
                done();
            else if (waited > kFindTimeout)
                fail(s, "expected to see \"" + s.arg + "\"");
            break;
        case ScriptStep::Kind::expect_not:
            if (contains_text(s.arg))
                fail(s, "did not expect to see \"" + s.arg + "\"");
            else
                done();
            break;
        case ScriptStep::Kind::shot:
            host.request_shot(s.arg);
            done();
            break;
        case ScriptStep::Kind::expect_spoken: {
            std::string want = core::to_lower(s.arg);
            const auto& said = host.spoken();
            if (std::any_of(said.begin(), said.end(), [&](const std::string& u) { return core::to_lower(u).find(want) != std::string::npos; })) {
                done();
            } else {
                std::string all;
                for (const auto& u : said) all += (all.empty() ? "" : " | ") + u;
                fail(s, "expected the voice to say \"" + s.arg + "\"; it said: " + (all.empty() ? "nothing" : all));
            }
            break;
        }
        case ScriptStep::Kind::expect_silent:
            if (host.spoken().empty()) done();
            else fail(s, "expected silence; the voice said: " + host.spoken().front());
            break;
        case ScriptStep::Kind::never_spoken:
            never_spoken_.push_back(core::to_lower(s.arg));
            check_never_spoken(host);
            if (state_ == State::running) done();
            break;
        case ScriptStep::Kind::note:
        case ScriptStep::Kind::expect_changed: {
            const UiItem* found = nullptr;
            for (const auto& it : host.items())
                if (it.id == s.arg) found = &it;
            if (!found) {
                if (waited > kFindTimeout) fail(s, "no widget " + s.arg + " on screen");
                break;
            }
            if (s.kind == ScriptStep::Kind::note)
                note_ = found->text;
            else if (found->text == note_)
                fail(s, s.arg + " still shows \"" + note_ + "\"");
            if (state_ == State::running) done();
            break;
        }
        case ScriptStep::Kind::expect_targets: {
            float min_px = s.dx * host.px_per_mm() - 0.5f;
            for (const auto& it : host.items()) {
                if (!it.tappable || it.clipped || it.hidden) continue;
                float w = it.max.x - it.min.x, h = it.max.y - it.min.y;
                if (w < min_px || h < min_px) {
                    fail(s, "tap target " + (it.id.empty() ? "\"" + it.text + "\"" : it.id) + " is " +
                                std::to_string(w / host.px_per_mm()).substr(0, 4) + " x " +
                                std::to_string(h / host.px_per_mm()).substr(0, 4) + " mm");
                    break;
                }
            }
            if (state_ == State::running) done();
            break;
        }
    }
    return state_;
}

void ScriptPlayer::check_never_spoken(const ScriptHost& host) {
    for (const auto& u : host.spoken()) {
        std::string said = core::to_lower(u);
        for (const auto& bad : never_spoken_)
            if (said.find(bad) != std::string::npos) {
                failure_ = "the voice said \"" + bad + "\", which must never be spoken (line " +
                           std::to_string(steps_[std::min(next_, steps_.size() - 1)].line) + ")";
                state_ = State::failed;
                return;
            }
    }
}

}  // namespace aul::kiosk
