// MQTT 5 (the option): reps delivered with a persistent session (clean start off + session
// expiry), and the last will works the same.

#include <algorithm>

#include "tests/daemon/mqtt/broker/fixture.hpp"

namespace r3::test {
namespace {

using AnMqtt5Publisher = BrokerTest;

TEST_F(AnMqtt5Publisher, DeliversEveryRepAndItsLastWill) {
  auto c = collector("r3/v1/gw1/#", true);
  auto pub = start_publisher({"--v5", "--reps", "30", "--interval-ms", "10"});
  ASSERT_TRUE(c->wait_for([](auto& m) { return seqs_of(m).size() >= 30; }, 60s)) << log_of();
  auto seqs = seqs_of(c->messages());
  EXPECT_TRUE(std::is_sorted(seqs.begin(), seqs.end()));
  seqs.erase(std::unique(seqs.begin(), seqs.end()), seqs.end());
  EXPECT_EQ(seqs.size(), 30U);
  pub.kill9();
  ASSERT_TRUE(
      c->wait_for([](auto& m) { return has_status(m, "offline", "connection_lost"); }, 60s));
}

}  // namespace
}  // namespace r3::test
