#include "daemon/mqtt/command_handler.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <iterator>
#include <nlohmann/json.hpp>
#include <random>

namespace r3::mqtt {
namespace {

using nlohmann::json;
using ::testing::_;
using ::testing::Return;

class MockRoom : public CommandTarget {
 public:
  MOCK_METHOD(CommandResult, bind, (const std::string&, const std::string&), (override));
  MOCK_METHOD(CommandResult, unbind, (const std::string&), (override));
  MOCK_METHOD(CommandResult, start_session, (const std::optional<std::string>&), (override));
  MOCK_METHOD(CommandResult, stop_session, (const std::optional<std::string>&), (override));
  MOCK_METHOD(CommandResult, tare, (const std::string&), (override));
  MOCK_METHOD(CommandResult, identify, (const std::string&, double), (override));
  MOCK_METHOD(CommandResult, set_thresholds, (const std::string&, const ThresholdsPatch&),
              (override));
};

class ACommandHandler : public ::testing::Test {
 protected:
  json run(std::string_view verb, std::string_view payload) {
    last_ = handler_.handle(verb, payload, 1700000000000);
    return json::parse(last_.payload);
  }
  ::testing::StrictMock<MockRoom> room_;
  CommandHandler handler_{&room_};
  CommandReply last_;
};

TEST_F(ACommandHandler, BindsAContactToAUserAndRepliesOk) {
  EXPECT_CALL(room_, bind("r3-0000000000d1", "u-1")).WillOnce(Return(CommandResult::success()));
  const auto r =
      run("bind", R"({"request_id":"r1","device_id":"r3-0000000000d1","user_id":"u-1"})");
  EXPECT_TRUE(last_.ok);
  EXPECT_EQ(last_.reply_id, "r1");
  EXPECT_EQ(r["ok"], true);
  EXPECT_TRUE(r["error"].is_null());
  EXPECT_EQ(r["request_id"], "r1");
  EXPECT_EQ(r["verb"], "bind");
}

TEST_F(ACommandHandler, PassesTheTargetsRefusalOnWithItsCode) {
  EXPECT_CALL(room_, tare("r3-0000000000d9"))
      .WillOnce(Return(CommandResult::failure(CommandError::kUnknownDevice, "no dev-9")));
  const auto r = run("tare", R"({"request_id":"r2","device_id":"r3-0000000000d9"})");
  EXPECT_EQ(r["ok"], false);
  EXPECT_EQ(r["error"]["code"], "unknown_device");
  EXPECT_EQ(r["error"]["message"], "no dev-9");
}

TEST_F(ACommandHandler, AnswersTextThatIsNotJsonOnTheInvalidReplyTopic) {
  const auto r = run("bind", "{not json");
  EXPECT_EQ(last_.reply_id, kInvalidRequestId);
  EXPECT_TRUE(r["request_id"].is_null());
  EXPECT_EQ(r["error"]["code"], "bad_request");
  EXPECT_EQ(r["error"]["message"], "request is not valid JSON");
}

struct BadCase {
  const char* verb;
  const char* payload;
  const char* message_part;
};

TEST_F(ACommandHandler, NamesTheProblemOfEveryKindOfBadRequest) {
  const BadCase cases[] = {
      {"bind", "[1,2]", "must be a JSON object"},
      {"bind", R"({"device_id":"r3-00000000000d","user_id":"u"})", "missing field 'request_id'"},
      {"bind", R"({"request_id":"a/b"})", "'request_id' must be"},
      {"bind", R"({"request_id":7})", "'request_id' must be a string"},
      {"bind", R"({"request_id":"r","device_id":"r3-0000000000d1"})", "missing field 'user_id'"},
      {"bind", R"({"request_id":"r","device_id":"r3-0000000000d1","user_id":"u+1"})",
       "'user_id' must be"},
      {"bind", R"({"request_id":"r","device_id":"r3-0000000000d1","user_id":"u","x":1})",
       "unknown field 'x'"},
      {"unbind", R"({"request_id":"r","device_id":"d#"})", "'device_id' must be"},
      {"identify", R"({"request_id":"r","device_id":"r3-00000000000d","duration_s":"5"})",
       "'duration_s' must be a number"},
      {"identify", R"({"request_id":"r","device_id":"r3-00000000000d","duration_s":600})",
       "'duration_s' must be between"},
      {"set_thresholds", R"({"request_id":"r","user_id":"u"})", "missing field 'thresholds'"},
      {"set_thresholds", R"({"request_id":"r","user_id":"u","thresholds":{"nope":1}})",
       "unknown threshold 'nope'"},
      {"set_thresholds", R"({"request_id":"r","user_id":"u","thresholds":{"load_on_n":-1}})",
       "'load_on_n' must be between"},
      {"set_thresholds", R"({"request_id":"r","user_id":"u","thresholds":{}})", "is empty"},
      {"start_session", R"({"request_id":"r","session_id":""})", "'session_id' must be"},
      {"reboot", R"({"request_id":"r"})", "unknown verb 'reboot'"},
  };
  int i = 0;
  for (const auto& c : cases) {
    CommandHandler fresh(&room_);  // the cases share request ids: no repeat detection here
    last_ = fresh.handle(c.verb, c.payload, 0);
    const auto r = json::parse(last_.payload);
    EXPECT_FALSE(last_.ok) << c.payload;
    EXPECT_EQ(r["error"]["code"], "bad_request") << c.payload;
    EXPECT_THAT(r["error"]["message"].get<std::string>(), ::testing::HasSubstr(c.message_part))
        << c.payload;
    ++i;
  }
  EXPECT_EQ(i, 16);
}

TEST_F(ACommandHandler, RefusesARequestLargerThanItsLimit) {
  const std::string big =
      R"({"request_id":"r","pad":")" + std::string(kMaxCommandBytes, 'x') + "\"}";
  const auto r = run("bind", big);
  EXPECT_THAT(r["error"]["message"].get<std::string>(), ::testing::HasSubstr("larger than"));
}

TEST_F(ACommandHandler, ParsesOnlyTheThresholdsGivenAndNullAsClearingTheReference) {
  ThresholdsPatch got;
  EXPECT_CALL(room_, set_thresholds("u-1", _))
      .WillOnce([&](const std::string&, const ThresholdsPatch& p) {
        got = p;
        return CommandResult::success();
      });
  run("set_thresholds",
      R"({"request_id":"t","user_id":"u-1","thresholds":{"load_on_n":20,"set_gap_s":45.5,)"
      R"("reference_tilt_deg":null}})");
  EXPECT_EQ(got.load_on_n, 20.0);
  EXPECT_EQ(got.set_gap_s, 45.5);
  EXPECT_FALSE(got.load_off_n.has_value());
  EXPECT_TRUE(got.clear_reference_tilt);
}

TEST_F(ACommandHandler, StartsASessionWithOrWithoutAnIdAndReportsIt) {
  EXPECT_CALL(room_, start_session(std::optional<std::string>{}))
      .WillOnce(Return(CommandResult{CommandError::kNone, "", "s-made", {}}));
  EXPECT_EQ(run("start_session", R"({"request_id":"a"})")["session_id"], "s-made");
  EXPECT_CALL(room_, stop_session(std::optional<std::string>{"s-made"}))
      .WillOnce(Return(CommandResult{CommandError::kNone, "", "s-made", {}}));
  EXPECT_EQ(run("stop_session", R"({"request_id":"b","session_id":"s-made"})")["ok"], true);
}

TEST_F(ACommandHandler, IdentifiesForFiveSecondsByDefault) {
  EXPECT_CALL(room_, identify("r3-0000000000d1", 5.0)).WillOnce(Return(CommandResult::success()));
  run("identify", R"({"request_id":"i","device_id":"r3-0000000000d1"})");
}

TEST_F(ACommandHandler, AnswersARepeatedRequestIdWithoutRunningItAgain) {
  EXPECT_CALL(room_, unbind("r3-0000000000d1")).Times(1).WillOnce(Return(CommandResult::success()));
  const auto first = run("unbind", R"({"request_id":"dup","device_id":"r3-0000000000d1"})");
  const auto second = run("unbind", R"({"request_id":"dup","device_id":"r3-0000000000d1"})");
  EXPECT_TRUE(last_.repeated);
  EXPECT_EQ(first, second);
}

TEST_F(ACommandHandler, AnswersInternalWhenTheTargetThrowsAfterAll) {
  EXPECT_CALL(room_, tare("r3-0000000000d1")).WillOnce([](const std::string&) -> CommandResult {
    throw std::runtime_error("room exploded");
  });
  const auto r = run("tare", R"({"request_id":"boom","device_id":"r3-0000000000d1"})");
  EXPECT_EQ(r["error"]["code"], "internal");
  EXPECT_EQ(r["error"]["message"], "room exploded");
}

TEST(ACommandHandlerWithoutARoom, AnswersUnavailable) {
  CommandHandler h(nullptr);
  const auto reply = h.handle("tare", R"({"request_id":"x","device_id":"r3-00000000000d"})", 0);
  EXPECT_EQ(json::parse(reply.payload)["error"]["code"], "unavailable");
}

TEST(ACommandHandlerUnderGarbage, AnswersEveryRandomInputWithValidJsonAndNeverThrows) {
  ::testing::NiceMock<MockRoom> room;
  ON_CALL(room, bind).WillByDefault(Return(CommandResult::success()));
  CommandHandler h(&room);
  std::mt19937 rng(42);  // fixed: a failure is reproducible
  const std::string pieces[] = {"{",
                                "}",
                                "[",
                                "]",
                                "\"request_id\"",
                                ":",
                                ",",
                                "\"r\"",
                                "\"device_id\"",
                                "\"user_id\"",
                                "null",
                                "1e999",
                                "-0",
                                "\"\\u0000\"",
                                "true",
                                "\xff\xfe",
                                "\"thresholds\""};
  for (int i = 0; i < 20000; ++i) {
    std::string payload;
    const int n = static_cast<int>(rng() % 12);
    for (int k = 0; k < n; ++k) {
      if (rng() % 4 == 0) {
        payload.push_back(static_cast<char>(rng() % 256));
      } else {
        payload += pieces[rng() % std::size(pieces)];
      }
    }
    const char* verbs[] = {"bind", "set_thresholds", "identify", "x"};
    CommandReply reply;
    ASSERT_NO_THROW(reply = h.handle(verbs[rng() % 4], payload, 0)) << payload;
    const auto j = json::parse(reply.payload, nullptr, false);
    ASSERT_FALSE(j.is_discarded()) << reply.payload;
    ASSERT_TRUE(j.contains("ok")) << reply.payload;
  }
}

}  // namespace
}  // namespace r3::mqtt
