// The resident's session driven as the screens would drive it, with no window: a real
// kiosk database with the demo catalogue, the shipped translations, searches and PIN
// checks on real background tasks.
#include <doctest/doctest.h>
#include <sodium.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <filesystem>
#include <thread>

#include "core/catalog_json.h"
#include "core/text.h"
#include "core/clock.h"
#include "core/tracking.h"
#include "core/vcard.h"
#include "kiosk/session/session.h"
#include "ops/track_lookup.h"
#include "store/track_lookups.h"
#include "kiosk/temp_kiosk.h"
#include "store/staff_access.h"
#include "test_files.h"

using namespace aul;
using namespace aul::kiosk;
using K = Intent::Kind;

namespace {
constexpr double kIdle = 90, kPrompt = 20;

std::string national_key() {
    REQUIRE(sodium_init() >= 0);
    unsigned char pk[crypto_box_PUBLICKEYBYTES], sk[crypto_box_SECRETKEYBYTES];
    crypto_box_keypair(pk, sk);
    char b64[64];
    sodium_bin2base64(b64, sizeof b64, pk, sizeof pk, sodium_base64_VARIANT_ORIGINAL);
    return b64;
}

const store::Locality kTalgar{"KZ-19", "KZ-19-01", "Талғар"};

struct Kiosk : TempKiosk {
    core::Translations tr;
    platform::TaskRunner tasks;
    std::optional<Session> session;
    std::int64_t now_ms = 1'780'000'000'000;

    // `locality`: the configuration's [locality]; empty, a kiosk nobody told where it stands.
    explicit Kiosk(store::Locality locality = kTalgar) {
        auto demo = core::parse_catalog(asset("demo/catalog.json"));
        REQUIRE(demo.ok());
        REQUIRE(catalog->replace_catalog(*demo).ok());
        REQUIRE(filing->set_kiosk_code("KZ24").ok());
        REQUIRE(filing->set_national_key(national_key()).ok());  // as on an enrolled kiosk
        for (core::Lang l : core::kAllLangs)
            REQUIRE(tr.load(l, asset("i18n/" + std::string(core::lang_code(l)) + ".json")).ok());
        SessionSettings s;
        s.language = core::Lang::kk;
        s.idle_seconds = kIdle;
        s.idle_prompt_seconds = kPrompt;
        s.locality = locality;
        s.staff.data_dir = dir;
        s.staff.configured_locality = s.locality;
        auto search = ops::open_connection(dir);
        REQUIRE(search.ok());
        session.emplace(std::move(s), *catalog, *filing, store::CatalogStore(std::move(*search)), tasks, tr,
                        [this] { return now_ms; });
    }

