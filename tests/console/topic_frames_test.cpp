#include "console/topic_frames.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace r3::console {
namespace {

TEST(ATopicClassifier, MirrorsTheRetainedTopicsOfTheApi) {
  EXPECT_EQ(classify("room-1/status"), TopicKind::kRetained);
  EXPECT_EQ(classify("room-1/devices/r3-c0ffee000001"), TopicKind::kRetained);
  EXPECT_EQ(classify("room-1/users/p-1/status"), TopicKind::kRetained);
}

TEST(ATopicClassifier, KeepsTheLastRepSetHoldAndSession) {
  EXPECT_EQ(classify("room-1/users/p-1/rep"), TopicKind::kLastValue);
  EXPECT_EQ(classify("room-1/users/p-1/set"), TopicKind::kLastValue);
  EXPECT_EQ(classify("room-1/users/p-1/hold"), TopicKind::kLastValue);
  EXPECT_EQ(classify("room-1/sessions/s-1"), TopicKind::kLastValue);
}

TEST(ATopicClassifier, TellsLiveRepliesAndTheRestApart) {
  EXPECT_EQ(classify("room-1/users/p-1/live"), TopicKind::kLive);
  EXPECT_EQ(classify("room-1/reply/console-a-1"), TopicKind::kReply);
  EXPECT_EQ(classify("room-1/cmd/bind"), TopicKind::kIgnored);
  EXPECT_EQ(classify("room-1/users//rep"), TopicKind::kIgnored);
  EXPECT_EQ(classify("room-1/devices/a/b"), TopicKind::kIgnored);
  EXPECT_EQ(classify("room-1/users/p-1/rep/extra"), TopicKind::kIgnored);
  EXPECT_EQ(classify("status"), TopicKind::kIgnored);
}

TEST(ARelativeTopic, StripsTheBaseOnlyAtALevelBoundary) {
  EXPECT_EQ(relative_topic("r3/v1", "r3/v1/room-1/status").value(), "room-1/status");
  EXPECT_FALSE(relative_topic("r3/v1", "r3/v10/room-1/status"));
  EXPECT_FALSE(relative_topic("r3/v1", "r3/v1"));
  EXPECT_FALSE(relative_topic("r3/v1", "other/room-1/status"));
}

TEST(AFrame, CarriesThePayloadUnchangedAndTheTopicEscaped) {
  const auto f = nlohmann::json::parse(make_frame("a\"b/status", R"({"x":1.25})"));
  EXPECT_EQ(f["topic"], "a\"b/status");
  EXPECT_EQ(f["payload"]["x"], 1.25);
  const auto t = nlohmann::json::parse(make_tx_frame("7", "g/reply/r", R"({"ok":true})"));
  EXPECT_EQ(t["tx"], "7");
  EXPECT_EQ(t["payload"]["ok"], true);
}

TEST(APayloadCheck, AcceptsOnlyJsonObjects) {
  EXPECT_TRUE(valid_json_object(R"( {"a":[1,2]})"));
  EXPECT_FALSE(valid_json_object("[1]"));
  EXPECT_FALSE(valid_json_object("{\"a\":"));
  EXPECT_FALSE(valid_json_object("{} trailing"));
  EXPECT_FALSE(valid_json_object(""));
}

}  // namespace
}  // namespace r3::console
