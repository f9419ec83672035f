// Each fault of r3-sim, recovered from by the links without a restart.
#include <signal.h>

#include "tests/daemon/bluez/room_fixture.hpp"

namespace r3::bluez::test {
namespace {

using std::chrono::seconds;

std::uint64_t total(const std::vector<ContactInfo>& cs, std::uint64_t ContactStats::*field) {
  std::uint64_t n = 0;
  for (const auto& c : cs) n += c.stats.*field;
  return n;
}

// Every contact streaming and having received `packets` more since `before`.
bool all_flowing(const std::vector<ContactInfo>& now,
                 const std::map<ContactId, std::uint64_t>& before, std::uint64_t packets) {
  for (const auto& c : now) {
    auto it = before.find(c.id);
    const std::uint64_t base = it == before.end() ? 0 : it->second;
    if (c.state != LinkState::kStreaming || c.stats.packets < base + packets) return false;
  }
  return true;
}

std::map<ContactId, std::uint64_t> packets_now(const std::vector<ContactInfo>& cs) {
  std::map<ContactId, std::uint64_t> out;
  for (const auto& c : cs) out[c.id] = c.stats.packets;
  return out;
}

TEST_F(RoomTest, ALinkLostMidRepComesBackByItself) {
  start_sim({"--contacts", "6", "--adapters", "2", "--time-scale", "10", "--link-losses", "1"});
  start_links();
  ASSERT_TRUE(run_until(
      [&] {
        if (!all_streaming(6)) return false;
        for (const auto& c : links_->contacts())
          if (c.stats.reconnects < 1) return false;
        return true;
      },
      seconds(90)))
      << sim_output();
  const auto before = packets_now(links_->contacts());
  ASSERT_TRUE(run_until([&] { return all_flowing(links_->contacts(), before, 20); }, seconds(30)));
  EXPECT_NE(sim_output().find("link-loss"), std::string::npos);
}

TEST_F(RoomTest, AnAcquireNotifySocketEndingEarlyFallsBackToStartNotifyForThatContactOnly) {
  start_sim({"--contacts", "4", "--adapters", "1", "--time-scale", "5", "--acquire-eof-contacts",
             "1", "--acquire-eof-after", "10"});
  start_links();
  const auto broken = contact_id_for_address("C0:FF:EE:00:00:00");
  ASSERT_TRUE(run_until(
      [&] {
        const auto c = links_->contact(broken);
        return all_streaming(4) && c && c->path == NotifyPath::kStartNotify;
      },
      seconds(30)));
  const auto before = packets_now(links_->contacts());
  ASSERT_TRUE(run_until([&] { return all_flowing(links_->contacts(), before, 30); }, seconds(30)));
  for (const auto& c : links_->contacts()) {
    EXPECT_EQ(c.path, c.id == broken ? NotifyPath::kStartNotify : NotifyPath::kAcquireNotify);
    EXPECT_EQ(c.stats.reconnects, 0U) << c.id;  // the link itself stayed up
  }
}

TEST_F(RoomTest, ConnectErrorsAreRetriedUntilEveryContactStreams) {
  start_sim({"--contacts", "8", "--adapters", "2", "--time-scale", "5", "--connect-abort-rate",
             "0.4", "--connect-in-progress-rate", "0.2", "--seed", "7"});
  LinkConfig config;
  config.backoff_initial = std::chrono::milliseconds(100);
  start_links(config);
  ASSERT_TRUE(run_until([&] { return all_streaming(8); }, seconds(60)));
  EXPECT_GT(total(links_->contacts(), &ContactStats::connect_failures), 0U);
}

TEST_F(RoomTest, AnAdapterAnsweringNotReadyIsPowerCycledAndThenUsed) {
  start_sim(
      {"--contacts", "6", "--adapters", "2", "--time-scale", "5", "--not-ready-adapter", "0"});
  start_links();
  ASSERT_TRUE(
      run_until([&] { return all_streaming(6) && per_adapter().count("hci0") == 1; }, seconds(60)));
  EXPECT_NE(sim_output().find("power off hci0"), std::string::npos);
}

TEST_F(RoomTest, AControllerRefusingPastItsLimitPushesContactsToOtherAdapters) {
  // The controller holds 4 links, the budget says 7: refusals must spread the rest.
  start_sim({"--contacts", "12", "--adapters", "3", "--time-scale", "5", "--slots", "4"});
  LinkConfig config;
  config.backoff_initial = std::chrono::milliseconds(100);
  start_links(config);
  ASSERT_TRUE(run_until([&] { return all_streaming(12); }, seconds(90)));
  for (const auto& [adapter, n] : per_adapter()) EXPECT_EQ(n, 4) << adapter;
}

TEST_F(RoomTest, PacketLossBurstsAreCountedAsSequenceGaps) {
  start_sim({"--contacts", "3", "--adapters", "1", "--time-scale", "10", "--loss-rate", "0.05",
             "--burst-mean", "3"});
  start_links();
  ASSERT_TRUE(run_until(
      [&] {
        return all_streaming(3) && total(links_->contacts(), &ContactStats::sequence_gaps) >= 10;
      },
      seconds(60)));
  for (const auto& c : links_->contacts()) {
    EXPECT_GT(c.stats.loss_rate(), 0.0) << c.id;
    EXPECT_LT(c.stats.loss_rate(), 0.6) << c.id;
    EXPECT_EQ(c.stats.reconnects, 0U) << c.id;
  }
}

TEST_F(RoomTest, MalformedPacketsAreHandedOnWithoutDisturbingTheLink) {
  start_sim(
      {"--contacts", "3", "--adapters", "1", "--time-scale", "10", "--malformed-rate", "0.05"});
  start_links();
  ASSERT_TRUE(run_until(
      [&] {
        std::uint64_t bad = 0;
        for (const auto& [id, c] : recorder_.contacts) bad += c.malformed;
        return all_streaming(3) && bad >= 10;
      },
      seconds(60)));
  for (const auto& c : links_->contacts()) EXPECT_EQ(c.stats.reconnects, 0U) << c.id;
}

TEST_F(RoomTest, ABluetoothdRestartRebuildsEveryLink) {
  start_sim({"--contacts", "8", "--adapters", "2", "--time-scale", "5", "--restart-down", "0.5"});
  start_links();
  ASSERT_TRUE(run_until([&] { return all_streaming(8); }, seconds(30)));
  sim_->signal(SIGUSR1);
  ASSERT_TRUE(run_until([&] { return recorder_.bluez_available.size() >= 3; }, seconds(30)));
  EXPECT_EQ(recorder_.bluez_available, (std::vector<bool>{true, false, true}));
  const auto before = packets_now(links_->contacts());
  ASSERT_TRUE(run_until([&] { return all_flowing(links_->contacts(), before, 20); }, seconds(60)));
  for (const auto& [adapter, n] : per_adapter()) EXPECT_LE(n, 7) << adapter;
}

}  // namespace
}  // namespace r3::bluez::test

