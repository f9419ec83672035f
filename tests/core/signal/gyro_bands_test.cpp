// The gyro's movement and tremor bands.

#include "core/signal/gyro_bands.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace r3::core {
namespace {

constexpr double kFs = 100.0;

struct Peaks {
  double movement = 0.0, tremor = 0.0;
};

// Feeds a sine of amp_dps at f_hz on the x axis for 20 s; the bands' peaks over the last 5 s.
Peaks peaks_for_sine(double f_hz, double amp_dps) {
  GyroBands bands({}, kFs);
  bands.reset({0.0, 0.0, 0.0});
  Peaks p;
  for (int i = 0; i < 2000; ++i) {
    const double x = amp_dps * std::sin(2.0 * std::numbers::pi * f_hz * i / kFs);
    bands.update({x, 0.0, 0.0});
    if (i >= 1500) {
      p.movement = std::max(p.movement, std::abs(bands.movement_dps()[0]));
      p.tremor = std::max(p.tremor, std::abs(bands.tremor_dps()[0]));
    }
  }
  return p;
}

TEST(GyroBands, TakeAPathologicalTremorOutOfTheMovementBand) {
  const Peaks p = peaks_for_sine(4.0, 15.0);
  EXPECT_LT(p.movement, 0.4);               // below any stillness threshold
  EXPECT_NEAR(p.tremor, 15.0 * 0.95, 0.5);  // the high-pass at 3 Hz keeps ~95 % at 4 Hz
}

TEST(GyroBands, KeepAPhysiologicalTremorInTheTremorBand) {
  const Peaks p = peaks_for_sine(10.0, 2.0);
  EXPECT_NEAR(p.tremor, 2.0, 0.05);
  EXPECT_LT(p.movement, 0.01);
}

TEST(GyroBands, PassASlowMovementWholeIntoTheMovementBand) {
  const Peaks p = peaks_for_sine(0.2, 10.0);
  EXPECT_NEAR(p.movement, 10.0, 0.1);
  EXPECT_LT(p.tremor, 0.01);
}

TEST(GyroBands, DelayTheMovementBandByItsStatedDelay) {
  // A slow ramp comes out as the same ramp, late by movement_delay_s().
  GyroBands bands({}, kFs);
  bands.reset({0.0, 0.0, 0.0});
  const double slope = 2.0;  // deg/s per s
  for (int i = 0; i < 1000; ++i) bands.update({slope * i / kFs, 0.0, 0.0});
  const double t = 999 / kFs;
  const double lag = t - bands.movement_dps()[0] / slope;
  EXPECT_NEAR(lag, bands.movement_delay_s(), 0.01);
  EXPECT_NEAR(bands.movement_delay_s(), 0.277, 0.005);
}

}  // namespace
}  // namespace r3::core
