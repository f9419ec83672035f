// Commands over a real broker: good ones answered ok, bad ones answered with an error that names
// the problem, the publisher unharmed; MQTT 5 requests answered on their response topic.

#include <csignal>

#include "tests/daemon/mqtt/broker/fixture.hpp"

namespace r3::test {
namespace {

using TheCommandApi = BrokerTest;

const Received* reply_to(const std::vector<Received>& m, const std::string& topic_end) {
  for (const auto& r : m) {
    if (r.topic.size() >= topic_end.size() &&
        r.topic.compare(r.topic.size() - topic_end.size(), topic_end.size(), topic_end) == 0) {
      return &r;
    }
  }
  return nullptr;
}

TEST_F(TheCommandApi, AnswersGoodAndBadRequestsOnTheReplyTopic) {
  auto pub = start_publisher({});
  auto c = collector("r3/v1/gw1/#");
  ASSERT_TRUE(c->wait_for([](auto& m) { return has_status(m, "online", "connected"); }, 30s));

  c->publish("r3/v1/gw1/cmd/bind",
             R"({"request_id":"ok1","device_id":"r3-0000000000d1","user_id":"u-7"})");
  c->publish("r3/v1/gw1/cmd/bind",
             R"({"request_id":"nodev","device_id":"r3-0000000000d9","user_id":"u"})");
  c->publish("r3/v1/gw1/cmd/bind",
             R"({"request_id":"bad-user","device_id":"r3-0000000000d1","user_id":"a/#"})");
  c->publish("r3/v1/gw1/cmd/selfdestruct", R"({"request_id":"verb"})");
  c->publish("r3/v1/gw1/cmd/tare", "\x01\x02 not json at all");
  c->publish("r3/v1/gw1/cmd/start_session", R"({"request_id":"s1","session_id":"warmup-1"})");
  c->publish("r3/v1/gw1/cmd/start_session", R"({"request_id":"s2"})");

  ASSERT_TRUE(c->wait_for(
      [](auto& m) {
        for (const char* id : {"ok1", "nodev", "bad-user", "verb", "_invalid", "s1", "s2"}) {
          if (reply_to(m, std::string("/reply/") + id) == nullptr) return false;
        }
        return true;
      },
      30s));
  const auto m = c->messages();
  EXPECT_EQ(field(*reply_to(m, "/reply/ok1"), "ok"), "true");
  EXPECT_EQ(field(*reply_to(m, "/reply/nodev"), "error"),
            R"({"code":"unknown_device","message":"r3-0000000000d9"})");
  EXPECT_NE(field(*reply_to(m, "/reply/bad-user"), "error").find("'user_id' must be"),
            std::string::npos);
  EXPECT_NE(field(*reply_to(m, "/reply/verb"), "error").find("unknown verb 'selfdestruct'"),
            std::string::npos);
  EXPECT_NE(field(*reply_to(m, "/reply/_invalid"), "error").find("not valid JSON"),
            std::string::npos);
  EXPECT_EQ(field(*reply_to(m, "/reply/s1"), "session_id"), "warmup-1");
  EXPECT_NE(field(*reply_to(m, "/reply/s2"), "error").find("conflict"), std::string::npos);

  EXPECT_TRUE(pub.running());
  pub.signal(SIGTERM);
  EXPECT_EQ(pub.wait(30s), 0);
  EXPECT_NE(log_of().find("commands_ok=2 commands_failed=5"), std::string::npos) << log_of();
}

TEST_F(TheCommandApi, AnswersAnMqtt5RequestOnItsResponseTopicWithItsCorrelationData) {
  auto pub = start_publisher({"--v5"});
  auto c = collector("r3/v1/gw1/status", true);
  ASSERT_TRUE(c->wait_for([](auto& m) { return has_status(m, "online", "connected"); }, 30s));
  auto answers = collector("app/answers/#", true);
  mqtt::properties props{{mqtt::property::RESPONSE_TOPIC, std::string("app/answers/x")},
                         {mqtt::property::CORRELATION_DATA, std::string("corr-42")}};
  answers->publish("r3/v1/gw1/cmd/identify",
                   R"({"request_id":"v5a","device_id":"r3-0000000000d1"})", props);
  ASSERT_TRUE(answers->wait_for([](auto& m) { return !m.empty(); }, 30s));
  const auto a = answers->messages().front();
  EXPECT_EQ(a.topic, "app/answers/x");
  EXPECT_EQ(a.correlation_data, "corr-42");
  EXPECT_EQ(field(a, "request_id"), "v5a");
  EXPECT_EQ(field(a, "ok"), "true");
}

}  // namespace
}  // namespace r3::test
