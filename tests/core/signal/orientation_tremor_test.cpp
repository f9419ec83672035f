// The orientation filter under a hand tremor and slow movements: what it learns as gyro bias.

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "core/signal/orientation.hpp"
#include "tests/core/signal/ideal_imu.hpp"

namespace r3::core {
namespace {

using testing::Imu;

constexpr double kDt = 0.01;

// A tremor of amp_dps at f_hz about a tilted axis, at sample i (a cosine: the angle it turns
// through swings about zero).
testing::Vec tremor(int i, double amp_dps, double f_hz) {
  const double w = amp_dps * std::cos(2.0 * std::numbers::pi * f_hz * i * kDt);
  return {0.6 * w, 0.0, 0.8 * w};
}

TEST(AnOrientationFilterUnderTremor, LearnsTheGyroBiasWhileTheHandTrembles) {
  OrientationFilter filter;
  Imu imu{{}, {0.4, -0.7, 0.9}};
  for (int i = 0; i < 400; ++i) filter.update(imu.acc(), imu.turn(tremor(i, 12.0, 4.5), kDt), kDt);
  for (int k = 0; k < 3; ++k) EXPECT_NEAR(filter.gyro_bias_dps()[k], imu.bias_dps[k], 0.1);
  EXPECT_LT(filter.movement_speed_dps(), 0.5);  // still, though the raw rate swings 12 deg/s
  EXPECT_GT(filter.angular_speed_dps() + 1e-9, 0.0);
}

TEST(AnOrientationFilterUnderTremor, KeepsItsMovementOrientationOutOfTheTremor) {
  OrientationFilter filter;
  Imu imu;
  double movement = 0.0, raw = 0.0;
  for (int i = 0; i < 600; ++i) {
    filter.update(imu.acc(), imu.turn(tremor(i, 15.0, 4.0), kDt), kDt);
    if (i < 200) continue;  // past the start
    movement = std::max(movement, angle_between_deg(filter.movement_orientation(), {}));
    raw = std::max(raw, angle_between_deg(filter.orientation(), {}));
  }
  EXPECT_GT(raw, 0.5);  // the tremor swings the contact +-0.6 deg
  EXPECT_LT(movement, 0.25 * raw);
}

TEST(AnOrientationFilterUnderTremor, DoesNotLearnASlowEvenTurnAboutTheVerticalAsANewBias) {
  // A slow rehab rep turns about the vertical at an even 1.5 deg/s for 6 s: gravity does not
  // see it, and every block of it is quiet and like the one before.
  OrientationFilter filter;
  Imu imu{{}, {0.2, -0.3, 0.4}};
  for (int i = 0; i < 300; ++i) filter.update(imu.acc(), imu.turn({}, kDt), kDt);
  ASSERT_NEAR(filter.gyro_bias_dps()[2], 0.4, 0.05);
  for (int i = 0; i < 600; ++i) {
    filter.update(imu.acc(), imu.turn({0.0, 0.0, 1.5}, kDt), kDt);
    ASSERT_NEAR(filter.gyro_bias_dps()[2], 0.4, 0.05) << "at " << i * kDt << " s";
  }

  // Control: a filter that takes any steady rest as a new bias learns the turn.
  OrientationConfig eager;
  eager.rest_bias_change_dps = 100.0;
  OrientationFilter naive(eager);
  Imu same{{}, {0.2, -0.3, 0.4}};
  for (int i = 0; i < 300; ++i) naive.update(same.acc(), same.turn({}, kDt), kDt);
  for (int i = 0; i < 600; ++i) naive.update(same.acc(), same.turn({0.0, 0.0, 1.5}, kDt), kDt);
  EXPECT_GT(naive.gyro_bias_dps()[2], 1.0);
}

TEST(AnOrientationFilterUnderTremor, DoesNotLearnASlowTiltAsBias) {
  // The same slow, even turn about a horizontal axis: gravity turns, so it is no rest.
  OrientationFilter filter;
  Imu imu{{}, {0.2, -0.3, 0.4}};
  for (int i = 0; i < 300; ++i) filter.update(imu.acc(), imu.turn({}, kDt), kDt);
  for (int i = 0; i < 600; ++i) filter.update(imu.acc(), imu.turn({1.5, 0.0, 0.0}, kDt), kDt);
  EXPECT_NEAR(filter.gyro_bias_dps()[0], 0.2, 0.05);
}

}  // namespace
}  // namespace r3::core
