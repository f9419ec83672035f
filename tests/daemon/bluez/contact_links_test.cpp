// The daemon's BlueZ links against r3-sim on a private bus.
#include <signal.h>

#include <algorithm>

#include "tests/daemon/bluez/room_fixture.hpp"

namespace r3::bluez::test {
namespace {

using std::chrono::seconds;

TEST_F(RoomTest, SixteenContactsOnThreeAdaptersAllConnectWithinTheSlotBudget) {
  start_sim({"--contacts", "16", "--adapters", "3", "--time-scale", "5"});
  LinkConfig config;
  config.slots_per_adapter = 7;
  start_links(config);
  const auto t0 = std::chrono::steady_clock::now();
  ASSERT_TRUE(run_until([&] { return all_streaming(16); }, seconds(60)))
      << count_in_state(LinkState::kStreaming) << " streaming";
  const double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  RecordProperty("seconds_to_stream_16", std::to_string(took));
  std::printf("16 contacts streaming after %.2f s\n", took);
  const auto spread = per_adapter();
  EXPECT_EQ(spread.size(), 3U);
  for (const auto& [adapter, n] : spread) EXPECT_LE(n, 7) << adapter;
  EXPECT_TRUE(recorder_.over_budget.empty());
  // Every contact really streams, with its battery read.
  ASSERT_TRUE(run_until(
      [&] {
        for (const auto& c : links_->contacts())
          if (c.stats.packets < 10) return false;
        return true;
      },
      seconds(20)));
  EXPECT_EQ(recorder_.battery.size(), 16U);
  for (const auto& c : links_->contacts()) {
    EXPECT_EQ(c.path, NotifyPath::kAcquireNotify) << c.id;
    EXPECT_TRUE(c.stats.rssi_dbm.has_value()) << c.id;
    EXPECT_TRUE(c.stats.battery_percent.has_value()) << c.id;
    EXPECT_EQ(c.stats.bytes % 76, 0U) << c.id;  // 5 samples per packet: 6 + 5 x 14 bytes
  }
}

TEST_F(RoomTest, ContactsBeyondTheBudgetAreReportedNotSilentlyDropped) {
  start_sim({"--contacts", "16", "--adapters", "2", "--time-scale", "5"});
  LinkConfig config;
  config.slots_per_adapter = 7;
  start_links(config);
  ASSERT_TRUE(run_until([&] { return all_streaming(14) && recorder_.over_budget.size() == 2; },
                        seconds(60)))
      << count_in_state(LinkState::kStreaming) << " streaming, " << recorder_.over_budget.size()
      << " over budget";
  EXPECT_EQ(count_in_state(LinkState::kOverBudget), 2);
  for (const auto& [adapter, n] : per_adapter()) EXPECT_EQ(n, 7) << adapter;
}

TEST_F(RoomTest, ALostLinkKeepsItsSlotAgainstContactsBeyondTheBudget) {
  start_sim({"--contacts", "10", "--adapters", "1", "--time-scale", "10", "--link-losses", "1"});
  LinkConfig config;
  config.slots_per_adapter = 7;
  start_links(config);
  ASSERT_TRUE(run_until([&] { return all_streaming(7) && recorder_.over_budget.size() == 3; },
                        seconds(30)));
  const auto beyond = recorder_.over_budget;
  // Every link drops once, mid-rep; each comes back and the three beyond the budget stay out.
  ASSERT_TRUE(run_until(
      [&] {
        int back = 0;
        for (const auto& c : links_->contacts())
          back += c.state == LinkState::kStreaming && c.stats.reconnects >= 1 ? 1 : 0;
        return back == 7;
      },
      seconds(90)))
      << sim_output();
  for (const auto& id : beyond) {
    const auto& states = recorder_.contacts[id].states;
    EXPECT_EQ(std::count(states.begin(), states.end(), LinkState::kConnecting), 0) << id;
  }
}

TEST_F(RoomTest, StartNotifyCarriesTheStreamWhenAcquireNotifyIsNotUsed) {
  start_sim({"--contacts", "4", "--adapters", "1", "--time-scale", "5"});
  LinkConfig config;
  config.use_acquire_notify = false;
  start_links(config);
  ASSERT_TRUE(run_until(
      [&] {
        if (!all_streaming(4)) return false;
        for (const auto& c : links_->contacts())
          if (c.stats.packets < 20) return false;
        return true;
      },
      seconds(30)));
  for (const auto& c : links_->contacts()) EXPECT_EQ(c.path, NotifyPath::kStartNotify);
}

TEST_F(RoomTest, IdentifyAndTareReachTheContact) {
  start_sim({"--contacts", "1", "--adapters", "1"});
  start_links();
  ASSERT_TRUE(run_until([&] { return all_streaming(1); }, seconds(30)));
  const auto id = links_->contacts().front().id;
  const auto address = links_->contacts().front().address;
  EXPECT_TRUE(links_->identify(id, 3));
  EXPECT_TRUE(links_->tare(id));
  EXPECT_FALSE(links_->identify("r3-000000000000", 3));
  ASSERT_TRUE(run_until(
      [&] {
        const auto out = sim_output();
        return out.find("identify " + address + " 3 s") != std::string::npos &&
               out.find("tare " + address) != std::string::npos;
      },
      seconds(10)))
      << sim_output();
}

}  // namespace
}  // namespace r3::bluez::test
