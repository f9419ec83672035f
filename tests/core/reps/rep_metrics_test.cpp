#include "core/reps/rep_metrics.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <vector>

namespace r3::core {
namespace {

TEST(RepMetrics, MeasureForceTimeAndSpeedOverTheRep) {
  const double fs = 100.0;
  std::vector<float> force(301, 100.0F), speed(301);
  for (std::size_t i = 0; i < speed.size(); ++i) {
    speed[i] =
        static_cast<float>(20.0 * std::sin(std::numbers::pi * static_cast<double>(i) / 300.0));
  }
  force[150] = 180.0F;
  SparcWorkspace ws;
  RepEvent rep;
  compute_rep_metrics(force, speed, fs, 10.0, 13.0, Thresholds{}, ws, rep);
  EXPECT_DOUBLE_EQ(rep.duration_s, 3.0);
  EXPECT_EQ(rep.samples, 301U);
  EXPECT_NEAR(rep.force_mean_n, 100.0 + 80.0 / 301.0, 1e-4);
  EXPECT_DOUBLE_EQ(rep.force_peak_n, 180.0);
  EXPECT_NEAR(rep.impulse_ns, (301 * 100.0 + 80.0) / fs, 1e-3);
  EXPECT_NEAR(rep.time_under_load_s, 3.0, 1e-9);
  EXPECT_NEAR(rep.angular_speed_peak_dps, 20.0, 1e-3);
  EXPECT_NEAR(rep.angular_speed_mean_dps, 20.0 * 2.0 / std::numbers::pi, 0.1);
  EXPECT_LT(rep.sparc, -1.0);
  EXPECT_GT(rep.sparc, -2.0);  // one smooth bump
}

TEST(RepMetrics, MeasureSteadinessOnThePlateauOnly) {
  // Ramps in the first and last 10 % do not count; the plateau alternates 90 / 110 N.
  std::vector<float> force(100), speed(100, 10.0F);
  for (std::size_t i = 0; i < force.size(); ++i) force[i] = i % 2 == 0 ? 90.0F : 110.0F;
  for (std::size_t i = 0; i < 10; ++i) force[i] = force[99 - i] = 5.0F;
  SparcWorkspace ws;
  RepEvent rep;
  compute_rep_metrics(force, speed, 100.0, 0.0, 0.99, Thresholds{}, ws, rep);
  EXPECT_NEAR(rep.force_cv_pct, 100.0 * 10.06 / 100.0, 0.1);  // SD of +-10 over 80 samples
  EXPECT_NEAR(rep.time_under_load_s, 0.99 * 0.8, 1e-9);       // 5 N is below P_off
}

}  // namespace
}  // namespace r3::core
