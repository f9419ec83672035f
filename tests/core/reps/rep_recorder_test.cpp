#include "core/reps/rep_recorder.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace r3::core {
namespace {

RecordedSample sample(float force_n, float speed_dps) {
  RecordedSample s;
  s.force_n = force_n;
  s.speed_dps = speed_dps;
  return s;
}

TEST(ARepRecorder, CopiesExactlyTheSamplesOfAnInterval) {
  RepRecorder r;
  r.configure(100, 10.0);
  for (int i = 0; i < 50; ++i)
    r.record(i * 0.1, sample(static_cast<float>(i), static_cast<float>(-i)));
  std::vector<float> force, speed;
  ASSERT_EQ(r.copy(1.0, 2.0, force, speed), 11U);
  EXPECT_FLOAT_EQ(force.front(), 10.0F);
  EXPECT_FLOAT_EQ(force.back(), 20.0F);
  EXPECT_FLOAT_EQ(speed.back(), -20.0F);
}

TEST(ARepRecorder, OverwritesTheOldestWhenFull) {
  RepRecorder r;
  r.configure(10, 10.0);
  for (int i = 0; i < 25; ++i) r.record(i * 0.1, sample(static_cast<float>(i), 0.0F));
  EXPECT_EQ(r.size(), 10U);
  EXPECT_NEAR(r.first_t_s(), 1.5, 1e-9);
  std::vector<float> force, speed;
  r.copy(0.0, 100.0, force, speed);
  EXPECT_FLOAT_EQ(force.front(), 15.0F);
  EXPECT_FLOAT_EQ(force.back(), 24.0F);
}

TEST(ARepRecorder, ForgetsWhatCameBeforeKeepFrom) {
  RepRecorder r;
  r.configure(100, 10.0);
  for (int i = 0; i < 30; ++i) r.record(i * 0.1, sample(static_cast<float>(i), 0.0F));
  r.keep_from(2.0);
  EXPECT_EQ(r.size(), 10U);
  EXPECT_NEAR(r.first_t_s(), 2.0, 1e-9);
  r.keep_from(100.0);
  EXPECT_EQ(r.size(), 0U);
}

TEST(ARepRecorder, KeepsTheNewestSamplesWhenResized) {
  RepRecorder r;
  r.configure(10, 10.0);
  for (int i = 0; i < 25; ++i) r.record(i * 0.1, sample(static_cast<float>(i), 0.0F));
  r.resize(20);
  EXPECT_EQ(r.size(), 10U);
  r.record(2.5, sample(25.0F, 0.0F));
  std::vector<float> force, speed;
  r.copy(0.0, 100.0, force, speed);
  ASSERT_EQ(force.size(), 11U);
  EXPECT_FLOAT_EQ(force.front(), 15.0F);
  EXPECT_FLOAT_EQ(force.back(), 25.0F);
  r.resize(4);
  r.copy(0.0, 100.0, force, speed);
  ASSERT_EQ(force.size(), 4U);
  EXPECT_FLOAT_EQ(force.front(), 22.0F);
}

TEST(ARepRecorder, ClampsAnIntervalToWhatItHolds) {
  RepRecorder r;
  r.configure(100, 10.0);
  for (int i = 0; i < 5; ++i) r.record(10.0 + i * 0.1, sample(1.0F, 1.0F));
  std::vector<float> force, speed;
  EXPECT_EQ(r.copy(0.0, 50.0, force, speed), 5U);
  EXPECT_EQ(r.copy(20.0, 30.0, force, speed), 0U);
}

}  // namespace
}  // namespace r3::core