namespace r3::bluez::test {
namespace {

TEST_F(RoomTest, ASilentLinkIsDeclaredDeadAndRebuilt) {
  start_sim({"--contacts", "4", "--adapters", "1", "--time-scale", "5", "--stall-contacts", "2",
             "--stall-after", "3"});
  LinkConfig config;
  config.silence_timeout = std::chrono::milliseconds(1000);
  start_links(config);
  const auto a = contact_id_for_address("C0:FF:EE:00:00:00");
  const auto b = contact_id_for_address("C0:FF:EE:00:00:01");
  ASSERT_TRUE(run_until(
      [&] {
        return all_streaming(4) && links_->contact(a)->stats.reconnects >= 1 &&
               links_->contact(b)->stats.reconnects >= 1;
      },
      std::chrono::seconds(60)))
      << sim_output();
  const auto before = links_->contact(a)->stats.packets;
  ASSERT_TRUE(run_until([&] { return links_->contact(a)->stats.packets > before + 20; },
                        std::chrono::seconds(30)));
  EXPECT_NE(sim_output().find("stall C0:FF:EE:00:00:00"), std::string::npos);
}

TEST_F(RoomTest, AnAdapterWhoseConnectsTimeOutIsPowerCycledAndThenUsed) {
  start_sim({"--contacts", "6", "--adapters", "2", "--time-scale", "5", "--hang-adapter", "1"});
  LinkConfig config;
  config.connect_timeout = std::chrono::milliseconds(700);
  config.backoff_initial = std::chrono::milliseconds(100);
  start_links(config);
  ASSERT_TRUE(run_until([&] { return all_streaming(6) && per_adapter().count("hci1") == 1; },
                        std::chrono::seconds(60)))
      << sim_output();
  EXPECT_NE(sim_output().find("power off hci1"), std::string::npos);
}

TEST_F(RoomTest, ServicesResolvedBeforeTheGattObjectsIsWaitedOut) {
  start_sim({"--contacts", "4", "--adapters", "1", "--time-scale", "5", "--late-gatt", "1"});
  start_links();
  ASSERT_TRUE(run_until(
      [&] {
        if (!all_streaming(4)) return false;
        for (const auto& c : links_->contacts())
          if (c.stats.packets < 10) return false;
        return true;
      },
      std::chrono::seconds(30)));
}

}  // namespace
}  // namespace r3::bluez::test
