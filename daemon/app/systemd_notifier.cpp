#include "daemon/app/systemd_notifier.hpp"

#include <systemd/sd-daemon.h>

#include <string>

#include "daemon/app/log.hpp"

namespace r3::app {

SystemdNotifier::SystemdNotifier(boost::asio::io_context& io) : timer_(io) {}

void SystemdNotifier::ready() {
  sd_notify(0, "READY=1");
}

void SystemdNotifier::status(std::string_view text) {
  const auto line = "STATUS=" + std::string(text);
  sd_notify(0, line.c_str());
}

void SystemdNotifier::reloading() {
  sd_notify(0, "RELOADING=1");
}

void SystemdNotifier::stopping() {
  sd_notify(0, "STOPPING=1");
}

std::chrono::microseconds SystemdNotifier::start_watchdog() {
  std::uint64_t usec = 0;
  if (sd_watchdog_enabled(0, &usec) <= 0 || usec == 0) return period_;
  period_ = std::chrono::microseconds(usec / 2);
  log_info("systemd watchdog: pinging every " + std::to_string(period_.count() / 1000) + " ms");
  sd_notify(0, "WATCHDOG=1");
  arm();
  return period_;
}

void SystemdNotifier::stop_watchdog() {
  period_ = std::chrono::microseconds(0);
  timer_.cancel();
}

void SystemdNotifier::arm() {
  timer_.expires_after(period_);
  timer_.async_wait([this](const boost::system::error_code& ec) {
    if (ec || period_.count() == 0) return;
    sd_notify(0, "WATCHDOG=1");
    arm();
  });
}

}  // namespace r3::app
