// Replays a resident's session from a text file through the same input path as real
// touches (synthetic finger events, platform::Runner::inject_touch), for UI tests and demos. One step a line:
//   lang kk|ru|en          tap "visible text"      tap id:stable.widget.id
//   drag DX DY             type "text"             wait MS
//   press "text"           (types as a physical keyboard, bypassing the on-screen one)
//   hold id:WIDGET MS      presses a widget and keeps the finger down MS milliseconds
//   hold at XMM YMM MS     the same at a point, in millimetres from the top-left corner
//   expect "visible text"  expect-not "text"       shot NAME
// and, for tests:
//   note id:WIDGET         remembers the widget's text
//   expect-changed id:WIDGET   fails unless its text differs from the note
//   expect-targets MM      every fully visible tap target is at least MM millimetres each way
// Blank lines and lines starting with # are ignored.
#pragma once
#include <string>
#include <vector>

#include "core/domain.h"
#include "core/result.h"
#include "kiosk/ui.h"

namespace aul::kiosk {

struct ScriptStep {
    enum class Kind { lang, tap_text, tap_id, hold, drag, type, press, wait, expect, expect_not, shot, note, expect_changed, expect_targets };
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
};

class ScriptPlayer {
public:
    enum class State { running, passed, failed };
    explicit ScriptPlayer(std::vector<ScriptStep> steps) : steps_(std::move(steps)) {}

    // Called once per drawn frame, after the frame. Injects events for the current step.
    State advance(ScriptHost& host, double now);
    const std::string& failure() const { return failure_; }
    std::size_t steps_done() const { return next_; }

private:
    bool find_target(const ScriptHost& host, const ScriptStep& s, ImVec2& at) const;
    void fail(const ScriptStep& s, const std::string& why);

    std::vector<ScriptStep> steps_;
    std::size_t next_ = 0;
    double step_started_ = -1;
    int phase_ = 0;  // progress within a multi-frame step (drag)
    ImVec2 drag_from_{0, 0};
    std::string failure_;
    std::string note_;
    // Typing through the on-screen keyboard: progress within the text being typed.
    std::size_t type_pos_ = 0;
    int layout_tries_ = 0;
    bool shifted_ = false;
    int cooldown_ = 0;  // frames to let a key's effect reach the screen before the next
    bool type_on_keyboard(ScriptHost& host, const ScriptStep& s);
    State state_ = State::running;
};

}  // namespace aul::kiosk
