#include "platform/speech/speaker.h"

#include <SDL.h>
#include <sys/stat.h>

#include <algorithm>
#include <chrono>

#include "platform/log.h"

namespace aul::platform {

namespace {

// A translation key names a file: letters, digits, dots, dashes and underscores only.
bool safe_key(std::string_view key) {
    if (key.empty() || key.size() > 120 || key[0] == '.') return false;
    return std::all_of(key.begin(), key.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
               c == '-';
    });
}

bool is_file(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

// Decoded recordings kept in memory, at most this many samples (about 45 s at 22 kHz).
constexpr std::size_t kRecordingCacheSamples = 1u << 20;
// SDL plays from a buffer of this many samples; what is in it is not counted as queued.
constexpr int kDeviceBufferSamples = 1024;

}  // namespace

std::string find_recording(const SpeakerSettings& s, core::Lang lang, std::string_view key) {
    if (!safe_key(key)) return {};
    std::string file = "/";
    file.append(core::lang_code(lang)).append("/").append(key).append(".wav");
    for (const std::string* folder : {&s.board_folder, &s.shipped_folder})
        if (!folder->empty() && is_file(*folder + file)) return *folder + file;
    return {};
}

Speaker::Speaker(SpeakerSettings settings, const Lexicon& lexicon, std::function<void()> quiet)
    : settings_(std::move(settings)), lexicon_(lexicon), volume_(settings_.volume), quiet_(std::move(quiet)) {
    if (!settings_.enabled) return;
    // Opened here, handed to the worker with the thread's start: from then on the worker
    // alone uses it (espeak-ng is not to be shared between threads).
    auto synth = Synthesizer::open(settings_.voice);
    if (!synth) {
        log::error(synth.error() + "; the kiosk stays silent");
        settings_.enabled = false;
        return;
    }
    synth_ = std::move(*synth);
}

// The worker starts with the first utterance: a kiosk nobody asks to speak has no thread
// of its own for it at all.
void Speaker::start_worker() {
    if (!worker_.joinable()) worker_ = std::thread([this] { work(); });
}

Speaker::~Speaker() {
    {
        std::lock_guard lk(mu_);
        quit_ = true;
        ++generation_;
    }
    cv_.notify_all();
    if (worker_.joinable()) worker_.join();
}

void Speaker::say(platform::Utterance u) {
    if (!settings_.enabled || u.empty()) return stop();
    {
        std::lock_guard lk(mu_);
        ++generation_;
        queue_.clear();
        queue_.push_back(std::move(u));
    }
    start_worker();
    cv_.notify_all();
}

void Speaker::then(platform::Utterance u) {
    if (!settings_.enabled || u.empty()) return;
    {
        std::lock_guard lk(mu_);
        queue_.push_back(std::move(u));
    }
    start_worker();
    cv_.notify_all();
}

void Speaker::stop() {
    if (!settings_.enabled) return;
    {
        std::lock_guard lk(mu_);
        ++generation_;
        queue_.clear();
    }
    cv_.notify_all();
}

bool Speaker::busy() const {
    std::lock_guard lk(mu_);
    return playing_ || !queue_.empty();
}

void Speaker::set_first_sample_hook(std::function<void()> hook) {
    std::lock_guard lk(mu_);
    first_sample_hook_ = std::move(hook);
}

void Speaker::work() {
    std::unique_lock lk(mu_);
    while (!quit_) {
        cv_.wait(lk, [&] { return quit_ || !queue_.empty(); });
        if (quit_) break;
        platform::Utterance u = std::move(queue_.front());
        queue_.pop_front();
        std::uint64_t gen = generation_;
        playing_ = true;
        first_sample_pending_ = true;
        lk.unlock();
        // Synthesis runs far ahead of the sound: a cut may come while all of an utterance
        // waits queued in the device, and then it is cleared as well.
        bool whole = play(u, gen) && drain(gen);
        if (!whole && device_ != 0) SDL_ClearQueuedAudio(device_);
        lk.lock();
        // The device stays open for what is queued next; closed once nothing is left.
        if (queue_.empty()) {
            lk.unlock();
            close_device();
            lk.lock();
        }
        playing_ = !queue_.empty();
        if (!playing_ && quiet_) quiet_();
    }
    lk.unlock();
    close_device();
    synth_.reset();
}

bool Speaker::play(const platform::Utterance& u, std::uint64_t gen) {
    using K = SpeechPart::Kind;
    if (!open_device()) return false;
    int rate = synth_->sample_rate();
    for (const SpeechPart& p : u.parts) {
        if (cut(gen)) return false;
        switch (p.kind) {
            case K::pause:
                if (!queue_samples(std::vector<std::int16_t>(static_cast<std::size_t>(rate * p.ms / 1000)), gen)) return false;
                continue;
            case K::click:
                if (!queue_samples(click_sound(rate).samples, gen)) return false;
                continue;
            case K::words:
                if (const Pcm* rec = p.key.empty() ? nullptr : recording(u.lang, p.key)) {
                    if (!queue_samples(rec->samples, gen)) return false;
                    continue;
                }
                [[fallthrough]];
            case K::slow_words: {
                std::string text = lexicon_.respell(u.lang, p.text);
                bool ok = true;
                auto status = synth_->speak(text, u.lang, p.kind == K::slow_words, [&](std::span<const std::int16_t> s) {
                    ok = queue_samples(std::vector<std::int16_t>(s.begin(), s.end()), gen);
                    return ok;
                });
                if (!status) log::warn(status.error());
                if (!ok) return false;
            }
        }
    }
    return !cut(gen);
}

bool Speaker::queue_samples(std::vector<std::int16_t> samples, std::uint64_t gen) {
    if (cut(gen)) return false;
    if (samples.empty()) return true;
    apply_volume(samples, volume_);
    SDL_QueueAudio(device_, samples.data(), static_cast<Uint32>(samples.size() * sizeof(std::int16_t)));
    if (first_sample_pending_) {
        first_sample_pending_ = false;
        std::function<void()> hook;
        {
            std::lock_guard lk(mu_);
            hook = first_sample_hook_;
        }
        if (hook) hook();
    }
    return true;
}

bool Speaker::open_device() {
    if (device_ != 0) return true;
    // The audio subsystem is started with the device and quit with it: some of SDL's
    // backends watch for new devices on a thread of their own that wakes while idle.
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        std::string problem = std::string("speech: no sound: ") + SDL_GetError() +
                              "; check the board's sound device and that the kiosk's user is in the audio group";
        if (problem != last_problem_) log::error(problem);
        last_problem_ = problem;
        return false;
    }
    SDL_AudioSpec want{}, have{};
    want.freq = synth_->sample_rate();
    want.format = AUDIO_S16SYS;
    want.channels = 1;
    want.samples = kDeviceBufferSamples;
    // The default device: [speech] device reaches SDL's backend as AUDIODEV (set_audio_device).
    device_ = SDL_OpenAudioDevice(nullptr, 0, &want, &have, 0);  // SDL converts to what the device takes
    if (device_ == 0) {
        std::string problem = std::string("speech: cannot open the sound device") +
                              (settings_.device.empty() ? "" : " " + settings_.device) + ": " + SDL_GetError() +
                              "; check [speech] device (`aplay -L` lists them) and that the kiosk's user is in the audio group";
        if (problem != last_problem_) log::error(problem);
        last_problem_ = problem;
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
        return false;
    }
    last_problem_.clear();
    device_rate_ = want.freq;
    SDL_PauseAudioDevice(device_, 0);
    return true;
}

