// No allocation per sample in steady state: every operator new in this program is counted.
#include <gtest/gtest.h>

#include "core/pipeline/device_pipeline.hpp"
#include "core/synth/generator.hpp"
#include "tests/core/pipeline/recording_sink.hpp"
#include "tests/support/allocation_counter.hpp"
#include "tests/support/counting_sink.hpp"

namespace r3::core {
namespace {

TEST(TheDevicePipeline, DoesNotAllocatePerSampleInSteadyState) {
  synth::SessionSpec spec;
  ASSERT_TRUE(synth::preset("noisy", 3, spec));
  const synth::Session session = synth::generate_session(spec);
  r3::testing::CountingSink sink;
  DevicePipeline pipeline(PipelineConfig{}, sink);
  // Warm up: the per-thread rep scratch grows to the longest rep of the session.
  for (const auto& s : session.samples) pipeline.push_sample(s);
  const std::size_t half = session.samples.size() / 2;

  DevicePipeline steady(PipelineConfig{}, sink);
  for (std::size_t i = 0; i < half; ++i) steady.push_sample(session.samples[i]);
  const long before = r3::testing::g_allocations.load();
  const long events_before = sink.events;
  for (std::size_t i = half; i < session.samples.size(); ++i)
    steady.push_sample(session.samples[i]);
  EXPECT_GT(sink.events, events_before + 10);  // reps and live samples did happen
  EXPECT_EQ(r3::testing::g_allocations.load() - before, 0);
}

}  // namespace
}  // namespace r3::core
