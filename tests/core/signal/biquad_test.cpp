#include "core/signal/biquad.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace r3::core {
namespace {

// Steady-state amplitude of the filter's response to a unit sine at f_hz.
double gain_at(double f_hz, double cutoff_hz, double fs_hz) {
  Biquad f = Biquad::low_pass(cutoff_hz, fs_hz);
  double peak = 0.0;
  const int settle = static_cast<int>(20.0 * fs_hz / std::min(f_hz, cutoff_hz));
  for (int i = 0; i < settle + static_cast<int>(4.0 * fs_hz / f_hz) + 10; ++i) {
    const double y = f.process(std::sin(2.0 * std::numbers::pi * f_hz * i / fs_hz));
    if (i > settle) peak = std::max(peak, std::abs(y));
  }
  return peak;
}

TEST(ALowPassBiquad, PassesAConstantSignalWithUnitGain) {
  Biquad f = Biquad::low_pass(5.0, 100.0);
  double y = 0.0;
  for (int i = 0; i < 1000; ++i) y = f.process(3.0);
  EXPECT_NEAR(y, 3.0, 1e-9);
}

TEST(ALowPassBiquad, IsThreeDecibelsDownAtItsCutoff) {
  EXPECT_NEAR(gain_at(5.0, 5.0, 100.0), 1.0 / std::numbers::sqrt2, 0.005);
  EXPECT_NEAR(gain_at(40.0, 40.0, 200.0), 1.0 / std::numbers::sqrt2, 0.005);
}

TEST(ALowPassBiquad, PassesLowFrequenciesAndAttenuatesHighOnes) {
  EXPECT_NEAR(gain_at(0.5, 5.0, 100.0), 1.0, 0.005);
  // Second order: roughly 1/(f/fc)^2 well above the cutoff, less still near Nyquist.
  EXPECT_LT(gain_at(20.0, 5.0, 100.0), 0.07);
}

TEST(ALowPassBiquad, StartsWithoutATransientAfterAResetToASteadyValue) {
  Biquad f = Biquad::low_pass(2.0, 100.0);
  f.reset(7.5);
  for (int i = 0; i < 50; ++i) EXPECT_NEAR(f.process(7.5), 7.5, 1e-9) << "sample " << i;

  Biquad cold = Biquad::low_pass(2.0, 100.0);
  EXPECT_LT(cold.process(7.5), 1.0);  // without the reset the output ramps up from zero
}

TEST(ALowPassBiquad, PassesTheSignalThroughWhenTheCutoffIsNotBelowNyquist) {
  for (const double cutoff : {0.0, -1.0, 50.0, 80.0, std::nan("")}) {
    Biquad f = Biquad::low_pass(cutoff, 100.0);
    EXPECT_EQ(f.process(1.25), 1.25) << "cutoff " << cutoff;
    EXPECT_EQ(f.process(-4.0), -4.0) << "cutoff " << cutoff;
  }
}

}  // namespace
}  // namespace r3::core
