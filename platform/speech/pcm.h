// Sound as 16-bit mono samples, and the WAV files that hold it: what the synthesiser makes,
// what a centre's recordings are read from, and what `kiosk --say --wav` writes.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"

namespace aul::platform {

struct Pcm {
    int rate = 22050;                   // samples a second
    std::vector<std::int16_t> samples;  // mono
    double seconds() const { return rate > 0 ? static_cast<double>(samples.size()) / rate : 0; }
};

// Recordings are short prompts: a file larger than this is refused before it is read.
inline constexpr std::size_t kMaxWavBytes = 8u << 20;

// Reads a PCM WAV (8 or 16 bit, mono or stereo, 8 000 to 48 000 Hz) and returns it as mono
// at `rate`. Anything else is refused with a message naming the file and what it is.
Result<Pcm> read_wav(const std::string& path, int rate);
// The same from bytes already in memory (`name` for messages).
Result<Pcm> parse_wav(const std::string& bytes, const std::string& name, int rate);
// Writes 16-bit mono PCM, replacing the file.
Status write_wav(const std::string& path, const Pcm& pcm);
// `in` at another sample rate (linear interpolation: prompts are speech, not music).
std::vector<std::int16_t> resample(const std::vector<std::int16_t>& in, int from_rate, int to_rate);
// A short soft tick, the same every time: what a key in a private field sounds like.
Pcm click_sound(int rate);
// `samples` scaled to `volume` percent (0..100), in place.
void apply_volume(std::vector<std::int16_t>& samples, int volume);

}  // namespace aul::platform