void Speaker::close_device() {
    if (device_ == 0) return;
    SDL_ClearQueuedAudio(device_);
    SDL_CloseAudioDevice(device_);  // its thread ends: nothing wakes while silent
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
    device_ = 0;
}

bool Speaker::drain(std::uint64_t gen) {
    std::unique_lock lk(mu_);
    for (;;) {
        Uint32 queued = SDL_GetQueuedAudioSize(device_);
        // What is queued, plus the buffer the device is playing from.
        double ms = (queued / sizeof(std::int16_t) + kDeviceBufferSamples) * 1000.0 / device_rate_;
        if (queued == 0) {
            cv_.wait_for(lk, std::chrono::milliseconds(static_cast<int>(ms) + 20),
                         [&] { return cut(gen) || !queue_.empty(); });
            return !cut(gen);
        }
        if (cv_.wait_for(lk, std::chrono::milliseconds(static_cast<int>(ms)), [&] { return cut(gen) || !queue_.empty(); }))
            return !cut(gen);
    }
}

const Pcm* Speaker::recording(core::Lang lang, const std::string& key) {
    std::string id = std::string(core::lang_code(lang)) + "/" + key;
    if (auto it = recordings_.find(id); it != recordings_.end()) return &it->second;
    std::string path = find_recording(settings_, lang, key);
    if (path.empty()) return nullptr;
    auto pcm = read_wav(path, synth_->sample_rate());
    if (!pcm) {
        log::warn("speech: " + pcm.error() + "; synthesising the prompt instead");
        return nullptr;
    }
    if (recording_samples_ + pcm->samples.size() > kRecordingCacheSamples) {
        recordings_.clear();
        recording_samples_ = 0;
    }
    recording_samples_ += pcm->samples.size();
    return &recordings_.emplace(id, std::move(*pcm)).first->second;
}

}  // namespace aul::platform
