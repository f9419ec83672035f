#include "core/pipeline/device_pipeline.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <vector>

#include "core/protocol/packet_codec.hpp"
#include "tests/core/pipeline/recording_sink.hpp"
#include "tests/core/pipeline/scripted_contact.hpp"

namespace r3::core {
namespace {

using testing::load_between;
using testing::RecordingSink;
using testing::reps_at;
using testing::sample;
using testing::Script;

void feed(DevicePipeline& p, const std::vector<Sample>& samples) {
  for (const auto& s : samples) p.push_sample(s);
  p.flush(samples.back().t_s);
}

TEST(ADevicePipeline, ReportsEachRepWithItsMetrics) {
  RecordingSink sink;
  DevicePipeline p(PipelineConfig{}, sink);
  feed(p, sample({load_between(1.0, 20.0), reps_at({3.0, 9.0, 14.0}, 30.0, 3.0)}, 25.0));
  ASSERT_EQ(sink.reps.size(), 3U);
  for (std::size_t i = 0; i < 3; ++i) {
    const RepEvent& r = sink.reps[i];
    EXPECT_EQ(r.rep_index, i + 1);
    EXPECT_EQ(r.set_index, 1U);
    EXPECT_EQ(r.placement_index, 1U);
    EXPECT_NEAR(r.rom_deg, 30.0, 0.5);
    EXPECT_NEAR(r.duration_s, 3.0, 0.6);
    EXPECT_NEAR(r.force_mean_n, 100.0, 0.5);
    EXPECT_NEAR(r.placement_tilt_deg, 0.0, 0.5);
    EXPECT_FALSE(r.truncated);
  }
  ASSERT_TRUE(sink.reps[0].engagement_latency_s);
  EXPECT_NEAR(*sink.reps[0].engagement_latency_s, 2.0, 0.3);
  EXPECT_FALSE(sink.reps[1].engagement_latency_s);  // only the first rep of a placement
  ASSERT_TRUE(sink.reps[1].pressure_kept_ratio);
  EXPECT_NEAR(*sink.reps[1].pressure_kept_ratio, 1.0, 0.01);
}

TEST(ADevicePipeline, ClosesTheSetAtTheEndOfTheStream) {
  RecordingSink sink;
  DevicePipeline p(PipelineConfig{}, sink);
  feed(p, sample({load_between(1.0, 20.0), reps_at({3.0, 9.0}, 30.0, 3.0)}, 25.0));
  ASSERT_EQ(sink.sets.size(), 1U);
  EXPECT_EQ(sink.sets[0].rep_count, 2U);
  EXPECT_EQ(sink.sets[0].end_reason, SetEndReason::kStreamEnd);
}

TEST(ADevicePipeline, EndsASetAfterTheRestGap) {
  RecordingSink sink;
  DevicePipeline p(PipelineConfig{}, sink);
  // Two placements 40 s apart: longer than the 30 s set gap.
  const auto force = [](double t) {
    return load_between(1.0, 8.0)(t) + load_between(48.0, 56.0)(t);
  };
  feed(p, sample({force, reps_at({3.0, 50.0}, 30.0, 3.0)}, 60.0));
  ASSERT_EQ(sink.sets.size(), 2U);
  EXPECT_EQ(sink.sets[0].end_reason, SetEndReason::kRest);
  ASSERT_EQ(sink.reps.size(), 2U);
  EXPECT_EQ(sink.reps[1].set_index, 2U);
  EXPECT_EQ(sink.reps[1].rep_index, 1U);
}

TEST(ADevicePipeline, IgnoresMovementWithoutLoadTapsAndWiggles) {
  RecordingSink sink;
  DevicePipeline p(PipelineConfig{}, sink);
  const auto force = [](double t) {
    return load_between(10.0, 10.5)(t) + load_between(20.0, 30.0)(t);  // a tap, then a placement
  };
  const auto angle = [](double t) {
    return reps_at({3.0}, 40.0, 3.0)(t) +  // unloaded
           reps_at({23.0}, 4.0, 2.0)(t);   // a wiggle under the minimum range
  };
  feed(p, sample({force, angle}, 35.0));
  EXPECT_TRUE(sink.reps.empty());
  EXPECT_EQ(p.quality().taps, 1U);
}

TEST(ADevicePipeline, ReportsALoadedStillPlacementAsAHold) {
  RecordingSink sink;
  DevicePipeline p(PipelineConfig{}, sink);
  feed(p, sample({load_between(2.0, 10.0), [](double) { return 0.0; }}, 15.0));
  ASSERT_EQ(sink.holds.size(), 1U);
  EXPECT_NEAR(sink.holds[0].duration_s, 8.0, 0.4);
  EXPECT_NEAR(sink.holds[0].force_mean_n, 100.0, 5.0);
  EXPECT_TRUE(sink.reps.empty());
}

TEST(ADevicePipeline, BridgesAShortGapAndCountsTheSamplesItFilled) {
  RecordingSink sink;
  DevicePipeline p(PipelineConfig{}, sink);
  auto samples = sample({load_between(1.0, 12.0), reps_at({3.0}, 30.0, 4.0)}, 15.0);
  samples.erase(samples.begin() + 450, samples.begin() + 470);  // 0.2 s mid-rep
  feed(p, samples);
  ASSERT_EQ(sink.reps.size(), 1U);
  EXPECT_NEAR(sink.reps[0].rom_deg, 30.0, 1.0);
  EXPECT_EQ(sink.reps[0].samples_interpolated, 20U);
  EXPECT_EQ(p.quality().samples_interpolated, 20U);
  EXPECT_NEAR(p.quality().largest_gap_s, 0.21, 1e-6);
}

TEST(ADevicePipeline, DiscardsTheRepInProgressAcrossAGapTooLongToBridge) {
  RecordingSink sink;
  DevicePipeline p(PipelineConfig{}, sink);
  auto samples = sample({load_between(1.0, 12.0), reps_at({3.0}, 30.0, 4.0)}, 15.0);
  samples.erase(samples.begin() + 450, samples.begin() + 550);  // 1 s mid-rep
  feed(p, samples);
  EXPECT_TRUE(sink.reps.empty());  // nor is the way back after the gap taken for a rep
  EXPECT_EQ(p.quality().gaps_broken, 1U);
  EXPECT_EQ(p.quality().reps_discarded, 1U);
}

TEST(ADevicePipeline, DiscardsTheRepInProgressWhenTheLinkIsLost) {
  RecordingSink sink;
  DevicePipeline p(PipelineConfig{}, sink);
  const auto samples = sample({load_between(1.0, 12.0), reps_at({3.0}, 30.0, 4.0)}, 15.0);
  for (std::size_t i = 0; i < 450; ++i) p.push_sample(samples[i]);
  p.link_lost(4.5);
  EXPECT_EQ(p.quality().reps_discarded, 1U);
  EXPECT_TRUE(sink.reps.empty());
}

TEST(ADevicePipeline, EndsASetByCommand) {
  RecordingSink sink;
  DevicePipeline p(PipelineConfig{}, sink);
  const auto samples = sample({load_between(1.0, 20.0), reps_at({3.0, 12.0}, 30.0, 3.0)}, 25.0);
  for (const auto& s : samples) {
    p.push_sample(s);
    if (s.t_s == 9.0) p.end_set(9.0);  // between the reps, the contact still loaded
  }
  p.flush(25.0);
  ASSERT_EQ(sink.sets.size(), 2U);
  EXPECT_EQ(sink.sets[0].end_reason, SetEndReason::kCommand);
  EXPECT_EQ(sink.sets[0].rep_count, 1U);
  EXPECT_DOUBLE_EQ(sink.sets[0].end_s, 9.0);
  EXPECT_EQ(sink.sets[1].rep_count, 1U);
  EXPECT_DOUBLE_EQ(sink.sets[1].start_s, 9.0);
  ASSERT_EQ(sink.reps.size(), 2U);
  EXPECT_EQ(sink.reps[1].set_index, 2U);
  EXPECT_EQ(sink.reps[1].rep_index, 1U);
}

TEST(ADevicePipeline, HandsOverWithEveryEventOfTheSamplesBeforeTheChangeOut) {
  RecordingSink sink;
  DevicePipeline p(PipelineConfig{}, sink);
  const auto samples =
      sample({load_between(1.0, 25.0), reps_at({3.0, 9.0, 16.0}, 30.0, 3.0)}, 25.0);
  std::size_t reps_before = 0;
  for (const auto& s : samples) {
    p.push_sample(s);
    if (s.t_s == 10.0) {  // in the middle of the second rep, the contact still loaded
      p.hand_over(10.0);
      reps_before = sink.reps.size();
      ASSERT_EQ(sink.sets.size(), 1U);
      EXPECT_EQ(sink.sets[0].end_reason, SetEndReason::kRebind);
      EXPECT_DOUBLE_EQ(sink.sets[0].end_s, 10.0);
    }
  }
  p.flush(25.0);
  ASSERT_GE(reps_before, 1U);
  for (std::size_t i = 0; i < reps_before; ++i) EXPECT_LE(sink.reps[i].end_s, 10.0);
  // After the change: a new placement and set, whose rest starts when the contact is still
  // again, so the end of the interrupted movement is no rep of anyone's.
  ASSERT_EQ(sink.reps.size(), reps_before + 1);
  for (std::size_t i = reps_before; i < sink.reps.size(); ++i) {
    EXPECT_GE(sink.reps[i].start_s, 10.0);
    EXPECT_EQ(sink.reps[i].set_index, 2U);
  }
  EXPECT_NEAR(sink.reps.back().start_s, 16.0, 0.8);
  EXPECT_NEAR(sink.reps.back().rom_deg, 30.0, 1.0);
}

TEST(ADevicePipeline, EmitsLiveSamplesAtTheConfiguredRate) {
  RecordingSink sink;
  PipelineConfig config;
  config.live_rate_hz = 10.0;
  DevicePipeline p(config, sink);
  feed(p, sample({load_between(1.0, 20.0), reps_at({3.0}, 30.0, 3.0)}, 20.0));
  EXPECT_NEAR(static_cast<double>(sink.live.size()), 200.0, 2.0);
  bool saw_moving = false;
  for (const auto& l : sink.live) saw_moving |= l.state == ContactState::kMoving;
  EXPECT_TRUE(saw_moving);
}

TEST(ADevicePipeline, CountsMalformedPacketsAndCarriesOn) {
  RecordingSink sink;
  DevicePipeline p(PipelineConfig{}, sink);
  const std::uint8_t junk[] = {0x07, 0x00, 0x01};
  p.push_packet(junk, 0.0);
  p.push_packet({}, 0.0);
  EXPECT_EQ(p.quality().samples, 0U);
  p.flush(0.0);
  ASSERT_FALSE(sink.quality.empty());
  EXPECT_EQ(sink.quality.back().malformed, 2U);
}

TEST(ADevicePipeline, DecodesPacketsIntoTheSameReps) {
  const auto samples =
      sample({load_between(1.0, 20.0), reps_at({3.0, 9.0, 14.0}, 30.0, 3.0)}, 25.0);
  RecordingSink sink;
  DevicePipeline p(PipelineConfig{}, sink);
  protocol::Packet packet;
  std::uint8_t bytes[protocol::kMaxPacketSize];
  std::uint16_t seq = 0;
  for (std::size_t i = 0; i + 5 <= samples.size(); i += 5) {
    packet.header.sequence = seq++;
    packet.header.device_time_ms = static_cast<std::uint16_t>(std::lround(samples[i].t_s * 1000.0));
    packet.sample_count = 5;
    for (std::size_t k = 0; k < 5; ++k) packet.samples[k] = protocol::to_raw(samples[i + k]);
    const std::size_t n = protocol::encode_packet(packet, bytes);
    ASSERT_GT(n, 0U);
    p.push_packet(std::span<const std::uint8_t>(bytes, n), samples[i].t_s + 0.05);
  }
  p.flush(25.0);
  ASSERT_EQ(sink.reps.size(), 3U);
  EXPECT_NEAR(sink.reps[0].rom_deg, 30.0, 0.5);
  EXPECT_NEAR(sink.reps[0].force_mean_n, 100.0, 0.5);
  EXPECT_EQ(p.quality().packets_missing, 0U);
}

TEST(ADevicePipeline, TaresAtTheUnloadedReading) {
  RecordingSink sink;
  DevicePipeline p(PipelineConfig{}, sink);
  // The sensor reads 12 N unloaded: above P_off, so it would never release without a tare.
  const auto force = [](double t) { return 12.0 + load_between(10.0, 20.0)(t); };
  const auto samples = sample({force, reps_at({13.0}, 30.0, 3.0)}, 30.0);
  for (std::size_t i = 0; i < 500; ++i) p.push_sample(samples[i]);
  ASSERT_TRUE(p.tare());
  for (std::size_t i = 500; i < samples.size(); ++i) p.push_sample(samples[i]);
  p.flush(30.0);
  ASSERT_EQ(sink.reps.size(), 1U);
  EXPECT_NEAR(sink.reps[0].force_mean_n, 100.0, 1.0);
}

TEST(ADevicePipeline, KeepsTheRepUnderWayWhenThresholdsChange) {
  RecordingSink sink;
  DevicePipeline p(PipelineConfig{}, sink);
  const auto samples = sample({load_between(1.0, 12.0), reps_at({3.0}, 30.0, 4.0)}, 15.0);
  Thresholds longer;
  longer.rep_max_duration_s = 25.0;
  for (const auto& s : samples) {
    p.push_sample(s);
    if (s.t_s == 4.5) p.set_thresholds(longer);  // mid-rep, e.g. a user's thresholds arriving
  }
  p.flush(15.0);
  ASSERT_EQ(sink.reps.size(), 1U);
  EXPECT_NEAR(sink.reps[0].rom_deg, 30.0, 0.5);
  EXPECT_NEAR(sink.reps[0].duration_s, 4.0, 0.6);
  EXPECT_NEAR(sink.reps[0].force_mean_n, 100.0, 0.5);
}

class ADevicePipelineAtItsRate : public ::testing::TestWithParam<double> {};

TEST_P(ADevicePipelineAtItsRate, MeasuresTheSameRep) {
  const double fs = GetParam();
  RecordingSink sink;
  PipelineConfig config;
  config.nominal_rate_hz = fs;
  DevicePipeline p(config, sink);
  feed(p, sample({load_between(1.0, 12.0), reps_at({3.0}, 30.0, 4.0)}, 15.0, fs));
  ASSERT_EQ(sink.reps.size(), 1U);
  EXPECT_NEAR(sink.reps[0].rom_deg, 30.0, 0.6);
  EXPECT_NEAR(sink.reps[0].duration_s, 4.0, 0.6);
  EXPECT_NEAR(sink.reps[0].force_mean_n, 100.0, 1.0);
}

INSTANTIATE_TEST_SUITE_P(Rates, ADevicePipelineAtItsRate, ::testing::Values(25.0, 50.0, 200.0));

TEST(ADevicePipeline, ReplacesAnInvalidConfigByDefaults) {
  PipelineConfig bad;
  bad.nominal_rate_hz = 1000.0;
  bad.max_bridge_gap_s = 1e9;
  bad.thresholds.rep_max_duration_s = std::numeric_limits<double>::quiet_NaN();
  EXPECT_FALSE(bad.validate().empty());
  const PipelineConfig fixed = bad.sanitised();
  EXPECT_EQ(fixed.validate(), "");
  EXPECT_DOUBLE_EQ(fixed.nominal_rate_hz, PipelineConfig::kMaxRateHz);
  EXPECT_DOUBLE_EQ(fixed.max_bridge_gap_s, PipelineConfig{}.max_bridge_gap_s);
  EXPECT_DOUBLE_EQ(fixed.thresholds.rep_max_duration_s, Thresholds{}.rep_max_duration_s);
}

TEST(ADevicePipeline, IgnoresInvalidThresholds) {
  RecordingSink sink;
  DevicePipeline p(PipelineConfig{}, sink);
  Thresholds bad;
  bad.load_off_n = 50.0;  // above load_on_n
  EXPECT_FALSE(p.set_thresholds(bad));
  feed(p, sample({load_between(1.0, 12.0), reps_at({3.0}, 30.0, 4.0)}, 15.0));
  EXPECT_EQ(sink.reps.size(), 1U);
}

TEST(ADevicePipeline, RefusesToTareWhileLoaded) {
  RecordingSink sink;
  DevicePipeline p(PipelineConfig{}, sink);
  for (const auto& s : sample({[](double) { return 50.0; }, [](double) { return 0.0; }}, 1.0)) {
    p.push_sample(s);
  }
  EXPECT_FALSE(p.tare());
}

}  // namespace
}  // namespace r3::core
