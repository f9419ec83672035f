#include "console/hub.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace r3::console {
namespace {

using nlohmann::json;

struct FakeSink : ClientSink {
  bool is_busy = false;
  std::vector<std::string> sent;
  std::string closed;
  [[nodiscard]] bool busy() const override { return is_busy; }
  void send(std::string m) override { sent.push_back(std::move(m)); }
  void close(std::string reason) override { closed = std::move(reason); }
  // Every frame sent so far, flattened.
  std::vector<json> frames() const {
    std::vector<json> out;
    for (const auto& m : sent)
      for (auto& f : json::parse(m)) out.push_back(f);
    return out;
  }
};

struct AHub : ::testing::Test {
  std::unique_ptr<Database> db = std::move(Database::open(":memory:").value());
  Metrics metrics;
  std::vector<std::pair<std::string, std::string>> published;
  bool broker_up = true;
  Hub hub{HubOptions{"r3/v1", std::chrono::milliseconds(5000), 50}, *db, metrics,
          [this](const std::string& t, const std::string& p) {
            published.emplace_back(t, p);
            return broker_up;
          },
          "inst"};
  Hub::Clock::time_point now = Hub::Clock::time_point{} + std::chrono::hours(1);

  std::shared_ptr<FakeSink> connect(Role role, std::uint64_t* id = nullptr) {
    auto s = std::make_shared<FakeSink>();
    const auto i = hub.add_client(role, s);
    if (id) *id = i;
    return s;
  }
};

TEST_F(AHub, ReplaysTheRetainedStateToANewBrowser) {
  hub.on_mqtt_message("r3/v1/room-1/status", R"({"state":"online"})");
  hub.on_mqtt_message("r3/v1/room-1/devices/d1", R"({"link_state":"streaming"})");
  hub.on_mqtt_message("r3/v1/room-1/users/u1/live", R"({"force_n":3})");
  auto s = connect(Role::kScreen);
  hub.flush();
  const auto f = s->frames();
  ASSERT_EQ(f.size(), 4U);  // console status, roster, then the two retained topics
  EXPECT_EQ(f[0]["topic"], "console/status");
  EXPECT_EQ(f[1]["topic"], "console/roster");
  EXPECT_EQ(f[2]["topic"], "room-1/devices/d1");
  EXPECT_EQ(f[3]["topic"], "room-1/status");
}

TEST_F(AHub, ForgetsAClearedRetainedTopicAndSaysSo) {
  hub.on_mqtt_message("r3/v1/room-1/users/u1/status", R"({"state":"idle"})");
  auto s = connect(Role::kScreen);
  hub.on_mqtt_message("r3/v1/room-1/users/u1/status", "");
  hub.flush();
  EXPECT_TRUE(s->frames().back()["payload"].is_null());
  auto late = connect(Role::kScreen);
  hub.flush();
  EXPECT_EQ(late->frames().size(), 2U);
}

TEST_F(AHub, BatchesFramesUntilTheFlushAndCoalescesLiveOnes) {
  auto s = connect(Role::kScreen);
  hub.flush();
  s->sent.clear();
  for (int i = 0; i < 5; ++i)
    hub.on_mqtt_message("r3/v1/g/users/u/live", R"({"force_n":)" + std::to_string(i) + "}");
  hub.on_mqtt_message("r3/v1/g/users/u/rep", R"({"seq":1})");
  EXPECT_TRUE(s->sent.empty());
  hub.flush();
  ASSERT_EQ(s->sent.size(), 1U);
  const auto f = s->frames();
  ASSERT_EQ(f.size(), 2U);
  EXPECT_EQ(f[0]["payload"]["force_n"], 4);
  EXPECT_EQ(f[1]["topic"], "g/users/u/rep");
  EXPECT_EQ(metrics.ws_live_coalesced, 4U);
}

TEST_F(AHub, WaitsForABusyBrowserAndDropsOneThatNeverCatchesUp) {
  auto s = connect(Role::kScreen);
  s->is_busy = true;
  for (int i = 0; i < 60; ++i) hub.on_mqtt_message("r3/v1/g/users/u/rep", R"({"seq":1})");
  hub.flush();
  EXPECT_TRUE(s->sent.empty());
  EXPECT_EQ(s->closed, "it does not keep up");
  EXPECT_EQ(hub.clients(), 0U);
  EXPECT_EQ(metrics.ws_slow_clients_dropped, 1U);
}

TEST_F(AHub, CountsAndDropsPayloadsThatAreNotJsonObjects) {
  auto s = connect(Role::kScreen);
  hub.flush();
  s->sent.clear();
  hub.on_mqtt_message("r3/v1/g/users/u/rep", "not json");
  hub.on_mqtt_message("r3/v1/g/cmd/bind", "{}");
  hub.flush();
  EXPECT_TRUE(s->sent.empty());
  EXPECT_EQ(metrics.mqtt_bad_payloads, 1U);
  EXPECT_EQ(metrics.mqtt_ignored, 1U);
}

TEST_F(AHub, ForwardsACommandWithItsOwnRequestIdAndRoutesTheReplyBack) {
  auto coach = connect(Role::kCoach);
  auto other = connect(Role::kCoach);
  hub.flush();
  coach->sent.clear();
  other->sent.clear();
  hub.on_client_text(
      1,
      R"({"tx":"42","topic":"room-1/cmd/bind","payload":{"device_id":"d","user_id":"p-1","request_id":"mine"}})",
      now);
  ASSERT_EQ(published.size(), 1U);
  EXPECT_EQ(published[0].first, "r3/v1/room-1/cmd/bind");
  const auto cmd = json::parse(published[0].second);
  const std::string rid = cmd["request_id"];
  EXPECT_EQ(rid.rfind("console-inst-", 0), 0U);
  EXPECT_EQ(cmd["user_id"], "p-1");
  hub.on_mqtt_message("r3/v1/room-1/reply/" + rid, R"({"request_id":")" + rid + R"(","ok":true})");
  hub.flush();
  const auto f = coach->frames();
  ASSERT_EQ(f.size(), 1U);
  EXPECT_EQ(f[0]["tx"], "42");
  EXPECT_EQ(f[0]["payload"]["ok"], true);
  EXPECT_TRUE(other->sent.empty());  // a reply goes only to who asked
}

TEST_F(AHub, AnswersATimeoutWhenTheGatewayIsSilent) {
  auto coach = connect(Role::kCoach);
  hub.on_client_text(1, R"({"tx":"1","topic":"room-1/cmd/tare","payload":{"device_id":"d"}})", now);
  hub.expire(now + std::chrono::seconds(6));
  hub.flush();
  const auto f = coach->frames().back();
  EXPECT_EQ(f["tx"], "1");
  EXPECT_EQ(f["payload"]["error"]["code"], "timeout");
  EXPECT_EQ(metrics.request_timeouts, 1U);
}

TEST_F(AHub, RefusesRequestsFromAScreenAndMalformedFrames) {
  std::uint64_t id = 0;
  auto screen = connect(Role::kScreen, &id);
  hub.on_client_text(id, R"({"tx":"1","topic":"room-1/cmd/bind","payload":{}})", now);
  hub.on_client_text(id, "garbage", now);
  hub.flush();
  const auto f = screen->frames();
  EXPECT_EQ(f[f.size() - 2]["payload"]["error"]["code"], "forbidden");
  EXPECT_EQ(f.back()["payload"]["error"]["message"], "request is not valid JSON");
  EXPECT_TRUE(published.empty());
  EXPECT_EQ(metrics.requests_forbidden, 1U);
  EXPECT_EQ(metrics.ws_bad_frames, 1U);
}

TEST_F(AHub, SaysSoWhenTheBrokerIsAway) {
  broker_up = false;
  auto coach = connect(Role::kCoach);
  hub.on_client_text(1, R"({"tx":"1","topic":"room-1/cmd/start_session"})", now);
  hub.flush();
  EXPECT_EQ(coach->frames().back()["payload"]["error"]["code"], "unavailable");
}

TEST_F(AHub, EditsTheRosterAndTellsEveryBrowser) {
  auto coach = connect(Role::kCoach);
  auto screen = connect(Role::kScreen);
  hub.flush();
  coach->sent.clear();
  screen->sent.clear();
  hub.on_client_text(
      1, R"({"tx":"5","topic":"console/roster/add","payload":{"display_name":"Ana"}})", now);
  hub.flush();
  const auto f = coach->frames();
  ASSERT_EQ(f.size(), 2U);
  EXPECT_EQ(f[0]["tx"], "5");
  EXPECT_TRUE(f[0]["payload"]["user_id"].is_string());
  EXPECT_EQ(f[1]["payload"]["people"][0]["display_name"], "Ana");
  EXPECT_EQ(screen->frames().back()["topic"], "console/roster");
  EXPECT_TRUE(published.empty());  // names never go to MQTT
  hub.on_client_text(1, R"({"tx":"6","topic":"console/roster/add","payload":{"display_name":""}})",
                     now);
  hub.flush();
  EXPECT_EQ(coach->frames().back()["payload"]["error"]["message"], "the display name is empty");
}

TEST_F(AHub, RebuildsTheMirrorFromTheReplayAfterAReconnect) {
  hub.on_mqtt_message("r3/v1/room-1/devices/gone", R"({"a":1})");
  hub.on_mqtt_connected(false);
  hub.on_mqtt_lost();
  hub.on_mqtt_connected(true);
  EXPECT_EQ(metrics.mirror_topics, 0U);
  EXPECT_EQ(metrics.mqtt_reconnects, 1U);
}

}  // namespace
}  // namespace r3::console
