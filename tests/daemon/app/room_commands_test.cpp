#include "daemon/app/room_commands.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <boost/asio/io_context.hpp>
#include <filesystem>

#include "daemon/app/contact_router.hpp"

namespace r3::app {
namespace {

namespace fs = std::filesystem;
using mqtt::CommandError;
using ::testing::HasSubstr;

// The commands against a real room model, router and publisher; no broker (messages queue).
class RoomCommandsOnARoom : public ::testing::Test {
 protected:
  RoomCommandsOnARoom() {
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    config_.gateway_id = "gw";
    config_.state_directory = dir_.string();
    config_.contacts = {{"", "r3-c0ffee000001", "alice"}};
    room_.set_static_bindings(config_.contacts);
    mqtt::Options o;
    o.gateway_id = "gw";
    o.host = "127.0.0.1";
    o.port = 1;  // nothing listens there: messages wait in the queue
    o.client_id = "room-commands-test-" + std::to_string(::getpid());
    publisher_ = std::make_unique<mqtt::Publisher>(io_, o, &commands_);
    board_ = std::make_unique<StatusBoard>(room_, tallies_, *publisher_, dir_ / "retained.json");
    router_ = std::make_unique<ContactRouter>(
        config_, room_, ChannelServices{*publisher_, tallies_, *board_, [] { return kNow; }});
    commands_.attach(publisher_.get(), nullptr, router_.get());
    EXPECT_TRUE(publisher_->start());
  }
  ~RoomCommandsOnARoom() override { fs::remove_all(dir_); }

  fs::path dir_ = fs::temp_directory_path() / ("r3-room-commands-" + std::to_string(::getpid()));
  boost::asio::io_context io_;
  Config config_;
  RoomModel room_{dir_ / "room.json"};
  static constexpr std::int64_t kNow = 1'763'703'012'000;
  Tallies tallies_;
  RoomCommands commands_{room_, tallies_, [] { return kNow; }};
  std::unique_ptr<mqtt::Publisher> publisher_;
  std::unique_ptr<StatusBoard> board_;
  std::unique_ptr<ContactRouter> router_;
};

TEST_F(RoomCommandsOnARoom, ABindIsSavedAndOverridesTheConfig) {
  const auto r = commands_.bind("r3-c0ffee000001", "bob");
  EXPECT_TRUE(r.ok());
  EXPECT_THAT(r.message, HasSubstr("moved from alice"));
  EXPECT_EQ(r.previous_user_id, std::optional<std::optional<std::string>>("alice"));
  EXPECT_EQ(room_.user_for("r3-c0ffee000001"), "bob");
  RoomModel restarted(dir_ / "room.json");
  ASSERT_TRUE(restarted.load());
  EXPECT_EQ(restarted.user_for("r3-c0ffee000001"), "bob");
}

TEST_F(RoomCommandsOnARoom, AnUnbindLeavesTheContactToNoOneAndSaysWhoHadIt) {
  const auto r = commands_.unbind("r3-c0ffee000001");
  EXPECT_TRUE(r.ok());
  EXPECT_THAT(r.message, HasSubstr("unbound from alice"));
  EXPECT_EQ(room_.user_for("r3-c0ffee000001"), std::nullopt);
  EXPECT_THAT(commands_.unbind("r3-c0ffee000001").message, HasSubstr("was not bound"));
}

TEST_F(RoomCommandsOnARoom, ASecondSessionIsAConflictAndOnlyTheRunningOneStops) {
  const auto started = commands_.start_session(std::nullopt);
  ASSERT_TRUE(started.ok()) << started.message;
  EXPECT_EQ(started.session_id, "20251121T053012Z");
  const auto again = commands_.start_session(std::string("other"));
  EXPECT_EQ(again.error, CommandError::kConflict);
  EXPECT_EQ(again.session_id, "20251121T053012Z");
  EXPECT_EQ(commands_.stop_session(std::string("other")).error, CommandError::kUnknownSession);

  const auto before = publisher_->stats().published;
  const auto stopped = commands_.stop_session(std::nullopt);
  ASSERT_TRUE(stopped.ok()) << stopped.message;
  EXPECT_EQ(stopped.session_id, "20251121T053012Z");
  EXPECT_GT(publisher_->stats().published, before) << "the session summary is published";
  EXPECT_FALSE(room_.session().has_value());
  EXPECT_EQ(commands_.stop_session(std::nullopt).error, CommandError::kUnknownSession);
}

TEST_F(RoomCommandsOnARoom, InconsistentThresholdsAreRefusedWithTheReason) {
  mqtt::ThresholdsPatch patch;
  patch.load_off_n = 50.0;  // above load_on_n
  const auto r = commands_.set_thresholds("alice", patch);
  EXPECT_EQ(r.error, CommandError::kBadRequest);
  EXPECT_THAT(r.message, HasSubstr("load_off_n"));
  EXPECT_DOUBLE_EQ(router_->thresholds_for("alice").load_off_n, 8.0);
}

TEST_F(RoomCommandsOnARoom, AThresholdsPatchChangesOnlyItsFieldsForThatUserAndIsSaved) {
  mqtt::ThresholdsPatch patch;
  patch.load_on_n = 30.0;
  patch.reference_tilt_deg = 20.0;
  ASSERT_TRUE(commands_.set_thresholds("alice", patch).ok());
  EXPECT_DOUBLE_EQ(router_->thresholds_for("alice").load_on_n, 30.0);
  EXPECT_EQ(router_->thresholds_for("alice").reference_tilt_deg, 20.0);
  EXPECT_DOUBLE_EQ(router_->thresholds_for("alice").load_off_n, 8.0);
  EXPECT_DOUBLE_EQ(router_->thresholds_for("bob").load_on_n, 15.0);
  RoomModel restarted(dir_ / "room.json");
  ASSERT_TRUE(restarted.load());
  EXPECT_DOUBLE_EQ(restarted.user_thresholds("alice")->load_on_n, 30.0) << "saved in the room";
}

TEST_F(RoomCommandsOnARoom, TareAndIdentifyOfAnUnknownContactAreUnknownDevice) {
  EXPECT_EQ(commands_.tare("r3-000000000000").error, CommandError::kUnknownDevice);
  EXPECT_EQ(commands_.identify("r3-000000000000", 5).error, CommandError::kUnknownDevice);
}

TEST(RoomCommandsBeforeStart, AreAnsweredUnavailable) {
  RoomModel room(fs::temp_directory_path() / "r3-never-written.json");
  Tallies tallies;
  RoomCommands commands(room, tallies, [] { return std::int64_t{0}; });
  EXPECT_EQ(commands.bind("r3-c0ffee000001", "bob").error, CommandError::kUnavailable);
  EXPECT_EQ(commands.start_session(std::nullopt).error, CommandError::kUnavailable);
}

}  // namespace
}  // namespace r3::app
