#pragma once
// The daemon's side of Type=notify: READY=1 once set up, STATUS= lines for `systemctl status`,
// RELOADING/STOPPING, and a watchdog fed by a timer on the Asio loop at half WATCHDOG_USEC, so
// a hung loop stops the pings and systemd restarts the daemon (as BlueZ's mainloop-notify does).
// Outside systemd (no NOTIFY_SOCKET) every call is a no-op.

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <string_view>

namespace r3::app {

class SystemdNotifier {
 public:
  explicit SystemdNotifier(boost::asio::io_context& io);

  void ready();
  void status(std::string_view text);
  void reloading();
  void stopping();
  // Starts feeding the watchdog if the unit has WatchdogSec=. Returns the ping period (zero when
  // there is no watchdog).
  std::chrono::microseconds start_watchdog();
  void stop_watchdog();

 private:
  void arm();

  boost::asio::steady_timer timer_;
  std::chrono::microseconds period_{0};
};

}  // namespace r3::app
