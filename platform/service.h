// Talking to systemd (libsystemd's sd_notify): readiness, the watchdog, stopping. Outside
// systemd (no NOTIFY_SOCKET) every call is a no-op, so the same binaries run anywhere.
#pragma once
#include <string>

namespace aul::platform {

class ServiceNotifier {
public:
    ServiceNotifier();

    void ready(const std::string& status);  // READY=1 and a STATUS= line for `systemctl status`
    void status(const std::string& status);
    void alive();                           // WATCHDOG=1
    void stopping();

    // Seconds between watchdog pings: half the unit's WatchdogSec, 0 when there is no watchdog.
    double ping_every_s() const { return ping_every_s_; }

private:
    double ping_every_s_ = 0;
};

}  // namespace aul::platform
