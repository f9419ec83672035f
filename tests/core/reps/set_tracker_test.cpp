#include "core/reps/set_tracker.hpp"

#include <gtest/gtest.h>

namespace r3::core {
namespace {

RepEvent rep(double rom, double duration, double force) {
  RepEvent r;
  r.rom_deg = rom;
  r.duration_s = duration;
  r.force_mean_n = force;
  return r;
}

TEST(ASetTracker, NumbersRepsWithinTheSetAndSummarisesThem) {
  SetTracker sets{Thresholds{}};
  sets.on_load_onset(1.0);
  RepEvent a = rep(20.0, 3.0, 100.0), b = rep(30.0, 5.0, 120.0);
  sets.add_rep(a);
  sets.add_rep(b);
  sets.on_load_release(9.0);
  EXPECT_EQ(a.set_index, 1U);
  EXPECT_EQ(a.rep_index, 1U);
  EXPECT_EQ(b.rep_index, 2U);
  const auto s = sets.close(SetEndReason::kCommand, 10.0);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->rep_count, 2U);
  EXPECT_DOUBLE_EQ(s->start_s, 1.0);
  EXPECT_DOUBLE_EQ(s->end_s, 9.0);
  EXPECT_DOUBLE_EQ(s->rom_mean_deg, 25.0);
  ASSERT_TRUE(s->rom_cv_pct);
  EXPECT_NEAR(*s->rom_cv_pct, 100.0 * 7.0710678 / 25.0, 1e-4);  // SD of {20, 30} is 7.07
  EXPECT_EQ(s->end_reason, SetEndReason::kCommand);
}

TEST(ASetTracker, EndsASetAfterTheRestGapWithoutLoad) {
  SetTracker sets{Thresholds{}};  // set gap 30 s
  sets.on_load_onset(0.0);
  RepEvent r = rep(20.0, 3.0, 100.0);
  sets.add_rep(r);
  sets.on_load_release(5.0);
  EXPECT_FALSE(sets.rest_elapsed(34.9));
  EXPECT_TRUE(sets.rest_elapsed(35.0));
}

TEST(ASetTracker, ReportsNoSetThatHeldNothing) {
  SetTracker sets{Thresholds{}};
  sets.on_load_onset(0.0);
  sets.on_load_release(0.5);
  EXPECT_FALSE(sets.rest_elapsed(100.0));
  EXPECT_FALSE(sets.close(SetEndReason::kStreamEnd, 100.0));
}

TEST(ASetTracker, StartsASetAtItsFirstPlacementNotAtAnEarlierTap) {
  SetTracker sets{Thresholds{}};
  sets.on_load_onset(1.0);  // a tap
  sets.on_load_release(1.4);
  sets.on_load_onset(100.0);
  RepEvent r = rep(20.0, 3.0, 100.0);
  sets.add_rep(r);
  sets.on_load_release(110.0);
  const auto s = sets.close(SetEndReason::kRest, 150.0);
  ASSERT_TRUE(s);
  EXPECT_DOUBLE_EQ(s->start_s, 100.0);
  EXPECT_DOUBLE_EQ(s->end_s, 110.0);
}

TEST(ASetTracker, EndsASetClosedWhileLoadedAtTheCommand) {
  SetTracker sets{Thresholds{}};
  sets.on_load_onset(1.0);
  RepEvent r = rep(20.0, 3.0, 100.0);
  sets.add_rep(r);
  const auto s = sets.close(SetEndReason::kCommand, 9.0, true);
  ASSERT_TRUE(s);
  EXPECT_DOUBLE_EQ(s->end_s, 9.0);
}

TEST(ASetTracker, StartsTheNextSetWithTheNextIndex) {
  SetTracker sets{Thresholds{}};
  RepEvent r = rep(20.0, 3.0, 100.0);
  sets.add_rep(r);
  ASSERT_TRUE(sets.close(SetEndReason::kRest, 50.0));
  RepEvent next = rep(20.0, 3.0, 100.0);
  sets.add_rep(next);
  EXPECT_EQ(next.set_index, 2U);
  EXPECT_EQ(next.rep_index, 1U);
}

TEST(ASetTracker, MeasuresPlacementAgainstTheSetsFirstPlacementWithoutAReference) {
  SetTracker sets{Thresholds{}};
  EXPECT_DOUBLE_EQ(sets.record_placement(30.0), 0.0);
  EXPECT_DOUBLE_EQ(sets.record_placement(34.0), 4.0);
  EXPECT_DOUBLE_EQ(sets.record_placement(28.0), -2.0);
  RepEvent r = rep(20.0, 3.0, 100.0);
  sets.add_rep(r);
  const auto s = sets.close(SetEndReason::kRest, 10.0);
  ASSERT_TRUE(s && s->placement_ce_deg && s->placement_ae_deg && s->placement_ve_deg);
  EXPECT_NEAR(*s->placement_ce_deg, 2.0 / 3.0, 1e-9);
  EXPECT_NEAR(*s->placement_ae_deg, 2.0, 1e-9);
  EXPECT_NEAR(*s->placement_ve_deg, 3.0550505, 1e-6);  // SD of {0, 4, -2}
}

TEST(ASetTracker, MeasuresPlacementAgainstTheUsersReference) {
  Thresholds t;
  t.reference_tilt_deg = 25.0;
  SetTracker sets{t};
  EXPECT_DOUBLE_EQ(sets.record_placement(30.0), 5.0);
}

}  // namespace
}  // namespace r3::core
