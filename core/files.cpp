#include "core/files.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace aul::core {

Result<std::string> read_whole_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error{"cannot read " + path + ": " + std::strerror(errno)};
    std::stringstream ss;
    ss << in.rdbuf();
    if (in.bad()) return Error{"cannot read " + path + " (input/output error)"};
    return ss.str();
}

}  // namespace aul::core
