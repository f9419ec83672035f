#include "core/signal/sparc.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstddef>
#include <limits>
#include <numbers>
#include <random>
#include <vector>

namespace r3::core {
namespace {

// The published method written out step by step with a direct DFT over every bin: slow, but
// shares nothing with the FFT under test. stop_at_first_dip models the common mistake.
struct NaiveSpectrum {
  std::vector<double> f;
  std::vector<double> mag;  // normalised by the maximum over the whole spectrum
};

// low_band_only: skip bins above fc and take the peak as |X(0)| = sum(x), which bounds every
// bin's magnitude when no sample is negative (triangle inequality). Makes long inputs affordable.
NaiveSpectrum naive_spectrum(const std::vector<double>& x, double fs, int padlevel,
                             bool low_band_only = false, double fc = 0.0) {
  const auto n = static_cast<double>(x.size());
  const auto nfft = static_cast<std::size_t>(std::pow(2.0, std::ceil(std::log2(n)) + padlevel));
  NaiveSpectrum s;
  double peak = 0.0;
  for (std::size_t k = 0; k < nfft; ++k) {
    const double f = static_cast<double>(k) * (fs / static_cast<double>(nfft));
    if (low_band_only && f > fc) break;
    double re = 0.0, im = 0.0;
    for (std::size_t i = 0; i < x.size(); ++i) {
      // Reduce k*i modulo nfft in integers so the angle stays exact for large products.
      const double a =
          -2.0 * std::numbers::pi * static_cast<double>((k * i) % nfft) / static_cast<double>(nfft);
      re += x[i] * std::cos(a);
      im += x[i] * std::sin(a);
    }
    s.f.push_back(f);
    s.mag.push_back(std::hypot(re, im));
    peak = std::max(peak, s.mag.back());
  }
  if (low_band_only) {
    peak = 0.0;
    for (const double v : x) {
      EXPECT_GE(v, 0.0);
      peak += v;
    }
  }
  for (double& m : s.mag) m /= peak;
  return s;
}

double naive_sparc(const std::vector<double>& x, double fs, bool stop_at_first_dip = false,
                   const SparcParams& p = {}, bool low_band_only = false) {
  const NaiveSpectrum s = naive_spectrum(x, fs, p.padlevel, low_band_only, p.fc_hz);
  std::vector<double> f, m;
  for (std::size_t k = 0; k < s.f.size(); ++k) {
    if (s.f[k] <= p.fc_hz) {
      f.push_back(s.f[k]);
      m.push_back(s.mag[k]);
    }
  }
  std::size_t first = 0;
  while (first < m.size() && m.at(first) < p.amplitude_threshold) ++first;
  std::size_t last = first;
  if (stop_at_first_dip) {
    while (last + 1 < m.size() && m[last + 1] >= p.amplitude_threshold) ++last;
  } else {
    for (std::size_t k = first; k < m.size(); ++k) {
      if (m[k] >= p.amplitude_threshold) last = k;
    }
  }
  double length = 0.0;
  for (std::size_t k = first; k < last; ++k) {
    const double dx = (f[k + 1] - f[k]) / (f[last] - f[first]);
    const double dy = m[k + 1] - m[k];
    length += std::sqrt(dx * dx + dy * dy);
  }
  return -length;
}

std::vector<double> gaussian_profile() {
  std::vector<double> v;  // t = -1, -0.99, ..., 0.99 as in the authors' example
  for (int i = -100; i < 100; ++i) {
    const double t = i * 0.01;
    v.push_back(std::exp(-5.0 * t * t));
  }
  return v;
}

std::vector<double> minimum_jerk_profile(int samples = 101) {
  std::vector<double> v;
  for (int i = 0; i < samples; ++i) {
    const double s = i / static_cast<double>(samples - 1);
    v.push_back(30.0 * std::pow(s, 4) - 60.0 * std::pow(s, 3) + 30.0 * s * s);
  }
  return v;
}

// Two equal bumps one second apart: the spectrum is the bump's times |2 cos(pi f)|, so it falls
// to zero at 0.5, 1.5, ... Hz, well below the threshold, between bands that rise above it.
std::vector<double> two_submovement_profile() {
  std::vector<double> v;
  for (int i = 0; i < 200; ++i) {
    const double t = i * 0.01;
    v.push_back(std::exp(-std::pow((t - 0.5) / 0.12, 2)) +
                std::exp(-std::pow((t - 1.5) / 0.12, 2)));
  }
  return v;
}

double run(const std::vector<double>& v, double fs, const SparcParams& p = {}) {
  SparcWorkspace ws;
  return sparc(std::span<const double>(v), fs, ws, p);
}

TEST(Sparc, ReproducesThePublishedValueForAGaussianSpeedProfile) {
  EXPECT_NEAR(run(gaussian_profile(), 100.0), -1.414031, 1e-6);
}

TEST(Sparc, ReproducesThePublishedValueForAMinimumJerkSpeedProfile) {
  EXPECT_NEAR(run(minimum_jerk_profile(), 100.0), -1.405829, 1e-6);
}

TEST(Sparc, KeepsEveryBinBetweenTheFirstAndLastAboveThresholdEvenAcrossDips) {
  const auto v = two_submovement_profile();
  // Precondition: the spectrum really does dip below the threshold inside the band.
  const NaiveSpectrum s = naive_spectrum(v, 100.0, 4);
  bool dipped = false, rose_again = false;
  for (std::size_t k = 1; k < s.f.size() && s.f[k] <= 10.0; ++k) {
    if (s.mag[k] < 0.05) dipped = true;
    if (dipped && s.mag[k] >= 0.05) rose_again = true;
  }
  ASSERT_TRUE(rose_again);

  const double expected = naive_sparc(v, 100.0);
  const double stop_at_dip = naive_sparc(v, 100.0, /*stop_at_first_dip=*/true);
  ASSERT_GT(std::abs(expected - stop_at_dip), 0.5);
  EXPECT_NEAR(run(v, 100.0), expected, 1e-9);
}

TEST(Sparc, MatchesADirectDftOnRandomProfilesOfManyLengths) {
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  SparcWorkspace ws;  // shared on purpose: sizes go up and down
  for (const std::size_t n : {2U, 3U, 17U, 64U, 65U, 130U, 37U}) {
    std::vector<double> v(n);
    for (double& x : v) x = u(rng);
    for (const double fs : {15.0, 100.0, 200.0}) {  // 15 Hz: fc lies beyond Nyquist
      SCOPED_TRACE(testing::Message() << "n=" << n << " fs=" << fs);
      EXPECT_NEAR(sparc(std::span<const double>(v), fs, ws), naive_sparc(v, fs), 1e-9);
    }
  }
}

TEST(Sparc, MatchesADirectDftForAnEightSecondRepAt200Hz) {
  // 1600 samples: nfft = 32768, the largest transform the pipeline runs.
  std::mt19937 rng(11);
  std::normal_distribution<double> noise(0.0, 0.02);
  std::vector<double> v(1600);
  for (std::size_t i = 0; i < v.size(); ++i) {
    const double t = static_cast<double>(i) / 200.0;
    v[i] = std::abs(std::exp(-std::pow((t - 2.0) / 0.6, 2)) +
                    0.7 * std::exp(-std::pow((t - 5.5) / 0.8, 2)) + noise(rng));
  }
  EXPECT_NEAR(run(v, 200.0), naive_sparc(v, 200.0, false, {}, /*low_band_only=*/true), 1e-9);
}

TEST(Sparc, StopsAllocatingOnceItsWorkspaceHasGrown) {
  SparcWorkspace ws;
  const std::vector<double> big(1600, 1.0), small = minimum_jerk_profile();
  (void)sparc(std::span<const double>(big), 200.0, ws);
  const void* buffer = ws.buffer().data();
  const void* magnitudes = ws.magnitudes().data();
  const void* twiddles = ws.twiddles().data();
  const double first = sparc(std::span<const double>(small), 100.0, ws);
  (void)sparc(std::span<const double>(big), 200.0, ws);
  EXPECT_EQ(ws.buffer().data(), buffer);
  EXPECT_EQ(ws.magnitudes().data(), magnitudes);
  EXPECT_EQ(ws.twiddles().data(), twiddles);
  EXPECT_EQ(sparc(std::span<const double>(small), 100.0, ws), first);  // strided twiddles agree
  EXPECT_NEAR(first, run(small, 100.0), 1e-12);                        // with a fresh workspace
}

TEST(Sparc, NormalisesFrequencyByTheWidthOfTheSelectedBand) {
  // A windowed 3 Hz oscillation has almost no DC, so the band starts well above 0 Hz and the
  // width differs from the last frequency.
  std::vector<double> v(200);
  for (std::size_t i = 0; i < v.size(); ++i) {
    const double t = static_cast<double>(i) / 100.0;
    v[i] = std::sin(std::numbers::pi * t / 2.0) * std::sin(2.0 * std::numbers::pi * 3.0 * t);
  }
  const NaiveSpectrum s = naive_spectrum(v, 100.0, 4);
  ASSERT_LT(s.mag[0], 0.05);
  EXPECT_NEAR(run(v, 100.0), naive_sparc(v, 100.0), 1e-9);
}

TEST(Sparc, HonoursNonDefaultParameters) {
  const auto v = two_submovement_profile();
  const SparcParams p{.padlevel = 2, .fc_hz = 6.0, .amplitude_threshold = 0.1};
  EXPECT_NEAR(run(v, 100.0, p), naive_sparc(v, 100.0, false, p), 1e-9);
}

TEST(Sparc, DoesNotDependOnTheAmplitudeOfTheProfile) {
  const auto v = minimum_jerk_profile();
  const double reference = run(v, 100.0);
  for (const double gain : {1e-6, 0.37, 42.0, 1e200}) {
    auto scaled = v;
    for (double& x : scaled) x *= gain;
    EXPECT_NEAR(run(scaled, 100.0), reference, 1e-9) << "gain " << gain;
  }
}

TEST(Sparc, RatesAJerkyMovementAsLessSmoothThanASmoothOne) {
  auto jerky = minimum_jerk_profile();
  for (std::size_t i = 0; i < jerky.size(); ++i) {
    jerky[i] *= 1.0 + 0.3 * std::sin(2.0 * std::numbers::pi * 4.0 * static_cast<double>(i) / 100.0);
  }
  EXPECT_LT(run(jerky, 100.0), run(minimum_jerk_profile(), 100.0) - 0.1);
}

TEST(Sparc, GivesTheSameValueForFloatAndDoubleInput) {
  const auto v = gaussian_profile();
  const std::vector<float> vf(v.begin(), v.end());
  SparcWorkspace ws;
  EXPECT_NEAR(sparc(std::span<const float>(vf), 100.0, ws), run(v, 100.0), 1e-5);
}

TEST(Sparc, ReturnsZeroForInputWithNothingToMeasure) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  EXPECT_EQ(run({}, 100.0), 0.0);
  EXPECT_EQ(run({1.0}, 100.0), 0.0);
  EXPECT_EQ(run(std::vector<double>(50, 0.0), 100.0), 0.0);
  EXPECT_EQ(run({0.1, nan, 0.3}, 100.0), 0.0);
  EXPECT_EQ(run({0.1, inf, 0.3}, 100.0), 0.0);
  EXPECT_EQ(run(gaussian_profile(), 0.0), 0.0);
  EXPECT_EQ(run(gaussian_profile(), nan), 0.0);
  EXPECT_EQ(run(gaussian_profile(), 100.0, {.fc_hz = -1.0}), 0.0);
}

TEST(Sparc, StaysFiniteForExtremeValues) {
  const double big = std::numeric_limits<double>::max();
  const double tiny = std::numeric_limits<double>::denorm_min();
  for (const auto& v : {std::vector<double>{big, -big, big}, std::vector<double>{tiny, 0.0, tiny},
                        std::vector<double>{1.0, -1.0, 1.0, -1.0}}) {
    EXPECT_TRUE(std::isfinite(run(v, 100.0)));
  }
}

}  // namespace
}  // namespace r3::core
