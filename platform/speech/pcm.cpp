#include "platform/speech/pcm.h"

#include <algorithm>
#include <cmath>
#include <cerrno>
#include <cstring>
#include <fstream>

#include "core/files.h"

namespace aul::platform {

namespace {

std::uint32_t le32(const std::string& b, std::size_t at) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(b[at])) |
           static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 1])) << 8 |
           static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 2])) << 16 |
           static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 3])) << 24;
}
std::uint16_t le16(const std::string& b, std::size_t at) {
    return static_cast<std::uint16_t>(static_cast<unsigned char>(b[at]) | static_cast<unsigned char>(b[at + 1]) << 8);
}
void put32(std::string& b, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) b.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
void put16(std::string& b, std::uint16_t v) {
    b.push_back(static_cast<char>(v & 0xff));
    b.push_back(static_cast<char>(v >> 8));
}

struct Format {
    int channels = 0, rate = 0, bits = 0;
};

}  // namespace

Result<Pcm> parse_wav(const std::string& b, const std::string& name, int rate) {
    auto bad = [&](const std::string& why) {
        return Error{name + ": " + why + "; record it again as a WAV file (16-bit PCM, mono)"};
    };
    if (b.size() < 12 || b.compare(0, 4, "RIFF") != 0 || b.compare(8, 4, "WAVE") != 0) return bad("not a WAV file");
    Format fmt;
    std::size_t data_at = 0, data_len = 0;
    for (std::size_t at = 12; at + 8 <= b.size();) {
        std::string id = b.substr(at, 4);
        std::size_t len = le32(b, at + 4);
        std::size_t body = at + 8;
        if (len > b.size() - body) {
            if (id != "data") return bad("cut short");
            len = b.size() - body;  // some recorders leave the data size unset
        }
        if (id == "fmt ") {
            if (len < 16) return bad("its format chunk is cut short");
            if (le16(b, body) != 1) return bad("compressed, not PCM");
            fmt = {le16(b, body + 2), static_cast<int>(le32(b, body + 4)), le16(b, body + 14)};
        } else if (id == "data") {
            data_at = body;
            data_len = len;
            break;
        }
        at = body + len + (len & 1);
    }
    if (fmt.channels == 0) return bad("no format chunk before its sound");
    if (fmt.channels < 1 || fmt.channels > 2) return bad(std::to_string(fmt.channels) + " channels");
    if (fmt.bits != 8 && fmt.bits != 16) return bad(std::to_string(fmt.bits) + "-bit samples");
    if (fmt.rate < 8000 || fmt.rate > 48000) return bad(std::to_string(fmt.rate) + " Hz");
    if (data_at == 0 || data_len == 0) return bad("no sound in it");
    std::size_t frame = static_cast<std::size_t>(fmt.channels * fmt.bits / 8);
    std::size_t frames = data_len / frame;
    std::vector<std::int16_t> mono(frames);
    for (std::size_t i = 0; i < frames; ++i) {
        int sum = 0;
        for (int c = 0; c < fmt.channels; ++c) {
            std::size_t at = data_at + i * frame + static_cast<std::size_t>(c * fmt.bits / 8);
            sum += fmt.bits == 16 ? static_cast<std::int16_t>(le16(b, at))
                                  : (static_cast<int>(static_cast<unsigned char>(b[at])) - 128) * 256;
        }
        mono[i] = static_cast<std::int16_t>(sum / fmt.channels);
    }
    return Pcm{rate, resample(mono, fmt.rate, rate)};
}

Result<Pcm> read_wav(const std::string& path, int rate) {
    AUL_TRY_ASSIGN(auto bytes, core::read_whole_file(path, kMaxWavBytes));
    return parse_wav(bytes, path, rate);
}

Status write_wav(const std::string& path, const Pcm& pcm) {
    std::string b = "RIFF";
    std::uint32_t data = static_cast<std::uint32_t>(pcm.samples.size() * 2);
    put32(b, 36 + data);
    b += "WAVEfmt ";
    put32(b, 16);
    put16(b, 1);
    put16(b, 1);
    put32(b, static_cast<std::uint32_t>(pcm.rate));
    put32(b, static_cast<std::uint32_t>(pcm.rate * 2));
    put16(b, 2);
    put16(b, 16);
    b += "data";
    put32(b, data);
    for (auto s : pcm.samples) put16(b, static_cast<std::uint16_t>(s));
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out || !out.write(b.data(), static_cast<std::streamsize>(b.size())) || !out.flush())
        return Error{"cannot write " + path + ": " + std::strerror(errno)};
    return ok_status();
}

std::vector<std::int16_t> resample(const std::vector<std::int16_t>& in, int from_rate, int to_rate) {
    if (from_rate == to_rate || in.empty()) return in;
    std::size_t n = static_cast<std::size_t>(static_cast<double>(in.size()) * to_rate / from_rate);
    std::vector<std::int16_t> out(n);
    double step = static_cast<double>(from_rate) / to_rate;
    for (std::size_t i = 0; i < n; ++i) {
        double at = i * step;
        std::size_t j = static_cast<std::size_t>(at);
        double f = at - static_cast<double>(j);
        int a = in[std::min(j, in.size() - 1)], c = in[std::min(j + 1, in.size() - 1)];
        out[i] = static_cast<std::int16_t>(std::lround(a + (c - a) * f));
    }
    return out;
}

Pcm click_sound(int rate) {
    // 12 ms of a 2 kHz tone under a falling envelope: heard, but not a word.
    Pcm p{rate, {}};
    int n = rate * 12 / 1000;
    for (int i = 0; i < n; ++i) {
        double env = 1.0 - static_cast<double>(i) / n;
        p.samples.push_back(static_cast<std::int16_t>(9000 * env * env * std::sin(2 * M_PI * 2000.0 * i / rate)));
    }
    return p;
}

void apply_volume(std::vector<std::int16_t>& samples, int volume) {
    volume = std::clamp(volume, 0, 100);
    if (volume == 100) return;
    for (auto& s : samples) s = static_cast<std::int16_t>(s * volume / 100);
}

}  // namespace aul::platform
