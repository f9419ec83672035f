// docs/mosquitto-acl.example, loaded into a real mosquitto: a gateway writes only under its own
// id, dashboards only read, only the operator commands.

#include <algorithm>
#include <filesystem>
#include <thread>

#include "tests/daemon/mqtt/broker/fixture.hpp"

namespace r3::test {
namespace {

class TheAclExample : public BrokerTest {
 protected:
  void SetUp() override {
    BrokerTest::SetUp();
    std::filesystem::create_directories(dir_ + "/aclbroker");
    acl_broker_ = std::make_unique<Broker>(
        dir_ + "/aclbroker", nullptr,
        std::string("acl_file ") + R3_SOURCE_DIR + "/docs/mosquitto-acl.example");
    ASSERT_TRUE(acl_broker_->start()) << read_file(acl_broker_->log_file());
  }
  std::unique_ptr<Collector> as(const std::string& user, const std::string& filter) {
    auto c =
        std::make_unique<Collector>(acl_broker_->port(), user + "-" + std::to_string(++n_), filter);
    c->set_username(user);
    EXPECT_TRUE(c->connect());
    return c;
  }
  std::unique_ptr<Broker> acl_broker_;
  int n_ = 0;
};

TEST_F(TheAclExample, LetsEachRoleDoOnlyWhatItMay) {
  auto pub = start_publisher({"--port", std::to_string(acl_broker_->port()), "--gateway", "room-1",
                              "--username", "room-1"});
  auto dashboard = as("dashboard", "r3/v1/#");
  auto operator_app = as("operator", "r3/v1/room-1/reply/#");
  ASSERT_TRUE(
      dashboard->wait_for([](auto& m) { return has_status(m, "online", "connected"); }, 30s))
      << log_of();

  // Another gateway forging room-1's status, a dashboard sending a command: both refused.
  auto room2 = as("room-2", "r3/v1/room-2/cmd/+");
  room2->publish("r3/v1/room-1/status", R"({"state":"offline","reason":"forged"})");
  dashboard->publish("r3/v1/room-1/cmd/unbind",
                     R"({"request_id":"from-dash","device_id":"r3-0000000000d1"})");
  operator_app->publish(
      "r3/v1/room-1/cmd/bind",
      R"({"request_id":"from-op","device_id":"r3-0000000000d1","user_id":"p-1"})");

  ASSERT_TRUE(operator_app->wait_for([](auto& m) { return !m.empty(); }, 30s)) << log_of();
  EXPECT_EQ(operator_app->messages().front().topic, "r3/v1/room-1/reply/from-op");
  // An event, not a pause: each publish above was acknowledged before the next was sent, the
  // broker handles them in order and delivers to the dashboard in order, so once the dashboard
  // has a marker published after them, anything let through before it would be here too.
  auto gateway_user = as("room-1", "r3/v1/room-1/cmd/+");
  gateway_user->publish("r3/v1/room-1/devices/barrier", "{}");
  ASSERT_TRUE(dashboard->wait_for(
      [](auto& m) {
        return std::any_of(m.begin(), m.end(),
                           [](const auto& r) { return r.topic == "r3/v1/room-1/devices/barrier"; });
      },
      30s))
      << "the marker never reached the dashboard";
  for (const auto& m : dashboard->messages()) {
    EXPECT_EQ(field(m, "reason").find("forged"), std::string::npos) << m.payload;
    EXPECT_EQ(m.topic.find("from-dash"), std::string::npos) << m.topic;
    EXPECT_EQ(m.topic.find("/cmd/"), std::string::npos) << "a dashboard may not read commands";
  }
  EXPECT_EQ(log_of().find("from-dash"), std::string::npos) << "the dashboard's command ran";
}

}  // namespace
}  // namespace r3::test
