// Cost of one 6-axis orientation update, cycling through a realistic moving/resting stream.
#include <benchmark/benchmark.h>

#include <array>
#include <cmath>
#include <random>
#include <vector>

#include "core/signal/orientation.hpp"

namespace {

struct Sample {
  std::array<float, 3> acc;
  std::array<float, 3> gyro;
};

std::vector<Sample> stream() {
  std::mt19937 rng(3);
  std::normal_distribution<float> noise(0.0F, 0.01F);
  std::vector<Sample> s(4096);
  for (std::size_t i = 0; i < s.size(); ++i) {
    // Alternate half-second rests and swings so both the rest and the moving paths are timed.
    const bool moving = (i / 50) % 2 == 1;
    const float rate = moving ? 30.0F * std::sin(0.0628F * static_cast<float>(i)) : 0.5F;
    s[i].acc = {noise(rng), 0.05F * noise(rng), 1.0F + noise(rng)};
    s[i].gyro = {0.3F + noise(rng), -0.2F + noise(rng), rate + noise(rng)};
  }
  return s;
}

void BM_OrientationUpdate(benchmark::State& state) {
  const std::vector<Sample> samples = stream();
  r3::core::OrientationFilter filter;
  std::size_t i = 0;
  for (auto _ : state) {
    const Sample& s = samples[i];
    filter.update(s.acc, s.gyro, 0.01);
    benchmark::DoNotOptimize(filter.orientation());
    i = (i + 1) & (samples.size() - 1);
  }
}
BENCHMARK(BM_OrientationUpdate);

}  // namespace
