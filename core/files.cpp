#include "core/files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace aul::core {

namespace {

// What a person can act on for the usual reasons a write fails on a board or a stick.
std::string write_problem(const std::string& path, int err) {
    std::string why = std::strerror(err);
    if (err == ENOSPC) why = "no space left (the disk or stick is full)";
    if (err == EROFS) why = "the disk or stick is read-only";
    if (err == EACCES || err == EPERM) why = "no permission to write there";
    return "cannot write " + path + ": " + why;
}

bool write_all(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

// Makes a finished rename durable. Some file systems cannot sync a folder (EINVAL); there
// the rename is as durable as they allow.
bool sync_folder(const std::string& folder) {
    int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return false;
    bool ok = ::fsync(fd) == 0 || errno == EINVAL;
    ::close(fd);
    return ok;
}

}  // namespace

Status write_file_atomically(const std::string& path, std::string_view bytes, mode_t mode) {
    std::filesystem::path target(path);
    std::string folder = target.parent_path().empty() ? "." : target.parent_path().string();
    // The temporary name says what it is if a pulled stick leaves it behind.
    std::string temp = path + ".partial-XXXXXX";
    int fd = ::mkostemp(temp.data(), O_CLOEXEC);  // mode 0600
    if (fd < 0) return Error{write_problem(path, errno)};
    if (mode != 0600 && ::fchmod(fd, mode) != 0) {
        int err = errno;
        ::close(fd);
        ::unlink(temp.c_str());
        return Error{write_problem(path, err)};
    }
    bool written = write_all(fd, bytes) && ::fsync(fd) == 0;
    int err = errno;
    if (::close(fd) != 0 && written) {
        written = false;
        err = errno;
    }
    if (!written || ::rename(temp.c_str(), path.c_str()) != 0) {
        if (written) err = errno;
        ::unlink(temp.c_str());
        return Error{write_problem(path, err)};
    }
    if (!sync_folder(folder)) return Error{write_problem(path, errno)};
    return ok_status();
}


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
