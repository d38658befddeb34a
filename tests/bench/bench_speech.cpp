// Speech benchmarks: how soon a tap is heard, how fast each language is synthesised, and
// what the voice costs in memory. Prints one JSON object a line: {"name", "value", "unit"}.
// Audio goes to SDL's dummy driver, which plays in real time like a sound card.
//   bench_speech
#include <SDL.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/files.h"
#include "core/i18n.h"
#include "kiosk/narration.h"
#include "platform/runner.h"
#include "platform/speech/lexicon.h"
#include "platform/speech/speaker.h"
#include "platform/speech/synth.h"

#include "figures.h"

using namespace aul;
using Clock = std::chrono::steady_clock;

namespace {

using bench::figure;
using bench::percentile;

void wait_quiet(const platform::Speaker& s) {
    while (s.busy()) std::this_thread::sleep_for(std::chrono::milliseconds(2));
}

}  // namespace

int main() {
    ::setenv("SDL_AUDIODRIVER", "dummy", 0);
    if (SDL_Init(0) != 0) return 1;
    core::Translations tr;
    for (core::Lang l : core::kAllLangs) {
        auto text = core::read_whole_file(std::string(AUL_ASSETS) + "/i18n/" + std::string(core::lang_code(l)) + ".json");
        if (!text || !tr.load(l, *text)) return 1;
    }
    auto lexicon = platform::Lexicon::load(std::string(AUL_ASSETS) + "/voice");
    if (!lexicon) {
        std::fprintf(stderr, "bench: %s\n", lexicon.error().c_str());
        return 1;
    }
    kiosk::Narrator narrator(tr, *lexicon);
    long rss_before = platform::rss_kib();  // before espeak-ng starts

    const char* words[] = {"Су", "Жол", "Денсаулық", "Білім", "Экология", "Тұрғын үй", "Әрі қарай", "Артқа"};
    std::vector<double> from_silence, cutting, whole;
    // Synthesis speed: every text of each language, synthesis time over the length of the
    // speech made (a real-time factor: 0.02 is fifty times faster than it is spoken).
    {
        auto synth = platform::Synthesizer::open(platform::VoiceSettings{});
        if (!synth) return 1;
        for (core::Lang l : core::kAllLangs) {
            double synth_s = 0, audio_s = 0;
            for (const auto& key : tr.keys(l)) {
                auto t0 = Clock::now();
                auto pcm = (*synth)->speak(lexicon->respell(l, tr.get(l, key)), l);
                synth_s += std::chrono::duration<double>(Clock::now() - t0).count();
                if (pcm) audio_s += pcm->seconds();
            }
            figure("speech.real_time_factor." + std::string(core::lang_code(l)), synth_s / audio_s, "ratio");
        }
        // The baseline for a tap: a choice's word synthesised whole before any of it plays.
        for (int i = 0; i < 200; ++i) {
            auto t0 = Clock::now();
            (void)(*synth)->speak(words[i % std::size(words)], core::Lang::kk);
            whole.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
        }
    }

    platform::Speaker speaker(platform::SpeakerSettings{}, *lexicon);

    // A tap heard: from the utterance asked (as the app asks on a tap in voice guide mode,
    // the narration included) to its first sample queued to the device, 200 taps from
    // silence (the audio subsystem and device opened each time, as on a kiosk at rest) and
    // 200 cutting a reading in progress. The baseline above: synthesising the whole word
    // first, as a speaker without streaming would.
    std::mutex mu;
    std::condition_variable cv;
    Clock::time_point first;
    bool heard = false;
    speaker.set_first_sample_hook([&] {
        std::lock_guard lk(mu);
        first = Clock::now();
        heard = true;
        cv.notify_all();
    });
    auto tap = [&](int i, bool cut) {
        std::vector<kiosk::UiItem> items(1);
        items[0].id = "bench.choice";
        items[0].text = words[i % std::size(words)];
        items[0].tappable = true;
        items[0].tapped = true;
        if (cut) {
            platform::Utterance reading{core::Lang::kk, {}};
            reading.add(platform::SpeechPart::words_of(tr.get(core::Lang::kk, "voice.screen.home")));
            {
                std::lock_guard lk(mu);
                heard = false;
            }
            speaker.say(reading);
            std::unique_lock lk(mu);
            cv.wait(lk, [&] { return heard; });
        }
        {
            std::lock_guard lk(mu);
            heard = false;
        }
        auto t0 = Clock::now();
        speaker.say(*narrator.tapped(items, core::Lang::kk));
        std::unique_lock lk(mu);
        cv.wait(lk, [&] { return heard; });
        double ms = std::chrono::duration<double, std::milli>(first - t0).count();
        lk.unlock();
        wait_quiet(speaker);
        return ms;
    };
    for (int i = 0; i < 200; ++i) from_silence.push_back(tap(i, false));
    for (int i = 0; i < 200; ++i) cutting.push_back(tap(i, true));
    long rss_spoken = platform::rss_kib();
    speaker.stop();
    wait_quiet(speaker);
    figure("speech.tap_to_first_sample.from_silence.p50", percentile(from_silence, 0.5), "ms");
    figure("speech.tap_to_first_sample.from_silence.p99", percentile(from_silence, 0.99), "ms");
    figure("speech.tap_to_first_sample.cutting.p50", percentile(cutting, 0.5), "ms");
    figure("speech.tap_to_first_sample.cutting.p99", percentile(cutting, 0.99), "ms");
    figure("speech.whole_word_synthesis.p50", percentile(whole, 0.5), "ms");
    figure("speech.tap_to_first_sample.cutting_over_whole_word", percentile(cutting, 0.5) / percentile(whole, 0.5), "ratio");
    // espeak-ng with its three voices loaded, every translation and 400 taps spoken.
    figure("speech.rss_growth_kib", static_cast<double>(rss_spoken - rss_before), "KiB");
    return 0;
}
