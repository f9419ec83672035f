// The publisher without a broker: option checks, id checks, and what it queues or drops while
// it cannot connect (the broker tests cover the rest against a real mosquitto).

#include "daemon/mqtt/publisher.hpp"

#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/daemon/mqtt/support/process.hpp"

namespace r3::mqtt {
namespace {

class APublisherWithoutABroker : public ::testing::Test {
 protected:
  void TearDown() override { std::filesystem::remove_all(dir_); }
  Options options() {
    Options o;
    o.gateway_id = "gw1";
    o.host = "127.0.0.1";
    o.port = test::free_port();  // nothing listens there
    o.client_id = "unit-" + std::filesystem::path(dir_).filename().string();
    o.state_dir = dir_ + "/state";
    return o;
  }
  Publisher::LogFn logger() {
    return [this](int, std::string_view m) { logs_.emplace_back(m); };
  }
  bool logged(const std::string& part) const {
    for (const auto& l : logs_) {
      if (l.find(part) != std::string::npos) return true;
    }
    return false;
  }

  std::string dir_ = test::make_temp_dir();
  boost::asio::io_context io_;
  std::vector<std::string> logs_;
  EventContext ctx_{"u-1", "r3-0000000000d1", "", 1};
};

TEST_F(APublisherWithoutABroker, RefusesToStartWithAnUnsafeGatewayId) {
  auto o = options();
  o.gateway_id = "gw/1";
  Publisher p(io_, o, nullptr, logger());
  EXPECT_FALSE(p.start());
  EXPECT_TRUE(logged("gateway id 'gw/1' is not a safe id"));
}

TEST_F(APublisherWithoutABroker, RefusesToStartWithAnUnreadableTlsFile) {
  auto o = options();
  o.tls = {true, dir_ + "/missing-ca.crt", "", "", true};
  Publisher p(io_, o, nullptr, logger());
  EXPECT_FALSE(p.start());
  EXPECT_TRUE(logged("TLS CA file"));
}

TEST_F(APublisherWithoutABroker, CreatesItsStateDirectoryAndStarts) {
  Publisher p(io_, options(), nullptr, logger());
  EXPECT_TRUE(p.start());
  EXPECT_TRUE(std::filesystem::is_directory(dir_ + "/state/queue"));
}

TEST_F(APublisherWithoutABroker, QueuesEventsDropsLiveAndCountsUnsafeIds) {
  auto o = options();
  o.max_buffered_messages = 3;
  Publisher p(io_, o, nullptr, logger());
  ASSERT_TRUE(p.start());
  for (int i = 0; i < 5; ++i) p.publish_rep(ctx_, core::RepEvent{});
  p.publish_live(ctx_, core::LiveSample{});
  p.publish_rep({"bad/user", "r3-0000000000d1", "", 1}, core::RepEvent{});
  p.publish_device({"dev#", "", "streaming", "", "", {}, {}, 0, ""});
  io_.run_for(std::chrono::milliseconds(50));
  const auto s = p.stats();
  EXPECT_FALSE(s.connected);
  EXPECT_EQ(s.published, 3U);
  EXPECT_EQ(s.pending, 3U);
  EXPECT_EQ(s.dropped_events, 2U);
  EXPECT_EQ(s.dropped_live, 1U);
  EXPECT_EQ(s.invalid_ids, 2U);
  EXPECT_TRUE(logged("outgoing queue full"));
}

TEST_F(APublisherWithoutABroker, RateLimitsLiveSamplesPerUser) {
  auto o = options();
  o.live_rate_hz = 0.001;  // one per 1000 s
  Publisher p(io_, o, nullptr, logger());
  ASSERT_TRUE(p.start());
  for (int i = 0; i < 4; ++i) p.publish_live(ctx_, core::LiveSample{});
  p.publish_live({"u-2", "r3-0000000000d2", "", 1}, core::LiveSample{});
  EXPECT_EQ(p.stats().live_rate_limited, 3U);
}

TEST_F(APublisherWithoutABroker, StopsCleanlyWhenItNeverConnected) {
  Publisher p(io_, options(), nullptr, logger());
  ASSERT_TRUE(p.start());
  bool done = false;
  p.stop([&] { done = true; }, 100);
  io_.run_for(std::chrono::seconds(5));
  EXPECT_TRUE(done);
}

}  // namespace
}  // namespace r3::mqtt
