// The pipeline against the synthetic generator's ground truth: a quick version of what
// r3-accuracy measures over many sessions (docs/accuracy.md).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/pipeline/device_pipeline.hpp"
#include "core/synth/generator.hpp"
#include "core/synth/scoring.hpp"
#include "tests/core/pipeline/recording_sink.hpp"

namespace r3::core {
namespace {

synth::SessionScore run_preset(const std::string& name, std::uint64_t seed) {
  synth::SessionSpec spec;
  EXPECT_TRUE(synth::preset(name, seed, spec));
  const synth::Session session = synth::generate_session(spec);
  testing::RecordingSink sink;
  PipelineConfig config;
  config.nominal_rate_hz = session.rate_hz;
  DevicePipeline pipeline(config, sink);
  for (const auto& s : session.samples) pipeline.push_sample(s);
  pipeline.flush(session.samples.back().t_s);
  return synth::score_session(session.truth, sink.reps);
}

class TheRepPipelineOnSyntheticSessions : public ::testing::TestWithParam<const char*> {};

TEST_P(TheRepPipelineOnSyntheticSessions, FindsEveryRepWithAccurateMetrics) {
  for (std::uint64_t seed = 1; seed <= 4; ++seed) {
    const synth::SessionScore score = run_preset(GetParam(), seed);
    ASSERT_GT(score.tp, 10) << "seed " << seed;
    EXPECT_EQ(score.fn, 0) << "seed " << seed;
    EXPECT_EQ(score.fp, 0) << "seed " << seed;
    for (const auto& set : score.sets) EXPECT_EQ(set.detected, set.truth) << "seed " << seed;
    EXPECT_LT(synth::error_stats(score.rom_err_deg).median, 1.0);
    EXPECT_LT(synth::error_stats(score.force_err_pct).median, 2.0);
  }
}

TEST_P(TheRepPipelineOnSyntheticSessions, DatesRepsWithinATenthOfASecond) {
  std::vector<double> starts, ends;
  for (std::uint64_t seed = 1; seed <= 4; ++seed) {
    const synth::SessionScore score = run_preset(GetParam(), seed);
    starts.insert(starts.end(), score.start_err_s.begin(), score.start_err_s.end());
    ends.insert(ends.end(), score.end_err_s.begin(), score.end_err_s.end());
  }
  EXPECT_LT(synth::error_stats(starts).median, 0.1);
  EXPECT_LT(synth::error_stats(ends).median, 0.1);
}

INSTANTIATE_TEST_SUITE_P(Presets, TheRepPipelineOnSyntheticSessions,
                         ::testing::Values("clean", "noisy", "distractors", "pathological",
                                           "rehab-tremor", "rehab-pathological"));

class TheTremorOfReps : public ::testing::TestWithParam<const char*> {};

TEST_P(TheTremorOfReps, IsMeasuredWithinTenPercentOfTheGeneratedOne) {
  std::vector<double> amplitude, frequency;
  for (std::uint64_t seed = 1; seed <= 4; ++seed) {
    const synth::SessionScore score = run_preset(GetParam(), seed);
    amplitude.insert(amplitude.end(), score.tremor_err_pct.begin(), score.tremor_err_pct.end());
    frequency.insert(frequency.end(), score.tremor_hz_err.begin(), score.tremor_hz_err.end());
  }
  ASSERT_GT(amplitude.size(), 40U);
  EXPECT_LT(synth::error_stats(amplitude).median, 10.0);
  EXPECT_LT(synth::error_stats(amplitude).p95, 10.0);
  EXPECT_LT(synth::error_stats(frequency).median, 0.2);
}

INSTANTIATE_TEST_SUITE_P(Presets, TheTremorOfReps,
                         ::testing::Values("rehab-tremor", "rehab-pathological"));

}  // namespace
}  // namespace r3::core
