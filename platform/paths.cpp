#include "platform/paths.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>

namespace aul::platform {

namespace {
bool is_dir(const std::string& p) {
    struct stat st {};
    return ::stat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

// PREFIX/share/aul for an executable installed as PREFIX/bin/NAME; empty when it runs from
// elsewhere (a build tree).
std::string installed_assets_beside_executable() {
    char exe[4096];
    ssize_t n = ::readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0) return {};
    std::string path(exe, static_cast<std::size_t>(n));
    auto bin = path.rfind("/bin/");
    if (bin == std::string::npos || path.find('/', bin + 5) != std::string::npos) return {};
    std::string dir = path.substr(0, bin) + "/share/aul";
    return is_dir(dir) ? dir : std::string{};
}
}  // namespace

std::string assets_dir() {
    if (const char* env = std::getenv("AUL_ASSETS"); env && *env) return env;
    // An installed program uses the assets installed with it, even on the machine that built
    // it, where the source tree (compiled in below) also exists and may be newer.
    if (std::string installed = installed_assets_beside_executable(); !installed.empty()) return installed;
#ifdef AUL_SOURCE_ASSETS
    if (is_dir(AUL_SOURCE_ASSETS)) return AUL_SOURCE_ASSETS;
#endif
    return "/usr/share/aul";
}
}  // namespace aul::platform
