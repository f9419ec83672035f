#include "core/reps/rep_segmenter.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <numbers>
#include <vector>

namespace r3::core {
namespace {

constexpr double kFs = 100.0;
constexpr double kDeg = std::numbers::pi / 180.0;

Quaternion about(double ax, double ay, double az, double deg) {
  const double n = std::sqrt(ax * ax + ay * ay + az * az);
  const double h = 0.5 * deg * kDeg, s = std::sin(h) / n;
  return {std::cos(h), ax * s, ay * s, az * s};
}

// Minimum-jerk position from 0 to 1 over s in [0, 1].
double min_jerk(double s) {
  s = std::clamp(s, 0.0, 1.0);
  return s * s * s * (10.0 - 15.0 * s + 6.0 * s * s);
}

// Feeds an orientation profile q(t) for t in [0, end_s); returns every movement reported.
// The speed is the numerical rate of q, as the orientation filter would give it.
struct Trace {
  std::vector<Movement> movements;
  bool moving_at_end = false;
};
Trace drive(RepSegmenter& seg, const std::function<Quaternion(double)>& q, double end_s,
            bool release_at_end = true) {
  Trace run;
  seg.begin(0.0, q(0.0));
  for (int i = 1; i < static_cast<int>(end_s * kFs); ++i) {
    const double t = i / kFs;
    const double speed = angle_between_deg(q(t - 1.0 / kFs), q(t)) * kFs;
    if (seg.update(t, q(t), speed)) run.movements.push_back(seg.last_movement());
  }
  run.moving_at_end = seg.moving();
  if (release_at_end && seg.end(end_s)) run.movements.push_back(seg.last_movement());
  return run;
}

// Out by rom over out_s starting at t0, then back over back_s after a pause.
std::function<Quaternion(double)> out_and_back(double t0, double rom, double out_s, double pause_s,
                                               double back_s) {
  return [=](double t) {
    const double out = min_jerk((t - t0) / out_s);
    const double back = min_jerk((t - t0 - out_s - pause_s) / back_s);
    return about(0, 0, 1, rom * (out - back));
  };
}

TEST(ARepSegmenter, FindsAnOutAndBackMovementWithItsRange) {
  RepSegmenter seg{Thresholds{}, kFs};
  const Trace run = drive(seg, out_and_back(2.0, 30.0, 1.5, 0.1, 1.5), 7.0);
  ASSERT_EQ(run.movements.size(), 1U);
  const Movement& m = run.movements[0];
  EXPECT_NEAR(m.rom_deg, 30.0, 0.2);
  EXPECT_NEAR(m.start_s, 2.0, 0.25);
  EXPECT_NEAR(m.end_s, 5.1, 0.4);
  EXPECT_EQ(m.how, MovementEnd::kReturned);
}

TEST(ARepSegmenter, FindsASlowSmallMovementFromItsVeryStart) {
  RepSegmenter seg{Thresholds{}, kFs};  // 10 deg out over 4 s: slower than the still speed at first
  const Trace run = drive(seg, out_and_back(3.0, 10.0, 4.0, 0.2, 4.0), 14.0);
  ASSERT_EQ(run.movements.size(), 1U);
  EXPECT_NEAR(run.movements[0].rom_deg, 10.0, 0.3);
  EXPECT_NEAR(run.movements[0].start_s, 3.0, 0.8);
}

TEST(ARepSegmenter, TakesSlowDriftForRest) {
  RepSegmenter seg{Thresholds{}, kFs};  // 1 deg/s for 20 s: 2 deg per rest window, under 3
  const Trace run = drive(
      seg, [](double t) { return about(0, 0, 1, 1.0 * t); }, 20.0);
  EXPECT_TRUE(run.movements.empty());
}

TEST(ARepSegmenter, KeepsAPauseAtEndRangeInsideOneRep) {
  RepSegmenter seg{Thresholds{}, kFs};  // still 2.5 s at the far end: longer than stop_s
  const Trace run = drive(seg, out_and_back(2.0, 30.0, 2.0, 2.5, 2.0), 12.0);
  ASSERT_EQ(run.movements.size(), 1U);
  EXPECT_EQ(run.movements[0].how, MovementEnd::kReturned);
  EXPECT_NEAR(run.movements[0].end_s, 8.5, 0.4);
}

TEST(ARepSegmenter, EndsAMovementThatStaysOutWhereItStopped) {
  RepSegmenter seg{Thresholds{}, kFs};
  const Trace run = drive(
      seg, [](double t) { return about(0, 0, 1, 30.0 * min_jerk((t - 2.0) / 2.0)); }, 10.0);
  ASSERT_EQ(run.movements.size(), 1U);
  EXPECT_EQ(run.movements[0].how, MovementEnd::kStopped);
  EXPECT_NEAR(run.movements[0].end_s, 4.0, 0.4);
  EXPECT_NEAR(run.movements[0].rom_deg, 30.0, 0.2);
}

TEST(ARepSegmenter, KeepsOneRepThatGoesFurtherOutTheSameWayAfterAPause) {
  RepSegmenter seg{Thresholds{}, kFs};
  // Out 10 deg about z over 3 s, a hesitation (still from 4.5 s: longer than stop_s), 8 deg further
  // over 3 s, stay.
  const auto profile = [](double t) {
    return about(0, 0, 1, 10.0 * min_jerk((t - 2.0) / 3.0) + 8.0 * min_jerk((t - 6.0) / 3.0));
  };
  const Trace run = drive(seg, profile, 16.0);
  ASSERT_EQ(run.movements.size(), 1U);
  EXPECT_EQ(run.movements[0].how, MovementEnd::kStopped);
  EXPECT_NEAR(run.movements[0].rom_deg, 18.0, 0.3);
  // The segmenter's own times, from thresholds (the pipeline refines them).
  EXPECT_NEAR(run.movements[0].start_s, 2.0, 0.8);
  EXPECT_NEAR(run.movements[0].end_s, 9.0, 0.8);
}

TEST(ARepSegmenter, DoesNotTakeASlowSteadyTurnForAStop) {
  // 10 deg at an even 1.8 deg/s: slower than still_dps, yet moving all along; it stops there.
  RepSegmenter seg{Thresholds{}, kFs};
  const auto profile = [](double t) {
    return about(1, 0, 0, std::clamp(t - 2.0, 0.0, 10.0 / 1.8) * 1.8);
  };
  const Trace run = drive(seg, profile, 14.0);
  ASSERT_EQ(run.movements.size(), 1U);
  EXPECT_NEAR(run.movements[0].rom_deg, 10.0, 0.3);
  // Dated where its last 1 deg began (the pipeline refines it).
  EXPECT_NEAR(run.movements[0].end_s, 2.0 + 10.0 / 1.8, 0.6);
}

TEST(ARepSegmenter, SplitsAnOutAndStayFromAMovementThatStartsAtThePause) {
  RepSegmenter seg{Thresholds{}, kFs};
  // Out 30 deg about z and stay; then out 20 deg about x and back to the pause.
  const auto profile = [](double t) {
    const Quaternion stay = about(0, 0, 1, 30.0 * min_jerk((t - 2.0) / 2.0));
    const double second = min_jerk((t - 7.0) / 1.5) - min_jerk((t - 8.6) / 1.5);
    return multiply(stay, about(1, 0, 0, 20.0 * second));
  };
  const Trace run = drive(seg, profile, 14.0);
  ASSERT_EQ(run.movements.size(), 2U);
  EXPECT_EQ(run.movements[0].how, MovementEnd::kStopped);
  EXPECT_NEAR(run.movements[0].rom_deg, 30.0, 0.3);
  EXPECT_NEAR(run.movements[0].end_s, 4.0, 0.4);
  EXPECT_NEAR(run.movements[1].rom_deg, 20.0, 0.3);
  EXPECT_NEAR(run.movements[1].start_s, 7.0, 0.3);
}

TEST(ARepSegmenter, KeepsThePauseOfAnOutAndStayThroughAWiggle) {
  RepSegmenter seg{Thresholds{}, kFs};
  // Out 30 deg and stay; a 4 deg wiggle at 8 s; then a 20 deg rep from the pause at 12 s.
  const auto profile = [](double t) {
    const Quaternion stay = about(0, 0, 1, 30.0 * min_jerk((t - 2.0) / 2.0));
    const double wiggle = 4.0 * (min_jerk((t - 8.0) / 0.8) - min_jerk((t - 8.8) / 0.8));
    const double rep = 20.0 * (min_jerk((t - 12.0) / 1.5) - min_jerk((t - 13.6) / 1.5));
    return multiply(stay, about(1, 0, 0, wiggle + rep));
  };
  const Trace run = drive(seg, profile, 18.0);
  ASSERT_EQ(run.movements.size(), 2U);
  EXPECT_NEAR(run.movements[0].end_s, 4.0, 0.4);  // where it stopped, not after the wiggle
  EXPECT_NEAR(run.movements[1].start_s, 12.0, 0.3);
  EXPECT_NEAR(run.movements[1].rom_deg, 20.0, 0.3);
}

TEST(ARepSegmenter, KeepsAMovementFromAPauseThatOutlastsTheCap) {
  RepSegmenter seg{Thresholds{}, kFs};
  // Out 30 deg and stay 17 s; a 20 deg rep from the pause spans the paused rep's 20 s cap.
  const auto profile = [](double t) {
    const Quaternion stay = about(0, 0, 1, 30.0 * min_jerk((t - 2.0) / 2.0));
    const double rep = 20.0 * (min_jerk((t - 21.0) / 2.0) - min_jerk((t - 23.1) / 2.0));
    return multiply(stay, about(1, 0, 0, rep));
  };
  const Trace run = drive(seg, profile, 30.0);
  ASSERT_EQ(run.movements.size(), 2U);
  EXPECT_NEAR(run.movements[0].end_s, 4.0, 0.4);
  EXPECT_NEAR(run.movements[1].start_s, 21.0, 0.3);
  EXPECT_NEAR(run.movements[1].rom_deg, 20.0, 0.3);
}

TEST(ARepSegmenter, ClosesAMovementAtTheLengthCap) {
  RepSegmenter seg{Thresholds{}, kFs};  // rep_max_duration_s 20: swing around 30 deg for 40 s
  const auto swing = [](double t) {
    return about(0, 0, 1,
                 t < 2.0 ? 0.0 : 30.0 + 15.0 * std::sin(2.0 * std::numbers::pi * 0.5 * (t - 2.0)));
  };
  const Trace run = drive(seg, swing, 40.0, false);
  ASSERT_GE(run.movements.size(), 1U);
  EXPECT_EQ(run.movements[0].how, MovementEnd::kTooLong);
  EXPECT_NEAR(run.movements[0].end_s - run.movements[0].start_s, Thresholds{}.rep_max_duration_s,
              0.05);
}

TEST(ARepSegmenter, ReportsTheOpenMovementWhenTheLoadEnds) {
  RepSegmenter seg{Thresholds{}, kFs};
  const Trace run = drive(
      seg, [](double t) { return about(0, 1, 0, 10.0 * t); }, 5.0);
  ASSERT_EQ(run.movements.size(), 1U);
  EXPECT_EQ(run.movements[0].how, MovementEnd::kUnloaded);
  EXPECT_DOUBLE_EQ(run.movements[0].end_s, 5.0);
}

TEST(ARepSegmenter, ForgetsAMovementUnderWayWhenTheStreamBreaks) {
  RepSegmenter seg{Thresholds{}, kFs};
  const Trace run = drive(
      seg, [](double t) { return about(0, 1, 0, 10.0 * t); }, 5.0, false);
  ASSERT_TRUE(run.moving_at_end);
  EXPECT_FALSE(seg.interrupt());
  EXPECT_FALSE(seg.moving());
  EXPECT_FALSE(seg.end(5.0));
}

TEST(ARepSegmenter, KeepsAPausedRepWhenTheStreamBreaks) {
  RepSegmenter seg{Thresholds{}, kFs};  // out and stay, then the link drops during the stay
  const auto stay = [](double t) { return about(0, 0, 1, 30.0 * min_jerk((t - 2.0) / 2.0)); };
  const Trace run = drive(seg, stay, 8.0, false);
  ASSERT_TRUE(run.movements.empty());
  ASSERT_TRUE(seg.interrupt());
  EXPECT_EQ(seg.last_movement().how, MovementEnd::kStopped);
  EXPECT_NEAR(seg.last_movement().end_s, 4.0, 0.4);
  EXPECT_FALSE(seg.moving());
}

}  // namespace
}  // namespace r3::core
