#include "daemon/app/room_model.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace r3::app {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Optional;

// The error of a result, or "" when it succeeded.
template <typename T>
std::string error_of(const Result<T, std::string>& r) {
  return r ? std::string() : r.error();
}

class ARoomModel : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("r3-room-test-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  [[nodiscard]] fs::path state_file() const { return dir_ / "room.json"; }

  // A restarted daemon: a fresh model over the same state file and config.
  RoomModel restarted(const std::vector<ContactBinding>& config = {}) const {
    RoomModel model(state_file());
    EXPECT_EQ(error_of(model.load()), "");
    model.set_static_bindings(config);
    return model;
  }

  fs::path dir_;
};

const std::vector<ContactBinding> kConfig = {{"C0:FF:EE:00:00:01", "", "alice"},
                                             {"", "r3-c0ffee000002", "bob"}};

TEST_F(ARoomModel, StartsEmptyWithoutAStateFile) {
  auto model = restarted();
  EXPECT_TRUE(model.bindings().empty());
  EXPECT_FALSE(model.session().has_value());
}

TEST_F(ARoomModel, KeysConfigBindingsByDeviceIdWhicheverKeyTheConfigUsed) {
  auto model = restarted(kConfig);
  EXPECT_THAT(model.user_for("r3-c0ffee000001"), Optional(std::string("alice")));
  EXPECT_THAT(model.user_for("r3-c0ffee000002"), Optional(std::string("bob")));
  EXPECT_EQ(model.user_for("r3-c0ffee000003"), std::nullopt);
  EXPECT_THAT(model.bindings(),
              ElementsAre(std::pair<const std::string, std::string>("r3-c0ffee000001", "alice"),
                          std::pair<const std::string, std::string>("r3-c0ffee000002", "bob")));
}

TEST_F(ARoomModel, KeepsBindingsMadeByCommandAcrossARestart) {
  {
    auto model = restarted(kConfig);
    ASSERT_EQ(error_of(model.bind("r3-c0ffee000003", "carol")), "");
    ASSERT_EQ(error_of(model.bind("r3-c0ffee000001", "dave")), "");  // overrides the config
  }
  auto model = restarted(kConfig);
  EXPECT_THAT(model.user_for("r3-c0ffee000003"), Optional(std::string("carol")));
  EXPECT_THAT(model.user_for("r3-c0ffee000001"), Optional(std::string("dave")));
  EXPECT_THAT(model.user_for("r3-c0ffee000002"), Optional(std::string("bob")));
}

TEST_F(ARoomModel, KeepsAnUnbindingOfAConfigBindingAcrossARestart) {
  {
    auto model = restarted(kConfig);
    ASSERT_EQ(error_of(model.unbind("r3-c0ffee000001")), "");
    EXPECT_EQ(model.user_for("r3-c0ffee000001"), std::nullopt);
  }
  auto model = restarted(kConfig);
  EXPECT_EQ(model.user_for("r3-c0ffee000001"), std::nullopt);
  EXPECT_EQ(model.bindings().size(), 1u);
}

TEST_F(ARoomModel, RejectsBadBindingsAndDoesNotSaveThem) {
  auto model = restarted();
  EXPECT_THAT(error_of(model.bind("not an address", "alice")), HasSubstr("not a device id"));
  // Addresses are turned into device ids at the edge (config, commands), never here.
  EXPECT_THAT(error_of(model.bind("C0:FF:EE:00:00:01", "alice")), HasSubstr("not a device id"));
  EXPECT_THAT(error_of(model.bind("r3-c0ffee000001", "r3/+/#")), HasSubstr("not a valid user id"));
  EXPECT_THAT(error_of(model.bind("r3-c0ffee000001", "")), HasSubstr("not a valid user id"));
  EXPECT_TRUE(model.bindings().empty());
  EXPECT_FALSE(fs::exists(state_file()));
}

TEST_F(ARoomModel, KeepsTheOpenSessionAcrossARestart) {
  {
    auto model = restarted();
    ASSERT_EQ(model.start_session(1'763'703'012'345), "");
    EXPECT_EQ(model.session()->id, "20251121T053012Z");
  }
  auto model = restarted();
  ASSERT_TRUE(model.session().has_value());
  EXPECT_EQ(model.session()->id, "20251121T053012Z");
  EXPECT_EQ(model.session()->started_unix_ms, 1'763'703'012'345);
  ASSERT_EQ(model.stop_session(), "");
  EXPECT_FALSE(restarted().session().has_value());
}

