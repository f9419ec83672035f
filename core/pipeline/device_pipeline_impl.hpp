#pragma once
// The per-sample stages of DevicePipeline. Private to core/pipeline.

#include <cstdint>
#include <optional>
#include <span>

#include "core/events/events.hpp"
#include "core/pipeline/device_pipeline.hpp"
#include "core/pipeline/placement.hpp"
#include "core/protocol/stream_tracker.hpp"
#include "core/reps/load_detector.hpp"
#include "core/reps/rep_motion.hpp"
#include "core/reps/rep_recorder.hpp"
#include "core/reps/rep_segmenter.hpp"
#include "core/reps/set_tracker.hpp"
#include "core/signal/biquad.hpp"
#include "core/signal/orientation.hpp"

namespace r3::core {

// A rep is published this long after its end (or earlier, when the next movement starts or the
// load ends): its end is refined on the samples that follow it.
constexpr double kPublishDelayS = 1.5;
// Room to look for a rep's onset before the segmenter saw it start.
constexpr double kRefineReachS = 2.0;

struct DevicePipeline::Impl {
  Impl(const PipelineConfig& config, EventSink& sink);

  // Input: samples in time order; gaps are bridged or break the state (docs/rep-definition.md).
  void accept(const Sample& sample, bool saturated);
  void set_rate(double hz);  // a new stream rate: filters and buffers start afresh
  [[nodiscard]] std::size_t recorder_capacity() const;
  void break_state(double t_s);  // a gap too long to bridge, or a lost link
  void close_load(double release_s, bool finish_movement);
  void finish(double t_s, SetEndReason reason);
  void hand_over(double t_s);
  void emit_quality(double t_s);

  PipelineConfig config;
  EventSink& sink;
  double fs = 100.0;
  double dt = 0.01;
  double movement_lag_s = 0.0;  // delay of the movement band (orientation and speed)
  std::array<double, 3> prev_tremor{};
  TremorFloor tremor_floor;  // the sensor's noise in the tremor band, learnt unloaded
  double tremor_floor_samples = 0.0;

  protocol::StreamTracker tracker;
  Biquad force_filter;
  OrientationFilter orientation;
  LoadDetector load;
  RepSegmenter segmenter;
  RepRecorder recorder;
  SetTracker sets;
  Placement placement;
  std::uint32_t placements = 0;
  std::optional<Movement> pending_rep;  // a rep seen to end, waiting for the samples after it

  QualityStats quality;
  std::uint64_t malformed = 0;
  std::uint64_t samples_out_of_order = 0;
  bool have_prev = false;
  Sample prev;
  bool realign = true;
  bool settling = false;  // after a broken gap: no rest until the contact is still
  std::optional<double> settle_still_since_s;
  double settle_still_s = 0.0;       // how long still before the rest starts
  double unloaded_force_mean = 0.0;  // recent unloaded reading, for software tare
  double next_live_s = 0.0;
  double next_quality_s = 0.0;
  double last_t_s = 0.0;

 private:
  void process(const Sample& sample, bool interpolated);
  void on_onset(double t_s);
  void on_movement_end();
  void publish_pending_rep();
  void maybe_emit_hold(double end_s);
  void emit_live(double t_s, double force_n);
};

}  // namespace r3::core
