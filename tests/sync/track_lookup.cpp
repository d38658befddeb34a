// Test and benchmark helper: asks kiosk-sync about a tracking code the way the kiosk's
// Track screen does (ops::look_up_elsewhere), and prints the outcome and how long the
// answer took, in milliseconds.
//   track_lookup --data DIR CODE
#include <chrono>
#include <cstdio>
#include <string>

#include "ops/track_lookup.h"

int main(int argc, char** argv) {
    if (argc != 4 || std::string(argv[1]) != "--data") return 2;
    auto started = std::chrono::steady_clock::now();
    auto answer = aul::ops::look_up_elsewhere(argv[2], argv[3]);
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
    if (!answer) return std::fprintf(stderr, "%s\n", answer.error().c_str()), 1;
    std::printf("%s %lld\n", std::string(aul::store::lookup_outcome_name(answer->outcome)).c_str(),
                static_cast<long long>(ms));
    return 0;
}
