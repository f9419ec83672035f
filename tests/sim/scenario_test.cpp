// r3-sim's scenario: TOML first, command line over it, errors with file:line:column.
#include "sim/scenario.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "tests/sim/test_support.hpp"

namespace r3::sim {
namespace {

bool parse(std::vector<std::string> args, Scenario& s, std::string& error) {
  args.insert(args.begin(), "r3-sim");
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  bool help = false;
  return parse_scenario(static_cast<int>(argv.size()), argv.data(), s, error, help);
}

TEST(AScenario, TakesTheCommandLineOptions) {
  Scenario s;
  std::string error;
  ASSERT_TRUE(parse({"--contacts", "16", "--adapters", "3", "--slots", "7", "--seed", "9",
                     "--preset", "noisy", "--time-scale", "20", "--link-losses", "2"},
                    s, error))
      << error;
  EXPECT_EQ(s.contacts, 16);
  EXPECT_EQ(s.adapters, 3);
  EXPECT_EQ(s.faults.controller_slots, 7);
  EXPECT_EQ(s.seed, 9U);
  EXPECT_EQ(s.preset, "noisy");
  EXPECT_DOUBLE_EQ(s.time_scale, 20.0);
  EXPECT_EQ(s.faults.link_losses, 2);
}

TEST(AScenario, ReadsATomlFileThatTheCommandLineOverrides) {
  r3::test::TempDir dir;
  const auto path = dir.path() + "/room.toml";
  std::ofstream(path) << "contacts = 5\nadapters = 2\n[faults]\nslots = 3\nmalformed_rate = 0.1\n";
  Scenario s;
  std::string error;
  ASSERT_TRUE(parse({"--config", path, "--adapters", "4"}, s, error)) << error;
  EXPECT_EQ(s.contacts, 5);
  EXPECT_EQ(s.adapters, 4);
  EXPECT_EQ(s.faults.controller_slots, 3);
  EXPECT_DOUBLE_EQ(s.faults.malformed_rate, 0.1);
}

TEST(AScenario, ReportsATomlErrorWithItsPosition) {
  r3::test::TempDir dir;
  const auto path = dir.path() + "/bad.toml";
  std::ofstream(path) << "contacts = 5\nadapters = = 2\n";
  Scenario s;
  std::string error;
  EXPECT_FALSE(parse({"--config", path}, s, error));
  EXPECT_NE(error.find("bad.toml:2:"), std::string::npos) << error;
}

TEST(AScenario, RejectsUnknownOptionsAndBadValues) {
  Scenario s;
  std::string error;
  EXPECT_FALSE(parse({"--contacts", "many"}, s, error));
  EXPECT_FALSE(parse({"--no-such-option", "1"}, s, error));
  EXPECT_FALSE(parse({"--adapters", "0"}, s, error));
  EXPECT_FALSE(parse({"--time-scale", "0"}, s, error));
}

TEST(AContactAddress, IsStableAndDistinctPerIndex) {
  EXPECT_EQ(contact_address(0), "C0:FF:EE:00:00:00");
  EXPECT_EQ(contact_address(257), "C0:FF:EE:00:01:01");
  EXPECT_NE(adapter_address(0), adapter_address(1));
}

}  // namespace
}  // namespace r3::sim

namespace r3::sim {
namespace {

TEST(TheShippedRoom, ParsesAndDescribesSixteenContactsOnThreeAdapters) {
  Scenario s;
  std::string error;
  ASSERT_TRUE(
      parse({"--config", std::string(R3_SOURCE_DIR) + "/sim/rooms/warmup-16.toml"}, s, error))
      << error;
  EXPECT_EQ(s.contacts, 16);
  EXPECT_EQ(s.adapters, 3);
  EXPECT_EQ(s.faults.controller_slots, 7);
}

}  // namespace
}  // namespace r3::sim
