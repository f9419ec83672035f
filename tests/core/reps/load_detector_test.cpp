#include "core/reps/load_detector.hpp"

#include <gtest/gtest.h>

namespace r3::core {
namespace {

TEST(ALoadDetector, EngagesAboveTheOnThresholdAndDatesTheOnset) {
  LoadDetector load{Thresholds{}};
  EXPECT_EQ(load.update(0.00, 10.0), LoadTransition::kNone);
  EXPECT_EQ(load.update(0.01, 16.0), LoadTransition::kOnset);
  EXPECT_TRUE(load.loaded());
  EXPECT_DOUBLE_EQ(load.onset_s(), 0.01);
}

TEST(ALoadDetector, StaysLoadedBetweenTheTwoThresholds) {
  LoadDetector load{Thresholds{}};
  load.update(0.0, 20.0);
  for (int i = 1; i < 200; ++i) EXPECT_EQ(load.update(i * 0.01, 10.0), LoadTransition::kNone);
  EXPECT_TRUE(load.loaded());
}

TEST(ALoadDetector, IgnoresADipShorterThanTheDebounce) {
  LoadDetector load{Thresholds{}};  // debounce 0.3 s
  load.update(0.0, 50.0);
  for (int i = 1; i <= 20; ++i) EXPECT_EQ(load.update(i * 0.01, 2.0), LoadTransition::kNone);
  load.update(0.25, 50.0);
  EXPECT_TRUE(load.loaded());
}

TEST(ALoadDetector, ReleasesAfterTheDebounceDatedAtTheStartOfTheDip) {
  LoadDetector load{Thresholds{}};
  load.update(0.0, 50.0);
  LoadTransition last = LoadTransition::kNone;
  double t = 1.0;
  for (; last != LoadTransition::kRelease && t < 3.0; t += 0.01) last = load.update(t, 2.0);
  EXPECT_EQ(last, LoadTransition::kRelease);
  EXPECT_FALSE(load.loaded());
  EXPECT_DOUBLE_EQ(load.release_s(), 1.0);
  EXPECT_NEAR(t - 1.0, 0.31, 0.011);
}

TEST(ALoadDetector, FollowsNewThresholds) {
  LoadDetector load{Thresholds{}};
  Thresholds light;
  light.load_on_n = 5.0;
  light.load_off_n = 2.0;
  load.set_thresholds(light);
  EXPECT_EQ(load.update(0.0, 6.0), LoadTransition::kOnset);
}

}  // namespace
}  // namespace r3::core
