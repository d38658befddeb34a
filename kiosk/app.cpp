#include "kiosk/app.h"

#include <imgui.h>
#include <imgui_internal.h>
#include <sys/stat.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>

#include "core/clock.h"
#include "core/files.h"
#include "core/i18n.h"
#include "core/text.h"
#include "ops/catalogue.h"
#include "ops/kiosk_data.h"
#include "ops/settings.h"
#include "kiosk/keyboard.h"
#include "kiosk/layout_check.h"
#include "kiosk/narration.h"
#include "kiosk/screen_table.h"
#include "kiosk/screens/screens.h"
#include "kiosk/script.h"
#include "kiosk/session/session.h"
#include "kiosk/theme.h"
#include "kiosk/ui.h"
#include "platform/fonts.h"
#include "platform/log.h"
#include "platform/paths.h"
#include "platform/runner.h"
#include "platform/speech/lexicon.h"
#include "platform/speech/speaker.h"
#include "platform/tasks.h"
#include "store/catalog_store.h"
#include "store/filing_store.h"
#include "store/instance_lock.h"

namespace aul::kiosk {

namespace {

// Icons the interface itself draws; catalogue categories add their own.
constexpr const char* kUiIcons[] = {
    "arrow-left", "home", "adjust", "text-height", "check", "globe", "search", "map-marker", "map",
    "th-large", "users", "hand-paper-o", "handshake-o", "times", "phone", "envelope", "building",
    "id-card", "circle", "arrow-up", "long-arrow-left", "exclamation-circle", "university", "user-o",
    "user", "info-circle", "volume-up", "paper-plane", "arrow-right", "check-circle", "camera", "bullhorn", "flag",
    "question-circle", "clock-o", "hand-pointer-o", "calendar", "lock", "chevron-left", "chevron-right", "pencil",
    // the staff panel
    "refresh", "stethoscope", "usb", "key", "power-off", "hdd-o", "volume-down",
};

platform::RunnerSettings runner_settings(const KioskOptions& o) {
    platform::RunnerSettings r;
    r.window.fullscreen = o.fullscreen;
    r.window.width = o.width;
    r.window.height = o.height;
    r.never_sleep = !o.script.empty();
    r.screenshot = o.screenshot;
    r.stats_after_s = o.stats_after;
    return r;
}

// Wiring only: the settings, the databases, the session, the platform loop, the theme and
// the screen table. What residents and staff can do lives in the session (kiosk/session/);
// how each screen looks, in kiosk/screens/.
class App : public ScriptHost {
public:
    explicit App(const KioskOptions& o) : opt_(o), runner_(runner_settings(o)), theme_(ThemeConfig{}), ui_(theme_) {}

    int run();

    // ScriptHost
    const std::vector<UiItem>& items() const override { return ui_.items(); }
    bool settled() const override {
        // pacer idle: the frames requested after the last change have been drawn, so
        // what scripts read is what the change produced.
        return !runner_.input_pending() && !ui_.animating() && session_->settled() && !tasks_.busy() &&
               runner_.pacer_idle();
    }
    void set_lang(core::Lang l) override { session_->apply(Intent::language(l)); }
    void request_shot(const std::string& name) override {
        std::string dir = opt_.shots_dir.empty() ? opt_.data_dir : opt_.shots_dir;
        ::mkdir(dir.c_str(), 0755);
        runner_.request_screenshot(dir + "/" + name + ".png");
    }
    float px_per_mm() const override { return theme_.mm(1.0f); }
    std::string visible_defects() const override {
        std::string out;
        for (const auto& name : ui_.missing_icons()) out += (out.empty() ? "icons missing from the atlas: " : ", ") + name;
        return out;
    }
    ImVec2 screen_size() const override { return runner_.size(); }
    std::vector<std::string> layout_problems() const override {
        LayoutRules rules{runner_.size(), theme_.target_min(), theme_.key_min(), theme_.mm(1.0f)};
        return kiosk::layout_problems(ui_.items(), ui_.covers(), rules);
    }
    std::string screen_name() const override;
    void set_large_text(bool on) override {
        if (session_->display().large_text != on) session_->apply(Intent::of(Intent::Kind::toggle_large_text));
    }
    void pretend_idle() override { session_->touched(last_now_ - cfg_.idle_seconds - 0.1); }
    void touch(platform::TouchPhase phase, ImVec2 at) override { runner_.inject_touch(phase, at); }
    const std::vector<std::string>& spoken() const override { return spoken_; }
    void forget_spoken() override { spoken_.clear(); }
    void type(const std::string& text) override { runner_.inject_text(text); }

private:
    Status start();
    Status prepare_first_frame(std::string& timings);
    Status open_data();
    Status build_fonts();
    void draw(double now, float dt);
    Intent draw_screen();
    std::string title() const;
    void between_frames(double now);
    std::optional<int> after_frame(double now);
    void follow_display();
    void watch_staff_corner(double now);
    void take_physical_keys(Intent& out);
    std::string font_coverage() const;
    void start_speech();
    void open_speaker();
    // What the voice says of this frame: Listen, the voice guide's questions, choices,
    // problems and keys. Called with the frame's intent before it is applied.
    void narrate(const Intent& intent);
    void narrate_guide(const Intent& intent);
    std::string_view voice_key() const;
    // Asks the speaker, and logs it for scripts (`expect-spoken`) as it is asked.
    void speak(platform::Utterance u, bool cut);

