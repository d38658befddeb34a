#include "core/files.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <sys/stat.h>

namespace aul::core {

Result<std::string> read_whole_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error{"cannot read " + path + ": " + std::strerror(errno)};
    std::stringstream ss;
    ss << in.rdbuf();
    if (in.bad()) return Error{"cannot read " + path + " (input/output error)"};
    return ss.str();
}

Result<std::string> read_whole_file(const std::string& path, std::size_t max_bytes) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return Error{"cannot read " + path + ": " + std::strerror(errno)};
    if (static_cast<std::size_t>(st.st_size) > max_bytes)
        return Error{path + " is " + std::to_string(st.st_size / 1024) + " KiB, more than the " +
                     std::to_string(max_bytes / 1024) + " KiB allowed"};
    AUL_TRY_ASSIGN(auto bytes, read_whole_file(path));
    if (bytes.size() > max_bytes) return Error{path + " grew past " + std::to_string(max_bytes / 1024) + " KiB while read"};
    return bytes;
}

}  // namespace aul::core
