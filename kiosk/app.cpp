#include "kiosk/app.h"

#include <SDL.h>
#include <imgui.h>
#include <imgui_internal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <unordered_map>

#include "core/catalog_json.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/tracking.h"
#include "ops/settings.h"
#include "kiosk/keyboard.h"
#include "kiosk/script.h"
#include "kiosk/search_worker.h"
#include "kiosk/staff.h"
#include "kiosk/screens/screens.h"
#include "kiosk/theme.h"
#include "kiosk/ui.h"
#include "platform/fonts.h"
#include "platform/input.h"
#include "platform/log.h"
#include "platform/pacing.h"
#include "platform/service.h"
#include "platform/paths.h"
#include "platform/window.h"
#include "store/catalog_store.h"
#include "store/filing_store.h"
#include "store/instance_lock.h"

namespace aul::kiosk {

namespace {

using Clock = std::chrono::steady_clock;
using core::pop_codepoint;

// Icons the interface itself draws; catalogue categories add their own.
constexpr const char* kUiIcons[] = {
    "arrow-left", "home", "adjust", "text-height", "check", "globe", "search", "map-marker", "map",
    "th-large", "users", "hand-paper-o", "handshake-o", "times", "phone", "envelope", "building",
    "id-card", "circle", "arrow-up", "long-arrow-left", "exclamation-circle", "university", "user-secret",
    "user", "info-circle", "paper-plane", "arrow-right", "check-circle", "camera", "bullhorn", "flag",
    "question-circle", "clock-o", "hand-pointer-o", "calendar", "lock",
    // the staff panel
    "refresh", "stethoscope", "usb", "key", "power-off", "hdd-o",
};

enum class ScreenId { home, catalog, ngo, propose, receipt, track, councils, volunteer };

std::int64_t wall_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

long rss_kib() {
    long pages = 0, resident = 0;
    if (FILE* f = std::fopen("/proc/self/statm", "r")) {
        if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
        std::fclose(f);
    }
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

Status load_translations(core::Translations& tr) {
    std::string dir = platform::assets_dir() + "/i18n/";
    for (core::Lang l : core::kAllLangs) {
        std::string text, err;
        std::string path = dir + std::string(core::lang_code(l)) + ".json";
        if (!platform::read_file(path, text, err)) return Error{err + " (set AUL_ASSETS to the assets folder)"};
        if (auto s = tr.load(l, text); !s) return Error{path + ": " + s.error()};
    }
    return ok_status();
}

// Fills an empty database with the configured catalogue (the demo one by default).
Status seed_if_empty(store::CatalogStore& store, const std::string& seed_path) {
    auto count = store.ngo_count();
    if (!count) return Error{count.error()};
    if (*count > 0) return ok_status();
    std::string path = seed_path.empty() ? platform::assets_dir() + "/demo/catalog.json" : seed_path;
    std::string text, err;
    if (!platform::read_file(path, text, err)) return Error{"cannot seed the catalogue: " + err};
    auto catalog = core::parse_catalog(text);
    if (!catalog) return Error{path + ": " + catalog.error()};
    auto counts = store.replace_catalog(*catalog);
    if (!counts) return Error{counts.error()};
    platform::log::info("catalogue seeded from " + path + ": " + std::to_string(counts->ngos) + " organisations");
    return ok_status();
}

class App : public ScriptHost {
public:
    explicit App(const KioskOptions& o) : opt_(o), theme_(ThemeConfig{}), ui_(theme_) {}
    ~App() override {
        search_.reset();
        window_.close();
        if (imgui_) ImGui::DestroyContext();
    }

    int run();

    // ScriptHost
    const std::vector<UiItem>& items() const override { return ui_.items(); }
    bool settled() const override {
        // pacer idle: the frames requested after the last change have been drawn, so
        // what scripts read is what the change produced.
        return !input_.has_pending() && !search_->busy() && !ui_.animating() && !searching_ && !staff_->waiting() &&
               pacer_.idle();
    }
    void set_lang(core::Lang l) override { apply(Intent{Intent::Kind::set_lang, {}, 0, l}); }
    void request_shot(const std::string& name) override {
        std::string dir = opt_.shots_dir.empty() ? opt_.data_dir : opt_.shots_dir;
        ::mkdir(dir.c_str(), 0755);
        pending_shot_ = dir + "/" + name + ".png";
    }
    float px_per_mm() const override { return theme_.mm(1.0f); }
    std::string visible_defects() const override {
        std::string out;
        for (const auto& name : ui_.missing_icons()) out += (out.empty() ? "icons missing from the atlas: " : ", ") + name;
        return out;
    }
    ImVec2 screen_size() const override {
        return ImVec2(static_cast<float>(window_.width()), static_cast<float>(window_.height()));
    }

private:
    Status start();
    Status build_fonts();
    void draw_frame(double now, float dt);
    Intent draw_screen();
    void apply(const Intent& i);
    void open_catalog(const std::string& category);
    void submit_search();
    void take_search_result();
    void load_districts(const std::string& region);
    const store::NgoSummary* summary(std::int64_t rowid);
    void open_ngo(std::int64_t rowid);
    // Text fields the keyboard can type into, by id.
    struct Field {
        std::string* text = nullptr;
        std::size_t max_chars = 0;
    };
    Field field(const std::string& id);
    void field_changed(const std::string& id);
    KeyLayout layout_for_field(const std::string& id) const;
    // "Talgar, Talgar District, Almaty Region" in the current language; read from the
    // database once per language, not every frame.
    const std::string& locality_line() const;
    mutable std::array<std::optional<std::string>, 3> locality_lines_;
    void drop_problems(core::Field f);
    void open_propose(const std::string& council);
    void propose_next();
    void propose_submit();
    void volunteer_signup();
    static KeyLayout letters_for(core::Lang l) {
        return l == core::Lang::ru ? KeyLayout::ru : l == core::Lang::en ? KeyLayout::en : KeyLayout::kk;
    }
    void take_physical_keys(Intent& out);
    bool session_has_state() const;
    void check_idle(double now);
    void reset_session();
    // The catalogue's short lists (categories, regions, the count) follow kiosk-sync's
    // updates between residents: after an idle spell or a reset, never under a finger.
    void refresh_catalogue();
    std::int64_t catalogue_generation_ = -1;
    Words words() const { return Words{&tr_, lang_}; }
    std::string title() const;
    int finish_screenshot();

    KioskOptions opt_;
    KioskConfig cfg_;
    platform::Window window_;
    platform::TouchInput input_;
    platform::FramePacer pacer_;
    platform::ServiceNotifier service_;
    double next_ping_s_ = 0;
    platform::IconNames icons_;
    Theme theme_;
    Ui ui_;
    core::Translations tr_;
    bool imgui_ = false;
    bool fonts_dirty_ = false;
    Uint32 wake_event_ = 0;

    std::optional<store::InstanceLock> lock_;
    std::optional<store::CatalogStore> store_;
    std::optional<store::FilingStore> filing_;
    std::unique_ptr<SearchWorker> search_;
    std::optional<StaffDesk> staff_;
    // Where the kiosk stands: saved by staff, else the configuration's [locality].
    store::Locality place_;
    void load_place();
    // The corner hold that opens the PIN pad, and the release that must not tap what is below.
    void watch_staff_corner(double now);
    bool swallow_until_release_ = false;
    Intent draw_staff_page();  // the panel, or the place being chosen
    Intent draw_pin_pad();
    void apply_staff(const Intent& i);
    std::string font_coverage() const;
    std::string when(std::int64_t ms) const;
    int exit_code_ = -1;  // set when the loop must end (staff asked for a restart)

    // What the screens are drawn from.
    core::Lang lang_ = core::Lang::kk;
    core::Lang start_lang_ = core::Lang::kk;  // what the kiosk returns to between residents
    std::vector<ScreenId> stack_{ScreenId::home};
    std::vector<core::Category> categories_;
    std::vector<core::Region> regions_;
    std::vector<core::District> districts_;
    std::int64_t ngo_count_ = 0;
    store::NgoQuery query_;
    std::vector<std::int64_t> results_;
    bool more_results_ = false;
    std::uint64_t wanted_generation_ = 0;
    bool searching_ = false;
    std::string search_error_;
    std::string search_text_;
    // The text field the keyboard types into ("" = none) and the keyboard's state.
    std::string focused_field_;
    KeyLayout kb_layout_ = KeyLayout::kk;
    bool kb_shift_ = false;
    bool scroll_to_top_ = false;
    bool picker_open_ = false;
    std::string picker_region_;
    std::unordered_map<std::int64_t, store::NgoSummary> summaries_;
    std::optional<core::Ngo> ngo_;
    std::string ngo_error_;

    // The proposal being written, and what became of the last one.
    core::ProposalDraft draft_;
    int propose_step_ = 0;
    std::vector<core::FieldProblem> problems_;
    std::string submit_error_;
    std::vector<core::Council> local_councils_;
    std::string receipt_code_;

    // Following a proposal by its code.
    std::string track_text_;
    bool track_searched_ = false;
    std::optional<store::ProposalStatus> track_found_;
    std::string track_error_;

    // The next person must not see the previous one's data.
    double last_input_s_ = 0;

    // Volunteering: the opportunities shown, the one chosen, the form.
    VolunteerView::Mode volunteer_mode_ = VolunteerView::Mode::list;
    std::vector<store::CatalogStore::OpportunityRow> opportunities_;
    std::string volunteer_title_, volunteer_ngo_;
    core::SignupDraft signup_;
    std::vector<core::FieldProblem> signup_problems_;
    std::string signup_error_;
    bool idle_prompt_ = false;

    std::unique_ptr<ScriptPlayer> script_;
    std::string pending_shot_;
    bool shot_failed_ = false;
    Clock::time_point started_ = Clock::now();
    double first_frame_ms_ = -1;
    std::uint64_t wakeups_ = 0;
};

Status App::build_fonts() {
    std::vector<std::uint32_t> cps;
    for (const char* name : kUiIcons) cps.push_back(icons_.codepoint(name));
    for (const auto& c : categories_) cps.push_back(icons_.codepoint(c.icon));
    for (const auto& c : core::kProposalCategories) cps.push_back(icons_.codepoint(c.icon));
    auto set = platform::build_fonts(*ImGui::GetIO().Fonts, platform::FontFiles{}, theme_.font_sizes(), cps);
    if (!set) return Error{set.error()};
    theme_.fonts = *set;
    return ok_status();
}

Status App::start() {
    auto cfg = load_config(opt_.config_path);
    if (!cfg) return Error{cfg.error()};
    cfg_ = *cfg;
    // Which settings are in force is the first thing an operator asks of a misbehaving kiosk.
    platform::log::info(std::string("kiosk ") + AUL_VERSION + " starting with data in " + opt_.data_dir + ", settings " +
                        (cfg_.source.empty() ? "defaults (" + opt_.config_path + " absent)" : "from " + cfg_.source));
    lang_ = cfg_.language;
    if (!opt_.lang.empty() && !core::parse_lang(opt_.lang, lang_)) return Error{"--lang takes kk, ru or en"};
    start_lang_ = lang_;
    theme_ = Theme(ThemeConfig{cfg_.dpi, cfg_.high_contrast, cfg_.large_text});
    auto cap = platform::cap_height_per_pixel(platform::FontFiles{}.regular);
    if (!cap) return Error{cap.error()};
    theme_.set_cap_ratio(*cap);

    if (auto s = load_translations(tr_); !s) return s;

    ::mkdir(opt_.data_dir.c_str(), 0750);
    auto lock = store::InstanceLock::acquire(opt_.data_dir, "kiosk");
    if (!lock) return Error{lock.error()};
    lock_.emplace(std::move(*lock));
    std::string db_path = opt_.data_dir + "/kiosk.db";
    store::OpenReport report;
    auto db = store::open_kiosk_db(db_path, &report);
    if (!db) return Error{db.error()};
    if (!report.damaged_copy.empty())
        platform::log::error("the database failed its check; the damaged file was kept at " + report.damaged_copy +
                              " and a fresh one was created");
    store_.emplace(std::move(*db));
    if (auto s = seed_if_empty(*store_, cfg_.catalog_seed); !s) platform::log::error(s.error());
    refresh_catalogue();

    auto filing_db = store::open_kiosk_db_connection(db_path);
    if (!filing_db) return Error{filing_db.error()};
    auto filing = store::FilingStore::open(std::move(*filing_db));
    if (!filing) return Error{filing.error()};
    filing_.emplace(std::move(*filing));
    if (!cfg_.code.empty())
        if (auto s = filing_->set_kiosk_code(cfg_.code); !s) platform::log::error(s.error());
    StaffDeskConfig desk;
    desk.data_dir = opt_.data_dir;
    desk.usb_roots = cfg_.usb_roots;
    desk.configured_locality = {cfg_.region, cfg_.district, cfg_.settlement};
    desk.wake = [this] {
        SDL_Event e{};
        e.type = wake_event_;
        SDL_PushEvent(&e);
    };
    desk.font_check = [this] { return font_coverage(); };
    staff_.emplace(std::move(desk), *filing_, *store_);
    load_place();

    auto worker_db = store::open_kiosk_db_connection(db_path);
    if (!worker_db) return Error{worker_db.error()};
    wake_event_ = SDL_RegisterEvents(1);
    Uint32 wake_type = wake_event_;
    search_ = std::make_unique<SearchWorker>(store::CatalogStore(std::move(*worker_db)), [wake_type] {
        SDL_Event e{};
        e.type = wake_type;
        SDL_PushEvent(&e);  // thread-safe: wakes the UI loop out of SDL_WaitEvent
    });

    if (auto s = icons_.load(platform::FontFiles{}.icon_names); !s) return s;
    ui_.set_icon_names(&icons_);

    platform::WindowConfig wc;
    wc.fullscreen = opt_.fullscreen;
    wc.width = opt_.width;
    wc.height = opt_.height;
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    imgui_ = true;
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // a kiosk has no window layout to remember
    io.LogFilename = nullptr;
    io.ConfigInputTextCursorBlink = false;  // a blinking caret would force frames forever
    io.MouseDragThreshold = theme_.mm(3);
    if (auto s = build_fonts(); !s) return s;
    if (auto s = window_.open(wc); !s) return s;
    theme_.apply_to_imgui();
    SDL_StartTextInput();

    if (!opt_.script.empty()) {
        std::string text, err;
        if (!platform::read_file(opt_.script, text, err)) return Error{err};
        auto steps = parse_script(text);
        if (!steps) return Error{opt_.script + ": " + steps.error()};
        script_ = std::make_unique<ScriptPlayer>(std::move(*steps));
    }
    if (opt_.screen == "ngos") {
        open_catalog("");
    } else if (opt_.screen == "ngo") {
        auto first = store_->first_ngo(lang_);
        if (first && *first) open_ngo(**first);
    } else if (opt_.screen == "track") {
        apply(Intent::of(Intent::Kind::open_track, filing_->latest_tracking_code().value_or("")));
    } else if (opt_.screen == "volunteer") {
        apply(Intent::of(Intent::Kind::open_volunteer));
    } else if (opt_.screen == "councils") {
        apply(Intent::of(Intent::Kind::open_councils));
    } else if (opt_.screen == "propose") {
        open_propose("");
    } else if (opt_.screen == "receipt") {
        // The latest proposal of this kiosk, or a specimen code when none was filed yet.
        auto latest = filing_->latest_tracking_code();
        receipt_code_ = latest && !latest->empty() ? *latest
                                                   : core::make_tracking_code(cfg_.code.empty() ? "KZ24" : cfg_.code, 1)
                                                         .value_or("KZ24222223X");
        stack_.assign({ScreenId::home, ScreenId::receipt});
    } else if (opt_.screen != "home") {
        return Error{"--screen takes home, ngos, ngo, propose, receipt, track, councils or volunteer"};
    }
    return ok_status();
}

void App::load_place() {
    auto saved = store::saved_locality(*filing_);
    if (!saved) platform::log::error("the saved place could not be read: " + saved.error());
    place_ = saved && *saved ? **saved : store::Locality{cfg_.region, cfg_.district, cfg_.settlement};
    for (auto& line : locality_lines_) line.reset();
    local_councils_.clear();
    if (auto c = store_->councils_for(place_.region, place_.district)) local_councils_ = std::move(*c);
}

std::string App::title() const {
    if (staff_->mode() == StaffMode::locality) return tr_.get(lang_, "staff.locality.title");
    if (staff_->open() && staff_->mode() != StaffMode::pin) return tr_.get(lang_, "staff.title");
    switch (stack_.back()) {
        case ScreenId::home: return tr_.get(lang_, "home.greeting");
        case ScreenId::catalog: return tr_.get(lang_, "ngos.title");
        case ScreenId::ngo: return tr_.get(lang_, "ngo.title");
        case ScreenId::propose: return tr_.get(lang_, "propose.title");
        case ScreenId::receipt: return tr_.get(lang_, "receipt.screen");
        case ScreenId::track: return tr_.get(lang_, "track.title");
        case ScreenId::councils: return tr_.get(lang_, "councils.title");
        case ScreenId::volunteer: return tr_.get(lang_, "volunteer.title");
    }
    return {};
}

const store::NgoSummary* App::summary(std::int64_t rowid) {
    auto it = summaries_.find(rowid);
    if (it != summaries_.end()) return &it->second;
    // A visible row costs one indexed lookup, once; the cache is cleared with new results.
    auto found = store_->summaries(std::span<const std::int64_t>(&rowid, 1));
    if (!found || found->empty()) return nullptr;
    return &summaries_.emplace(rowid, std::move(found->front())).first->second;
}

Intent App::draw_screen() {
    Intent out;
    bool staff_page = staff_->open() && staff_->mode() != StaffMode::pin;
    bool home = stack_.back() == ScreenId::home && !staff_page;
    TopBarView bar{words(), title(), !home, home, theme_.config().high_contrast, theme_.config().large_text, {}};
    if (staff_page) bar.back_label = tr_.get(lang_, staff_->mode() == StaffMode::panel ? "staff.action.leave" : "nav.back");
    keep_first(out, draw_top_bar(ui_, bar));
    if (staff_page) {
        keep_first(out, draw_staff_page());
        return out;
    }
    switch (stack_.back()) {
        case ScreenId::home:
            keep_first(out, draw_home(ui_, HomeView{words(), ngo_count_, &categories_}));
            break;
        case ScreenId::catalog: {
            CatalogView v;
            v.words = words();
            v.categories = &categories_;
            v.regions = &regions_;
            v.districts = &districts_;
            v.query = &query_;
            v.results = &results_;
            v.more_results = more_results_;
            v.searching = searching_;
            v.error = search_error_;
            v.search_text = &search_text_;
            v.search_focused = focused_field_ == "ngos.search";
            v.keyboard_height = focused_field_.empty() ? 0 : keyboard_height(ui_, kb_layout_);
            v.scroll_to_top = std::exchange(scroll_to_top_, false);
            v.picker_open = picker_open_;
            v.picker_region = picker_region_;
            v.summary = [this](std::int64_t id) { return summary(id); };
            Intent list = draw_catalog(ui_, v);
            // The picker sheet covers the list: only its own taps count while open.
            if (picker_open_)
                keep_first(out, draw_region_picker(ui_, v));
            else
                keep_first(out, list);
            break;
        }
        case ScreenId::ngo: {
            NgoView v{words(), ngo_ ? &*ngo_ : nullptr, ngo_error_, &categories_, {}, {}};
            if (ngo_) {
                v.region_name = region_name(&regions_, ngo_->region, lang_);
                if (!ngo_->district.empty()) {
                    load_districts(ngo_->region);
                    for (const auto& d : districts_)
                        if (d.code == ngo_->district) v.district_name = d.name.in(lang_);
                }
            }
            keep_first(out, draw_ngo(ui_, v));
            break;
        }
        case ScreenId::propose: {
            ProposeView v;
            v.words = words();
            v.step = propose_step_;
            v.draft = &draft_;
            v.problems = problems_;
            v.place = locality_line();  // a proposal is about the kiosk's own locality
            v.councils = &local_councils_;
            v.focused_field = focused_field_;
            v.keyboard_height = focused_field_.empty() ? 0 : keyboard_height(ui_, kb_layout_);
            v.submit_error = submit_error_;
            v.contacts_allowed = filing_->can_seal_contacts();
            keep_first(out, draw_propose(ui_, v));
            break;
        }
        case ScreenId::receipt:
            keep_first(out, draw_receipt(ui_, ReceiptView{words(), receipt_code_}));
            break;
        case ScreenId::volunteer: {
            VolunteerView v;
            v.words = words();
            v.mode = volunteer_mode_;
            v.rows = &opportunities_;
            v.chosen_title = volunteer_title_;
            v.chosen_ngo = volunteer_ngo_;
            v.offer_any_help = stack_.size() > 2 && stack_[stack_.size() - 2] == ScreenId::ngo;
            v.signups_open = filing_->can_seal_contacts();
            v.draft = &signup_;
            v.problems = signup_problems_;
            v.focused_field = focused_field_;
            v.keyboard_height = focused_field_.empty() ? 0 : keyboard_height(ui_, kb_layout_);
            v.error = signup_error_;
            keep_first(out, draw_volunteer(ui_, v));
            break;
        }
        case ScreenId::councils:
            keep_first(out, draw_councils(ui_, CouncilsView{words(), &local_councils_, locality_line()}));
            break;
        case ScreenId::track: {
            TrackView v;
            v.words = words();
            v.code = &track_text_;
            v.focused = focused_field_ == "track.code";
            v.keyboard_height = focused_field_.empty() ? 0 : keyboard_height(ui_, kb_layout_);
            v.searched = track_searched_;
            v.found = track_found_ ? &*track_found_ : nullptr;
            v.error = track_error_;
            keep_first(out, draw_track(ui_, v));
            break;
        }
    }
    return out;
}

Intent App::draw_staff_page() {
    if (staff_->mode() == StaffMode::locality) {
        StaffLocalityView v;
        v.words = words();
        v.regions = &regions_;
        v.districts = &staff_->districts();
        v.draft = staff_->locality_draft();
        v.settlement_focused = focused_field_ == "staff.settlement";
        v.keyboard_height = focused_field_.empty() ? 0 : keyboard_height(ui_, kb_layout_);
        const StaffMessage& m = staff_->action_message();
        if (!m.ok) v.message = core::format_text(tr_.get(lang_, m.key), "detail", m.detail);
        return draw_staff_locality(ui_, v);
    }
    StaffPanelView v;
    v.words = words();
    v.status = staff_->status();
    v.kiosk_name = cfg_.name;
    v.place = locality_line();
    v.version = AUL_VERSION;
    const StaffMessage& m = staff_->action_message();
    if (!m.key.empty()) v.message = core::format_text(tr_.get(lang_, m.key), "detail", m.detail);
    for (const auto& [name, value] : m.fields) v.message = core::format_text(v.message, name, value);
    v.message_is_problem = !m.ok;
    v.busy = staff_->busy();
    v.self_testing = staff_->self_test_running();
    v.checks = &staff_->checks();
    v.when = [this](std::int64_t ms) { return when(ms); };
    return draw_staff_panel(ui_, v);
}

Intent App::draw_pin_pad() {
    StaffPinView v;
    v.words = words();
    bool new_pin = staff_->mode() != StaffMode::pin;
    v.title = tr_.get(lang_, new_pin ? "staff.pin.new_title" : "staff.pin.title");
    v.digits = staff_->pin_length();
    v.checking = staff_->checking();
    std::int64_t locked = new_pin ? 0 : staff_->seconds_locked(wall_ms());
    v.locked = locked > 0 || (!new_pin && !staff_->pin_set());
    const StaffMessage& m = staff_->pin_message();
    if (locked > 0)
        v.message = core::format_text(tr_.get(lang_, "staff.pin.locked"), "seconds", std::to_string(locked));
    else if (!m.key.empty() && m.key != "staff.pin.locked")
        v.message = core::format_text(tr_.get(lang_, m.key), "detail", m.detail);
    else if (!new_pin)
        v.message = tr_.get(lang_, "staff.pin.enter");
    v.message_is_problem = locked > 0 || !m.ok;
    Intent i = draw_staff_pin(ui_, v);
    // Cancel while choosing a new PIN goes back to the panel, not out of it.
    if (new_pin && i.kind == Intent::Kind::staff_leave) i = Intent::of(Intent::Kind::staff_back_to_panel);
    return i;
}

// Holding the top-left corner of the home screen still for 3 s opens the PIN pad. Nothing
// there is tappable, so a resident resting a hand there loses nothing; the pad asks for a
// PIN anyway.
void App::watch_staff_corner(double now) {
    const platform::Gesture& g = input_.gesture();
    float corner = theme_.mm(kStaffCornerMm);
    bool in_corner = g.pressed && !g.dragging && g.start.x <= corner && g.start.y <= corner;
    if (!in_corner || staff_->open() || stack_.back() != ScreenId::home || idle_prompt_ || !focused_field_.empty())
        return;
    double due = g.pressed_s + kStaffHoldSeconds;
    if (now < due) {
        pacer_.request_frame_at(due);
        return;
    }
    platform::log::info("staff: PIN pad opened");
    staff_->open_pin_pad(wall_ms());
    swallow_until_release_ = true;
    pacer_.request_frames();
}

void App::apply_staff(const Intent& i) {
    using K = Intent::Kind;
    StaffMode before = staff_->mode();
    if (staff_->apply(i, wall_ms())) {
        platform::log::info("staff: restart asked from the panel");
        exit_code_ = kRestartExitCode;
        return;
    }
    if (i.kind == K::staff_action) platform::log::info("staff: " + i.text);
    if (i.kind == K::staff_locality_save && staff_->mode() == StaffMode::panel) {
        load_place();
        focused_field_.clear();
    }
    if (before != StaffMode::closed && !staff_->open()) {
        platform::log::info("staff: panel left");
        focused_field_.clear();
        stack_.assign(1, ScreenId::home);
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

std::string App::when(std::int64_t ms) const {
    return ms <= 0 ? tr_.get(lang_, "staff.sync.never") : local_time_text(ms);
}

void App::draw_frame(double now, float dt) {
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = std::max(dt, 1e-4f);
    window_.begin_frame();
    input_.begin_frame(io, now);
    ui_.begin_frame(input_.gesture(), dt);
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("##aul", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
    Intent intent;
    take_physical_keys(intent);
    keep_first(intent, draw_screen());
    if (idle_prompt_) {
        int left = static_cast<int>(std::ceil(last_input_s_ + cfg_.idle_seconds + cfg_.idle_prompt_seconds - now));
        // Only the prompt's own button counts while it is up.
        intent = draw_idle_prompt(ui_, IdlePromptView{words(), std::max(0, left)});
    } else if (staff_->mode() == StaffMode::pin || staff_->mode() == StaffMode::new_pin ||
               staff_->mode() == StaffMode::repeat_pin) {
        intent = draw_pin_pad();  // the PIN pad takes every touch while it is up
    } else if (!focused_field_.empty()) {
        KeyboardView kv{kb_layout_, kb_shift_, tr_.get(lang_, "keyboard.done"), tr_.get(lang_, "keyboard.space")};
        Intent key = draw_keyboard(ui_, kv);
        // A key tap is the only thing a touch on the keyboard does.
        if (key) intent = key;
    }
    ImGui::End();
    ImGui::Render();
    window_.render();
    if (!pending_shot_.empty()) {
        if (auto s = window_.write_png(pending_shot_); !s) {
            platform::log::error(s.error());
            shot_failed_ = true;
        }
        pending_shot_.clear();
    }
    window_.present();
    if (first_frame_ms_ < 0) {
        first_frame_ms_ = std::chrono::duration<double, std::milli>(Clock::now() - started_).count();
        service_.ready("serving residents");
    }
    // The finger that opened the PIN pad by holding the corner must not also tap whatever
    // lies under it when it lifts.
    if (swallow_until_release_) {
        intent = Intent{};
        if (!input_.gesture().pressed) swallow_until_release_ = false;
    }
    if (intent) {
        apply(intent);
        pacer_.request_frames();
    }
    watch_staff_corner(now);
}

void App::apply(const Intent& i) {
    using K = Intent::Kind;
    if (staff_->open()) {
        // Back (or home) leaves the panel (and the PIN pad), or returns to the panel from
        // choosing the place or a new PIN.
        bool leaves = staff_->mode() == StaffMode::panel || staff_->mode() == StaffMode::pin;
        if (i.kind == K::go_back || i.kind == K::go_home)
            return apply_staff(Intent::of(leaves ? K::staff_leave : K::staff_back_to_panel));
        if (is_staff(i.kind)) return apply_staff(i);
    }
    switch (i.kind) {
        case K::none: break;
        case K::go_home:
            stack_.assign(1, ScreenId::home);
            picker_open_ = false;
            focused_field_.clear();
            break;
        case K::go_back:
            focused_field_.clear();
            // In the wizard, Back means the previous step, wherever it is tapped.
            if (stack_.back() == ScreenId::propose) return apply(Intent::of(K::propose_back));
            if (picker_open_) picker_open_ = false;
            else if (stack_.size() > 1) stack_.pop_back();
            break;
        case K::set_lang:
            if (i.lang != lang_) {
                lang_ = i.lang;
                // Browsing order is alphabetical in the reader's language.
                if (query_.text.empty() && stack_.back() == ScreenId::catalog) submit_search();
            }
            break;
        case K::toggle_contrast:
            theme_.set_high_contrast(!theme_.config().high_contrast);
            theme_.apply_to_imgui();
            break;
        case K::toggle_large_text:
            theme_.set_large_text(!theme_.config().large_text);
            fonts_dirty_ = true;  // rebuilt between frames, never inside one
            break;
        case K::open_catalog: open_catalog(i.text); break;
        case K::open_ngo: open_ngo(i.id); break;
        case K::search_text:
            query_.text = i.text;
            submit_search();
            break;
        case K::clear_search:
            search_text_.clear();
            field_changed("ngos.search");
            break;
        case K::focus_field:
            focused_field_ = i.text;
            kb_layout_ = layout_for_field(i.text);
            kb_shift_ = false;
            break;
        case K::type_text:
            if (auto f = field(focused_field_); f.text) {
                if (core::codepoint_count(*f.text) + core::codepoint_count(i.text) <= f.max_chars) *f.text += i.text;
                kb_shift_ = false;
                field_changed(focused_field_);
            }
            break;
        case K::backspace:
            if (auto f = field(focused_field_); f.text && !f.text->empty()) {
                pop_codepoint(*f.text);
                field_changed(focused_field_);
            }
            break;
        case K::keyboard_layout:
            if (i.text == "digits")
                kb_layout_ = kb_layout_ == KeyLayout::digits ? letters_for(lang_) : KeyLayout::digits;
            else
                kb_layout_ = next_letter_layout(kb_layout_ == KeyLayout::digits ? letters_for(lang_) : kb_layout_);
            break;
        case K::keyboard_shift: kb_shift_ = !kb_shift_; break;
        case K::keyboard_done: focused_field_.clear(); break;
        case K::open_propose: open_propose(i.text); break;
        case K::propose_category:
            draft_.category = i.text;
            drop_problems(core::Field::category);
            break;
        case K::propose_council: draft_.council = i.text; break;
        case K::propose_anonymous:
            draft_.anonymous = i.text == "1";
            focused_field_.clear();
            problems_.clear();
            break;
        case K::propose_consent:
            draft_.consent = !draft_.consent;
            drop_problems(core::Field::consent);
            break;
        case K::propose_next: propose_next(); break;
        case K::propose_back:
            focused_field_.clear();
            problems_.clear();
            if (propose_step_ > 0) --propose_step_;
            else stack_.pop_back();
            break;
        case K::propose_submit: propose_submit(); break;
        case K::receipt_done: stack_.assign(1, ScreenId::home); break;
        case K::idle_continue: idle_prompt_ = false; break;
        case K::open_councils:
            load_place();  // `kioskctl set-locality` may have moved the kiosk meanwhile
            stack_.assign({ScreenId::home, ScreenId::councils});
            break;
        case K::open_volunteer: {
            load_place();
            auto rows = store_->opportunities(place_.region, i.text);
            opportunities_ = rows ? std::move(*rows) : std::vector<store::CatalogStore::OpportunityRow>{};
            if (!rows) platform::log::error("opportunities: " + rows.error());
            volunteer_mode_ = VolunteerView::Mode::list;
            focused_field_.clear();
            if (i.text.empty()) stack_.assign({ScreenId::home, ScreenId::volunteer});
            else stack_.push_back(ScreenId::volunteer);
            break;
        }
        case K::volunteer_choose: {
            signup_ = core::SignupDraft{};
            signup_problems_.clear();
            signup_error_.clear();
            auto idx = static_cast<std::size_t>(i.id);
            if (i.id >= 0 && idx < opportunities_.size() && opportunities_[idx].opportunity.id == i.text) {
                const auto& r = opportunities_[idx];
                signup_.opportunity = r.opportunity.id;
                signup_.ngo = r.opportunity.ngo;
                volunteer_title_ = r.opportunity.title.in(lang_);
                volunteer_ngo_ = r.ngo_name.in(lang_);
            } else if (ngo_) {  // "any help" for the NGO on screen
                signup_.ngo = ngo_->id;
                volunteer_title_ = tr_.get(lang_, "volunteer.any_help");
                volunteer_ngo_ = ngo_->name.in(lang_);
            }
            volunteer_mode_ = VolunteerView::Mode::form;
            if (stack_.back() != ScreenId::volunteer) stack_.push_back(ScreenId::volunteer);
            break;
        }
        case K::volunteer_consent:
            signup_.consent = !signup_.consent;
            std::erase_if(signup_problems_, [](const core::FieldProblem& p) { return p.field == core::Field::consent; });
            break;
        case K::volunteer_signup: volunteer_signup(); break;
        case K::volunteer_done: stack_.assign(1, ScreenId::home); break;
        case K::open_track:
            track_text_ = i.text;
            track_searched_ = false;
            track_found_.reset();
            track_error_.clear();
            focused_field_ = i.text.empty() ? "track.code" : "";
            kb_layout_ = layout_for_field("track.code");
            stack_.assign({ScreenId::home, ScreenId::track});
            if (!i.text.empty()) apply(Intent::of(K::track_search));
            break;
        case K::track_search: {
            focused_field_.clear();
            track_searched_ = true;
            track_error_.clear();
            track_found_.reset();
            auto found = filing_->find(core::normalize_tracking_input(track_text_));
            if (!found) {
                platform::log::error("tracking lookup failed: " + found.error());
                track_error_ = tr_.get(lang_, "track.error");
            } else if (found->has_value()) {
                track_found_ = std::move(**found);
            }
            break;
        }
        case K::set_category:
            query_.category = i.text;
            submit_search();
            break;
        case K::open_region_picker:
            picker_open_ = true;
            picker_region_.clear();
            break;
        case K::pick_region:
            load_districts(i.text);
            if (!i.text.empty() && !districts_.empty()) {
                picker_region_ = i.text;  // next: which district
            } else {
                query_.region = i.text;
                query_.district.clear();
                picker_open_ = false;
                submit_search();
            }
            break;
        case K::pick_district:
            query_.region = picker_region_;
            query_.district = i.text;
            picker_open_ = false;
            submit_search();
            break;
        case K::close_picker: picker_open_ = false; break;
        default: break;  // staff intents only count while the staff desk is open
    }
}

App::Field App::field(const std::string& id) {
    if (id == "ngos.search") return {&search_text_, 80};
    if (id == "propose.title") return {&draft_.title, core::kTitleMax};
    if (id == "propose.description") return {&draft_.description, core::kDescriptionMax};
    if (id == "propose.name") return {&draft_.name, core::kNameMax};
    if (id == "propose.phone") return {&draft_.phone, 20};
    if (id == "propose.iin") return {&draft_.iin, 12};
    if (id == "track.code") return {&track_text_, 16};
    if (id == "volunteer.name") return {&signup_.name, core::kNameMax};
    if (id == "volunteer.phone") return {&signup_.phone, 20};
    if (id == "staff.settlement" && staff_->mode() == StaffMode::locality) return {&staff_->settlement_text(), 80};
    return {};
}

KeyLayout App::layout_for_field(const std::string& id) const {
    if (id == "propose.phone" || id == "volunteer.phone") return KeyLayout::phone;
    if (id == "propose.iin") return KeyLayout::digits;
    if (id == "track.code") return KeyLayout::en;  // codes are Latin capitals and digits
    return letters_for(lang_);
}

const std::string& App::locality_line() const {
    auto& cached = locality_lines_[static_cast<std::size_t>(lang_)];
    if (cached) return *cached;
    std::string out = place_.settlement;
    auto add = [&](const std::string& part) {
        if (!part.empty()) out += (out.empty() ? "" : ", ") + part;
    };
    if (!place_.district.empty())
        if (auto ds = store_->districts(place_.region))
            for (const auto& x : *ds)
                if (x.code == place_.district) add(x.name.in(lang_));
    add(region_name(&regions_, place_.region, lang_));
    cached = std::move(out);
    return *cached;
}

void App::drop_problems(core::Field f) {
    std::erase_if(problems_, [f](const core::FieldProblem& p) { return p.field == f; });
}


void App::open_propose(const std::string& council) {
    load_place();  // a proposal is about where the kiosk stands now
    draft_ = core::ProposalDraft{};
    draft_.region = place_.region;
    draft_.district = place_.district;
    draft_.settlement = place_.settlement;
    draft_.council = council;
    propose_step_ = 0;
    problems_.clear();
    submit_error_.clear();
    focused_field_.clear();
    stack_.assign({ScreenId::home, ScreenId::propose});
}

namespace {
// Which fields each wizard step asks for, to show a step only its own problems.
bool field_on_step(core::Field f, int step) {
    using F = core::Field;
    switch (step) {
        case 0: return f == F::category;
        case 1: return f == F::place;
        case 2: return f == F::title || f == F::description;
        case 3: return f == F::name || f == F::phone || f == F::iin || f == F::consent;
        default: return true;
    }
}
}  // namespace

void App::propose_next() {
    focused_field_.clear();
    core::ProposalDraft copy = draft_;
    auto all = core::clean_and_check(copy);
    problems_.clear();
    for (const auto& p : all)
        if (field_on_step(p.field, propose_step_)) problems_.push_back(p);
    if (problems_.empty() && propose_step_ < kProposeSteps - 1) ++propose_step_;
}

// Saves the proposal; the receipt appears only once the commit has returned.
void App::propose_submit() {
    core::ProposalDraft accepted = draft_;
    auto problems = core::clean_and_check(accepted);
    if (!problems.empty()) {
        for (int step = 0; step < kProposeSteps; ++step)
            if (field_on_step(problems.front().field, step)) {
                propose_step_ = step;
                break;
            }
        problems_.clear();
        for (const auto& p : problems)
            if (field_on_step(p.field, propose_step_)) problems_.push_back(p);
        return;
    }
    accepted.lang = lang_;
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch());
    auto filed = filing_->file_proposal(accepted, ms.count());
    if (!filed) {
        // Nothing personal goes to the log: only the store's reason.
        platform::log::error("a proposal could not be saved: " + filed.error());
        submit_error_ = core::format_text(tr_.get(lang_, "propose.save_failed"), "reason", filed.error());
        return;
    }
    platform::log::info("proposal " + filed->tracking_code + " saved");
    receipt_code_ = filed->tracking_code;
    draft_ = core::ProposalDraft{};
    problems_.clear();
    submit_error_.clear();
    stack_.assign({ScreenId::home, ScreenId::receipt});
}

void App::field_changed(const std::string& id) {
    // The resident is fixing the field: its problem message goes.
    static const std::pair<const char*, core::Field> kFormFields[] = {
        {"propose.title", core::Field::title}, {"propose.description", core::Field::description},
        {"propose.name", core::Field::name},   {"propose.phone", core::Field::phone},
        {"propose.iin", core::Field::iin},     {"volunteer.name", core::Field::name},
        {"volunteer.phone", core::Field::phone}};
    auto& problems = id.rfind("volunteer.", 0) == 0 ? signup_problems_ : problems_;
    for (auto [field_id, f] : kFormFields)
        if (id == field_id) std::erase_if(problems, [f = f](const core::FieldProblem& p) { return p.field == f; });
    if (id == "track.code") track_searched_ = false;  // a new code: the old answer no longer applies
    if (id == "ngos.search") {
        query_.text = search_text_;
        submit_search();
    }
}

// Typing on a physical keyboard reaches the focused field the same way key taps do.
void App::take_physical_keys(Intent& out) {
    ImGuiIO& io = ImGui::GetIO();
    if (focused_field_.empty()) return;
    if (!io.InputQueueCharacters.empty()) {
        char utf8[256];
        ImTextStrToUtf8(utf8, sizeof utf8, io.InputQueueCharacters.Data,
                        io.InputQueueCharacters.Data + io.InputQueueCharacters.Size);
        io.InputQueueCharacters.resize(0);
        keep_first(out, Intent::of(Intent::Kind::type_text, core::strip_controls(utf8, false)));
    } else if (ImGui::IsKeyPressed(io.KeyMap[ImGuiKey_Backspace])) {
        keep_first(out, Intent::of(Intent::Kind::backspace));
    } else if (ImGui::IsKeyPressed(io.KeyMap[ImGuiKey_Enter]) || ImGui::IsKeyPressed(io.KeyMap[ImGuiKey_Escape])) {
        keep_first(out, Intent::of(Intent::Kind::keyboard_done));
    }
}

void App::open_catalog(const std::string& category) {
    query_ = store::NgoQuery{};
    query_.category = category;
    search_text_.clear();
    focused_field_.clear();
    picker_open_ = false;
    stack_.assign({ScreenId::home, ScreenId::catalog});
    submit_search();
}

void App::submit_search() {
    query_.lang = lang_;
    wanted_generation_ = search_->submit(query_);
    searching_ = true;
}

void App::take_search_result() {
    auto r = search_->take();
    if (!r || r->generation != wanted_generation_) return;
    results_ = std::move(r->rowids);
    more_results_ = r->more;
    search_error_ = r->error.empty() ? "" : tr_.get(lang_, "ngos.error");
    if (!r->error.empty()) platform::log::error("search failed: " + r->error);
    searching_ = false;
    summaries_.clear();
    scroll_to_top_ = true;
}

void App::load_districts(const std::string& region) {
    if (!districts_.empty() && districts_.front().region == region) return;
    districts_.clear();
    if (region.empty()) return;
    if (auto d = store_->districts(region)) districts_ = std::move(*d);
}

void App::open_ngo(std::int64_t rowid) {
    focused_field_.clear();
    auto n = store_->ngo(rowid);
    ngo_.reset();
    ngo_error_.clear();
    if (n)
        ngo_ = std::move(*n);
    else
        ngo_error_ = n.error();
    stack_.push_back(ScreenId::ngo);
}

bool App::session_has_state() const {
    return staff_->open() || stack_.size() > 1 || !search_text_.empty() || !track_text_.empty() || !draft_.title.empty() ||
           !draft_.description.empty() || !draft_.name.empty() || !draft_.phone.empty() || picker_open_ ||
           !signup_.name.empty() || !signup_.phone.empty();
}

// After idle_seconds untouched a prompt; after idle_prompt_seconds more, a fresh session.
// A kiosk resting on its home screen only drops the previous resident's language and
// display choices, without asking.
void App::check_idle(double now) {
    double idle_at = last_input_s_ + cfg_.idle_seconds;
    double reset_at = idle_at + cfg_.idle_prompt_seconds;
    if (staff_->open()) {
        // A panel left open closes without asking anyone "still there?"; not while it is
        // writing to a USB stick, which staff are waiting to pull out.
        if (now >= idle_at && !staff_->busy()) reset_session();
        else pacer_.request_frame_at(std::max(idle_at, now + 1.0));
        return;
    }
    bool changed_display = theme_.config().high_contrast != cfg_.high_contrast ||
                           theme_.config().large_text != cfg_.large_text || lang_ != start_lang_;
    if (!session_has_state() && !idle_prompt_) {
        if (now >= idle_at && changed_display) reset_session();
        else if (changed_display) pacer_.request_frame_at(idle_at);
        return;
    }
    if (now >= reset_at) {
        platform::log::info("idle: the session was reset for the next resident");
        reset_session();
    } else if (now >= idle_at) {
        if (!idle_prompt_) idle_prompt_ = true;
        pacer_.request_frame_at(std::floor(now) + 1.0);  // the countdown ticks once a second
    } else {
        pacer_.request_frame_at(idle_at);
    }
}

void App::refresh_catalogue() {
    auto generation = store_->catalog_generation();
    if (!generation || *generation == catalogue_generation_) return;
    bool first = catalogue_generation_ < 0;
    catalogue_generation_ = *generation;
    if (auto c = store_->categories()) categories_ = std::move(*c);
    if (auto r = store_->regions()) regions_ = std::move(*r);
    if (auto n = store_->ngo_count()) ngo_count_ = *n;
    districts_.clear();
    summaries_.clear();
    if (first) return;
    platform::log::info("catalogue updated: " + std::to_string(ngo_count_) + " organisations");
    fonts_dirty_ = true;  // new categories may bring icons the atlas lacks
    load_place();         // and councils of the kiosk's place may have changed
}

void App::reset_session() {
    idle_prompt_ = false;
    if (staff_->open()) platform::log::info("staff: panel closed after being left untouched");
    staff_->close();
    load_place();
    refresh_catalogue();
    stack_.assign(1, ScreenId::home);
    draft_ = core::ProposalDraft{};
    propose_step_ = 0;
    problems_.clear();
    submit_error_.clear();
    receipt_code_.clear();
    search_text_.clear();
    query_ = store::NgoQuery{};
    results_.clear();
    picker_open_ = false;
    track_text_.clear();
    track_found_.reset();
    signup_ = core::SignupDraft{};
    signup_problems_.clear();
    volunteer_mode_ = VolunteerView::Mode::list;
    track_searched_ = false;
    focused_field_.clear();
    kb_shift_ = false;
    ngo_.reset();
    lang_ = start_lang_;
    if (theme_.config().high_contrast != cfg_.high_contrast || theme_.config().large_text != cfg_.large_text) {
        theme_.set_high_contrast(cfg_.high_contrast);
        theme_.apply_to_imgui();
        if (theme_.config().large_text != cfg_.large_text) {
            theme_.set_large_text(cfg_.large_text);
            fonts_dirty_ = true;
        }
    }
    pacer_.request_frames();
}

void App::volunteer_signup() {
    focused_field_.clear();
    core::SignupDraft accepted = signup_;
    signup_problems_ = core::clean_and_check(accepted);
    if (!signup_problems_.empty()) return;
    accepted.lang = lang_;
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch());
    auto saved = filing_->file_signup(accepted, ms.count());
    if (!saved) {
        platform::log::error("a volunteer sign-up could not be saved: " + saved.error());
        signup_error_ = core::format_text(tr_.get(lang_, "propose.save_failed"), "reason", saved.error());
        return;
    }
    platform::log::info("volunteer sign-up " + *saved + " saved");
    signup_ = core::SignupDraft{};
    volunteer_mode_ = VolunteerView::Mode::thanks;
}

int App::run() {
    if (auto s = start(); !s) {
        platform::log::error(s.error());
        return 2;
    }
    pacer_.request_frames();
    auto seconds = [&] { return std::chrono::duration<double>(Clock::now() - started_).count(); };
    double last = seconds();
    double stats_from = -1;
    std::uint64_t frames_at_stats = 0, wakeups_at_stats = 0;
    int shot_frames = 0;
    for (;;) {
        double now = seconds();
        bool busy = script_ || !opt_.screenshot.empty();
        int timeout = busy ? 0 : pacer_.wait_timeout_ms(now, window_.can_block_for_events());
        if (opt_.stats_after > 0 && stats_from >= 0) {
            double left = stats_from + opt_.stats_after - now;
            if (left <= 0) break;
            int left_ms = static_cast<int>(left * 1000) + 1;
            timeout = timeout < 0 ? left_ms : std::min(timeout, left_ms);
        }
        SDL_Event e;
        bool got = timeout < 0 ? SDL_WaitEvent(&e) : SDL_WaitEventTimeout(&e, timeout);
        ++wakeups_;
        while (got) {
            if (e.type == SDL_QUIT) return 0;
            if (input_.handle(e, window_.width(), window_.height())) {
                if (seconds() - last_input_s_ > cfg_.idle_seconds) refresh_catalogue();  // someone new
                last_input_s_ = seconds();
                pacer_.request_frames();
            } else if (e.type == SDL_WINDOWEVENT || e.type == wake_event_) {
                pacer_.request_frames();
            }
            got = SDL_PollEvent(&e);
        }
        if (searching_) take_search_result();
        // Task results, kiosk-sync's answers, the lockout countdown; once a second while the
        // desk is open (a closed desk is woken by its tasks alone).
        staff_->poll(wall_ms());
        if (staff_->open()) pacer_.request_frame_at(std::floor(seconds()) + 1.0);
        check_idle(seconds());
        // The watchdog hears from the loop itself: a hung loop stops the pings and systemd
        // restarts the kiosk. The ping is a timer, so an idle kiosk still sleeps in between.
        if (service_.ping_every_s() > 0) {
            if (seconds() >= next_ping_s_) {
                service_.alive();
                next_ping_s_ = seconds() + service_.ping_every_s();
            }
            pacer_.request_frame_at(next_ping_s_);
        }
        if (fonts_dirty_) {
            fonts_dirty_ = false;
            if (auto s = build_fonts(); !s) platform::log::error(s.error());
            window_.reload_fonts();
            pacer_.request_frames();
        }
        now = seconds();
        bool wanted = pacer_.take_frame(now);
        if (!busy && !wanted) continue;
        float dt = static_cast<float>(now - last);
        last = now;
        draw_frame(now, dt);
        if (exit_code_ >= 0) return exit_code_;
        bool animating = input_.has_pending() || ui_.animating();
        pacer_.request_continuous(animating);

        if (script_) {
            auto state = script_->advance(*this, now);
            if (state == ScriptPlayer::State::failed || shot_failed_) {
                platform::log::error("script " + opt_.script + " failed at " +
                                     (shot_failed_ ? "a shot: the screenshot could not be written" : script_->failure()));
                return 1;
            }
            if (state == ScriptPlayer::State::passed) {
                std::printf("script %s: %zu steps passed\n", opt_.script.c_str(), script_->steps_done());
                return 0;
            }
        }
        if (!opt_.screenshot.empty() && settled() && ++shot_frames >= 3) return finish_screenshot();
        if (opt_.stats_after > 0 && stats_from < 0 && pacer_.idle() && !searching_) {
            stats_from = seconds();
            frames_at_stats = pacer_.frames();
            wakeups_at_stats = wakeups_;
        }
    }
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    std::printf("{\"first_frame_ms\": %.1f, \"rss_kib\": %ld, \"font_atlas_kib\": %d, \"idle_seconds\": %.1f, "
                "\"idle_frames\": %llu, \"idle_wakeups\": %llu}\n",
                first_frame_ms_, rss_kib(), atlas.TexWidth * atlas.TexHeight * 4 / 1024, opt_.stats_after,
                static_cast<unsigned long long>(pacer_.frames() - frames_at_stats),
                static_cast<unsigned long long>(wakeups_ - wakeups_at_stats - 1));
    return 0;
}

int App::finish_screenshot() {
    pending_shot_ = opt_.screenshot;
    draw_frame(std::chrono::duration<double>(Clock::now() - started_).count(), 1.0f / 60);
    if (shot_failed_) return 1;
    if (std::string defects = visible_defects(); !defects.empty()) {
        platform::log::error(defects);
        return 1;
    }
    std::printf("screenshot %s written\n", opt_.screenshot.c_str());
    return 0;
}

}  // namespace

int run_kiosk(const KioskOptions& options) {
    App app(options);
    return app.run();
}

}  // namespace aul::kiosk
