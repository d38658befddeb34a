// The voice without a window: espeak-ng speaks every translation in each language, WAV
// recordings are read safely, the reviewed tables cover what is spelled, and the speaker
// (through SDL's dummy audio driver) plays, cuts and closes its device when silent.
#include <dirent.h>
#include <doctest/doctest.h>
#include <SDL.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

#include "core/files.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/tracking.h"
#include "platform/speech/lexicon.h"
#include "platform/speech/pcm.h"
#include "platform/speech/speaker.h"
#include "platform/speech/synth.h"

using namespace aul;
using namespace aul::platform;

namespace {

std::uint64_t property_seed() {
    const char* env = std::getenv("AUL_PROPERTY_SEED");
    return env ? std::strtoull(env, nullptr, 10) : std::random_device{}();
}

core::Translations translations() {
    core::Translations tr;
    for (core::Lang l : core::kAllLangs) {
        auto text = core::read_whole_file(std::string(AUL_TEST_ASSETS) + "/i18n/" + std::string(core::lang_code(l)) + ".json");
        REQUIRE(text);
        REQUIRE(tr.load(l, *text));
    }
    return tr;
}

Lexicon lexicon() {
    auto lx = Lexicon::load(std::string(AUL_TEST_ASSETS) + "/voice");
    REQUIRE_MESSAGE(lx, (lx ? "" : lx.error()));
    return std::move(*lx);
}

// A text as the kiosk would say it: placeholders filled with a number.
std::string filled(std::string text) {
    for (std::size_t a; (a = text.find('{')) != std::string::npos;) {
        std::size_t b = text.find('}', a);
        if (b == std::string::npos) break;
        text.replace(a, b - a + 1, "12");
    }
    return text;
}

int threads_now() {
    int n = 0;
    if (DIR* d = ::opendir("/proc/self/task")) {
        while (dirent* e = ::readdir(d)) n += e->d_name[0] != '.';
        ::closedir(d);
    }
    return n;
}

bool wait_until(const std::function<bool()>& done, double seconds) {
    auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (!done()) {
        if (std::chrono::steady_clock::now() > until) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return true;
}

}  // namespace

TEST_CASE("every translation is spoken in kk, ru and en, at a plausible length") {
    auto tr = translations();
    auto lx = lexicon();
    auto synth = Synthesizer::open(VoiceSettings{});
    REQUIRE_MESSAGE(synth, (synth ? "" : synth.error()));
    int spoken = 0;
    for (core::Lang l : core::kAllLangs) {
        for (const auto& key : tr.keys(l)) {
            std::string text = filled(tr.get(l, key));
            auto pcm = (*synth)->speak(lx.respell(l, text), l);
            INFO(core::lang_code(l) << " " << key << ": " << text);
            REQUIRE(pcm);
            std::size_t chars = core::codepoint_count(text);
            // Speech runs at roughly 10-20 characters a second; allow a wide margin either way
            // for short words and punctuation pauses, but not silence or runaway output.
            CHECK(pcm->seconds() >= 0.1);
            CHECK(pcm->seconds() >= 0.015 * chars);
            CHECK(pcm->seconds() <= 0.25 * chars + 1.5);
            int loud = 0;
            for (auto s : pcm->samples) loud += std::abs(s) > 1000;
            CHECK(loud > 100);  // not silence
            ++spoken;
        }
    }
    CHECK(spoken > 500);
}

TEST_CASE("a slow code is slower, and a chunk handler can stop synthesis at once") {
    auto synth = Synthesizer::open(VoiceSettings{});
    REQUIRE(synth);
    auto normal = (*synth)->speak("ка зэт екі төрт", core::Lang::kk, false);
    auto slow = (*synth)->speak("ка зэт екі төрт", core::Lang::kk, true);
    REQUIRE(normal);
    REQUIRE(slow);
    CHECK(slow->seconds() > normal->seconds() * 1.3);
    int chunks = 0;
    auto stopped = (*synth)->speak("Бұл ұзақ сөйлем, ол тоқтатылуы тиіс.", core::Lang::kk, false,
                                   [&](std::span<const std::int16_t>) { return ++chunks < 2; });
    CHECK(stopped);
    CHECK(chunks == 2);
    // One synthesiser a process: espeak-ng is global.
    CHECK_FALSE(Synthesizer::open(VoiceSettings{}));
}

TEST_CASE("an unknown voice is refused with the setting to change") {
    VoiceSettings vs;
    vs.voices[1] = "no-such-voice";
    auto synth = Synthesizer::open(vs);
    REQUIRE_FALSE(synth);
    CHECK(synth.error().find("voice_ru") != std::string::npos);
}

TEST_CASE("WAV files: written and read back; resampled; anything broken refused, never a crash") {
    Pcm tone{16000, {}};
    for (int i = 0; i < 16000; ++i) tone.samples.push_back(static_cast<std::int16_t>(8000 * std::sin(i * 0.05)));
    auto dir = std::filesystem::temp_directory_path() / ("aul-wav-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    std::string path = (dir / "tone.wav").string();
    REQUIRE(write_wav(path, tone));
    auto back = read_wav(path, 16000);
    REQUIRE(back);
    CHECK(back->samples == tone.samples);
    auto up = read_wav(path, 22050);
    REQUIRE(up);
    CHECK(std::abs(static_cast<long>(up->samples.size()) - 22050) <= 1);

    auto bytes = core::read_whole_file(path);
    REQUIRE(bytes);
    std::uint64_t seed = property_seed();
    INFO("AUL_PROPERTY_SEED=" << seed);
    std::mt19937_64 rng(seed);
    int refused = 0;
    for (int round = 0; round < 2000; ++round) {
        std::string b = *bytes;
        // Cut it, or flip bytes in its header, or both.
        if (rng() % 2) b.resize(rng() % b.size());
        for (int k = static_cast<int>(rng() % 6); k > 0 && !b.empty(); --k) b[rng() % std::min<std::size_t>(b.size(), 64)] = static_cast<char>(rng());
        auto got = parse_wav(b, "mutated.wav", 22050);
        if (!got) {
            ++refused;
            CHECK(got.error().find("mutated.wav") != std::string::npos);
        } else {
            CHECK(got->samples.size() <= 4 * b.size());  // nothing made up beyond what the bytes hold
        }
    }
    CHECK(refused > 100);
    // Too large to be a prompt: refused before it is read.
    std::string big = (dir / "big.wav").string();
    {
        std::ofstream out(big, std::ios::binary);
        out.seekp(static_cast<std::streamoff>(kMaxWavBytes + 1));
        out.put('\0');
    }
    auto huge = read_wav(big, 22050);
    REQUIRE_FALSE(huge);
    CHECK(huge.error().find("KiB") != std::string::npos);
    std::filesystem::remove_all(dir);
}

TEST_CASE("a recording on the board wins over the shipped one; a key is never a path") {
    auto dir = std::filesystem::temp_directory_path() / ("aul-rec-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir / "board/kk");
    std::filesystem::create_directories(dir / "shipped/kk");
    std::filesystem::create_directories(dir / "shipped/ru");
    Pcm p{22050, std::vector<std::int16_t>(100, 5)};
    REQUIRE(write_wav((dir / "board/kk/home.greeting.wav").string(), p));
    REQUIRE(write_wav((dir / "shipped/kk/home.greeting.wav").string(), p));
    REQUIRE(write_wav((dir / "shipped/ru/home.greeting.wav").string(), p));
    SpeakerSettings s;
    s.board_folder = (dir / "board").string();
    s.shipped_folder = (dir / "shipped").string();
    CHECK(find_recording(s, core::Lang::kk, "home.greeting") == s.board_folder + "/kk/home.greeting.wav");
    CHECK(find_recording(s, core::Lang::ru, "home.greeting") == s.shipped_folder + "/ru/home.greeting.wav");
    CHECK(find_recording(s, core::Lang::en, "home.greeting").empty());
    for (const char* bad : {"../kk/home.greeting", "kk/home.greeting", ".hidden", "", "a b", "home\ngreeting"})
        CHECK(find_recording(s, core::Lang::kk, bad).empty());
    std::filesystem::remove_all(dir);
}

TEST_CASE("the reviewed tables name every code character and every key in each language") {
    auto lx = lexicon();
    for (core::Lang l : core::kAllLangs) {
        INFO(core::lang_code(l));
        for (char c : core::kTrackingAlphabet) CHECK(lx.name_of(l, std::string(1, c)));
        // Either case, and the Cyrillic letters of both keyboards.
        for (const char* k : {"a", "z", "0", "9", "ә", "ң", "қ", "ё", "щ", "ъ", " ", ".", "+", "@", "₸"}) {
            INFO(k);
            CHECK(lx.name_of(l, k));
        }
    }
    CHECK(*lx.name_of(core::Lang::kk, "K") == "ка");
    CHECK(*lx.name_of(core::Lang::ru, "4") == "четыре");
    CHECK(lx.respell(core::Lang::en, "NGOs near you, NGO") == "N G Os near you, N G O");
    CHECK(lx.respell(core::Lang::kk, "ҮЕҰ-лар тізімі") == "үкіметтік емес ұйымдар тізімі");
    CHECK(lx.respell(core::Lang::ru, "Нет НКОшек") == "Нет НКОшек");  // whole words only
    CHECK_FALSE(Lexicon::parse("{\"kk\": {\"A\": 3}}", "{}"));
    CHECK_FALSE(Lexicon::parse("[]", "{}"));
}

TEST_CASE("the speaker plays on its own thread, cuts, stops, and closes the device when silent") {
    ::setenv("SDL_AUDIODRIVER", "dummy", 1);
    REQUIRE(SDL_Init(0) == 0);
    auto lx = lexicon();
    Speaker speaker(SpeakerSettings{}, lx);
    REQUIRE(speaker.enabled());
    std::atomic<int> firsts{0};
    speaker.set_first_sample_hook([&] { ++firsts; });
    Utterance u{core::Lang::kk, {}};
    u.add(SpeechPart::words_of("Сәлем"));
    // The worker starts with the first utterance and stays, asleep; the device does not.
    speaker.say(u);
    REQUIRE(wait_until([&] { return firsts.load() == 1 && !speaker.busy(); }, 10));
    int idle_threads = threads_now();
    firsts = 0;
    auto t0 = std::chrono::steady_clock::now();
    speaker.say(u);
    CHECK(speaker.busy());
    REQUIRE(wait_until([&] { return firsts.load() == 1; }, 5));
    CHECK(threads_now() > idle_threads);  // the device's thread, while it plays
    REQUIRE(wait_until([&] { return !speaker.busy(); }, 10));
    double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    CHECK(took > 0.2);  // played in real time, not dropped
    // Silent again: the device and its thread are gone, nothing left to wake.
    CHECK(wait_until([&] { return threads_now() == idle_threads; }, 2));

    // A long reading cut by a short one ends soon after the short one.
    Utterance long_one{core::Lang::ru, {}};
    long_one.add(SpeechPart::words_of("Это очень длинное сообщение, которое читается почти десять секунд подряд, "
                                      "и его нужно прервать новым, коротким сообщением, сразу же."));
    Utterance short_one{core::Lang::en, {}};
    short_one.add(SpeechPart::words_of("Stop"));
    t0 = std::chrono::steady_clock::now();
    speaker.say(long_one);
    REQUIRE(wait_until([&] { return firsts.load() == 2; }, 5));
    speaker.say(short_one);
    REQUIRE(wait_until([&] { return !speaker.busy(); }, 10));
    took = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    CHECK(took < 3.0);
    CHECK(firsts.load() == 3);
    // The same when the long reading was synthesised whole before the cut came (synthesis
    // runs hundreds of times faster than speech): what waits in the device goes too. A
    // loaded machine once showed this as a reading that ran on for ten seconds.
    t0 = std::chrono::steady_clock::now();
    speaker.say(long_one);
    REQUIRE(wait_until([&] { return firsts.load() == 4; }, 5));
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    speaker.say(short_one);
    REQUIRE(wait_until([&] { return !speaker.busy(); }, 10));
    took = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    CHECK(took < 3.5);
    CHECK(firsts.load() == 5);

    // stop() silences at once.
    speaker.say(long_one);
    REQUIRE(wait_until([&] { return firsts.load() == 6; }, 5));
    speaker.stop();
    CHECK(wait_until([&] { return !speaker.busy(); }, 1.0));
    CHECK(wait_until([&] { return threads_now() == idle_threads; }, 2));
    SDL_Quit();
}

TEST_CASE("a recording of a prompt plays instead of its synthesis") {
    ::setenv("SDL_AUDIODRIVER", "dummy", 1);
    REQUIRE(SDL_Init(0) == 0);
    auto dir = std::filesystem::temp_directory_path() / ("aul-play-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir / "kk");
    // 1.5 s of tone: far longer than "a" synthesised.
    Pcm tone{22050, {}};
    for (int i = 0; i < 33075; ++i) tone.samples.push_back(static_cast<std::int16_t>(6000 * std::sin(i * 0.06)));
    REQUIRE(write_wav((dir / "kk/voice.test.wav").string(), tone));
    auto lx = lexicon();
    SpeakerSettings settings;
    settings.board_folder = dir.string();
    Speaker speaker(settings, lx);
    REQUIRE(speaker.enabled());
    auto play = [&](std::string key) {
        Utterance u{core::Lang::kk, {}};
        u.add(SpeechPart::words_of("а", std::move(key)));
        auto t0 = std::chrono::steady_clock::now();
        speaker.say(u);
        REQUIRE(wait_until([&] { return !speaker.busy(); }, 10));
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    };
    double recorded = play("voice.test"), synthesised = play("voice.again");
    CHECK(recorded > 1.4);
    CHECK(synthesised < 1.0);
    std::filesystem::remove_all(dir);
    SDL_Quit();
}
