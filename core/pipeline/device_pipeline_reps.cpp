#include <algorithm>
#include <vector>

#include "core/pipeline/device_pipeline_impl.hpp"
#include "core/reps/rep_boundaries.hpp"
#include "core/reps/rep_metrics.hpp"
#include "core/reps/rep_motion.hpp"

// The reps of DevicePipeline: a movement the segmenter saw end becomes a rep once it is known
// to be one, is dated and measured from the recording, and is published.

namespace r3::core {
namespace {
// Scratch for computing a rep's metrics, one per thread: not per-contact state, and allocated
// only until it has grown to the longest rep seen.
struct Scratch {
  std::vector<float> force;
  std::vector<float> speed;
  std::vector<float> profile;
  SparcWorkspace sparc;
};
Scratch& scratch_buffers() {
  thread_local Scratch scratch;
  return scratch;
}

}  // namespace

void DevicePipeline::Impl::on_movement_end() {
  publish_pending_rep();
  // The segmenter sees the movement band, late by its filter's delay: back to sample time.
  Movement m = segmenter.last_movement();
  m.start_s = std::max(m.start_s - movement_lag_s, placement.onset_s);
  m.end_s = std::max(m.end_s - movement_lag_s, m.start_s);
  const Thresholds& th = config.thresholds;
  const double duration = m.end_s - m.start_s;
  if (duration < th.rep_min_duration_s || m.rom_deg < th.rep_min_rom_deg) return;
  // A rep. Its end is refined on the samples after it: wait for them (docs/rep-definition.md).
  pending_rep = m;
}

void DevicePipeline::Impl::publish_pending_rep() {
  if (!pending_rep) return;
  Movement m = *pending_rep;
  pending_rep.reset();
  const Thresholds& th = config.thresholds;

  // A rep: date it from its speed profile, the tremor smoothed away (docs/rep-definition.md,
  // "Boundaries"), then measure it.
  Scratch& scratch = scratch_buffers();
  const double band_hz = orientation.bands().tremor_band_hz();
  const Tremor rough = measure_tremor(recorder, m.start_s, m.end_s, fs, band_hz, tremor_floor);
  const BoundarySearch search{placement.hold_start_s, last_t_s, rough.hz.value_or(0.0)};
  const Boundaries b = refine_boundaries(recorder, m.start_s, m.end_s, search, scratch.profile);
  m.start_s = b.start_s;
  m.end_s = b.end_s;

  maybe_emit_hold(m.start_s);
  RepEvent rep;
  recorder.copy(m.start_s, m.end_s, scratch.force, scratch.speed);
  compute_rep_metrics(scratch.force, scratch.speed, fs, m.start_s, m.end_s, th, scratch.sparc, rep);
  rep.rom_deg = range_of_motion_deg(recorder, m.start_s, m.end_s);
  const Tremor tremor = measure_tremor(recorder, m.start_s, m.end_s, fs, band_hz, tremor_floor);
  rep.tremor_rms_dps = tremor.rms_dps;
  rep.tremor_hz = tremor.hz;
  rep.placement_index = placement.index;
  rep.truncated = m.how == MovementEnd::kTooLong;
  rep.samples_interpolated = recorder.count_interpolated(m.start_s, m.end_s);
  if (placement.still_force.count() >= 10 && placement.still_force.mean() > 0.0) {
    rep.pressure_kept_ratio = rep.force_mean_n / placement.still_force.mean();
  }
  const double tilt = placement.tilt_deg.value_or(tilt_deg(orientation.orientation()));
  if (!placement.error_deg) placement.error_deg = sets.record_placement(tilt);
  rep.placement_tilt_deg = tilt;
  rep.placement_error_deg = placement.error_deg;
  if (placement.reps == 0) rep.engagement_latency_s = m.start_s - placement.onset_s;
  ++placement.reps;
  sets.add_rep(rep);
  sink.on_rep(rep);

  placement.hold_start_s = m.end_s;
  placement.hold_force.clear();
}

void DevicePipeline::Impl::maybe_emit_hold(double end_s) {
  if (end_s - placement.hold_start_s < config.thresholds.hold_min_s) return;
  HoldEvent hold;
  hold.placement_index = placement.index;
  hold.start_s = placement.hold_start_s;
  hold.end_s = end_s;
  hold.duration_s = end_s - placement.hold_start_s;
  hold.force_mean_n = placement.hold_force.mean();
  hold.force_cv_pct = placement.hold_force.cv_pct().value_or(0.0);
  if (!placement.error_deg && placement.tilt_deg) {
    placement.error_deg = sets.record_placement(*placement.tilt_deg);
  }
  sets.add_hold(hold);
  sink.on_hold(hold);
}

}  // namespace r3::core
