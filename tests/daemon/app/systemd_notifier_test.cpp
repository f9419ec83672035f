#include "daemon/app/systemd_notifier.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <boost/asio/io_context.hpp>
#include <chrono>
#include <cstdlib>
#include <string>
#include <vector>

namespace r3::app {
namespace {

// Plays systemd's side: a datagram socket named by NOTIFY_SOCKET, as sd_notify(3) expects.
class ASystemdNotifier : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = "/tmp/r3-notify-test-" + std::to_string(::getpid());
    ::unlink(path_.c_str());
    fd_ = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    ASSERT_GE(fd_, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    path_.copy(addr.sun_path, sizeof addr.sun_path - 1);
    ASSERT_EQ(::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    ::setenv("NOTIFY_SOCKET", path_.c_str(), 1);
  }
  void TearDown() override {
    ::unsetenv("NOTIFY_SOCKET");
    ::unsetenv("WATCHDOG_USEC");
    ::unsetenv("WATCHDOG_PID");
    ::close(fd_);
    ::unlink(path_.c_str());
  }
  std::vector<std::string> received() {
    std::vector<std::string> out;
    char buf[512];
    for (ssize_t n; (n = ::recv(fd_, buf, sizeof buf, 0)) > 0;) {
      out.emplace_back(buf, static_cast<std::size_t>(n));
    }
    return out;
  }

  std::string path_;
  int fd_ = -1;
  boost::asio::io_context io_;
};

TEST_F(ASystemdNotifier, SendsReadyStatusAndStopping) {
  SystemdNotifier notifier(io_);
  notifier.ready();
  notifier.status("3 contacts streaming");
  notifier.stopping();
  EXPECT_THAT(received(),
              ::testing::ElementsAre("READY=1", "STATUS=3 contacts streaming", "STOPPING=1"));
}

TEST_F(ASystemdNotifier, FeedsTheWatchdogFromTheLoopAtHalfThePeriod) {
  ::setenv("WATCHDOG_USEC", "200000", 1);
  ::setenv("WATCHDOG_PID", std::to_string(::getpid()).c_str(), 1);
  SystemdNotifier notifier(io_);
  EXPECT_EQ(notifier.start_watchdog(), std::chrono::microseconds(100000));
  io_.run_for(std::chrono::milliseconds(650));
  const auto pings = received();
  // One at once, then one every 100 ms while the loop runs: 7 in 650 ms on an idle machine;
  // a loaded one may run the timers late, never early.
  EXPECT_GE(pings.size(), 3u);
  EXPECT_LE(pings.size(), 8u);
  for (const auto& p : pings) EXPECT_EQ(p, "WATCHDOG=1");
  notifier.stop_watchdog();
  io_.restart();
  io_.run_for(std::chrono::milliseconds(250));
  EXPECT_TRUE(received().empty()) << "no pings after stop_watchdog()";
}

TEST_F(ASystemdNotifier, HasNoWatchdogWithoutWatchdogUsec) {
  SystemdNotifier notifier(io_);
  EXPECT_EQ(notifier.start_watchdog(), std::chrono::microseconds(0));
  io_.run_for(std::chrono::milliseconds(50));
  EXPECT_TRUE(received().empty());
}

}  // namespace
}  // namespace r3::app
