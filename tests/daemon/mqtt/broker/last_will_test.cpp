#include <csignal>

#include "tests/daemon/mqtt/broker/fixture.hpp"

namespace r3::test {
namespace {

using AGatewayStatus = BrokerTest;

TEST_F(AGatewayStatus, IsRetainedOnlineWhileThePublisherRuns) {
  auto pub = start_publisher({});
  auto c = collector("r3/v1/gw1/status");
  ASSERT_TRUE(c->wait_for([](auto& m) { return has_status(m, "online", "connected"); }, 30s));
  // A late subscriber still learns it from the retained message.
  auto late = collector("r3/v1/gw1/status");
  ASSERT_TRUE(late->wait_for([](auto& m) { return !m.empty(); }, 30s));
  EXPECT_TRUE(late->messages().front().retained);
  EXPECT_EQ(field(late->messages().front(), "state"), "online");
}

TEST_F(AGatewayStatus, TurnsOfflineThroughTheLastWillWhenThePublisherIsKilled) {
  auto pub = start_publisher({});
  auto c = collector("r3/v1/gw1/status");
  ASSERT_TRUE(c->wait_for([](auto& m) { return has_status(m, "online", "connected"); }, 30s));
  pub.kill9();
  ASSERT_TRUE(
      c->wait_for([](auto& m) { return has_status(m, "offline", "connection_lost"); }, 60s));
  auto late = collector("r3/v1/gw1/status");  // and it stays so, retained
  ASSERT_TRUE(late->wait_for([](auto& m) { return !m.empty(); }, 30s));
  EXPECT_EQ(field(late->messages().back(), "reason"), "connection_lost");
}

TEST_F(AGatewayStatus, TurnsOfflineWithReasonShutdownOnACleanStop) {
  auto pub = start_publisher({});
  auto c = collector("r3/v1/gw1/status");
  ASSERT_TRUE(c->wait_for([](auto& m) { return has_status(m, "online", "connected"); }, 30s));
  pub.signal(SIGTERM);
  EXPECT_EQ(pub.wait(30s), 0);
  ASSERT_TRUE(c->wait_for([](auto& m) { return has_status(m, "offline", "shutdown"); }, 30s));
  EXPECT_FALSE(has_status(c->messages(), "offline", "connection_lost"));
}

}  // namespace
}  // namespace r3::test
