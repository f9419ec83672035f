// The bounded queue: with the broker away and the queue full, new events are dropped, counted
// and reported in the gateway status; live samples are never queued at all.

#include <algorithm>
#include <csignal>
#include <fstream>

#include "tests/daemon/mqtt/broker/fixture.hpp"

namespace r3::test {
namespace {

using AFullQueue = BrokerTest;

TEST_F(AFullQueue, DropsWhatDoesNotFitAndReportsItInTheStatus) {
  auto c = collector("r3/v1/gw1/#");
  const auto go = dir_ + "/go";
  auto pub = start_publisher(
      {"--max-buffered", "50", "--reps", "100", "--interval-ms", "2", "--start-file", go});
  ASSERT_TRUE(c->wait_for([](auto& m) { return has_status(m, "online", "connected"); }, 30s));
  broker_->stop();
  // Only once the publisher knows it is disconnected: from then on, live is never queued.
  ASSERT_TRUE(
      wait_until([&] { return log_of().find("connection lost") != std::string::npos; }, 60s));
  std::ofstream(go).close();
  ASSERT_TRUE(
      wait_until([&] { return log_of().find("published 100 reps") != std::string::npos; }, 60s));
  ASSERT_TRUE(broker_->start());

  ASSERT_TRUE(c->wait_for(
      [](auto& m) {
        for (const auto& r : m) {
          if (r.topic == "r3/v1/gw1/status" && field(r, "dropped_events") == "50") return true;
        }
        return false;
      },
      60s))
      << "no status reporting 50 dropped events";
  ASSERT_TRUE(c->wait_for([](auto& m) { return seqs_of(m).size() >= 50; }, 60s));
  // An event, not a pause, says nothing more is coming: stopped, the publisher sends its
  // "shutdown" status last, on the same session, so everything it sent before is here once it is.
  pub.signal(SIGTERM);
  ASSERT_TRUE(c->wait_for([](auto& m) { return has_status(m, "offline", "shutdown"); }, 60s));
  auto seqs = seqs_of(c->messages());
  std::sort(seqs.begin(), seqs.end());
  seqs.erase(std::unique(seqs.begin(), seqs.end()), seqs.end());
  ASSERT_EQ(seqs.size(), 50U);  // the first 50 kept, in full; the rest dropped, never half-sent
  EXPECT_EQ(seqs.front(), 1U);
  EXPECT_EQ(seqs.back(), 50U);
  for (const auto& r : c->messages()) {
    EXPECT_NE(r.topic, "r3/v1/gw1/users/u-1/live") << "live sent while the broker was away";
  }
  for (const auto& r : c->on("r3/v1/gw1/status")) {
    if (field(r, "dropped_events") == "50") {
      EXPECT_EQ(field(r, "dropped_live"), "100");
    }
  }
}

}  // namespace
}  // namespace r3::test