TEST_F(ARoomModel, RefusesASecondSessionAndAStopWithoutOne) {
  auto model = restarted();
  EXPECT_THAT(model.stop_session(), HasSubstr("no session"));
  ASSERT_EQ(model.start_session(0, "warmup-1"), "");
  EXPECT_THAT(model.start_session(0, "warmup-2"), HasSubstr("warmup-1 is already running"));
  EXPECT_EQ(model.session()->id, "warmup-1");
}

TEST_F(ARoomModel, KeepsThresholdsSetByCommandAcrossARestart) {
  core::Thresholds th;
  th.load_on_n = 9.0;
  th.load_off_n = 4.0;
  th.reference_tilt_deg = 25.0;
  {
    auto model = restarted();
    EXPECT_EQ(model.user_thresholds("p-1"), std::nullopt);
    ASSERT_EQ(model.set_user_thresholds("p-1", th), "");
  }
  const auto saved = restarted().user_thresholds("p-1");
  ASSERT_TRUE(saved.has_value());
  EXPECT_DOUBLE_EQ(saved->load_on_n, 9.0);
  EXPECT_DOUBLE_EQ(saved->load_off_n, 4.0);
  EXPECT_EQ(saved->reference_tilt_deg, 25.0);
  EXPECT_DOUBLE_EQ(saved->set_gap_s, core::Thresholds{}.set_gap_s);
}

TEST_F(ARoomModel, RejectsAStateFileWithInconsistentThresholds) {
  std::ofstream(state_file()) << R"({"version":2,"bindings":{},"session":null,)"
                              << R"("thresholds":{"p-1":{"load_on_n":5,"load_off_n":9}}})";
  RoomModel model(state_file());
  EXPECT_THAT(error_of(model.load()), HasSubstr("thresholds of p-1: load_off_n"));
  EXPECT_EQ(model.user_thresholds("p-1"), std::nullopt);
}

TEST_F(ARoomModel, ReportsACorruptStateFileAndStartsEmpty) {
  std::ofstream(state_file()) << "{ not json";
  RoomModel model(state_file());
  EXPECT_THAT(error_of(model.load()), HasSubstr("room.json"));
  EXPECT_TRUE(model.bindings().empty());
}

TEST_F(ARoomModel, ReportsAStateFileItCannotReadRatherThanStartingAfresh) {
  fs::create_directories(state_file());  // there, but not a readable file
  RoomModel model(state_file());
  EXPECT_NE(error_of(model.load()), "");
}

TEST_F(ARoomModel, UndoesACommandWhoseStateCannotBeSaved) {
  const fs::path blocked = dir_ / "not-a-dir";
  { std::ofstream(blocked) << "x"; }
  RoomModel model(blocked / "room.json");  // its directory is a file: every save fails
  ASSERT_EQ(error_of(model.load()), "");
  EXPECT_NE(error_of(model.bind("r3-aabbccddee01", "user-1")), "");
  EXPECT_TRUE(model.bindings().empty());
  EXPECT_NE(model.start_session(1000, "s1"), "");
  EXPECT_FALSE(model.session());
}

TEST_F(ARoomModel, LetsACommandOverrideAConfigBindingMadeByAddress) {
  auto model = restarted();
  model.set_static_bindings({ContactBinding{"C0:FF:EE:00:00:01", "", "alice"}});
  ASSERT_EQ(error_of(model.bind("r3-c0ffee000001", "bob")), "");
  EXPECT_EQ(model.user_for("r3-c0ffee000001"), "bob");
  ASSERT_EQ(error_of(model.unbind("r3-c0ffee000001")), "");
  EXPECT_EQ(model.user_for("r3-c0ffee000001"), std::nullopt);
}

TEST_F(ARoomModel, MovesAContactBoundToSomeoneElseAndSaysFromWhom) {
  auto model = restarted();
  const auto first = model.bind("r3-c0ffee000001", "p-0042");
  ASSERT_TRUE(first);
  EXPECT_EQ(first->previous_user, std::nullopt);
  const auto moved = model.bind("r3-c0ffee000001", "p-0043");
  ASSERT_TRUE(moved);
  EXPECT_TRUE(moved->changed);
  EXPECT_EQ(moved->previous_user, "p-0042");
  EXPECT_EQ(model.user_for("r3-c0ffee000001"), "p-0043");
  EXPECT_TRUE(model.devices_of("p-0042").empty());
}

