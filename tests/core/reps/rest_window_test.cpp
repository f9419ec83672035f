#include "core/reps/rest_window.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

namespace r3::core {
namespace {

Quaternion yaw(double deg) {
  const double h = 0.5 * deg * std::numbers::pi / 180.0;
  return {std::cos(h), 0.0, 0.0, std::sin(h)};
}

TEST(ARestWindow, ReferencesTheOrientationAWindowAgo) {
  RestWindow w(2.0, 100.0);
  for (int i = 0; i <= 500; ++i) w.push(i * 0.01, yaw(i * 0.01));  // 1 deg/s
  EXPECT_NEAR(w.reference_t_s(), 3.0, 0.011);
  EXPECT_NEAR(angle_between_deg(w.reference(), yaw(5.0)), 2.0, 0.02);
}

TEST(ARestWindow, StartsAfreshWhenCleared) {
  RestWindow w(2.0, 100.0);
  for (int i = 0; i <= 300; ++i) w.push(i * 0.01, yaw(i));
  w.clear();
  w.push(10.0, yaw(7.0));
  EXPECT_DOUBLE_EQ(w.reference_t_s(), 10.0);
  EXPECT_NEAR(angle_between_deg(w.reference(), yaw(7.0)), 0.0, 1e-4);
}

TEST(ARestWindow, DatesADepartureWhereItLastWasCloseToTheReference) {
  RestWindow w(2.0, 100.0);
  for (int i = 0; i <= 150; ++i) {
    const double t = i * 0.01;
    w.push(t, yaw(t < 1.0 ? 0.0 : 10.0 * (t - 1.0)));  // leaves at 1.0 s at 10 deg/s
  }
  EXPECT_NEAR(w.departure_t_s(0.5), 1.05, 0.011);
}

}  // namespace
}  // namespace r3::core
