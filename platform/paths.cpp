#include "platform/paths.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

namespace aul::platform {

namespace {
bool is_dir(const std::string& p) {
    struct stat st {};
    return ::stat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}
}  // namespace

std::string assets_dir() {
    if (const char* env = std::getenv("AUL_ASSETS"); env && *env) return env;
#ifdef AUL_SOURCE_ASSETS
    if (is_dir(AUL_SOURCE_ASSETS)) return AUL_SOURCE_ASSETS;
#endif
    return "/usr/share/aul";
}

bool read_file(const std::string& path, std::string& out, std::string& error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "cannot read " + path + ": " + std::strerror(errno);
        return false;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    out = ss.str();
    return true;
}

}  // namespace aul::platform
