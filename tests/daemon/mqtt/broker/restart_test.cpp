// A publisher killed with messages still queued (on disk in its state directory) delivers them
// after it restarts with the same client id and directory, and its per-user seq continues.

#include <algorithm>
#include <iostream>

#include "tests/daemon/mqtt/broker/fixture.hpp"

namespace r3::test {
namespace {

using APublisherRestart = BrokerTest;

std::vector<std::uint64_t> distinct(std::vector<std::uint64_t> s) {
  std::sort(s.begin(), s.end());
  s.erase(std::unique(s.begin(), s.end()), s.end());
  return s;
}

TEST_F(APublisherRestart, DeliversWhatItQueuedBeforeItWasKilled) {
  auto c = collector("r3/v1/gw1/users/u-1/rep");  // its session outlives the broker's restart
  auto first = start_publisher({"--reps", "200", "--interval-ms", "20"}, "pub1");
  ASSERT_TRUE(c->wait_for([](auto& m) { return !m.empty(); }, 60s));
  broker_->stop();
  // The rest of the 200 reps are published while the broker is away, then the process dies.
  ASSERT_TRUE(wait_until(
      [&] { return log_of("pub1").find("published 200 reps") != std::string::npos; }, 60s))
      << log_of("pub1");
  first.kill9();
  const auto delivered_before = distinct(seqs_of(c->messages())).size();
  ASSERT_LT(delivered_before, 200U) << "the broker stopped too late to leave anything queued";

  ASSERT_TRUE(broker_->start());
  const auto restarted_at = std::chrono::steady_clock::now();
  auto second = start_publisher({"--reps", "10", "--interval-ms", "1"}, "pub2");
  ASSERT_TRUE(c->wait_for([](auto& m) { return distinct(seqs_of(m)).size() >= 210; }, 120s))
      << "got " << distinct(seqs_of(c->messages())).size() << " of 210";
  const auto all = distinct(seqs_of(c->messages()));
  ASSERT_EQ(all.size(), 210U);
  EXPECT_EQ(all.front(), 1U);
  EXPECT_EQ(all[199], 200U);
  // Killed, the publisher never wrote its exact seq: it goes on above the mark it had reserved
  // (docs/mqtt-api.md, "Power loss"), never below.
  EXPECT_EQ(all[200], 1001U);
  EXPECT_EQ(all.back(), 1010U);
  std::cout << "[ MEASURE  ] " << 200 - delivered_before
            << " reps queued on disk at kill -9; all 210 delivered "
            << std::chrono::duration<double>(c->messages().back().at - restarted_at).count()
            << " s after the restart, " << seqs_of(c->messages()).size() - 210 << " duplicates"
            << std::endl;
}

TEST_F(APublisherRestart, DeliversWhatItQueuedWithoutEverHavingConnected) {
  auto c = collector("r3/v1/gw1/users/u-1/rep");
  broker_->stop();  // the daemon starts while the broker is away, queues, and is killed
  auto first = start_publisher({"--reps", "20", "--interval-ms", "5"}, "pub1");
  ASSERT_TRUE(wait_until(
      [&] { return log_of("pub1").find("published 20 reps") != std::string::npos; }, 60s));
  first.kill9();
  ASSERT_TRUE(broker_->start());
  auto second = start_publisher({}, "pub2");
  ASSERT_TRUE(c->wait_for([](auto& m) { return distinct(seqs_of(m)).size() >= 20; }, 60s))
      << "got " << distinct(seqs_of(c->messages())).size() << " of 20";
  ASSERT_EQ(distinct(seqs_of(c->messages())).size(), 20U);
  const auto all = distinct(seqs_of(c->messages()));
  EXPECT_EQ(all.front(), 1U);
  EXPECT_EQ(all.back(), 20U);
}

}  // namespace
}  // namespace r3::test
