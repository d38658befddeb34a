#include "store/instance_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace aul::store {

Result<InstanceLock> InstanceLock::acquire(const std::string& dir, const std::string& name) {
    std::string path = dir + "/." + name + ".lock";
    // Read-only and group-readable: flock needs no more, and kioskctl run as the kiosk's
    // user can still tell whether kiosk-sync (another user of the group) holds its lock.
    int fd = ::open(path.c_str(), O_RDONLY | O_CREAT | O_CLOEXEC, 0660);
    if (fd < 0) return Error{"cannot open " + path + ": " + std::strerror(errno)};
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        ::close(fd);
        return Error{"another " + name + " is already running on " + dir + "; stop it first (systemctl stop " + name +
                     ")"};
    }
    return InstanceLock(fd);
}

InstanceLock::~InstanceLock() {
    if (fd_ >= 0) ::close(fd_);  // closing releases the flock
}

}  // namespace aul::store
