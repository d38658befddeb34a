#include "sync/files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace aul::sync {

Status make_folder(const std::string& folder, mode_t mode) {
    if (::mkdir(folder.c_str(), mode) == 0) {
        if (::chmod(folder.c_str(), mode) != 0) return Error{"cannot set the mode of " + folder + ": " + std::strerror(errno)};
        return ok_status();
    }
    if (errno != EEXIST) return Error{"cannot make the folder " + folder + ": " + std::strerror(errno)};
    struct stat st {};
    if (::lstat(folder.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
        return Error{folder + " is not a folder (a link or a file is in its place): move it away"};
    return ok_status();
}

Status write_secret_file(const std::string& path, std::string_view bytes) {
    std::string folder = std::filesystem::path(path).parent_path().string();
    AUL_TRY(make_folder(folder.empty() ? "." : folder, 0700));
    return write_file_atomically(path, bytes, 0600);
}

}  // namespace aul::sync