    KioskOptions opt_;
    KioskConfig cfg_;
    platform::Runner runner_;  // first: its clock times the start-up, and it closes last
    platform::IconNames icons_;
    Theme theme_;
    Ui ui_;
    core::Translations tr_;
    std::optional<store::InstanceLock> lock_;
    std::optional<store::CatalogStore> store_;
    std::optional<store::FilingStore> filing_;
    platform::TaskRunner tasks_;
    std::optional<Session> session_;
    Display shown_display_;  // what the theme shows now
    bool swallow_until_release_ = false;
    std::unique_ptr<ScriptPlayer> script_;
    double last_now_ = 0;  // the loop's clock at the last frame
    std::pair<ScreenId, bool> shown_screen_{ScreenId::home, false};  // and whether the staff page was over it
    platform::Lexicon lexicon_;
    std::optional<Narrator> narrator_;
    platform::SpeakerSettings speaker_settings_;
    std::unique_ptr<platform::Speaker> speaker_;  // after what it reads from; gone before SDL quits
    std::vector<std::string> spoken_;  // what was asked to be spoken since the script's last step
    std::string guided_page_;          // the page whose question the guide last spoke
    std::string problems_spoken_;      // the problems the guide last spoke
    std::uint64_t resets_seen_ = 0;
    bool integrity_scheduled_ = false;
    bool reading_page_ = false;  // what plays is Listen's reading: Listen again stops it
    std::string reading_key_;    // the page it reads
};

// The screen a resident sees, as the layout check names it: "propose with the keyboard".
std::string App::screen_name() const {
    const Session& s = *session_;
    std::string name = pin_pad_open(s)      ? "the PIN pad"
                       : staff_page_open(s) ? "the staff panel"
                                            : std::string(screen_row(s.screen()).name);
    if (s.idle_prompt()) name += " under the idle prompt";
    else if (s.discard_prompt()) name += " under \"discard this proposal?\"";
    else if (s.sheet() == Sheet::language) name += " under the language sheet";
    else if (s.sheet() == Sheet::display) name += " under the display sheet";
    else if (s.focused() != FieldId::none) name += " with the keyboard open";
    return name;
}

Status App::build_fonts() {
    std::vector<std::uint32_t> cps;
    for (const char* name : kUiIcons) cps.push_back(icons_.codepoint(name));
    if (session_)
        for (const auto& c : session_->shared().categories) cps.push_back(icons_.codepoint(c.icon));
    for (const auto& c : core::kProposalCategories) cps.push_back(icons_.codepoint(c.icon));
    // The atlas is kept in the data folder's cache/ between starts.
    auto built = platform::build_fonts(*ImGui::GetIO().Fonts, platform::FontFiles{}, theme_.font_sizes(), cps,
                                       opt_.data_dir + "/cache");
    if (!built) return built.take_error();
    if (!built->cache_problem.empty()) platform::log::warn(built->cache_problem);
    platform::log::debug(built->from_cache ? "font atlas loaded from the cache" : "font atlas built");
    theme_.fonts = built->set;
    return ok_status();
}

// The kiosk's database: one connection for the screens, one for filing, one for searches.
Status App::open_data() {
    ::mkdir(opt_.data_dir.c_str(), 0750);
    AUL_TRY_ASSIGN(auto lock, store::InstanceLock::acquire(opt_.data_dir, "kiosk"));
    lock_.emplace(std::move(lock));
    store::OpenReport report;
    // No whole-file check here: it runs once the first screen is up (StaffDesk), and a file
    // it found damaged is set aside now.
    AUL_TRY_ASSIGN(auto db, ops::open_database(opt_.data_dir, &report, store::OpenCheck::set_aside_marked));
    if (!report.damaged_copy.empty())
        platform::log::error("the database was damaged (" + report.damage + "); the damaged file was kept at " +
                              report.damaged_copy + " and a fresh one was created");
    store_.emplace(std::move(db));
    // An empty database gets the configured catalogue (the demo one by default).
    std::string seed = cfg_.catalog_seed.empty() ? platform::assets_dir() + "/demo/catalog.json" : cfg_.catalog_seed;
    if (auto seeded = ops::seed_catalog_if_empty(*store_, seed); !seeded)
        platform::log::error("cannot seed the catalogue: " + seeded.error());
    else if (*seeded)
        platform::log::info("catalogue seeded from " + seed + ": " + std::to_string((*seeded)->ngos) + " organisations");

    AUL_TRY_ASSIGN(auto filing, ops::open_filing_connection(opt_.data_dir));
    filing_.emplace(std::move(filing));
    if (!cfg_.code.empty())
        if (auto s = filing_->set_kiosk_code(cfg_.code); !s) platform::log::error(s.error());

    AUL_TRY_ASSIGN(auto search_db, ops::open_connection(opt_.data_dir));
    SessionSettings ss;
    ss.language = cfg_.language;
    if (!opt_.lang.empty() && !core::parse_lang(opt_.lang, ss.language)) return Error{"--lang takes kk, ru or en"};
    ss.high_contrast = cfg_.high_contrast;
    ss.large_text = cfg_.large_text;
    ss.idle_seconds = cfg_.idle_seconds;
    ss.idle_prompt_seconds = cfg_.idle_prompt_seconds;
    ss.locality = {cfg_.region, cfg_.district, cfg_.settlement};
    ss.kiosk_name = cfg_.name;
    ss.staff.data_dir = opt_.data_dir;
    ss.staff.usb_roots = cfg_.usb_roots;
    ss.staff.configured_locality = ss.locality;
    ss.staff.font_check = [this] { return font_coverage(); };
    ss.staff.speech_volume = cfg_.speech_volume;
    ss.staff.speech_enabled = cfg_.speech_enabled;
    session_.emplace(std::move(ss), *store_, *filing_, store::CatalogStore(std::move(search_db)), tasks_, tr_, core::now_ms);
    return ok_status();
}

// Start-up's timings for the log: a slow start on a board is the first thing to explain.
class Phases {
public:
    explicit Phases(const platform::Runner& clock) : clock_(clock), from_(clock.now()) {}
    void done(const std::string& name) {
        double t = clock_.now();
        text_ += (text_.empty() ? "" : ", ") + name + " " + std::to_string(std::lround((t - from_) * 1000)) + " ms";
        from_ = t;
    }
    const std::string& text() const { return text_; }

private:
    const platform::Runner& clock_;
    double from_;
    std::string text_;
};

Status App::start() {
    Phases phases(runner_);
    AUL_TRY_ASSIGN(auto cfg, load_config(opt_.config_path));
    cfg_ = std::move(cfg);
    // Which settings are in force is the first thing an operator asks of a misbehaving kiosk.
    platform::log::info(std::string("kiosk ") + AUL_VERSION + " starting with data in " + opt_.data_dir + ", settings " +
                        (cfg_.source.empty() ? "defaults (" + opt_.config_path + " absent)" : "from " + cfg_.source));
    if (opt_.dpi > 0) cfg_.dpi = opt_.dpi;
    platform::Renderer renderer{};
    if (!platform::parse_renderer(opt_.renderer.empty() ? cfg_.renderer : opt_.renderer, renderer))
        return Error{"--renderer takes auto, gl3, gles3 or gl2"};
    runner_.choose_renderer(renderer);
    theme_ = Theme(ThemeConfig{cfg_.dpi, cfg_.high_contrast, cfg_.large_text});
    shown_display_ = {cfg_.high_contrast, cfg_.large_text};
    phases.done("settings");
    // The window opens while the rest is made ready beside it.
    std::string beside;
    if (auto s = runner_.open([&] { return prepare_first_frame(beside); }); !s) return s;
    phases.done("window (beside it: " + beside + ")");
    start_speech();
    tasks_.set_wake([this] { runner_.wake(); });
    ImGui::GetIO().MouseDragThreshold = theme_.mm(3);
    theme_.apply_to_imgui();

    if (!opt_.script.empty()) {
        AUL_TRY_ASSIGN(auto text, core::read_whole_file(opt_.script));
        auto steps = parse_script(text);
        if (!steps) return Error{opt_.script + ": " + steps.error()};
        script_ = std::make_unique<ScriptPlayer>(std::move(*steps));
    }
    auto screen = screen_named(opt_.screen);
    if (!screen) return Error{"--screen takes " + screen_names()};
    screen_row(*screen).open(*session_);
    phases.done("voice and first screen");
    platform::log::info("started: " + phases.text());
    return ok_status();
}

// Everything the first frame needs but the window, on the thread Runner::open gives it:
// no SDL, no GL, nothing of ImGui but the font atlas. `timings` gets its phases.
Status App::prepare_first_frame(std::string& timings) {
    Phases phases(runner_);
    AUL_TRY_ASSIGN(auto cap, platform::cap_height_per_pixel(platform::FontFiles{}.regular));
    theme_.set_cap_ratio(cap);
    if (auto s = load_translations(tr_); !s) return s;
    phases.done("texts");
    if (auto s = open_data(); !s) return s;
    phases.done("database");
    if (auto s = icons_.load(platform::FontFiles{}.icon_names); !s) return s;
    ui_.set_icon_names(&icons_);
    if (auto s = build_fonts(); !s) return s;
    phases.done("icons and fonts");
    timings = phases.text();
    return ok_status();
}

std::string App::title() const {
    const StaffDesk& staff = session_->staff();
    if (staff.mode() == StaffMode::locality) return tr_.get(session_->lang(), "staff.locality.title");
    if (staff_page_open(*session_)) return tr_.get(session_->lang(), "staff.title");
    std::string_view key = screen_row(session_->screen()).title_key;
    return key.empty() ? std::string() : tr_.get(session_->lang(), std::string(key));
}

Intent App::draw_screen() {
    Intent out;
    Session& s = *session_;
    bool staff_page = staff_page_open(s);
    bool home = s.screen() == ScreenId::home && !staff_page;
    TopBarView bar{s.words(), title(), !home, home, s.display().high_contrast, s.display().large_text, {}};
    if (staff_page)
        bar.back_label = tr_.get(s.lang(), s.staff().mode() == StaffMode::panel ? "staff.action.leave" : "nav.back");
    bar.listen = narrator_.has_value();
    bar.speaking = speaker_ && reading_page_ && speaker_->busy();
    keep_first(out, draw_top_bar(ui_, bar));
    keep_first(out, staff_page ? draw_staff_page(ui_, s) : screen_row(s.screen()).draw(ui_, s));
    return out;
}

void App::draw(double now, float dt) {
    theme_.set_screen(runner_.size());
    ui_.begin_frame(runner_.gesture(), dt);
    Session& s = *session_;
    // A screen entered (or the staff panel opened over one) starts at its top.
    auto shown = std::make_pair(s.screen(), staff_page_open(s));
    if (shown != shown_screen_) ui_.scroll_all_to_start();
    shown_screen_ = shown;
    Intent intent;
    take_physical_keys(intent);
    keep_first(intent, draw_screen());
    if (s.idle_prompt()) {
        // Only the prompt's own button counts while it is up.
        intent = draw_idle_prompt(ui_, s.idle_prompt_view(now));
    } else if (s.discard_prompt()) {
        intent = draw_discard_prompt(ui_, DiscardPromptView{s.words()});  // only its answers count
    } else if (s.sheet() != Sheet::none) {
        SheetView sv = s.sheet_view();
        intent = sv.sheet == Sheet::language ? draw_language_sheet(ui_, sv) : draw_display_sheet(ui_, sv);
    } else if (pin_pad_open(s)) {
        intent = draw_pin_pad(ui_, s);  // the PIN pad takes every touch while it is up
    } else if (s.focused() != FieldId::none) {
        // Done says where it goes: on to the form's next field, or the keyboard away.
        bool more = s.next_field() != FieldId::none;
        KeyboardView kv{s.keyboard_layout(), s.keyboard_shift(), tr_.get(s.lang(), more ? "keyboard.next" : "keyboard.done"),
                        tr_.get(s.lang(), "keyboard.space"), more ? "arrow-right" : "check"};
        Intent key = draw_keyboard(ui_, kv);
        // A key tap is the only thing a touch on the keyboard does.
        if (key) intent = key;
    }
    runner_.animating(ui_.animating());
    // The finger that opened the PIN pad by holding the corner must not also tap whatever
    // lies under it when it lifts.
    if (swallow_until_release_) {
        intent = Intent{};
        if (!runner_.gesture().pressed) swallow_until_release_ = false;
    }
    narrate(intent);
    if (intent) {
        s.apply(intent);
        runner_.request_frames();
    }
}

// The theme follows the display the resident chose (or the reset restored); fonts are
// rebuilt between frames, never inside one.
void App::follow_display() {
    const Display& want = session_->display();
    if (want == shown_display_) return;
    theme_.set_high_contrast(want.high_contrast);
    theme_.apply_to_imgui();
    if (want.large_text != shown_display_.large_text) {
        theme_.set_large_text(want.large_text);
        runner_.fonts_changed();
    }
    shown_display_ = want;
    runner_.request_frames();
}

// Holding the top-left corner of the home screen still for 3 s opens the PIN pad. Nothing
// there is tappable, so a resident resting a hand there loses nothing; the pad asks for a
// PIN anyway.
void App::watch_staff_corner(double now) {
    const platform::Gesture& g = runner_.gesture();
    float corner = theme_.mm(kStaffCornerMm);
    bool in_corner = g.pressed && !g.dragging && g.start.x <= corner && g.start.y <= corner;
    if (!in_corner || !session_->staff_corner_active()) return;
    double due = g.pressed_s + kStaffHoldSeconds;
    if (now < due) {
        runner_.request_frame_at(due);
        return;
    }
    session_->open_staff_pad();
    swallow_until_release_ = true;
    runner_.request_frames();
}

void App::between_frames(double now) {
    // Search answers and finished staff work, handed back to this thread.
    if (tasks_.drain() > 0) runner_.request_frames();
    // kiosk-sync's answers, the lockout countdown; once a second while the desk is open (a
    // closed desk is woken by its tasks alone).
    session_->poll();
    if (session_->staff().open()) runner_.request_frame_at(std::floor(now) + 1.0);
    bool had_data = session_->holds_resident_data() || session_->idle_prompt();
    double next = session_->check_idle(now);
    if (had_data && !session_->holds_resident_data() && !session_->idle_prompt()) runner_.request_frames();
    runner_.request_frame_at(next);
    if (std::int64_t due = session_->integrity().due_ms())
        runner_.request_frame_at(now + static_cast<double>(std::max<std::int64_t>(due - core::now_ms(), 0)) / 1000.0);
    if (session_->take_catalogue_changed()) runner_.fonts_changed();  // new categories may bring icons
    follow_display();
    if (speaker_) {
        // A fresh session is silent: nothing said for the last resident goes on.
        if (session_->resets() != resets_seen_) {
            resets_seen_ = session_->resets();
            speaker_->stop();
        }
        speaker_->set_volume(session_->speech_volume());
        auto asked = session_->take_speech();
        for (std::size_t i = 0; i < asked.size(); ++i) speak(std::move(asked[i]), i == 0);
    }
}

std::optional<int> App::after_frame(double now) {
    last_now_ = now;
    // The whole-file integrity check waits for the first screen, then runs in the background.
    if (!integrity_scheduled_) {
        integrity_scheduled_ = true;
        session_->integrity().schedule(core::now_ms());
    }
    watch_staff_corner(now);
    if (auto code = session_->exit_code()) return code;
    if (!script_) return std::nullopt;
    auto state = script_->advance(*this, now);
    if (state != ScriptPlayer::State::running)
        for (const auto& line : script_->layout_report()) platform::log::error("layout: " + line);
    if (state == ScriptPlayer::State::failed || runner_.screenshot_failed()) {
        platform::log::error("script " + opt_.script + " failed at " +
                             (runner_.screenshot_failed() ? "a shot: the screenshot could not be written"
                                                          : script_->failure()));
        return 1;
    }
    if (state == ScriptPlayer::State::passed) {
        std::printf("script %s: %zu steps passed, %d touches\n", opt_.script.c_str(), script_->steps_done(),
                    script_->touches());
        return 0;
    }
    return std::nullopt;
}

// The voice's tables are read at start; a kiosk whose tables are missing stays silent and
// says why in the log, rather than not starting. The speaker itself (espeak-ng loading its
// three voices: tens of milliseconds and 2 MiB) opens with the first touch, so neither the
// home screen nor a kiosk at rest waiting for its first resident pays for it (open_speaker).
void App::start_speech() {
    if (!cfg_.speech_enabled) return;
    auto lexicon = platform::Lexicon::load(platform::assets_dir() + "/voice");
    if (!lexicon) {
        platform::log::error("speech: " + lexicon.error() + "; the kiosk stays silent");
        return;
    }
    lexicon_ = std::move(*lexicon);
    narrator_.emplace(tr_, lexicon_);
    platform::SpeakerSettings ss;
    ss.volume = session_->speech_volume();
    ss.voice.words_per_minute = cfg_.speech_rate;
    ss.voice.voices = cfg_.speech_voices;
    ss.device = cfg_.speech_device;
    if (!ss.device.empty()) ::setenv("AUDIODEV", ss.device.c_str(), 1);
    ss.board_folder = opt_.data_dir + "/voice";
    ss.shipped_folder = platform::assets_dir() + "/voice";
    speaker_settings_ = std::move(ss);
}

void App::open_speaker() {
    if (!narrator_ || speaker_) return;
    // Woken when a reading ends: Listen goes dark.
    speaker_ = std::make_unique<platform::Speaker>(speaker_settings_, lexicon_, [this] { runner_.wake(); });
}

void App::speak(platform::Utterance u, bool cut) {
    if (!speaker_ || u.empty()) return;
    spoken_.push_back(u.text());
    // Utterances never hold a resident's contact details (the narration leaves them out),
    // so they may be logged where an operator asks for debug lines.
    platform::log::debug("speech: " + spoken_.back());
    if (cut) reading_page_ = false;
    if (spoken_.size() > 200) spoken_.erase(spoken_.begin());  // a script reads them after each step
    if (cut) speaker_->say(std::move(u));
    else speaker_->then(std::move(u));
}

std::string_view App::voice_key() const {
    if (staff_page_open(*session_) || pin_pad_open(*session_)) return {};
    return screen_row(session_->screen()).voice_key;
}

void App::narrate(const Intent& intent) {
    if (!speaker_ || !narrator_) return;
    Session& s = *session_;
    using K = Intent::Kind;
    // A page left while Listen reads it: what it said no longer stands before the resident.
    if (reading_page_ && session_->page() != reading_key_) {
        speaker_->stop();
        reading_page_ = false;
    }
    if (intent.kind == K::listen) {
        // Again while it reads the page: stop. Over anything else (the guide's question): read.
        if (reading_page_ && speaker_->busy()) {
            speaker_->stop();
            reading_page_ = false;
            spoken_.push_back("(stopped)");
        } else {
            speak(narrator_->read_page(ui_.items(), s.lang(), title(), voice_key()), true);
            reading_page_ = true;
            reading_key_ = session_->page();
        }
        return;
    }
    if (intent.kind == K::toggle_voice_guide) {
        speak(narrator_->phrase(s.voice_guide() ? "voice.guide_off" : "voice.guide_on", s.lang()), true);
        guided_page_.clear();  // on: the page is read after the words above
        return;
    }
    if (s.voice_guide()) narrate_guide(intent);
}

// Voice guide mode: a page entered is read (its title and question), problems when they
// appear, and what the resident tapped or typed as they do it.
void App::narrate_guide(const Intent& intent) {
    Session& s = *session_;
    using K = Intent::Kind;
    const auto& items = ui_.items();
    if (std::string key = session_->page(); key != guided_page_) {
        guided_page_ = key;
        speak(narrator_->page_question(items, s.lang(), title(), voice_key()), false);
    }
    if (std::string shown = narrator_->problems_shown(items); shown != problems_spoken_) {
        problems_spoken_ = shown;
        if (!shown.empty()) speak(narrator_->problems(items, s.lang()), false);
    }
    if (intent.kind == K::type_text) {
        speak(narrator_->key(intent.text, field_spec(s.focused()).personal, s.lang()), true);
    } else if (auto u = narrator_->tapped(items, s.lang())) {
        speak(std::move(*u), true);
    }
}

// Typing on a physical keyboard reaches the focused field the same way key taps do.
void App::take_physical_keys(Intent& out) {
    ImGuiIO& io = ImGui::GetIO();
    if (session_->focused() == FieldId::none) return;
    if (!io.InputQueueCharacters.empty()) {
        char utf8[256];
        ImTextStrToUtf8(utf8, sizeof utf8, io.InputQueueCharacters.Data,
                        io.InputQueueCharacters.Data + io.InputQueueCharacters.Size);
        io.InputQueueCharacters.resize(0);
        keep_first(out, Intent::of(Intent::Kind::type_text, core::strip_controls(utf8, false)));
    } else if (ImGui::IsKeyPressed(io.KeyMap[ImGuiKey_Backspace])) {
        keep_first(out, Intent::of(Intent::Kind::backspace));
    } else if (ImGui::IsKeyPressed(io.KeyMap[ImGuiKey_Enter])) {
        keep_first(out, Intent::of(Intent::Kind::keyboard_done));  // as the on-screen Done: the next field
    } else if (ImGui::IsKeyPressed(io.KeyMap[ImGuiKey_Escape])) {
        keep_first(out, Intent::of(Intent::Kind::keyboard_hide));
    }
}

// Every translated text must be drawable: a missing glyph would show as "?" to residents.
std::string App::font_coverage() const {
    std::string out;
    for (core::Lang l : core::kAllLangs)
        for (const auto& key : tr_.missing_keys(l))
            out += (out.empty() ? "" : "; ") + std::string(core::lang_code(l)) + " lacks " + key;
    std::vector<std::uint32_t> missing;
    for (const auto& text : tr_.all_texts())
        for (ImFont* f : {theme_.fonts.body, theme_.fonts.heading, theme_.fonts.small})
            for (auto cp : platform::missing_glyphs(*f, text))
                if (std::find(missing.begin(), missing.end(), cp) == missing.end()) missing.push_back(cp);
    for (auto cp : missing) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
        out += (out.empty() ? "no glyph for " : ", ") + std::string(buf);
    }
    return out;
}

int App::run() {
    if (auto s = start(); !s) {
        platform::log::error(s.error());
        return 2;
    }
    platform::RunnerCallbacks cb;
    cb.build_fonts = [this] { return build_fonts(); };
    cb.on_input = [this](double now) {
        open_speaker();  // before the touch's frame narrates it
        session_->touched(now);
    };
    cb.between_frames = [this](double now) { between_frames(now); };
    cb.draw = [this](double now, float dt) { draw(now, dt); };
    cb.after_frame = [this](double now) { return after_frame(now); };
    cb.settled = [this] { return settled(); };
    int code = runner_.run(cb);
    if (code == 0 && !opt_.screenshot.empty()) {
        if (std::string defects = visible_defects(); !defects.empty()) {
            platform::log::error(defects);
            return 1;
        }
        std::printf("screenshot %s written\n", opt_.screenshot.c_str());
    }
    return code;
}

}  // namespace

Status load_translations(core::Translations& tr) {
    std::string dir = platform::assets_dir() + "/i18n/";
    for (core::Lang l : core::kAllLangs) {
        std::string path = dir + std::string(core::lang_code(l)) + ".json";
        auto text = core::read_whole_file(path);
        if (!text) return Error{text.error() + " (set AUL_ASSETS to the assets folder)"};
        if (auto s = tr.load(l, *text); !s) return Error{path + ": " + s.error()};
    }
    return ok_status();
}

int run_kiosk(const KioskOptions& options) {
    App app(options);
    return app.run();
}

}  // namespace aul::kiosk
