#include "core/pipeline/device_pipeline_impl.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace r3::core {
namespace {
constexpr double kSettleS = 0.3;    // after load onset, the placement has settled
constexpr double kRampSkipS = 0.5;  // still force before this is ramp, not plateau
// After a hand-over the rest starts once still this long: the turn of an out-and-back movement
// is still for a moment too, and must not be taken for rest. (After a broken gap the first still
// sample is taken: measured, waiting there costs reps the gap cut short.)
constexpr double kHandOverStillS = 0.5;
constexpr double kTareTimeConstantS = 0.5;
constexpr double kRecordMarginS = 0.5;    // recorder room beyond the rest window and longest rep
constexpr double kMovementLagMaxS = 0.5;  // room for the movement band's delay (~0.28 s)
constexpr double kTremorFloorTimeConstantS = 5.0;

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
  orientation.set_rate(fs);
  movement_lag_s = orientation.bands().movement_delay_s();
  realign = true;
}

std::size_t DevicePipeline::Impl::recorder_capacity() const {
  // Room for the rest window a movement departs from, and the longest rep.
  const double seconds = RepSegmenter::kRestWindowS + config.thresholds.rep_max_duration_s +
                         kRecordMarginS + kMovementLagMaxS + kRefineReachS;
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
  // Stillness and movement are judged on the movement band: a trembling hand is not moving.
  const double movement_speed = orientation.movement_speed_dps();

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

  const auto& tremor = orientation.bands().tremor_dps();
  double tremor_sq = 0.0, tremor_step_sq = 0.0;
  for (std::size_t i = 0; i < 3; ++i) {
    tremor_sq += tremor[i] * tremor[i];
    tremor_step_sq += (tremor[i] - prev_tremor[i]) * (tremor[i] - prev_tremor[i]);
  }
  prev_tremor = tremor;

  if (load.loaded()) {
    RecordedSample rec;
    rec.interpolated = interpolated;
    rec.force_n = static_cast<float>(force);
    rec.speed_dps = static_cast<float>(speed);
    const auto& bias = orientation.gyro_bias_dps();
    for (std::size_t i = 0; i < 3; ++i) {
      rec.rate_dps[i] = static_cast<float>(static_cast<double>(s.gyro_dps[i]) - bias[i]);
    }
    rec.tremor_sq = static_cast<float>(tremor_sq);
    rec.tremor_step_sq = static_cast<float>(tremor_step_sq);
    const Quaternion& q = orientation.orientation();
    rec.q = {static_cast<float>(q.w), static_cast<float>(q.x), static_cast<float>(q.y),
             static_cast<float>(q.z)};
    recorder.record(s.t_s, rec);
    const bool was_moving = segmenter.moving();
    if (segmenter.update(s.t_s, orientation.movement_orientation(), movement_speed)) {
      on_movement_end();
    }
    if (pending_rep &&
        (s.t_s - pending_rep->end_s >= kPublishDelayS || (!was_moving && segmenter.moving()))) {
      publish_pending_rep();
    }
    // Kept from before the movement was seen to start: its boundaries are refined looking back.
    double keep_s = segmenter.keep_from_s() - movement_lag_s;
    if (pending_rep) keep_s = std::min(keep_s, pending_rep->start_s);
    recorder.keep_from(keep_s - kRefineReachS);
    const bool still = movement_speed < config.thresholds.still_dps;
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
      if (still || segmenter.moving()) segmenter.begin(s.t_s, orientation.movement_orientation());
      settling = !(still && s.t_s - *settle_still_since_s >= settle_still_s);
    }
  } else {
    if (!interpolated && movement_speed < config.thresholds.still_dps) {
      // Nobody holds the contact: what the tremor band shows is the sensor's own noise.
      tremor_floor_samples = std::min(tremor_floor_samples + 1.0, kTremorFloorTimeConstantS * fs);
      const double k = 1.0 / tremor_floor_samples;
      tremor_floor.sq += k * (tremor_sq - tremor_floor.sq);
      tremor_floor.step_sq += k * (tremor_step_sq - tremor_floor.step_sq);
    }
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
  segmenter.begin(t_s, orientation.movement_orientation());
  recorder.clear();
}

void DevicePipeline::Impl::close_load(double release_s, bool finish_movement) {
  if (finish_movement) {
    // In the segmenter's time, which is late by the movement band's delay.
    if (segmenter.end(release_s + movement_lag_s)) on_movement_end();
  } else {
    const bool was_moving = segmenter.moving();
    if (segmenter.interrupt()) {
      on_movement_end();  // it had already ended, or come back: complete
    } else if (was_moving) {
      ++quality.reps_discarded;
    }
  }
  publish_pending_rep();
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
