// The kiosk's voice: utterances are synthesised (or read from a recording) on a worker
// thread of their own and played through SDL audio, so speaking never delays a frame.
// A new utterance cuts the one playing; `then` queues one after it. The audio device is
// open only while there is something to play: a paused SDL device still wakes its thread,
// and an untouched kiosk must not wake at all.
#pragma once
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "platform/speech/lexicon.h"
#include "platform/speech/synth.h"
#include "platform/speech/utterance.h"

namespace aul::platform {

struct SpeakerSettings {
    bool enabled = true;
    int volume = 80;  // percent
    VoiceSettings voice;
    // The ALSA device ("plughw:CARD=Headphones"); empty: the system's default. SDL's audio
    // backends read it from AUDIODEV, which the program sets from this before the speaker
    // starts (setenv is not for a process with threads running).
    std::string device;
    // Human recordings: `board_folder` (under the data folder, added on the board) is looked
    // in first, then `shipped_folder` (assets/voice): LANG/KEY.wav for a translation key.
    std::string board_folder, shipped_folder;
};

// Where the recording of a translation key is, or "" when there is none.
std::string find_recording(const SpeakerSettings& s, core::Lang lang, std::string_view key);

class Speaker {
public:
    // Opens the synthesiser (tens of milliseconds: espeak-ng loads each language's
    // dictionary) and starts the worker; nothing is opened when disabled. A synthesiser
    // that cannot open is logged and the speaker stays silent. `quiet` is called on the
    // worker whenever it falls silent (the app's Listen button goes dark).
    Speaker(SpeakerSettings settings, const Lexicon& lexicon, std::function<void()> quiet = {});
    ~Speaker();
    Speaker(const Speaker&) = delete;
    Speaker& operator=(const Speaker&) = delete;

    // Cuts what is playing (and anything queued) and speaks `u`.
    void say(platform::Utterance u);
    // Speaks `u` after what is playing and queued.
    void then(platform::Utterance u);
    // Silence at once.
    void stop();
    void set_volume(int percent) { volume_ = percent; }
    int volume() const { return volume_; }
    // False when [speech] enabled is off or the synthesiser could not open.
    bool enabled() const { return settings_.enabled; }
    // Something is playing or waiting to.
    bool busy() const;
    // For benchmarks: called on the worker as the first sample of each utterance is queued.
    void set_first_sample_hook(std::function<void()> hook);

private:
    void start_worker();  // on the calling (UI) thread, which alone says and stops
    void work();
    // Plays one utterance; false when it was cut.
    bool play(const platform::Utterance& u, std::uint64_t generation);
    bool queue_samples(std::vector<std::int16_t> samples, std::uint64_t generation);
    bool open_device();
    void close_device();
    // Waits until the device has played everything queued (or a cut, or new work); false
    // when it was cut meanwhile.
    bool drain(std::uint64_t generation);
    bool cut(std::uint64_t generation) const { return generation_.load() != generation || quit_; }
    const Pcm* recording(core::Lang lang, const std::string& key);

    SpeakerSettings settings_;
    const Lexicon& lexicon_;
    std::atomic<int> volume_;
    std::unique_ptr<Synthesizer> synth_;
    mutable std::mutex mu_;
    std::condition_variable cv_;
    std::deque<platform::Utterance> queue_;
    std::atomic<std::uint64_t> generation_{0};
    std::atomic<bool> quit_{false};
    std::atomic<bool> playing_{false};
    std::function<void()> first_sample_hook_;
    const std::function<void()> quiet_;
    bool first_sample_pending_ = false;
    std::uint32_t device_ = 0;  // SDL audio device, 0 while closed
    int device_rate_ = 0;
    std::string last_problem_;  // logged once, not every utterance
    std::unordered_map<std::string, Pcm> recordings_;  // decoded once
    std::size_t recording_samples_ = 0;
    std::thread worker_;  // last: started once everything above exists
};

}  // namespace aul::platform