TEST_F(ARoomModel, LetsOneUserHoldSeveralContacts) {
  auto model = restarted();
  ASSERT_TRUE(model.bind("r3-c0ffee000002", "p-1"));
  ASSERT_TRUE(model.bind("r3-c0ffee000001", "p-1"));
  EXPECT_THAT(model.devices_of("p-1"), ElementsAre("r3-c0ffee000001", "r3-c0ffee000002"));
}

TEST_F(ARoomModel, UnbindsWhateverMadeTheBindingAndSaysWhenThereWasNone) {
  auto model = restarted(kConfig);
  ASSERT_TRUE(model.bind("r3-c0ffee000003", "carol"));
  const auto by_command = model.unbind("r3-c0ffee000003");
  ASSERT_TRUE(by_command);
  EXPECT_EQ(by_command->previous_user, "carol");
  const auto by_config = model.unbind("r3-c0ffee000002");
  ASSERT_TRUE(by_config);
  EXPECT_EQ(by_config->previous_user, "bob");
  const auto again = model.unbind("r3-c0ffee000002");
  ASSERT_TRUE(again);
  EXPECT_FALSE(again->changed);
  EXPECT_EQ(model.bindings().size(), 1U);  // alice's, from the config
}

TEST_F(ARoomModel, RestoresTheConfigBindingWhenBoundBackToTheConfigsUser) {
  {
    auto model = restarted(kConfig);
    ASSERT_TRUE(model.bind("r3-c0ffee000001", "dave"));
    ASSERT_TRUE(model.bind("r3-c0ffee000001", "alice"));  // the config's user again
  }
  // The config rules the contact again: a new config binding is followed after a reload.
  auto model = restarted({{"C0:FF:EE:00:00:01", "", "erin"}});
  EXPECT_EQ(model.user_for("r3-c0ffee000001"), "erin");
}

TEST_F(ARoomModel, MigratesAStateFileKeyedByAddressesAndDeviceIds) {
  // Version 1 as the gateway wrote it after bind by address, then unbind by device id.
  std::ofstream(state_file()) << R"({"version":1,"session":null,"thresholds":{},"bindings":{)"
                              << R"("C0:FF:EE:00:00:00":"p-0042","r3-c0ffee000000":null,)"
                              << R"("r3-c0ffee000009":"p-9","left-hand":"p-7"}})";
  RoomModel model(state_file());
  const auto loaded = model.load();
  ASSERT_TRUE(loaded) << loaded.error();
  // The address won when the file was written: what the contact did stays attributed the same.
  EXPECT_EQ(model.user_for("r3-c0ffee000000"), "p-0042");
  EXPECT_EQ(model.user_for("r3-c0ffee000009"), "p-9");
  EXPECT_EQ(model.bindings().size(), 2U);
  EXPECT_THAT(*loaded, ::testing::Contains(HasSubstr("'left-hand' dropped")));
  // One key per contact from now on: the unbind that failed before now holds.
  ASSERT_TRUE(model.unbind("r3-c0ffee000000"));
  EXPECT_EQ(restarted().user_for("r3-c0ffee000000"), std::nullopt);
  std::ifstream in(state_file());
  const std::string saved((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_THAT(saved, HasSubstr(R"("version": 2)"));
  EXPECT_THAT(saved, ::testing::Not(HasSubstr("C0:FF")));
}

TEST_F(ARoomModel, LeavesNoTemporaryFileBehind) {
  auto model = restarted();
  ASSERT_EQ(error_of(model.bind("r3-c0ffee000001", "alice")), "");
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir_)) names.push_back(entry.path().filename());
  EXPECT_THAT(names, ::testing::ElementsAre("room.json"));
}

TEST_F(ARoomModel, ReportsAStateDirectoryItCannotWrite) {
  RoomModel model(dir_ / "missing-dir" / "room.json");
  EXPECT_THAT(error_of(model.bind("r3-c0ffee000001", "alice")), HasSubstr("cannot create"));
}

}  // namespace
}  // namespace r3::app
