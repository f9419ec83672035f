#include "core/reps/thresholds.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace r3::core {
namespace {

TEST(TheDefaultThresholds, AreConsistent) {
  EXPECT_EQ(Thresholds{}.validate(), "");
}

TEST(Thresholds, RejectAReleaseForceAboveTheEngageForce) {
  Thresholds t;
  t.load_off_n = 20.0;
  EXPECT_NE(t.validate().find("load_off_n"), std::string::npos);
}

TEST(Thresholds, RejectAMaximumRepShorterThanTheMinimum) {
  Thresholds t;
  t.rep_max_duration_s = 0.5;
  EXPECT_NE(t.validate().find("rep_max_duration_s"), std::string::npos);
}

TEST(Thresholds, RejectAMovementStartLargerThanTheSmallestRange) {
  Thresholds t;
  t.move_start_deg = 9.0;
  EXPECT_NE(t.validate().find("move_start_deg"), std::string::npos);
}

TEST(Thresholds, RejectNotANumber) {
  Thresholds t;
  t.still_dps = std::numeric_limits<double>::quiet_NaN();
  EXPECT_NE(t.validate().find("still_dps"), std::string::npos);
}

TEST(Thresholds, RejectInfinity) {
  Thresholds t;
  t.hold_min_s = std::numeric_limits<double>::infinity();
  EXPECT_NE(t.validate().find("hold_min_s"), std::string::npos);
}

TEST(Thresholds, RejectAReferenceTiltOutOfRange) {
  Thresholds t;
  t.reference_tilt_deg = 200.0;
  EXPECT_NE(t.validate().find("reference_tilt_deg"), std::string::npos);
}

}  // namespace
}  // namespace r3::core
