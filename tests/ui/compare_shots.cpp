// compare_shots REFERENCE_DIR CANDIDATE_DIR [--tolerance N] [--max-percent P]
// Compares every PNG of CANDIDATE_DIR with the PNG of the same name in REFERENCE_DIR: a
// pixel differs when any channel differs by more than N (default 24 of 255); a screen
// passes when at most P percent of its pixels differ (default 1). Prints one line per
// screen that fails and a summary; exits 1 when any screen fails or has no reference.
#define STB_IMAGE_IMPLEMENTATION
#include <stb_image.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

namespace {
struct Image {
    int w = 0, h = 0;
    std::vector<unsigned char> rgb;
};

bool load(const std::string& path, Image& out) {
    int channels = 0;
    unsigned char* data = stbi_load(path.c_str(), &out.w, &out.h, &channels, 3);
    if (!data) return false;
    out.rgb.assign(data, data + static_cast<std::size_t>(out.w) * out.h * 3);
    stbi_image_free(data);
    return true;
}

// Percent of pixels whose largest channel difference exceeds `tolerance`.
double percent_differing(const Image& a, const Image& b, int tolerance) {
    std::size_t pixels = static_cast<std::size_t>(a.w) * a.h, differing = 0;
    for (std::size_t i = 0; i < pixels; ++i) {
        int worst = 0;
        for (int c = 0; c < 3; ++c) worst = std::max(worst, std::abs(int(a.rgb[i * 3 + c]) - int(b.rgb[i * 3 + c])));
        if (worst > tolerance) ++differing;
    }
    return pixels ? 100.0 * static_cast<double>(differing) / static_cast<double>(pixels) : 0;
}
}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fputs("usage: compare_shots REFERENCE_DIR CANDIDATE_DIR [--tolerance N] [--max-percent P]\n", stderr);
        return 2;
    }
    std::string reference = argv[1], candidate = argv[2];
    int tolerance = 24;
    double max_percent = 1.0;
    for (int i = 3; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--tolerance")) tolerance = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--max-percent")) max_percent = std::atof(argv[i + 1]);
    }
    std::vector<std::filesystem::path> shots;
    if (!std::filesystem::is_directory(candidate) || !std::filesystem::is_directory(reference)) {
        std::fprintf(stderr, "compare_shots: %s or %s is not a folder of screens\n", reference.c_str(), candidate.c_str());
        return 2;
    }
    for (const auto& e : std::filesystem::directory_iterator(candidate))
        if (e.path().extension() == ".png") shots.push_back(e.path());
    std::sort(shots.begin(), shots.end());
    int failed = 0;
    double worst = 0;
    std::string worst_name;
    for (const auto& shot : shots) {
        std::string name = shot.filename().string();
        Image a, b;
        if (!load((std::filesystem::path(reference) / name).string(), a)) {
            std::printf("%s: no reference screen in %s\n", name.c_str(), reference.c_str());
            ++failed;
            continue;
        }
        if (!load(shot.string(), b) || a.w != b.w || a.h != b.h) {
            std::printf("%s: unreadable, or not the reference's size (%dx%d)\n", name.c_str(), a.w, a.h);
            ++failed;
            continue;
        }
        double p = percent_differing(a, b, tolerance);
        if (p > worst) worst = p, worst_name = name;
        if (p > max_percent) {
            std::printf("%s: %.2f%% of pixels differ by more than %d (at most %.2f%% allowed)\n", name.c_str(), p,
                        tolerance, max_percent);
            ++failed;
        }
    }
    std::printf("%zu screens compared with %s: %d differ; the most, %.3f%% of pixels, in %s\n", shots.size(),
                reference.c_str(), failed, worst, worst_name.empty() ? "none" : worst_name.c_str());
    return failed == 0 && !shots.empty() ? 0 : 1;
}
