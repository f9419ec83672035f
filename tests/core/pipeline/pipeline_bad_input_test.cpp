// Bad input of every kind: counted, never a crash, and nothing already accepted is lost.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <random>
#include <vector>

#include "core/pipeline/device_pipeline.hpp"
#include "tests/core/pipeline/recording_sink.hpp"
#include "tests/core/pipeline/scripted_contact.hpp"

namespace r3::core {
namespace {

TEST(ADevicePipelineFedGarbage, CountsRandomPacketsAsMalformedOrDropsThem) {
  testing::RecordingSink sink;
  DevicePipeline p(PipelineConfig{}, sink);
  std::mt19937 rng(42);
  std::uniform_int_distribution<int> byte(0, 255), length(0, 600);
  for (int i = 0; i < 20000; ++i) {
    std::vector<std::uint8_t> bytes(static_cast<std::size_t>(length(rng)));
    for (auto& b : bytes) b = static_cast<std::uint8_t>(byte(rng));
    p.push_packet(bytes, i * 0.01);
  }
  p.flush(200.0);
  ASSERT_FALSE(sink.quality.empty());
  EXPECT_GT(sink.quality.back().malformed, 19000U);
}

TEST(ADevicePipelineFedGarbage, KeepsTheRepsItFoundWhenNonFiniteSamplesFollow) {
  testing::RecordingSink sink;
  DevicePipeline p(PipelineConfig{}, sink);
  const auto good =
      testing::sample({testing::load_between(1.0, 12.0), testing::reps_at({3.0}, 30.0, 3.0)}, 15.0);
  for (const auto& s : good) p.push_sample(s);
  ASSERT_EQ(sink.reps.size(), 1U);

  const float nan = std::numeric_limits<float>::quiet_NaN();
  const float inf = std::numeric_limits<float>::infinity();
  Sample bad = good.back();
  for (int i = 1; i <= 500; ++i) {
    bad.t_s = 15.0 + i * 0.01;
    bad.force_n = i % 3 == 0 ? nan : (i % 3 == 1 ? inf : -inf);
    bad.gyro_dps = {nan, inf, 1e30F};
    bad.acc_g = {nan, 0.0F, inf};
    p.push_sample(bad);
  }
  bad.t_s = std::numeric_limits<double>::quiet_NaN();
  p.push_sample(bad);
  EXPECT_EQ(sink.reps.size(), 1U);
  EXPECT_NEAR(sink.reps[0].rom_deg, 30.0, 0.5);

  // Good samples after the garbage are processed as if it had not been there.
  auto later =
      testing::sample({testing::load_between(1.0, 12.0), testing::reps_at({3.0}, 40.0, 3.0)}, 15.0);
  for (auto& s : later) {
    s.t_s += 30.0;
    p.push_sample(s);
  }
  p.flush(45.0);
  ASSERT_EQ(sink.reps.size(), 2U);
  EXPECT_NEAR(sink.reps[1].rom_deg, 40.0, 0.5);
  EXPECT_EQ(sink.quality.back().malformed, 501U);
  for (const auto& live : sink.live) EXPECT_FALSE(std::isnan(live.t_s) || std::isnan(live.force_n));
}

}  // namespace
}  // namespace r3::core
