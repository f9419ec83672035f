#include "core/pipeline/device_pipeline_impl.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/reps/rep_metrics.hpp"

namespace r3::core {
namespace {
constexpr double kSettleS = 0.3;    // after load onset, the placement has settled
constexpr double kRampSkipS = 0.5;  // still force before this is ramp, not plateau
// After a hand-over the rest starts once still this long: the turn of an out-and-back movement
// is still for a moment too, and must not be taken for rest. (After a broken gap the first still
// sample is taken: measured, waiting there costs reps the gap cut short.)
constexpr double kHandOverStillS = 0.5;
constexpr double kTareTimeConstantS = 0.5;
constexpr double kRecordMarginS = 0.5;  // recorder room beyond the rest window and longest rep

// Scratch for computing a rep's metrics, one per thread: not per-contact state, and allocated
// only until it has grown to the longest rep seen.
struct Scratch {
  std::vector<float> force;
  std::vector<float> speed;
  SparcWorkspace sparc;
};
Scratch& scratch_buffers() {
  thread_local Scratch scratch;
  return scratch;
}

bool finite(const Sample& s) {
  bool ok = std::isfinite(s.t_s) && std::isfinite(s.force_n);
  for (int i = 0; i < 3; ++i) ok = ok && std::isfinite(s.acc_g[i]) && std::isfinite(s.gyro_dps[i]);
  return ok;
}

// The next tick of a periodic report: on the grid, or restarted after a gap.
double advance(double tick_s, double period_s, double now_s) {
  tick_s += period_s;
  return tick_s < now_s ? now_s + period_s : tick_s;
}
}  // namespace

DevicePipeline::Impl::Impl(const PipelineConfig& cfg, EventSink& out)
    : config(cfg),
      sink(out),
      load(cfg.thresholds),
      segmenter(cfg.thresholds, cfg.nominal_rate_hz),
      sets(cfg.thresholds) {
  set_rate(cfg.nominal_rate_hz);
}

void DevicePipeline::Impl::set_rate(double hz) {
  fs = std::clamp(hz, PipelineConfig::kMinRateHz, PipelineConfig::kMaxRateHz);
  dt = 1.0 / fs;
  force_filter = Biquad::low_pass(std::min(config.force_filter_hz, 0.4 * fs), fs);
  recorder.configure(recorder_capacity(), fs);
  segmenter.set_rate(fs);
  realign = true;
}

std::size_t DevicePipeline::Impl::recorder_capacity() const {
  // Room for the rest window a movement departs from, and the longest rep.
  const double seconds =
      RepSegmenter::kRestWindowS + config.thresholds.rep_max_duration_s + kRecordMarginS;
  return static_cast<std::size_t>(std::ceil(seconds * fs));
}

void DevicePipeline::Impl::accept(const Sample& s, bool saturated) {
  if (!finite(s)) {  // would poison every filter state after it: count and drop
    ++malformed;
    return;
  }
  if (saturated) ++quality.saturated_samples;
  if (!have_prev) {
    have_prev = true;
    next_live_s = s.t_s;
    next_quality_s = s.t_s + config.quality_period_s;
    process(s, false);
    prev = s;
    return;
  }
  const double gap = s.t_s - prev.t_s;
  if (!(gap > 0.0)) {  // out of order or repeated time: not usable
    ++samples_out_of_order;
    return;
  }
  if (gap > 1.5 * dt) {
    quality.largest_gap_s = std::max(quality.largest_gap_s, gap);
    if (gap > config.max_bridge_gap_s) {
      ++quality.gaps_broken;
      break_state(prev.t_s);
    } else {
      // Bridge: linear interpolation at the nominal rate, so filters and integrals stay uniform.
      const auto missing = static_cast<int>(std::lround(gap / dt)) - 1;
      for (int k = 1; k <= missing; ++k) {
        const double a = static_cast<double>(k) / (missing + 1);
        Sample m;
        m.t_s = prev.t_s + a * gap;
        const auto mix = [a](float x, float y) {
          return static_cast<float>(static_cast<double>(x) + a * static_cast<double>(y - x));
        };
        m.force_n = mix(prev.force_n, s.force_n);
        for (int i = 0; i < 3; ++i) {
          m.acc_g[i] = mix(prev.acc_g[i], s.acc_g[i]);
          m.gyro_dps[i] = mix(prev.gyro_dps[i], s.gyro_dps[i]);
        }
        ++quality.samples_interpolated;
        process(m, true);
      }
    }
  }
  process(s, false);
  prev = s;
}

void DevicePipeline::Impl::process(const Sample& s, bool interpolated) {
  ++quality.samples;
  last_t_s = s.t_s;
  const double force =
      (static_cast<double>(s.force_n) - config.force_offset_n) * config.force_scale;
  if (realign) {
    orientation.align(s.acc_g);
    force_filter.reset(force);
    realign = false;
  }
  const double force_lp = force_filter.process(force);
  orientation.update(s.acc_g, s.gyro_dps, dt);
  const double speed = orientation.angular_speed_dps();

  switch (load.update(s.t_s, force_lp)) {
    case LoadTransition::kOnset:
      on_onset(s.t_s);
      break;
    case LoadTransition::kRelease:
      close_load(load.release_s(), true);
      break;
    case LoadTransition::kNone:
      break;
  }

  if (load.loaded()) {
    if (interpolated) ++interpolated_in_recording;
    recorder.record(s.t_s, static_cast<float>(force), static_cast<float>(speed));
    const bool was_moving = segmenter.moving();
    if (segmenter.update(s.t_s, orientation.orientation(), speed)) on_movement_end();
    recorder.keep_from(segmenter.keep_from_s());
    if (!segmenter.moving()) interpolated_in_recording = 0;
    const bool still = speed < config.thresholds.still_dps;
    if (!placement.tilt_deg &&
        ((still && s.t_s - placement.onset_s >= kSettleS) || (!was_moving && segmenter.moving()))) {
      placement.tilt_deg = tilt_deg(segmenter.rest_orientation());
    }
    // Force while holding: ramps and dips (a release being debounced) are not holding.
    if (!segmenter.moving() && s.t_s - placement.onset_s >= kRampSkipS &&
        force >= config.thresholds.load_off_n) {
      placement.hold_force.add(force);
      if (still) placement.still_force.add(force);
    }
    if (settling) {
      // After a broken gap the contact may be anywhere in a movement: rest starts once still.
      if (!still) settle_still_since_s.reset();
      if (still && !settle_still_since_s) settle_still_since_s = s.t_s;
      if (still || segmenter.moving()) segmenter.begin(s.t_s, orientation.orientation());
      settling = !(still && s.t_s - *settle_still_since_s >= settle_still_s);
    }
  } else {
    const double a = dt / kTareTimeConstantS;
    unloaded_force_mean += a * (static_cast<double>(s.force_n) - unloaded_force_mean);
    if (sets.rest_elapsed(s.t_s)) {
      if (auto summary = sets.close(SetEndReason::kRest, s.t_s)) sink.on_set(*summary);
    }
  }

  if (config.live_rate_hz > 0.0 && s.t_s >= next_live_s - 0.5 * dt) {
    emit_live(s.t_s, force_lp);
    next_live_s = advance(next_live_s, 1.0 / config.live_rate_hz, s.t_s);
  }
  if (config.quality_period_s > 0.0 && s.t_s >= next_quality_s - 0.5 * dt) {
    emit_quality(s.t_s);
    next_quality_s = advance(next_quality_s, config.quality_period_s, s.t_s);
  }
}

void DevicePipeline::Impl::on_onset(double t_s) {
  placement = Placement{};
  placement.index = ++placements;
  placement.onset_s = t_s;
  placement.hold_start_s = t_s;
  sets.on_load_onset(t_s);
  segmenter.begin(t_s, orientation.orientation());
  recorder.clear();
  interpolated_in_recording = 0;
}

void DevicePipeline::Impl::on_movement_end() {
  const Movement& m = segmenter.last_movement();
  const Thresholds& th = config.thresholds;
  const double duration = m.end_s - m.start_s;
  if (duration < th.rep_min_duration_s || m.rom_deg < th.rep_min_rom_deg) return;

  maybe_emit_hold(m.start_s);
  RepEvent rep;
  Scratch& scratch = scratch_buffers();
  recorder.copy(m.start_s, m.end_s, scratch.force, scratch.speed);
  compute_rep_metrics(scratch.force, scratch.speed, fs, m.start_s, m.end_s, th, scratch.sparc, rep);
  rep.placement_index = placement.index;
  rep.rom_deg = m.rom_deg;
  rep.truncated = m.how == MovementEnd::kTooLong;
  rep.samples_interpolated = interpolated_in_recording;
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

void DevicePipeline::Impl::close_load(double release_s, bool finish_movement) {
  if (finish_movement) {
    if (segmenter.end(release_s)) on_movement_end();
  } else {
    const bool was_moving = segmenter.moving();
    if (segmenter.interrupt()) {
      on_movement_end();  // it had already ended, or come back: complete
    } else if (was_moving) {
      ++quality.reps_discarded;
    }
  }
  maybe_emit_hold(release_s);
  if (placement.reps == 0 && release_s - placement.onset_s < config.thresholds.rep_min_duration_s) {
    ++quality.taps;
  }
  sets.on_load_release(release_s);
}

void DevicePipeline::Impl::break_state(double t_s) {
  if (load.loaded()) {
    close_load(t_s, false);
    load.reset();
  }
  realign = true;
  settling = true;
  settle_still_since_s.reset();
  settle_still_s = 0.0;
}

void DevicePipeline::Impl::finish(double t_s, SetEndReason reason) {
  if (load.loaded()) {
    close_load(t_s, true);
    load.reset();
  }
  if (auto summary = sets.close(reason, t_s)) sink.on_set(*summary);
}

void DevicePipeline::Impl::hand_over(double t_s) {
  const bool loaded = load.loaded();
  if (loaded) close_load(t_s, true);  // a rep under way ends here, kept if it qualifies
  if (auto summary = sets.close(SetEndReason::kRebind, t_s)) sink.on_set(*summary);
  if (loaded) {
    // The load goes on as the next user's placement; like after a broken gap, its rest starts
    // once the contact is still, so the end of a movement is never taken for a rep.
    on_onset(t_s);
    settling = true;
    settle_still_since_s.reset();
    settle_still_s = kHandOverStillS;
  }
}

void DevicePipeline::Impl::emit_live(double t_s, double force_n) {
  LiveSample live;
  live.t_s = t_s;
  live.force_n = force_n;
  live.angle_deg = load.loaded() ? segmenter.angle_deg() : 0.0;
  live.state = !load.loaded()       ? ContactState::kIdle
               : segmenter.moving() ? ContactState::kMoving
                                    : ContactState::kLoaded;
  sink.on_live(live);
}

void DevicePipeline::Impl::emit_quality(double t_s) {
  const auto& c = tracker.counters();
  quality.t_s = t_s;
  quality.packets = c.packets;
  quality.packets_missing = c.packets_missing;
  quality.duplicates = c.duplicates;
  quality.late = c.late + samples_out_of_order;
  quality.malformed = malformed;
  sink.on_quality(quality);
}

}  // namespace r3::core
