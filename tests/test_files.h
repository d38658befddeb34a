// Reading the shipped assets from tests.
#pragma once
#include <fstream>
#include <sstream>
#include <string>

inline std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline std::string asset(const std::string& relative) { return slurp(std::string(AUL_TEST_ASSETS) + "/" + relative); }
