// The pipeline against the synthetic generator's ground truth: a quick version of what
// r3-accuracy measures over many sessions (docs/accuracy.md).
#include <gtest/gtest.h>

#include <string>

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

INSTANTIATE_TEST_SUITE_P(Presets, TheRepPipelineOnSyntheticSessions,
                         ::testing::Values("clean", "noisy", "distractors"));

}  // namespace
}  // namespace r3::core
