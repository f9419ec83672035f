#include "daemon/app/tallies.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace r3::app {
namespace {

constexpr std::int32_t kMonday = 20261130;
constexpr std::int32_t kTuesday = 20261201;

TEST(Tallies, CountRepsTodayInTheSessionAndInTheOpenSetPerUser) {
  Tallies t;
  t.rep("p-1", "r3-000000000001", false, kMonday);
  t.rep("p-1", "r3-000000000001", true, kMonday);
  t.rep("p-1", "r3-000000000002", true, kMonday);
  t.rep("p-2", "r3-000000000003", true, kMonday);
  EXPECT_EQ(t.totals("p-1").reps_today, 3U);
  EXPECT_EQ(t.totals("p-1").reps_session, 2U);
  EXPECT_EQ(t.reps_in_open_sets({"r3-000000000001", "r3-000000000002"}), 3U);
  t.set_closed("p-1", "r3-000000000001", true);
  EXPECT_EQ(t.reps_in_open_sets({"r3-000000000001", "r3-000000000002"}), 1U);
  EXPECT_EQ(t.totals("p-1").sets_session, 1U);
  EXPECT_EQ(t.totals("nobody").reps_today, 0U);
}

TEST(Tallies, StartRepsTodayAgainOnANewDay) {
  Tallies t;
  t.rep("p-1", "r3-000000000001", false, kMonday);
  EXPECT_FALSE(t.roll_day(kMonday));
  EXPECT_TRUE(t.roll_day(kTuesday));
  EXPECT_EQ(t.totals("p-1").reps_today, 0U);
  t.rep("p-1", "r3-000000000001", false, kTuesday);
  EXPECT_EQ(t.totals("p-1").reps_today, 1U);
}

TEST(Tallies, ClearTheSessionCountsButNotTheDays) {
  Tallies t;
  t.rep("p-1", "r3-000000000001", true, kMonday);
  t.hold("p-1", true);
  ASSERT_EQ(t.session_users().size(), 1U);
  EXPECT_EQ(t.session_users()[0].hold_count, 1U);
  t.clear_session();
  EXPECT_TRUE(t.session_users().empty());
  EXPECT_EQ(t.totals("p-1").reps_today, 1U);
}

TEST(Tallies, SurviveARestartThroughTheirFile) {
  const auto file = std::filesystem::temp_directory_path() /
                    ("r3-tallies-" + std::to_string(::getpid()) + ".json");
  Tallies t;
  t.rep("p-1", "r3-000000000001", true, kMonday);
  EXPECT_TRUE(t.dirty());
  ASSERT_EQ(t.save(file), "");
  EXPECT_FALSE(t.dirty());
  Tallies again;
  ASSERT_EQ(again.load(file), "");
  EXPECT_EQ(again.totals("p-1").reps_session, 1U);
  EXPECT_EQ(again.reps_in_open_sets({"r3-000000000001"}), 1U);
  std::ofstream(file) << "{ torn";
  Tallies torn;
  EXPECT_NE(torn.load(file), "");
  EXPECT_EQ(torn.totals("p-1").reps_today, 0U);
  std::filesystem::remove(file);
}

TEST(ALocalDay, IsTheCalendarDayInTheGatewaysTimeZone) {
  ::setenv("TZ", "UTC", 1);
  ::tzset();
  EXPECT_EQ(local_day(1'796'083'200'000), 20261201);  // 2026-12-01T00:00:00Z
  EXPECT_EQ(local_day(1'796'083'199'999), 20261130);
}

}  // namespace
}  // namespace r3::app
