// A daemon that dies (kill -9) leaves BlueZ with live links: the next one adopts them.
#include <signal.h>

#include "tests/daemon/bluez/room_fixture.hpp"

namespace r3::bluez::test {
namespace {

int count(const std::string& text, const std::string& what) {
  int n = 0;
  for (auto p = text.find(what); p != std::string::npos; p = text.find(what, p + 1)) ++n;
  return n;
}

TEST_F(RoomTest, ARestartedDaemonAdoptsTheLinksItsPredecessorLeftConnected) {
  start_sim({"--contacts", "4", "--adapters", "2", "--time-scale", "5"});
  r3::test::Child first({R3_PROBE_PATH, "--contacts", "4", "--seconds", "60"},
                        bus_->dir() + "/probe.out", bus_->dir() + "/probe.err");
  ASSERT_TRUE(r3::test::wait_for([&] { return count(sim_output(), "connected C0") == 4; },
                                 std::chrono::seconds(30)));
  first.signal(SIGKILL);
  ASSERT_GE(first.wait(std::chrono::seconds(10)), 0);
  start_links();
  ASSERT_TRUE(run_until(
      [&] {
        if (!all_streaming(4)) return false;
        for (const auto& c : links_->contacts())
          if (c.stats.packets < 20) return false;
        return true;
      },
      std::chrono::seconds(30)));
  for (const auto& c : links_->contacts()) EXPECT_EQ(c.stats.connect_failures, 0U) << c.id;
  EXPECT_EQ(count(sim_output(), "connected C0"), 4) << "adopted, not reconnected";
  EXPECT_EQ(count(sim_output(), "disconnect C0"), 0);
}

}  // namespace
}  // namespace r3::bluez::test
