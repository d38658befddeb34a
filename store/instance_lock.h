// One process of a kind per data folder: a second kiosk (or kiosk-sync) started on the
// same folder by mistake says so and exits, instead of two writers racing.
#pragma once
#include <string>

#include "core/result.h"

namespace aul::store {

class InstanceLock {
public:
    // Takes DIR/.NAME.lock (flock, released by the kernel even when the process is killed).
    static Result<InstanceLock> acquire(const std::string& dir, const std::string& name);
    InstanceLock(InstanceLock&& o) noexcept : fd_(o.fd_) { o.fd_ = -1; }
    InstanceLock& operator=(InstanceLock&&) = delete;
    ~InstanceLock();

private:
    explicit InstanceLock(int fd) : fd_(fd) {}
    int fd_ = -1;
};

}  // namespace aul::store
