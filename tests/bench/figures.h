// What every benchmark prints: one JSON object a line, {"name", "value", "unit"}, and the
// percentiles it reports.
#pragma once
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

namespace aul::bench {

inline void figure(const std::string& name, double value, const char* unit) {
    std::printf("{\"name\": \"%s\", \"value\": %.4g, \"unit\": \"%s\"}\n", name.c_str(), value, unit);
    std::fflush(stdout);
}

inline double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    std::size_t i = std::min(v.size() - 1, static_cast<std::size_t>(p * (v.size() - 1) + 0.5));
    return v[i];
}

}  // namespace aul::bench
