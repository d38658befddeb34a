#include "platform/service.h"

#include <systemd/sd-daemon.h>

namespace aul::platform {

ServiceNotifier::ServiceNotifier() {
    uint64_t usec = 0;
    if (sd_watchdog_enabled(0, &usec) > 0 && usec > 0) ping_every_s_ = static_cast<double>(usec) / 2e6;
}

void ServiceNotifier::ready(const std::string& s) { sd_notifyf(0, "READY=1\nSTATUS=%s", s.c_str()); }
void ServiceNotifier::status(const std::string& s) { sd_notifyf(0, "STATUS=%s", s.c_str()); }
void ServiceNotifier::alive() { sd_notify(0, "WATCHDOG=1"); }
void ServiceNotifier::stopping() { sd_notify(0, "STOPPING=1"); }

}  // namespace aul::platform
