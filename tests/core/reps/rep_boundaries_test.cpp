// Refining a rep's boundaries on its recorded movement-band speed.

#include "core/reps/rep_boundaries.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

namespace r3::core {
namespace {

constexpr double kFs = 100.0;

// Minimum-jerk speed of a movement of rom_deg over [t0, t0 + T], deg/s.
double min_jerk_speed(double t, double t0, double T, double rom_deg) {
  const double x = (t - t0) / T;
  if (x <= 0.0 || x >= 1.0) return 0.0;
  return rom_deg / T * 30.0 * x * x * (1.0 - x) * (1.0 - x);
}

// A recording of an out-and-back rep about x: out over [t0, t0 + T], back over
// [t0 + T, t0 + 2T], with a tremor of tremor_dps (peak) at tremor_hz about y.
RepRecorder out_and_back(double t0, double T, double tremor_dps = 0.0, double tremor_hz = 5.0) {
  RepRecorder r;
  r.configure(4000, kFs);
  for (int i = 0; i < 3000; ++i) {
    const double t = i / kFs;
    RecordedSample s;
    s.rate_dps[0] =
        static_cast<float>(min_jerk_speed(t, t0, T, 20.0) - min_jerk_speed(t, t0 + T, T, 20.0));
    s.rate_dps[1] =
        static_cast<float>(tremor_dps * std::sin(2.0 * std::numbers::pi * tremor_hz * t));
    r.record(t, s);
  }
  return r;
}

TEST(RefinedRepBoundaries, FindTheOnsetAndEndOfAMinimumJerkRep) {
  const RepRecorder r = out_and_back(5.0, 3.0);
  std::vector<float> scratch;
  // Detected late at the start and early at the end, as thresholds do. The smoothing of a slow
  // rep (2 % of its duration each side) costs a few hundredths of a second.
  const Boundaries b = refine_boundaries(r, 5.6, 10.5, {0.0, 29.99, 0.0}, scratch);
  EXPECT_NEAR(b.start_s, 5.0, 0.08);
  EXPECT_NEAR(b.end_s, 11.0, 0.08);
}

TEST(RefinedRepBoundaries, FindThemThroughAPathologicalTremor) {
  const RepRecorder r = out_and_back(5.0, 1.5, 10.0, 5.0);
  std::vector<float> scratch;
  const Boundaries b = refine_boundaries(r, 5.2, 7.8, {0.0, 29.99, 5.0}, scratch);
  EXPECT_NEAR(b.start_s, 5.0, 0.1);
  EXPECT_NEAR(b.end_s, 8.0, 0.1);
}

TEST(RefinedRepBoundaries, NeverStartBeforeTheEarliestAllowed) {
  const RepRecorder r = out_and_back(5.0, 3.0);
  std::vector<float> scratch;
  const Boundaries b = refine_boundaries(r, 5.6, 10.5, {5.3, 29.99, 0.0}, scratch);
  EXPECT_EQ(b.start_s, 5.3);
  EXPECT_NEAR(b.end_s, 11.0, 0.08);
}

TEST(RefinedRepBoundaries, KeepTheDetectedBoundariesWithoutAClearFlank) {
  RepRecorder r;
  r.configure(1000, kFs);
  RecordedSample s;
  s.rate_dps = {0.5F, 0.0F, 0.0F};  // slower than any flank worth refining
  for (int i = 0; i < 900; ++i) r.record(i / kFs, s);
  std::vector<float> scratch;
  const Boundaries b = refine_boundaries(r, 2.0, 6.0, {0.0, 8.99, 0.0}, scratch);
  EXPECT_EQ(b.start_s, 2.0);
  EXPECT_EQ(b.end_s, 6.0);
}

}  // namespace
}  // namespace r3::core
