// Replays a resident's session from a text file through the same input path as real
// touches (synthetic finger events, platform::Runner::inject_touch), for UI tests and demos. One step a line:
//   lang kk|ru|en          tap "visible text"      tap id:stable.widget.id (id:prefix.* the first such)
//   drag DX DY             type "text"             wait MS
//   press "text"           (types as a physical keyboard, bypassing the on-screen one)
//   hold id:WIDGET MS      presses a widget and keeps the finger down MS milliseconds
//   hold at XMM YMM MS     the same at a point, in millimetres from the top-left corner
//   expect "visible text"  expect-not "text"       shot NAME
// and, for tests:
//   note id:WIDGET         remembers the widget's text
//   expect-changed id:WIDGET   fails unless its text differs from the note
//   expect-targets MM      every fully visible tap target is at least MM millimetres each way
//   type-noted             types the noted text on the on-screen keyboard
//   text-size standard|large   as the resident's text-size choice sets it
//   idle                   as if the resident walked away: the "still there?" prompt shows
//   expect-spoken "text"   the voice was asked to say text (any case) since the step before
//                          (consecutive expect-spoken lines look at the same utterances)
//   expect-silent          the voice was asked to say nothing since the step before
//   never-spoken "text"    from here to the end, no utterance may hold text
// Blank lines and lines starting with # are ignored.
//
// After every step, once the screen has settled, the layout check (kiosk/layout_check.h)
// looks at what is drawn; a problem fails the script, naming the items and the screen.
// `tap` first brings its target into view as a resident would, by dragging the region it
// scrolls in, so one script serves every screen size.
#pragma once
#include <string>
#include <vector>

#include "core/domain.h"
#include "core/result.h"
#include "kiosk/ui.h"

namespace aul::kiosk {

struct ScriptStep {
    enum class Kind {
        lang, tap_text, tap_id, hold, drag, type, type_noted, press, wait, expect, expect_not, shot, note,
        expect_changed, expect_targets, text_size, idle, expect_spoken, expect_silent, never_spoken
    };
    Kind kind;
    std::string arg;
    float dx = 0, dy = 0;  // drag distance, px; dx also holds expect-targets' millimetres
    int ms = 0;
    int line = 0;
};

Result<std::vector<ScriptStep>> parse_script(const std::string& text);

// What the player needs from the running app.
class ScriptHost {
public:
    virtual ~ScriptHost() = default;
    virtual const std::vector<UiItem>& items() const = 0;  // of the last drawn frame
    virtual bool settled() const = 0;                      // no input, search or animation pending
    virtual void set_lang(core::Lang lang) = 0;
    virtual void request_shot(const std::string& name) = 0;
    virtual ImVec2 screen_size() const = 0;
    // Synthetic input, delivered through the same queue as real touches and keys.
    virtual void touch(platform::TouchPhase phase, ImVec2 at) = 0;
    virtual void type(const std::string& text) = 0;  // as a physical keyboard types
    virtual float px_per_mm() const = 0;
    // Problems a person would see that no step names (an icon drawn as "?"); the script
    // fails at its end when there are any.
    virtual std::string visible_defects() const = 0;
    // What the layout check finds on the screen drawn last, one line each; and which
    // screen that is, to name it.
    virtual std::vector<std::string> layout_problems() const = 0;
    virtual std::string screen_name() const = 0;
    virtual void set_large_text(bool on) = 0;
    // As if nobody had touched the kiosk since the idle time ran out.
    virtual void pretend_idle() = 0;
    // What the voice was asked to say (as one line each) since forget_spoken.
    virtual const std::vector<std::string>& spoken() const = 0;
    virtual void forget_spoken() = 0;
};

class ScriptPlayer {
public:
    enum class State { running, passed, failed };
    explicit ScriptPlayer(std::vector<ScriptStep> steps) : steps_(std::move(steps)) {}

    // Called once per drawn frame, after the frame. Injects events for the current step.
    State advance(ScriptHost& host, double now);
    const std::string& failure() const { return failure_; }
    // What the layout check found, one line a problem, naming the step and the screen.
    const std::vector<std::string>& layout_report() const { return layout_problems_; }
    std::size_t steps_done() const { return next_; }
    // Fingers put down on the screen so far (taps, key presses, drags): what a resident did.
    int touches() const { return touches_; }

private:
    // The target a tap step names, visible or not (nullptr when nothing matches).
    const UiItem* find_item(const ScriptHost& host, const ScriptStep& s) const;
    // Drags the region `it` scrolls in to bring it into view; false once it is in view.
    bool bring_into_view(ScriptHost& host, const UiItem& it);
    bool bring_into_view_possible(const ScriptHost& host, const UiItem& it) const;
    bool find_target(const ScriptHost& host, const ScriptStep& s, ImVec2& at) const;
    void check_layout(const ScriptHost& host, const ScriptStep& after);
    bool pan(ScriptHost& host);
    bool panning_ = false;
    void fail(const ScriptStep& s, const std::string& why);

    std::vector<ScriptStep> steps_;
    std::size_t next_ = 0;
    double step_started_ = -1;
    int phase_ = 0;  // progress within a multi-frame step (drag)
    ImVec2 drag_from_{0, 0};
    ImVec2 drag_by_{0, 0};
    std::vector<std::string> layout_problems_;
    int layout_checks_ = 0, layout_failed_checks_ = 0;
    int touches_ = 0;
    void touch(ScriptHost& host, platform::TouchPhase phase, ImVec2 at);
    int scroll_drags_ = 0;   // drags spent bringing the current target into view
    std::size_t checked_ = static_cast<std::size_t>(-1);  // the last step the layout check ran after
    std::string failure_;
    std::string note_;
    std::vector<std::string> never_spoken_;  // never-spoken texts, lower case
    // Fails when an utterance holds a never-spoken text.
    void check_never_spoken(const ScriptHost& host);
    // Typing through the on-screen keyboard: progress within the text being typed.
    std::size_t type_pos_ = 0;
    int layout_tries_ = 0;
    bool shifted_ = false;
    int cooldown_ = 0;  // frames to let a key's effect reach the screen before the next
    bool type_on_keyboard(ScriptHost& host, const ScriptStep& s);
    State state_ = State::running;
};

}  // namespace aul::kiosk
