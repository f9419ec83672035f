// User name and password against a mosquitto that refuses anonymous clients.

#include <cstdlib>
#include <filesystem>

#include "tests/daemon/mqtt/broker/fixture.hpp"

namespace r3::test {
namespace {

class APasswordBroker : public BrokerTest {
 protected:
  void SetUp() override {
    BrokerTest::SetUp();
    const auto dir = dir_ + "/pwbroker";
    std::filesystem::create_directories(dir);
    const std::string cmd = "/usr/bin/mosquitto_passwd -b -c " + dir + "/passwd room-1 s3cret && " +
                            "/usr/bin/mosquitto_passwd -b " + dir + "/passwd watcher w4tch > " +
                            dir_ + "/passwd.log 2>&1";
    ASSERT_EQ(std::system(cmd.c_str()), 0) << read_file(dir_ + "/passwd.log");
    pw_broker_ = std::make_unique<Broker>(
        dir, nullptr, "allow_anonymous false\npassword_file " + dir + "/passwd");
    ASSERT_TRUE(pw_broker_->start()) << read_file(pw_broker_->log_file());
  }
  std::unique_ptr<Collector> watcher() {
    auto c = std::make_unique<Collector>(pw_broker_->port(), "watcher-" + dir_.substr(5),
                                         "r3/v1/gw1/status");
    c->set_credentials("watcher", "w4tch");
    EXPECT_TRUE(c->connect());
    return c;
  }
  std::unique_ptr<Broker> pw_broker_;
};

TEST_F(APasswordBroker, AcceptsThePublisherWithTheRightPassword) {
  auto pub = start_publisher({"--port", std::to_string(pw_broker_->port()), "--username", "room-1",
                              "--password", "s3cret"});
  auto c = watcher();
  ASSERT_TRUE(c->wait_for([](auto& m) { return has_status(m, "online", "connected"); }, 30s))
      << log_of();
}

TEST_F(APasswordBroker, RefusesThePublisherWithAWrongPassword) {
  auto pub = start_publisher({"--port", std::to_string(pw_broker_->port()), "--username", "room-1",
                              "--password", "wrong"});
  auto c = watcher();
  ASSERT_TRUE(wait_until([&] { return log_of().find("connect failed") != std::string::npos; }, 30s))
      << log_of();
  EXPECT_FALSE(has_status(c->messages(), "online", "connected"));
  EXPECT_TRUE(pub.running());
}

}  // namespace
}  // namespace r3::test
