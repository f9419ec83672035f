#include "core/signal/orientation.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <limits>
#include <numbers>
#include <random>

#include "tests/core/signal/ideal_imu.hpp"

namespace r3::core {
namespace {

using testing::axis_angle;
using testing::Imu;
using testing::kDeg;
using testing::to_body;
using testing::Vec;

double up_error_deg(const Quaternion& estimate, const Quaternion& truth) {
  const Vec a = to_body(estimate, {0, 0, 1}), b = to_body(truth, {0, 0, 1});
  const double dot = a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
  const Vec c{a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
  return std::atan2(std::sqrt(c[0] * c[0] + c[1] * c[1] + c[2] * c[2]), dot) / kDeg;
}

TEST(QuaternionHelpers, MeasureTheSameAngleForAnOrientationAndItsNegative) {
  const Quaternion a = axis_angle({0, 1, 0}, 10.0);
  const Quaternion b = axis_angle({1, 2, 3}, 70.0);
  const Quaternion minus_b{-b.w, -b.x, -b.y, -b.z};
  EXPECT_NEAR(angle_between_deg(a, b), angle_between_deg(a, minus_b), 1e-9);
  EXPECT_NEAR(angle_between_deg(a, multiply(a, axis_angle({1, -1, 0}, 33.0))), 33.0, 1e-9);
  EXPECT_NEAR(angle_between_deg(a, multiply(a, axis_angle({0, 0, 1}, 250.0))), 110.0, 1e-9);
  EXPECT_NEAR(angle_between_deg(b, b), 0.0, 1e-6);
}

TEST(QuaternionHelpers, MeasureTiltFromTheVertical) {
  EXPECT_NEAR(tilt_deg({}), 0.0, 1e-12);
  EXPECT_NEAR(tilt_deg(axis_angle({1, 0, 0}, 35.0)), 35.0, 1e-9);
  EXPECT_NEAR(tilt_deg(axis_angle({0, 0, 1}, 80.0)), 0.0, 1e-9);  // yaw is not tilt
  EXPECT_NEAR(tilt_deg(axis_angle({0, 1, 0}, 180.0)), 180.0, 1e-9);
  EXPECT_NEAR(tilt_deg(multiply(axis_angle({0, 0, 1}, 50.0), axis_angle({0, 1, 0}, -20.0))), 20.0,
              1e-9);
}

TEST(AnOrientationFilter, RecoversAStaticTiltFromGravity) {
  for (const Quaternion truth : {axis_angle({1, 0, 0}, 30.0), axis_angle({0, 1, 0}, -50.0),
                                 axis_angle({1, 2, 0.5}, 120.0), axis_angle({0, 0, 1}, 45.0)}) {
    OrientationFilter filter;
    Imu imu{truth};
    for (int i = 0; i < 100; ++i) filter.update(imu.acc(), imu.turn({}, 0.01), 0.01);
    EXPECT_LT(up_error_deg(filter.orientation(), truth), 0.05);
    EXPECT_NEAR(tilt_deg(filter.orientation()), tilt_deg(truth), 0.05);
  }
}

TEST(AnOrientationFilter, ConvergesToGravityFromAWrongStart) {
  OrientationFilter filter;
  filter.align({0.0F, 0.0F, 1.0F});
  Imu imu{axis_angle({1, 0, 0}, 20.0)};
  for (int i = 0; i < 1000; ++i) filter.update(imu.acc(), imu.turn({}, 0.01), 0.01);
  EXPECT_LT(up_error_deg(filter.orientation(), imu.truth), 0.2);
}

TEST(AnOrientationFilter, FollowsAFortyDegreeRotationAtThirtyDegreesPerSecond) {
  const double dt = 1.0 / 150.0;  // 40 deg at 30 deg/s is exactly 200 samples
  OrientationFilter filter;
  Imu imu{axis_angle({0.3, -1, 0.2}, 25.0)};
  for (int i = 0; i < 50; ++i) filter.update(imu.acc(), imu.turn({}, dt), dt);
  const Quaternion before = filter.orientation();
  const Vec axis{0.6, 0.48, 0.64};  // unit length
  for (int i = 0; i < 200; ++i) {
    const auto gyro = imu.turn({30.0 * axis[0], 30.0 * axis[1], 30.0 * axis[2]}, dt);
    filter.update(imu.acc(), gyro, dt);
  }
  EXPECT_NEAR(angle_between_deg(before, filter.orientation()), 40.0, 0.5);
  EXPECT_LT(up_error_deg(filter.orientation(), imu.truth), 0.5);
}

// Rests for rest_samples at 100 Hz, then turns about the vertical out 40 deg and back over 5 s;
// returns the error of the estimated rotation over the movement, in degrees.
double drift_over_movement(OrientationFilter& filter, int rest_samples) {
  const double dt = 0.01;
  Imu imu{{}, {0.3, -0.6, 1.0}};  // |bias| ~ 1.2 deg/s, mostly about the vertical
  for (int i = 0; i < rest_samples; ++i) filter.update(imu.acc(), imu.turn({}, dt), dt);
  const Quaternion est0 = filter.orientation(), true0 = imu.truth;
  for (int i = 0; i < 500; ++i) {
    // Out and back: rate 40 deg * pi/5 * sin(2 pi t / 5) integrates to 40 deg and returns to 0.
    const double t = (i + 0.5) * dt;
    const double rate = 40.0 * std::numbers::pi / 5.0 * std::sin(2.0 * std::numbers::pi * t / 5.0);
    const auto gyro = imu.turn({0.0, 0.0, rate}, dt);
    filter.update(imu.acc(), gyro, dt);
  }
  const Quaternion est_delta = multiply(conjugate(est0), filter.orientation());
  const Quaternion true_delta = multiply(conjugate(true0), imu.truth);
  return angle_between_deg(est_delta, true_delta);
}

TEST(AnOrientationFilter, LearnsTheGyroBiasAtRestAndThenBarelyDrifts) {
  OrientationFilter filter;
  const double dt = 0.01;
  Imu imu{{}, {0.3, -0.6, 1.0}};
  std::mt19937 rng(5);
  std::normal_distribution<double> noise(0.0, 0.1);
  for (int i = 0; i < 200; ++i) {  // 2 s
    auto gyro = imu.turn({}, dt);
    for (float& g : gyro) g += static_cast<float>(noise(rng));
    filter.update(imu.acc(), gyro, dt);
  }
  EXPECT_TRUE(filter.at_rest());
  for (int k = 0; k < 3; ++k) EXPECT_NEAR(filter.gyro_bias_dps()[k], imu.bias_dps[k], 0.1);
  EXPECT_LT(filter.angular_speed_dps(), 0.5);  // what is left is the noise

  OrientationFilter fresh;
  EXPECT_LT(drift_over_movement(fresh, 200), 1.0);
}

TEST(AnOrientationFilter, DriftsWithoutTheBiasLearnt) {
  // The control for the test above: a filter that never trusts the rest keeps the bias.
  OrientationConfig never;
  never.bias_block_s = 1e9;
  OrientationFilter filter(never);
  EXPECT_GT(drift_over_movement(filter, 200), 3.0);
}

TEST(AnOrientationFilter, DoesNotLearnTheSlowStartOfAMovementAsBias) {
  // A slow, small rep (10 deg out over 4 s, minimum jerk) starts below every rate threshold.
  OrientationFilter filter;
  const double dt = 0.01;
  Imu imu{{}, {0.3, -0.6, 0.5}};
  for (int i = 0; i < 300; ++i) filter.update(imu.acc(), imu.turn({}, dt), dt);
  const double out_s = 4.0, rom_deg = 10.0;
  for (int i = 0; i < 400; ++i) {
    const double s = (i + 0.5) * dt / out_s;
    const double rate = rom_deg / out_s * 30.0 * s * s * (1.0 - s) * (1.0 - s);
    filter.update(imu.acc(), imu.turn({0.0, 0.0, rate}, dt), dt);
    EXPECT_NEAR(filter.gyro_bias_dps()[2], imu.bias_dps[2], 0.05) << "at " << i * dt << " s";
  }
}

TEST(AnOrientationFilter, DoesNotLearnTheBiasWhileMoving) {
  OrientationFilter filter;
  Imu imu{{}, {0.0, 0.0, 1.0}};
  const double dt = 0.01;
  for (int i = 0; i < 300; ++i) {
    filter.update(imu.acc(), imu.turn({0.0, 0.0, 20.0}, dt), dt);
    EXPECT_FALSE(filter.at_rest());
  }
  EXPECT_EQ(filter.gyro_bias_dps()[2], 0.0);
  EXPECT_NEAR(filter.angular_speed_dps(), 21.0, 1e-4);
}

TEST(AnOrientationFilter, IgnoresTheAccelerometerDuringStrongLinearAcceleration) {
  OrientationFilter filter;
  Imu imu;
  const double dt = 0.01;
  for (int i = 0; i < 100; ++i) filter.update(imu.acc(), imu.turn({}, dt), dt);
  for (int i = 0; i < 200; ++i) filter.update(imu.acc({0.6, 0.0, 0.0}), imu.turn({}, dt), dt);
  EXPECT_LT(tilt_deg(filter.orientation()), 0.01);

  // Control: a gentle push within the rejection limit does tilt the estimate.
  for (int i = 0; i < 200; ++i) filter.update(imu.acc({0.1, 0.0, 0.0}), imu.turn({}, dt), dt);
  EXPECT_GT(tilt_deg(filter.orientation()), 2.0);
}

TEST(AnOrientationFilter, KeepsAFiniteOrientationOnBadSamples) {
  OrientationFilter filter;
  const float nan = std::numeric_limits<float>::quiet_NaN();
  const float inf = std::numeric_limits<float>::infinity();
  filter.update({nan, 0.0F, 1.0F}, {0.0F, 0.0F, 0.0F}, 0.01);
  filter.update({0.0F, 0.0F, 1.0F}, {inf, 0.0F, 0.0F}, 0.01);
  filter.update({0.0F, 0.0F, 0.0F}, {1.0F, 0.0F, 0.0F}, 0.01);
  filter.update({0.0F, 0.0F, 1.0F}, {1.0F, 0.0F, 0.0F}, -1.0);
  filter.update({0.0F, 0.0F, 1.0F}, {1.0F, 0.0F, 0.0F}, std::numeric_limits<double>::infinity());
  const Quaternion q = filter.orientation();
  EXPECT_TRUE(std::isfinite(q.w) && std::isfinite(q.x) && std::isfinite(q.y) && std::isfinite(q.z));
  EXPECT_NEAR(q.w * q.w + q.x * q.x + q.y * q.y + q.z * q.z, 1.0, 1e-9);
}

TEST(AnOrientationFilter, StartsOverAfterAReset) {
  OrientationFilter filter;
  Imu imu{axis_angle({1, 0, 0}, 40.0), {0.0, 0.0, 1.0}};
  for (int i = 0; i < 300; ++i) filter.update(imu.acc(), imu.turn({}, 0.01), 0.01);
  filter.reset();
  EXPECT_EQ(angle_between_deg(filter.orientation(), {}), 0.0);
  EXPECT_EQ(filter.gyro_bias_dps()[2], 0.0);
  EXPECT_FALSE(filter.at_rest());
}

}  // namespace
}  // namespace r3::core
