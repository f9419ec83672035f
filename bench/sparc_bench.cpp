// SPARC of one rep's angular speed profile, workspace reused as in the pipeline.
#include <benchmark/benchmark.h>

#include <cmath>
#include <numbers>
#include <random>
#include <vector>

#include "core/signal/sparc.hpp"

namespace {

// Out-and-back minimum-jerk speed with a little noise: what a rep's gyro speed looks like.
std::vector<float> rep_speed(double seconds, double fs) {
  std::mt19937 rng(1);
  std::normal_distribution<double> noise(0.0, 0.5);
  const auto n = static_cast<std::size_t>(seconds * fs);
  std::vector<float> v(n);
  for (std::size_t i = 0; i < n; ++i) {
    double s = 2.0 * static_cast<double>(i) / static_cast<double>(n);
    if (s > 1.0) s -= 1.0;
    const double bell = 30.0 * std::pow(s, 4) - 60.0 * std::pow(s, 3) + 30.0 * s * s;
    v[i] = static_cast<float>(std::abs(40.0 * bell + noise(rng)));
  }
  return v;
}

void BM_Sparc(benchmark::State& state) {
  const double seconds = static_cast<double>(state.range(0));
  const double fs = static_cast<double>(state.range(1));
  const std::vector<float> speed = rep_speed(seconds, fs);
  r3::core::SparcWorkspace ws;
  for (auto _ : state) {
    benchmark::DoNotOptimize(r3::core::sparc(std::span<const float>(speed), fs, ws));
  }
  state.SetLabel(std::to_string(speed.size()) + " samples");
}
BENCHMARK(BM_Sparc)
    ->ArgNames({"s", "Hz"})
    ->Args({2, 100})
    ->Args({8, 100})
    ->Args({2, 200})
    ->Args({8, 200})
    ->Unit(benchmark::kMicrosecond);

}  // namespace