    // Takes finished background work as the UI loop would, until nothing is pending.
    void settle() {
        for (int i = 0; i < 2000; ++i) {
            tasks.drain();
            session->poll();
            if (!tasks.busy() && session->settled()) return;
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        FAIL("the session did not settle within 10 s");
    }
    void tap(Intent i) {
        session->apply(i);
        settle();
    }
    void tap(K kind, std::string text = {}, std::int64_t id = 0) { tap(Intent::of(kind, std::move(text), id)); }
    // Types into a field through the on-screen keyboard's intents, a code point a key.
    void type(FieldId f, const std::string& text) {
        tap(Intent::focus(f));
        core::for_each_codepoint(text, [&](char32_t, std::string_view key) { tap(K::type_text, std::string(key)); });
        tap(K::keyboard_done);
    }
    bool has_problem(const std::vector<core::FieldProblem>& ps, core::Field f) {
        for (const auto& p : ps)
            if (p.field == f) return true;
        return false;
    }
};
}  // namespace

TEST_CASE("every field's row in the table is its own") {
    for (int i = 0; i <= static_cast<int>(FieldId::staff_settlement); ++i) {
        auto id = static_cast<FieldId>(i);
        CHECK(field_spec(id).id == id);
        if (id != FieldId::none) CHECK(field_spec(id).max_chars > 0);
    }
    CHECK(layout_for(FieldId::propose_phone, core::Lang::ru) == KeyLayout::phone);
    CHECK(layout_for(FieldId::propose_title, core::Lang::ru) == KeyLayout::ru);
    CHECK(layout_for(FieldId::track_code, core::Lang::kk) == KeyLayout::code);
}

TEST_CASE("the proposal wizard: each step checks its own fields, the receipt follows the commit") {
    Kiosk k;
    Session& s = *k.session;
    k.tap(K::open_propose);
    REQUIRE(s.screen() == ScreenId::propose);
    CHECK(s.propose().step() == 0);
    CHECK(s.propose().draft().region == "KZ-19");  // about where the kiosk stands

    k.tap(K::propose_next);  // no category yet
    CHECK(s.propose().step() == 0);
    CHECK(k.has_problem(s.propose().problems(), core::Field::category));
    k.tap(K::propose_category, std::string(core::kProposalCategories[0].code));
    CHECK(s.propose().problems().empty());
    k.tap(K::propose_next);
    CHECK(s.propose().step() == 1);  // the place
    k.tap(K::propose_next);
    CHECK(s.propose().step() == 2);  // the text

    k.tap(K::propose_next);
    CHECK(s.propose().step() == 2);
    CHECK(k.has_problem(s.propose().problems(), core::Field::title));
    k.type(FieldId::propose_title, "Жол жөндеу керек");
    CHECK_FALSE(k.has_problem(s.propose().problems(), core::Field::title));  // fixing a field clears its problem
    k.type(FieldId::propose_description, "Орталық көшедегі шұңқырлар көктемнен бері жөнделмеген.");
    // Back goes a step back, not home, and keeps what was typed.
    k.tap(K::go_back);
    CHECK(s.propose().step() == 1);
    k.tap(K::propose_next);
    k.tap(K::propose_next);
    CHECK(s.propose().step() == 3);  // contact

    k.tap(K::propose_anonymous, "", 0);  // named
    k.tap(K::propose_next);
    CHECK(s.propose().step() == 3);
    CHECK(k.has_problem(s.propose().problems(), core::Field::name));
    CHECK(k.has_problem(s.propose().problems(), core::Field::consent));
    k.type(FieldId::propose_name, "Айгүл Сәрсенова");
    k.type(FieldId::propose_phone, "+7 701 234 56 78");
    k.tap(K::propose_consent);
    k.tap(K::propose_next);
    REQUIRE(s.propose().step() == 4);  // review
    CHECK(k.filing->outgoing(10)->empty());  // nothing saved before Send

    k.tap(K::propose_submit);
    REQUIRE(s.screen() == ScreenId::receipt);
    auto sent = k.filing->outgoing(10);
    REQUIRE(sent.ok());
    REQUIRE(sent->size() == 1);
    CHECK(sent->front().title == "Жол жөндеу керек");
    CHECK_FALSE(sent->front().anonymous);
    CHECK(sent->front().contact.find("Айгүл") == std::string::npos);  // sealed, not plain
    CHECK(s.propose().receipt_code() == sent->front().tracking_code);
    CHECK(s.propose().draft().title.empty());  // the draft went with the receipt
    k.tap(K::receipt_done);
    CHECK(s.screen() == ScreenId::home);
}

TEST_CASE("a field never grows past its table's length; backspace takes one code point") {
    Kiosk k;
    Session& s = *k.session;
    k.tap(K::open_track, "");
    REQUIRE(s.focused() == FieldId::track_code);
    for (int i = 0; i < 40; ++i) k.tap(K::type_text, "Ә");
    CHECK(core::codepoint_count(*s.track().view().code) == field_spec(FieldId::track_code).max_chars);
    k.tap(K::backspace);
    CHECK(core::codepoint_count(*s.track().view().code) == field_spec(FieldId::track_code).max_chars - 1);
}

TEST_CASE("volunteer sign-up: the opportunities near the kiosk, the form, the thanks") {
    Kiosk k;
    Session& s = *k.session;
    k.tap(K::open_volunteer);
    REQUIRE(s.screen() == ScreenId::volunteer);
    VolunteerView list = s.volunteer().view();
    REQUIRE(list.rows);
    REQUIRE_FALSE(list.rows->empty());
    k.tap(K::volunteer_choose, list.rows->front().opportunity.id, 0);
    CHECK(s.volunteer().mode() == VolunteerView::Mode::form);
    k.tap(K::volunteer_signup);
    CHECK(s.volunteer().mode() == VolunteerView::Mode::form);
    CHECK(k.has_problem(s.volunteer().problems(), core::Field::name));
    k.type(FieldId::volunteer_name, "Ерлан Жақсылықов");
    k.type(FieldId::volunteer_phone, "+7 702 000 11 22");
    k.tap(K::volunteer_consent);
    k.tap(K::volunteer_signup);
    CHECK(s.volunteer().mode() == VolunteerView::Mode::thanks);
    auto queued = k.filing->outgoing_signups(10);
    REQUIRE(queued.ok());
    REQUIRE(queued->size() == 1);
    CHECK(queued->front().opportunity == list.rows->front().opportunity.id);
    CHECK(s.volunteer().view().draft->name.empty());  // the form forgets once saved
}

TEST_CASE("take it home: the organisation's page and each opportunity carry its contact in the reader's language") {
    Kiosk k;
    Session& s = *k.session;
    auto first = k.catalog->first_ngo(core::Lang::kk);
    REQUIRE(first.ok());
    REQUIRE(first->has_value());
    auto ngo = k.catalog->ngo(**first);
    REQUIRE(ngo.ok());
    k.tap(K::open_ngo, "", **first);
    REQUIRE(s.screen() == ScreenId::ngo);
    CHECK(s.catalog().ngo_view().contact_card ==
          core::contact_vcard({ngo->name.kk, ngo->phone, ngo->email, ngo->address.kk}));
    CHECK(s.catalog().ngo_view().contact_card.find("FN:") != std::string::npos);
    k.tap(Intent::language(core::Lang::en));
    CHECK(s.catalog().ngo_view().contact_card ==
          core::contact_vcard({ngo->name.in(core::Lang::en), ngo->phone, ngo->email, ngo->address.in(core::Lang::en)}));

    k.tap(K::open_volunteer);
    VolunteerView list = s.volunteer().view();
    REQUIRE(list.rows);
    REQUIRE(list.contact_cards);
    REQUIRE(list.contact_cards->size() == list.rows->size());
    auto card_of = [](const store::CatalogStore::OpportunityRow& r, core::Lang l) {
        return core::contact_vcard({r.ngo_name.in(l), r.ngo_phone, r.ngo_email, r.ngo_address.in(l)});
    };
    int with_card = 0;
    for (std::size_t i = 0; i < list.rows->size(); ++i) {
        CHECK((*list.contact_cards)[i] == card_of((*list.rows)[i], core::Lang::en));
        with_card += !(*list.contact_cards)[i].empty();
    }
    CHECK(with_card > 0);
    k.tap(Intent::language(core::Lang::ru));
    list = s.volunteer().view();
    CHECK(list.contact_cards->front() == card_of(list.rows->front(), core::Lang::ru));
}

TEST_CASE("idle: a prompt, then a fresh session with nothing of the previous resident's") {
    Kiosk k;
    Session& s = *k.session;
    s.touched(0);
    k.tap(K::open_propose);
    k.tap(Intent::language(core::Lang::ru));
    k.tap(K::toggle_large_text);
    k.tap(K::propose_category, std::string(core::kProposalCategories[1].code));
    k.tap(K::propose_next);
    k.tap(K::propose_next);
    k.type(FieldId::propose_title, "Private words");
    REQUIRE(s.holds_resident_data());

    CHECK(s.check_idle(kIdle - 1) == doctest::Approx(kIdle));  // look again when it is due
    CHECK_FALSE(s.idle_prompt());
    s.check_idle(kIdle + 0.5);
    CHECK(s.idle_prompt());
    CHECK(s.idle_seconds_left(kIdle + 0.5) == static_cast<int>(kPrompt));
    k.tap(K::idle_continue);  // "still here"
    s.touched(kIdle + 1);
    CHECK_FALSE(s.idle_prompt());
    CHECK(s.propose().draft().title == "Private words");

    s.check_idle(kIdle + 1 + kIdle);
    REQUIRE(s.idle_prompt());
    s.check_idle(kIdle + 1 + kIdle + kPrompt);
    CHECK_FALSE(s.idle_prompt());
    CHECK(s.screen() == ScreenId::home);
    CHECK(s.propose().draft().title.empty());
    CHECK(s.lang() == core::Lang::kk);
    CHECK_FALSE(s.display().large_text);
    CHECK_FALSE(s.holds_resident_data());
    CHECK(s.focused() == FieldId::none);
}

TEST_CASE("idle at home: only the language and display return, without a prompt") {
    Kiosk k;
    Session& s = *k.session;
    s.touched(0);
    k.tap(Intent::language(core::Lang::en));
    k.tap(K::toggle_contrast);
    CHECK_FALSE(s.holds_resident_data());
    CHECK(s.check_idle(1) == doctest::Approx(kIdle));
    s.check_idle(kIdle);
    CHECK_FALSE(s.idle_prompt());
    CHECK(s.lang() == core::Lang::kk);
    CHECK_FALSE(s.display().high_contrast);
}

TEST_CASE("searching: only the newest query's answer is shown") {
    Kiosk k;
    Session& s = *k.session;
    k.tap(K::open_catalog);
    REQUIRE(s.screen() == ScreenId::catalog);
    CatalogView all = s.catalog().view();
    CHECK(all.results->size() > 10);
    // Typed quickly: every key starts a search and cancels the one before.
    s.apply(Intent::focus(FieldId::ngos_search));
    for (const char* key : {"б", "і", "л", "і", "м"}) s.apply(Intent::of(K::type_text, key));
    k.settle();
    store::NgoQuery q;
    q.text = "білім";
    q.region = "KZ-19";  // the kiosk's own region, where the catalogue opens
    q.lang = core::Lang::kk;
    auto direct = k.catalog->search(q);
    REQUIRE(direct.ok());
    CatalogView v = s.catalog().view();
    CHECK(v.result_count == direct->count);
    const auto first = std::min<std::size_t>(direct->rowids.size(), CatalogFlow::kPageRows);
    CHECK(*v.results == std::vector<std::int64_t>(direct->rowids.begin(), direct->rowids.begin() + first));
    CHECK_FALSE(s.catalog().searching());
}

TEST_CASE("searching: the count and the first page come first; scrolling towards more rows fetches their pages") {
    Kiosk k;
    Session& s = *k.session;
    k.tap(K::open_catalog);
    k.tap(K::pick_region, "");  // every region: the 300 NGOs of the demo catalogue
    auto whole = k.catalog->search(store::NgoQuery{.lang = core::Lang::kk});
    REQUIRE(whole.ok());
    const std::vector<std::int64_t>& all = whole->rowids;
    REQUIRE(all.size() > 3 * CatalogFlow::kPageRows);
    auto head = [&](std::size_t n) { return std::vector<std::int64_t>(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(n)); };

    CatalogView v = s.catalog().view();
    CHECK(v.result_count == static_cast<std::int64_t>(all.size()));  // the list is as long as the whole answer
    CHECK(*v.results == head(CatalogFlow::kPageRows));                // what is fetched is its first page

    v.want_rows(CatalogFlow::kPageRows - 1);  // rows already there: nothing to fetch
    CHECK_FALSE(s.catalog().searching());
    v.want_rows(CatalogFlow::kPageRows + 5);  // the list scrolled on: the next page
    CHECK(s.catalog().searching());
    k.settle();
    CHECK(*s.catalog().view().results == head(2 * CatalogFlow::kPageRows));
    s.catalog().view().want_rows(3 * CatalogFlow::kPageRows + 1);  // a flick: the pages up to that row, at once
    k.settle();
    CHECK(*s.catalog().view().results == head(4 * CatalogFlow::kPageRows));
    // To the end, and no further.
    s.catalog().view().want_rows(static_cast<std::int64_t>(all.size()) + 50);
    k.settle();
    CHECK(*s.catalog().view().results == all);
    s.catalog().view().want_rows(static_cast<std::int64_t>(all.size()) + 50);
    CHECK_FALSE(s.catalog().searching());
}

TEST_CASE("searching: a keystroke drops the page of the query before it, still on its way") {
    Kiosk k;
    Session& s = *k.session;
    k.tap(K::open_catalog);
    k.tap(K::pick_region, "");
    for (int i = 0; i < 20; ++i) {  // the page and the keystroke race differently each time
        s.catalog().view().want_rows(CatalogFlow::kPageRows * (1 + i % 4));
        s.apply(Intent::focus(FieldId::ngos_search));
        s.apply(Intent::of(K::type_text, i % 2 ? "а" : "қ"));
        k.settle();
        store::NgoQuery q{.text = s.catalog().view().query->text, .lang = core::Lang::kk};
        auto first = k.catalog->search_first(q, CatalogFlow::kPageRows);
        REQUIRE(first.ok());
        CatalogView v = s.catalog().view();
        CHECK(v.result_count == first->count);
        CHECK(*v.results == first->rowids);  // only the new query's rows, none of the old page
        // Its own next page still follows.
        v.want_rows(CatalogFlow::kPageRows + 1);
        k.settle();
        auto second = k.catalog->search_page(q, CatalogFlow::kPageRows, CatalogFlow::kPageRows);
        REQUIRE(second.ok());
        std::vector<std::int64_t> both = first->rowids;
        both.insert(both.end(), second->begin(), second->end());
        CHECK(*s.catalog().view().results == both);
        s.apply(Intent::of(K::clear_search));
        k.settle();
    }
}

TEST_CASE("the catalogue opens on the kiosk's own region; one intent shows every region") {
    Kiosk k;
    Session& s = *k.session;
    auto everyone = k.catalog->ngo_count();
    REQUIRE(everyone.ok());
    k.tap(K::open_catalog);
    REQUIRE(s.screen() == ScreenId::catalog);
    CatalogView v = s.catalog().view();
    CHECK(v.query->region == "KZ-19");
    CHECK(v.query->district.empty());  // the whole region, not only the kiosk's district
    REQUIRE_FALSE(v.results->empty());
    CHECK(v.result_count < *everyone);
    for (std::int64_t id : *v.results) {
        const store::NgoSummary* row = v.summary(id);
        REQUIRE(row);
        CHECK(row->region == "KZ-19");
    }

    k.tap(K::pick_region, "");  // "All regions"
    v = s.catalog().view();
    CHECK(v.query->region.empty());
    CHECK_FALSE(s.catalog().picker_open());
    CHECK(v.result_count == *everyone);

    // A category from the home screen opens on the region too; a fresh session starts over.
    k.tap(K::go_home);
    k.tap(K::open_catalog, "children");
    v = s.catalog().view();
    CHECK(v.query->region == "KZ-19");
    CHECK(v.query->category == "children");
    k.tap(K::pick_region, "");
    s.reset();
    k.tap(K::open_catalog);
    CHECK(s.catalog().view().query->region == "KZ-19");
}

TEST_CASE("a kiosk without a place, or one the catalogue does not list, opens on every region") {
    for (store::Locality where : {store::Locality{}, store::Locality{"KZ-99", "", "Nowhere"}}) {
        CAPTURE(where.region);
        Kiosk k(where);
        k.tap(K::open_catalog);
        CatalogView v = k.session->catalog().view();
        CHECK(v.query->region.empty());
        CHECK(v.result_count == *k.catalog->ngo_count());
    }
}

TEST_CASE("staff: the corner opens the PIN pad; a wrong PIN is refused, the right one opens the panel; a new PIN works") {
    Kiosk k;
    Session& s = *k.session;
    REQUIRE(store::StaffAccess(*k.filing).set_pin_hash(*store::hash_pin("482615")).ok());
    auto type_pin = [&](const std::string& digits) {
        for (char d : digits) k.tap(K::staff_pin_digit, std::string(1, d));
        k.tap(K::staff_pin_ok);
    };
    CHECK(s.staff_corner_active());
    // Staff intents do nothing before the pad is open.
    k.tap(Intent::staff(StaffAction::restart));
    CHECK_FALSE(s.exit_code());

    s.open_staff_pad();
    REQUIRE(s.staff().mode() == StaffMode::pin);
    CHECK_FALSE(s.staff_corner_active());
    type_pin("111111");
    CHECK(s.staff().mode() == StaffMode::pin);
    CHECK_FALSE(s.staff_pin_view().message.empty());
    CHECK(s.staff_pin_view().message_is_problem);
    type_pin("482615");
    REQUIRE(s.staff().mode() == StaffMode::panel);
    CHECK(s.holds_resident_data());  // an open panel is never left to the next person

    k.tap(Intent::staff(StaffAction::pin));
    REQUIRE(s.staff().mode() == StaffMode::new_pin);
    type_pin("7351");
    REQUIRE(s.staff().mode() == StaffMode::repeat_pin);
    type_pin("7351");
    CHECK(s.staff().mode() == StaffMode::panel);
    k.tap(K::go_back);  // leaves the panel
    CHECK_FALSE(s.staff().open());
    CHECK(s.screen() == ScreenId::home);

    s.open_staff_pad();
    type_pin("482615");
    CHECK(s.staff().mode() == StaffMode::pin);  // the old PIN no longer opens it
    type_pin("7351");
    CHECK(s.staff().mode() == StaffMode::panel);

    // A panel left untouched closes by itself.
    s.touched(0);
    s.check_idle(kIdle + 1);
    CHECK_FALSE(s.staff().open());
}

namespace {
// Stands in for kiosk-sync's lookup thread (sync::serve_lookups): answers the Track
// screen's questions through its own connection to the kiosk's database, as `answer` says.
struct LookupResponder {
    std::atomic<bool> stop{false};
    std::atomic<int> answered{0};
    std::function<std::pair<store::LookupOutcome, store::RemoteProgress>(const std::string&)> answer;
    std::thread worker;
    LookupResponder(const std::string& dir, decltype(answer) how) : answer(std::move(how)) {
        worker = std::thread([this, dir] {
            auto filing = ops::open_filing_connection(dir);
            REQUIRE(filing.ok());
            while (!stop) {
                auto pending = store::pending_lookups(*filing, core::now_ms());
                REQUIRE(pending.ok());
                for (const auto& code : *pending) {
                    auto [outcome, progress] = answer(code);
                    REQUIRE(store::answer_lookup(*filing, code, outcome, progress, core::now_ms()).ok());
                    ++answered;
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
        });
    }
    ~LookupResponder() {
        stop = true;
        worker.join();
    }
};
}  // namespace

TEST_CASE("tracking: a code filed here is shown at once; another kiosk's is asked of the national server") {
    Kiosk k;
    Session& s = *k.session;
    core::ProposalDraft mine;
    mine.category = "water";
    mine.region = "KZ-19";
    mine.title = "Су құбыры";
    mine.description = "Ауылда таза су жоқ.";
    REQUIRE(core::clean_and_check(mine).empty());
    auto filed = k.filing->file_proposal(mine, k.now_ms);
    REQUIRE(filed.ok());
    const std::string elsewhere = *core::make_tracking_code("KZ25", 7);
    REQUIRE(k.filing->set_setting("sync_url", "https://national.example").ok());  // enrolled

    std::atomic<int> offline_left{1};
    LookupResponder server(k.dir, [&](const std::string& code) {
        store::RemoteProgress p;
        if (code != elsewhere) return std::pair{store::LookupOutcome::unknown, p};
        if (offline_left-- > 0) return std::pair{store::LookupOutcome::offline, p};
        p.tracking_code = code;
        p.state = "in_review";
        p.answer = "Қаралуда.";
        p.history = {{"delivered", 1, {}}, {"in_review", 2, {}}};
        return std::pair{store::LookupOutcome::found, p};
    });

    k.tap(K::open_track, filed->tracking_code);
    TrackView here = s.track().view();
    REQUIRE(here.found);
    CHECK(here.found->title == "Су құбыры");
    CHECK_FALSE(here.elsewhere);
    CHECK(server.answered == 0);  // a code of this kiosk never leaves it

    k.tap(K::open_track, core::format_tracking_code(elsewhere));
    TrackView offline = s.track().view();
    CHECK_FALSE(offline.found);
    REQUIRE(offline.elsewhere);
    CHECK(*offline.elsewhere == store::LookupOutcome::offline);
    k.tap(K::track_search);  // "Try again", once the line is back
    TrackView found = s.track().view();
    REQUIRE(found.found);
    CHECK(*found.elsewhere == store::LookupOutcome::found);
    CHECK(found.found->state == "in_review");
    CHECK(found.found->answer == "Қаралуда.");
    CHECK(found.found->title.empty());
    CHECK(found.found->history.size() == 2);

    k.tap(K::open_track, *core::make_tracking_code("KZ25", 8));
    CHECK(*s.track().view().elsewhere == store::LookupOutcome::unknown);
    CHECK(server.answered == 3);
}

TEST_CASE("tracking: the resident leaving while the server is asked drops the question's answer") {
    Kiosk k;
    Session& s = *k.session;
    REQUIRE(k.filing->set_setting("sync_url", "https://national.example").ok());
    s.touched(0);
    s.apply(Intent::of(K::open_track, *core::make_tracking_code("KZ25", 7)));
    CHECK(s.track().view().asking_server);
    CHECK_FALSE(s.settled());  // a script waits for the answer
    s.check_idle(kIdle + kPrompt + 1);  // nobody came back: a fresh session
    k.settle();
    CHECK(s.screen() == ScreenId::home);
    TrackView after = s.track().view();
    CHECK_FALSE(after.asking_server);
    CHECK_FALSE(after.elsewhere);
    CHECK(after.code->empty());
}

TEST_CASE("tracking: kiosk-sync silent reads as offline to the resident; a kiosk never enrolled says so at once") {
    Kiosk k;
    auto never_enrolled = ops::look_up_elsewhere(k.dir, *core::make_tracking_code("KZ25", 7), {}, 5000, 20);
    REQUIRE(never_enrolled.ok());
    CHECK(never_enrolled->outcome == store::LookupOutcome::not_enrolled);
    REQUIRE(k.filing->set_setting("sync_url", "https://national.example").ok());
    auto answer = ops::look_up_elsewhere(k.dir, *core::make_tracking_code("KZ25", 7), {}, /*within_ms=*/300, 20);
    REQUIRE(answer.ok());
    CHECK(answer->outcome == store::LookupOutcome::offline);
    bool stop = true;
    auto stopped = ops::look_up_elsewhere(k.dir, *core::make_tracking_code("KZ25", 8), [&] { return stop; }, 5000, 20);
    REQUIRE(stopped.ok());
    CHECK(stopped->outcome == store::LookupOutcome::waiting);  // the resident left: nothing to show
}

TEST_CASE("leaving a proposal that holds what the resident wrote asks first; keeping it keeps every word") {
    Kiosk k;
    Session& s = *k.session;
    k.tap(K::open_propose);
    k.tap(K::go_home);  // nothing written yet: no question
    CHECK(s.screen() == ScreenId::home);
    CHECK_FALSE(s.discard_prompt());

    k.tap(K::open_propose);
    k.tap(K::propose_category, std::string(core::kProposalCategories[0].code));
    k.tap(K::propose_next);
    k.tap(K::propose_next);
    k.type(FieldId::propose_title, "Жол бұзылған");
    k.tap(K::go_home);
    REQUIRE(s.discard_prompt());
    CHECK(s.screen() == ScreenId::propose);
    k.tap(K::propose_next);  // while it is asked, only its answers count
    CHECK(s.discard_prompt());
    k.tap(K::discard_keep);
    CHECK_FALSE(s.discard_prompt());
    CHECK(s.propose().draft().title == "Жол бұзылған");
    CHECK(s.screen() == ScreenId::propose);

    // Back goes a step back without asking; off the first step it asks.
    int step = s.propose().view().step;
    k.tap(K::go_back);
    CHECK_FALSE(s.discard_prompt());
    CHECK(s.propose().view().step == step - 1);
    while (s.propose().view().step > 0) k.tap(K::go_back);
    k.tap(K::go_back);
    REQUIRE(s.discard_prompt());
    k.tap(K::discard_confirm);
    CHECK(s.screen() == ScreenId::home);
    CHECK(s.propose().draft().title.empty());
    CHECK_FALSE(s.holds_resident_data());

    // An idle reset answers nothing: the session simply starts afresh.
    s.touched(0);
    k.tap(K::open_propose);
    k.tap(K::propose_category, std::string(core::kProposalCategories[0].code));
    k.tap(K::propose_next);
    k.tap(K::propose_next);
    k.type(FieldId::propose_title, "Су");
    k.tap(K::go_home);
    REQUIRE(s.discard_prompt());
    s.check_idle(kIdle + kPrompt + 1);
    CHECK_FALSE(s.discard_prompt());
    CHECK(s.screen() == ScreenId::home);
    CHECK(s.propose().draft().title.empty());
}

namespace {
// The wizard opened and its first step done: the place step is showing.
void to_place_step(Kiosk& k) {
    k.tap(K::open_propose);
    k.tap(K::propose_category, std::string(core::kProposalCategories[0].code));
    k.tap(K::propose_next);
    REQUIRE(k.session->propose().step() == 1);
}
// The text step filled in and passed: the contact step is showing.
void write_text(Kiosk& k) {
    REQUIRE(k.session->propose().step() == 2);
    k.type(FieldId::propose_title, "Көпір құлап жатыр");
    k.type(FieldId::propose_description, "Өзен үстіндегі ағаш көпірдің тақтайлары шіріген.");
    k.tap(K::propose_next);
    REQUIRE(k.session->propose().step() == 3);
}
bool first_problem_is(const std::vector<core::FieldProblem>& ps, const std::string& key) {
    return !ps.empty() && ps.front().message_key == key;
}
}  // namespace

TEST_CASE("place: a kiosk that does not know where it stands asks the region, the district, then the village") {
    Kiosk k(store::Locality{});
    Session& s = *k.session;
    to_place_step(k);
    ProposeFlow& p = s.propose();
    CHECK(p.place_level() == PlaceLevel::region);
    CHECK(p.draft().region.empty());
    ProposeView v = p.view();
    CHECK(v.here.empty());  // nothing to offer as "here"
    CHECK_FALSE(v.place_is_here);
    REQUIRE(v.regions);
    CHECK(v.regions->size() == 20);

    k.tap(K::propose_next);  // nothing chosen: the step says what to do, not "tell the staff"
    CHECK(p.step() == 1);
    CHECK(first_problem_is(p.problems(), "error.place.region"));
    CHECK(p.problems().size() == 1);
    CHECK(p.view().scroll_to_problem);

    // Only the catalogue's codes are taken, each at its own level.
    k.tap(K::propose_place_district, "KZ-19-03");
    k.tap(K::propose_place_region, "KZ-99");
    CHECK(p.place_level() == PlaceLevel::region);
    CHECK(p.draft().region.empty());

    k.tap(K::propose_place_region, "KZ-19");
    CHECK(p.place_level() == PlaceLevel::district);
    CHECK(p.problems().empty());  // choosing answers the problem
    v = p.view();
    CHECK(v.scroll_to_top);  // the districts' list starts at its top
    REQUIRE(v.districts);
    CHECK(v.districts->size() == 9);
    k.tap(K::propose_place_district, "KZ-61-01");  // another region's
    CHECK(p.place_level() == PlaceLevel::district);
    k.tap(K::propose_next);
    CHECK(first_problem_is(p.problems(), "error.place.district"));

    k.tap(K::propose_place_district, "KZ-19-03");
    CHECK(p.place_level() == PlaceLevel::settlement);
    CHECK(s.focused() == FieldId::propose_settlement);  // the name is all that is left: the keyboard is up
    k.tap(K::keyboard_done);  // its only field: the keyboard closes
    CHECK(s.focused() == FieldId::none);
    k.tap(K::propose_next);
    CHECK(first_problem_is(p.problems(), "error.place.settlement"));
    k.type(FieldId::propose_settlement, "Өтеген батыр");
    CHECK(p.problems().empty());
    CHECK(p.view().place == "Өтеген батыр, Іле ауданы, Алматы облысы");

    // Back goes up a level, keeping what was chosen; above the regions, the previous step.
    k.tap(K::go_back);
    CHECK(p.place_level() == PlaceLevel::district);
    CHECK(p.draft().district == "KZ-19-03");
    k.tap(K::propose_back);
    CHECK(p.place_level() == PlaceLevel::region);
    CHECK(p.draft().region == "KZ-19");
    CHECK(p.step() == 1);
    k.tap(K::go_back);
    CHECK(p.step() == 0);
    CHECK_FALSE(s.discard_prompt());
    k.tap(K::propose_next);
    k.tap(K::propose_place_region, "KZ-19");  // the same region keeps its district and the name
    k.tap(K::propose_place_district, "KZ-19-03");
    CHECK(p.draft().settlement == "Өтеген батыр");
    CHECK(s.focused() == FieldId::none);  // a name is there already: no keyboard

    // The councils are the chosen place's.
    bool district_council = false;
    for (const auto& c : *p.view().councils) district_council = district_council || c.id == "council-kz19-03";
    CHECK(district_council);
    k.tap(K::propose_council, "council-kz61-01");  // not this place's: not taken
    CHECK(p.draft().council.empty());
    k.tap(K::propose_council, "council-kz19-03");
    CHECK(p.draft().council == "council-kz19-03");

    k.tap(K::propose_next);
    write_text(k);
    k.tap(K::propose_next);  // anonymous
    REQUIRE(p.step() == kReviewStep);
    k.tap(K::propose_submit);
    REQUIRE(s.screen() == ScreenId::receipt);
    auto sent = k.filing->outgoing(10);
    REQUIRE(sent.ok());
    REQUIRE(sent->size() == 1);
    CHECK(sent->front().region == "KZ-19");
    CHECK(sent->front().district == "KZ-19-03");
    CHECK(sent->front().settlement == "Өтеген батыр");
    CHECK(sent->front().council == "council-kz19-03");
}

TEST_CASE("place: a region without districts goes straight to the name; 'not listed' leaves the district out") {
    Kiosk k(store::Locality{});
    ProposeFlow& p = k.session->propose();
    to_place_step(k);
    k.tap(K::propose_place_region, "KZ-71");  // Astana: the catalogue lists no districts
    CHECK(p.place_level() == PlaceLevel::settlement);
    k.tap(K::go_back);
    CHECK(p.place_level() == PlaceLevel::region);  // up to the regions, there being no districts
    k.tap(K::propose_place_region, "KZ-61");
    k.tap(K::propose_place_district, "");  // the resident's district is not listed
    CHECK(p.place_level() == PlaceLevel::settlement);
    CHECK(p.draft().district.empty());
    k.type(FieldId::propose_settlement, "  Қарабұлақ ");
    k.tap(K::propose_next);
    CHECK(p.step() == 2);
    write_text(k);
    k.tap(K::propose_next);
    k.tap(K::propose_submit);
    auto sent = k.filing->outgoing(10);
    REQUIRE(sent.ok());
    REQUIRE(sent->size() == 1);
    CHECK(sent->front().region == "KZ-61");
    CHECK(sent->front().district.empty());
    CHECK(sent->front().settlement == "Қарабұлақ");  // cleaned as the form cleans text
}

TEST_CASE("place: a kiosk that knows where it stands offers its place and another; out of the picker is back to it") {
    Kiosk k;
    Session& s = *k.session;
    to_place_step(k);
    ProposeFlow& p = s.propose();
    CHECK(p.place_level() == PlaceLevel::here);
    ProposeView v = p.view();
    CHECK(v.place_is_here);
    CHECK(v.here == "Талғар, Талғар ауданы, Алматы облысы");
    CHECK(v.place == v.here);
    k.tap(K::propose_council, "council-kz19-01");

    k.tap(K::propose_place_elsewhere);
    CHECK(p.place_level() == PlaceLevel::region);
    CHECK(p.draft().region.empty());
    CHECK(p.draft().settlement.empty());  // the kiosk's village is not the resident's words
    CHECK(p.draft().council.empty());     // Talgar's council is not the new place's
    k.tap(K::propose_next);
    CHECK(first_problem_is(p.problems(), "error.place.region"));
    k.tap(K::propose_place_region, "KZ-61");
    k.tap(K::propose_place_district, "KZ-61-01");
    k.type(FieldId::propose_settlement, "Ақсу");
    CHECK(s.holds_resident_data());  // a place the resident wrote
    k.tap(K::go_back);
    k.tap(K::go_back);
    k.tap(K::go_back);  // above the regions: the kiosk's own place again
    CHECK(p.step() == 1);
    CHECK(p.place_level() == PlaceLevel::here);
    CHECK(p.draft().region == "KZ-19");
    CHECK(p.draft().settlement == "Талғар");
    CHECK(p.view().scroll_to_top);

    k.tap(K::propose_place_elsewhere);
    k.tap(K::propose_place_region, "KZ-61");
    k.tap(K::propose_place_district, "KZ-61-02");
    k.type(FieldId::propose_settlement, "Ленгер");
    k.tap(K::propose_place_here);  // changed their mind
    CHECK(p.place_level() == PlaceLevel::here);
    CHECK(p.draft().district == "KZ-19-01");
    k.tap(K::propose_place_elsewhere);
    k.tap(K::propose_place_region, "KZ-61");
    k.tap(K::propose_place_district, "KZ-61-02");
    k.type(FieldId::propose_settlement, "Ленгер");
    k.tap(K::propose_next);
    write_text(k);
    k.tap(K::propose_next);
    REQUIRE(p.step() == kReviewStep);
    CHECK(p.view().place == "Ленгер, Төле би ауданы, Түркістан облысы");
    k.tap(K::propose_submit);
    auto sent = k.filing->outgoing(10);
    REQUIRE(sent.ok());
    REQUIRE(sent->size() == 1);
    CHECK(sent->front().region == "KZ-61");
    CHECK(sent->front().district == "KZ-61-02");
    CHECK(sent->front().settlement == "Ленгер");
}

TEST_CASE("place: one the catalogue no longer lists is not filed; the resident chooses again") {
    Kiosk k;
    Session& s = *k.session;
    ProposeFlow& p = s.propose();
    to_place_step(k);
    k.tap(K::propose_place_elsewhere);
    k.tap(K::propose_place_region, "KZ-19");
    k.tap(K::propose_place_district, "KZ-19-03");
    k.type(FieldId::propose_settlement, "Өтеген батыр");
    k.tap(K::propose_next);
    write_text(k);
    k.tap(K::propose_next);
    REQUIRE(p.step() == kReviewStep);

    // kiosk-sync brings a catalogue without that district while the resident reads the review.
    auto demo = core::parse_catalog(asset("demo/catalog.json"));
    REQUIRE(demo.ok());
    const std::string gone = "KZ-19-03";
    std::erase_if(demo->districts, [&](const core::District& d) { return d.code == gone; });
    std::erase_if(demo->ngos, [&](const core::Ngo& n) { return n.district == gone; });
    std::erase_if(demo->councils, [&](const core::Council& c) { return c.district == gone; });
    std::erase_if(demo->opportunities, [&](const core::Opportunity& o) {
        return o.district == gone || std::none_of(demo->ngos.begin(), demo->ngos.end(), [&](const core::Ngo& n) { return n.id == o.ngo; });
    });
    REQUIRE(k.catalog->replace_catalog(*demo).ok());

    k.tap(K::propose_submit);
    CHECK(s.screen() == ScreenId::propose);
    CHECK(p.step() == 1);
    CHECK(p.place_level() == PlaceLevel::region);
    CHECK(first_problem_is(p.problems(), "error.place.unknown"));
    ProposeView v = p.view();
    CHECK(v.scroll_to_top);
    CHECK(v.scroll_to_problem);
    CHECK(v.to_review);
    CHECK(k.filing->outgoing(10)->empty());
}

TEST_CASE("scroll: every step and picker level opens at its top; Next brings the first problem into view") {
    Kiosk k;
    ProposeFlow& p = k.session->propose();
    to_place_step(k);
    CHECK(p.view().scroll_to_top);
    CHECK_FALSE(p.view().scroll_to_top);  // once: then the resident scrolls
    k.tap(K::propose_place_elsewhere);
    CHECK(p.view().scroll_to_top);  // the regions from the first
    k.tap(K::propose_place_region, "KZ-19");
    CHECK(p.view().scroll_to_top);  // the districts from the first
    k.tap(K::propose_place_here);
    CHECK(p.view().scroll_to_top);
    k.tap(K::propose_next);
    write_text(k);
    CHECK(p.view().scroll_to_top);
    k.tap(K::propose_anonymous, "", 0);
    k.tap(K::propose_next);  // problems on the step in view: only as far as the first
    ProposeView v = p.view();
    CHECK(v.scroll_to_problem);
    CHECK_FALSE(v.scroll_to_top);
    REQUIRE_FALSE(v.problems.empty());
    CHECK(v.problems.front().field == core::Field::name);
    CHECK_FALSE(p.view().scroll_to_problem);
    k.tap(K::propose_anonymous, "", 1);
    k.tap(K::propose_next);
    REQUIRE(p.step() == kReviewStep);
    v = p.view();
    CHECK(v.scroll_to_top);  // the review opens with the category, not where the contact step was scrolled
    CHECK_FALSE(v.scroll_to_problem);
}

TEST_CASE("review: each section's Change opens its step and Next returns to the review") {
    Kiosk k;
    Session& s = *k.session;
    ProposeFlow& p = s.propose();
    to_place_step(k);
    CHECK(p.view().scroll_to_top);
    CHECK_FALSE(p.view().scroll_to_top);  // once: then the resident scrolls
    k.tap(K::propose_next);
    write_text(k);
    k.tap(K::propose_next);
    REQUIRE(p.step() == kReviewStep);
    ProposeView v = p.view();
    CHECK(v.scroll_to_top);  // the review opens with the category, not where the contact step was scrolled
    CHECK_FALSE(v.scroll_to_problem);
    CHECK_FALSE(v.to_review);

    k.tap(K::propose_edit, "", 2);
    CHECK(p.step() == 2);
    v = p.view();
    CHECK(v.to_review);
    CHECK(v.scroll_to_top);
    k.type(FieldId::propose_title, "!");
    k.tap(K::propose_next);  // straight back to the review, not through the contact step
    CHECK(p.step() == kReviewStep);
    CHECK(p.draft().title == "Көпір құлап жатыр!");
    CHECK_FALSE(p.view().to_review);

    k.tap(K::propose_edit, "", 1);
    CHECK(p.step() == 1);
    k.tap(K::propose_place_elsewhere);
    k.tap(K::propose_place_region, "KZ-75");
    k.type(FieldId::propose_settlement, "Алатау ауданы");
    k.tap(K::propose_next);
    CHECK(p.step() == kReviewStep);
    CHECK(p.view().place == "Алатау ауданы, Алматы қаласы");

    k.tap(K::propose_edit, "", 0);
    CHECK(p.step() == 0);
    k.tap(K::propose_category, "water");
    k.tap(K::propose_next);
    CHECK(p.step() == kReviewStep);
    CHECK(p.draft().category == "water");

    // Changing the contact to named: Next stops on the problems, the first brought into view.
    k.tap(K::propose_edit, "", 3);
    CHECK(p.view().scroll_to_top);  // drawn: the contact step from its top
    k.tap(K::propose_anonymous, "", 0);
    k.tap(K::propose_next);
    CHECK(p.step() == 3);
    REQUIRE_FALSE(p.problems().empty());
    CHECK(p.problems().front().field == core::Field::name);
    v = p.view();
    CHECK(v.scroll_to_problem);
    CHECK_FALSE(v.scroll_to_top);  // the same step: only as far as the problem
    CHECK(v.to_review);
    k.tap(K::propose_anonymous, "", 1);

    // Back while changing a section is the previous step as ever; a later step that now has
    // a problem is where Next stops on the way back.
    k.tap(K::propose_back);
    CHECK(p.step() == 2);
    std::string title = p.draft().title;
    k.tap(Intent::focus(FieldId::propose_title));
    for (std::size_t i = 0; i < core::codepoint_count(title); ++i) k.tap(K::backspace);
    k.tap(K::keyboard_hide);
    k.tap(K::propose_back);
    CHECK(p.step() == 1);
    k.tap(K::propose_next);
    CHECK(p.step() == 2);
    CHECK(first_problem_is(p.problems(), "error.title.empty"));
    CHECK(p.view().scroll_to_problem);
    k.type(FieldId::propose_title, "Көпір");
    k.tap(K::propose_next);
    CHECK(p.step() == kReviewStep);

    // Change works from the review only, and names a step before it.
    k.tap(K::propose_edit, "", 4);
    CHECK(p.step() == kReviewStep);
    k.tap(K::propose_edit, "", 2);
    k.tap(K::propose_edit, "", 0);
    CHECK(p.step() == 2);
}

TEST_CASE("keyboard: Done moves on to the form's next field and closes the keyboard after its last") {
    Kiosk k;
    Session& s = *k.session;
    k.tap(K::open_propose);
    k.tap(K::propose_category, std::string(core::kProposalCategories[0].code));
    k.tap(K::propose_next);
    k.tap(K::propose_next);
    REQUIRE(s.propose().step() == 2);
    k.tap(Intent::focus(FieldId::propose_title));
    CHECK(s.next_field() == FieldId::propose_description);  // the key says "Next"
    k.tap(K::keyboard_done);
    CHECK(s.focused() == FieldId::propose_description);
    CHECK(s.next_field() == FieldId::none);  // the key says "Done"
    k.tap(K::keyboard_done);
    CHECK(s.focused() == FieldId::none);

    k.type(FieldId::propose_title, "Көпір құлап жатыр");
    k.type(FieldId::propose_description, "Өзен үстіндегі ағаш көпірдің тақтайлары шіріген.");
    k.tap(K::propose_next);
    REQUIRE(s.propose().step() == 3);
    k.tap(K::propose_anonymous, "", 0);
    k.tap(Intent::focus(FieldId::propose_name));
    k.tap(K::keyboard_done);
    CHECK(s.focused() == FieldId::propose_phone);
    CHECK(s.keyboard_layout() == KeyLayout::phone);  // each field's own keyboard
    k.tap(K::keyboard_done);
    CHECK(s.focused() == FieldId::propose_iin);
    CHECK(s.keyboard_layout() == KeyLayout::digits);
    k.tap(K::keyboard_done);
    CHECK(s.focused() == FieldId::none);

    k.tap(Intent::focus(FieldId::propose_name));
    k.tap(K::keyboard_hide);  // Escape on a physical keyboard: away at once
    CHECK(s.focused() == FieldId::none);

    k.tap(K::go_home);
    REQUIRE(s.discard_prompt());
    k.tap(K::discard_confirm);
    k.tap(K::open_volunteer);
    k.tap(K::volunteer_choose, s.volunteer().view().rows->front().opportunity.id, 0);
    k.tap(Intent::focus(FieldId::volunteer_name));
    k.tap(K::keyboard_done);
    CHECK(s.focused() == FieldId::volunteer_phone);
    k.tap(K::keyboard_done);
    CHECK(s.focused() == FieldId::none);
}

TEST_CASE("voice guide: on for one resident; off at the idle reset (even at home) and after Done") {
    Kiosk k;
    Session& s = *k.session;
    s.touched(0);
    CHECK_FALSE(s.voice_guide());
    std::string home = s.page();
    k.tap(K::toggle_voice_guide);
    CHECK(s.voice_guide());
    CHECK(s.page() == home);  // the same page: turning the guide on is not a new page
    // Left at home with the guide on: it goes at the idle time, without a prompt.
    CHECK(s.check_idle(1) == doctest::Approx(kIdle));
    s.check_idle(kIdle);
    CHECK_FALSE(s.voice_guide());
    CHECK_FALSE(s.idle_prompt());

    // Through a filing: each step a page of its own; the keyboard opening is not one.
    s.touched(kIdle + 1);
    k.tap(K::toggle_voice_guide);
    k.tap(K::open_propose);
    std::string step1 = s.page();
    CHECK(step1 != home);
    k.tap(K::propose_category, std::string(core::kProposalCategories[0].code));
    k.tap(K::propose_next);
    std::string step2 = s.page();
    CHECK(step2 != step1);
    k.tap(K::propose_next);
    std::string step3 = s.page();
    k.tap(Intent::focus(FieldId::propose_title));
    CHECK(s.page() == step3);
    k.tap(Intent::language(core::Lang::ru));
    CHECK(s.page() != step3);  // read again in the language chosen
    k.type(FieldId::propose_title, "Свет");
    k.type(FieldId::propose_description, "Нет света");
    k.tap(K::propose_next);
    k.tap(K::propose_next);
    k.tap(K::propose_submit);
    k.settle();
    REQUIRE(s.screen() == ScreenId::receipt);
    CHECK(s.voice_guide());
    k.tap(K::receipt_done);
    CHECK_FALSE(s.voice_guide());
    CHECK(s.screen() == ScreenId::home);
}

TEST_CASE("staff: the voice test asks for a phrase in each language; the volume is kept in the database") {
    Kiosk k;
    Session& s = *k.session;
    CHECK(s.speech_volume() == 80);  // the configuration's, until staff set one
    CHECK(s.take_speech().empty());
    REQUIRE(store::StaffAccess(*k.filing).set_pin_hash(*store::hash_pin("482615")).ok());
    s.open_staff_pad();
    for (char d : std::string("482615")) k.tap(K::staff_pin_digit, std::string(1, d));
    k.tap(K::staff_pin_ok);
    REQUIRE(s.staff().mode() == StaffMode::panel);
    k.tap(Intent::staff(StaffAction::speech_test));
    auto said = s.take_speech();
    REQUIRE(said.size() == 3);
    CHECK(said[0].lang == core::Lang::kk);
    CHECK(said[2].text() == k.tr.get(core::Lang::en, "voice.test"));
    CHECK(s.take_speech().empty());  // once
    for (int i = 0; i < 12; ++i) k.tap(Intent::staff(StaffAction::volume_up));
    CHECK(s.speech_volume() == 100);  // no higher
    k.tap(Intent::staff(StaffAction::volume_down));
    CHECK(s.speech_volume() == 90);
    CHECK(s.take_speech().size() == 3);  // each step is heard
    auto saved = store::saved_speech_volume(*k.filing);
    REQUIRE(saved);
    CHECK(*saved == std::optional<int>(90));
    // A volume not written by the kiosk is ignored, not trusted.
    REQUIRE(k.filing->set_setting("speech_volume", "400"));
    saved = store::saved_speech_volume(*k.filing);
    REQUIRE(saved);
    CHECK_FALSE(saved->has_value());
}
