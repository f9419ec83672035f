#include <algorithm>
#include <cmath>

#include "core/synth/session_spec.hpp"

namespace r3::core::synth {
namespace {

double finite_or(double v, double fallback) {
  return std::isfinite(v) ? v : fallback;
}

// lo..hi, NaN to fallback.
double clamp_to(double v, double lo, double hi, double fallback) {
  return std::clamp(finite_or(v, fallback), lo, hi);
}

void order(double& lo, double& hi) {
  if (lo > hi) std::swap(lo, hi);
}
void order(int& lo, int& hi) {
  if (lo > hi) std::swap(lo, hi);
}

}  // namespace

SessionSpec sanitised(const SessionSpec& in) {
  SessionSpec s = in;
  s.rate_hz = clamp_to(s.rate_hz, 10.0, 1000.0, 100.0);
  BehaviourSpec& b = s.behaviour;
  b.sets = std::clamp(b.sets, 0, 100);
  b.placements_per_set_min = std::clamp(b.placements_per_set_min, 1, 50);
  b.placements_per_set_max = std::clamp(b.placements_per_set_max, 1, 50);
  order(b.placements_per_set_min, b.placements_per_set_max);
  b.reps_per_placement_min = std::clamp(b.reps_per_placement_min, 1, 20);
  b.reps_per_placement_max = std::clamp(b.reps_per_placement_max, 1, 20);
  order(b.reps_per_placement_min, b.reps_per_placement_max);
  b.rep_duration_min_s = clamp_to(b.rep_duration_min_s, 0.5, 60.0, 2.0);
  b.rep_duration_max_s = clamp_to(b.rep_duration_max_s, 0.5, 60.0, 8.0);
  order(b.rep_duration_min_s, b.rep_duration_max_s);
  b.rom_min_deg = clamp_to(b.rom_min_deg, 0.5, 150.0, 10.0);
  b.rom_max_deg = clamp_to(b.rom_max_deg, 0.5, 150.0, 60.0);
  order(b.rom_min_deg, b.rom_max_deg);
  b.force_min_n = clamp_to(b.force_min_n, 0.0, 1000.0, 20.0);
  b.force_max_n = clamp_to(b.force_max_n, 0.0, 1000.0, 300.0);
  order(b.force_min_n, b.force_max_n);
  b.force_fluctuation_min = clamp_to(b.force_fluctuation_min, 0.0, 0.5, 0.02);
  b.force_fluctuation_max = clamp_to(b.force_fluctuation_max, 0.0, 0.5, 0.08);
  order(b.force_fluctuation_min, b.force_fluctuation_max);
  b.rest_between_reps_min_s = clamp_to(b.rest_between_reps_min_s, 0.1, 60.0, 1.5);
  b.rest_between_reps_max_s = clamp_to(b.rest_between_reps_max_s, 0.1, 60.0, 4.0);
  order(b.rest_between_reps_min_s, b.rest_between_reps_max_s);
  b.rest_between_sets_s = clamp_to(b.rest_between_sets_s, 1.0, 3600.0, 45.0);
  b.out_and_stay_fraction = clamp_to(b.out_and_stay_fraction, 0.0, 1.0, 0.15);
  b.hold_probability = clamp_to(b.hold_probability, 0.0, 1.0, 0.15);
  TremorSpec& tr = b.tremor;
  tr.probability = clamp_to(tr.probability, 0.0, 1.0, 0.0);
  tr.freq_min_hz = clamp_to(tr.freq_min_hz, 1.0, 20.0, 8.0);
  tr.freq_max_hz = clamp_to(tr.freq_max_hz, 1.0, 20.0, 12.0);
  order(tr.freq_min_hz, tr.freq_max_hz);
  tr.amplitude_min_dps = clamp_to(tr.amplitude_min_dps, 0.0, 100.0, 0.5);
  tr.amplitude_max_dps = clamp_to(tr.amplitude_max_dps, 0.0, 100.0, 3.0);
  order(tr.amplitude_min_dps, tr.amplitude_max_dps);
  tr.force_min_frac = clamp_to(tr.force_min_frac, 0.0, 0.3, 0.01);
  tr.force_max_frac = clamp_to(tr.force_max_frac, 0.0, 0.3, 0.03);
  order(tr.force_min_frac, tr.force_max_frac);
  SensorSpec& n = s.sensor;
  n.noise_scale = clamp_to(n.noise_scale, 0.0, 100.0, 1.0);
  n.gyro_bias_max_dps = clamp_to(n.gyro_bias_max_dps, 0.0, 100.0, 1.0);
  n.gyro_bias_walk_dps_per_sqrt_s = clamp_to(n.gyro_bias_walk_dps_per_sqrt_s, 0.0, 10.0, 0.02);
  n.gyro_noise_dps = clamp_to(n.gyro_noise_dps, 0.0, 100.0, 0.15);
  n.accel_noise_g = clamp_to(n.accel_noise_g, 0.0, 1.0, 0.004);
  n.force_noise_n = clamp_to(n.force_noise_n, 0.0, 100.0, 0.5);
  n.scale_error = clamp_to(n.scale_error, 0.0, 0.5, 0.01);
  n.gyro_range_dps = clamp_to(n.gyro_range_dps, 1.0, 2000.0, 2000.0);
  n.accel_range_g = clamp_to(n.accel_range_g, 1.0, 15.99, 15.99);
  n.force_range_n = clamp_to(n.force_range_n, 1.0, 3276.0, 1500.0);
  TransportSpec& t = s.transport;
  t.samples_per_packet = std::clamp(t.samples_per_packet, 1, 36);
  t.loss_rate = clamp_to(t.loss_rate, 0.0, 0.9, 0.0);
  t.burst_mean_packets = clamp_to(t.burst_mean_packets, 1.0, 1000.0, 1.0);
  t.jitter_s = clamp_to(t.jitter_s, 0.0, 10.0, 0.0);
  t.clock_drift_ppm = clamp_to(t.clock_drift_ppm, -10000.0, 10000.0, 0.0);
  t.reconnect_gap_probability = clamp_to(t.reconnect_gap_probability, 0.0, 1.0, 0.0);
  return s;
}

bool preset(std::string_view name, std::uint64_t seed, SessionSpec& out) {
  SessionSpec s;
  s.seed = seed;
  auto lossy = [](TransportSpec& t, double loss_fraction) {
    t.burst_mean_packets = 2.0;
    t.loss_rate = loss_fraction / t.burst_mean_packets;  // bursts * mean length = lost fraction
    t.jitter_s = 0.005;
    t.clock_drift_ppm = 50.0;
    t.reconnect_gap_probability = 0.3;
  };
  // Slow, small, light reps: a rehab patient or an older client.
  auto rehab = [](BehaviourSpec& b) {
    b.rep_duration_min_s = 5.0;
    b.rep_duration_max_s = 10.0;
    b.rom_min_deg = 8.0;
    b.rom_max_deg = 20.0;
    b.force_min_n = 20.0;
    b.force_max_n = 45.0;
    b.rest_between_reps_min_s = 2.0;
    b.rest_between_reps_max_s = 5.0;
  };
  auto physiological = [](TremorSpec& t) {
    t.probability = 1.0;
    t.freq_min_hz = 8.0;
    t.freq_max_hz = 12.0;
    t.amplitude_min_dps = 0.5;
    t.amplitude_max_dps = 3.0;
    t.force_min_frac = 0.01;
    t.force_max_frac = 0.03;
  };
  auto pathological = [](TremorSpec& t) {
    t.probability = 1.0;
    t.freq_min_hz = 4.0;
    t.freq_max_hz = 6.0;
    t.amplitude_min_dps = 3.0;
    t.amplitude_max_dps = 15.0;
    t.force_min_frac = 0.03;
    t.force_max_frac = 0.08;
  };
  if (name == "clean") {
    s.sensor.noise_scale = 0.3;
  } else if (name == "noisy") {
    s.sensor.noise_scale = 1.0;
    s.behaviour.force_fluctuation_min = 0.04;
    s.behaviour.force_fluctuation_max = 0.12;
  } else if (name == "lossy") {
    s.sensor.noise_scale = 1.0;
    lossy(s.transport, 0.02);
  } else if (name == "distractors") {
    s.sensor.noise_scale = 1.0;
    s.behaviour.distractors = true;
  } else if (name == "hard") {
    s.sensor.noise_scale = 1.0;
    s.sensor.gyro_bias_max_dps = 2.0;
    s.behaviour.force_fluctuation_min = 0.04;
    s.behaviour.force_fluctuation_max = 0.12;
    s.behaviour.distractors = true;
    lossy(s.transport, 0.05);
    s.transport.reconnect_gap_probability = 0.5;
  } else if (name == "tremor") {
    s.sensor.noise_scale = 1.0;
    physiological(s.behaviour.tremor);
  } else if (name == "pathological") {
    s.sensor.noise_scale = 1.0;
    pathological(s.behaviour.tremor);
  } else if (name == "rehab") {
    s.sensor.noise_scale = 1.0;
    rehab(s.behaviour);
  } else if (name == "rehab-tremor") {
    s.sensor.noise_scale = 1.0;
    rehab(s.behaviour);
    physiological(s.behaviour.tremor);
  } else if (name == "rehab-pathological") {
    s.sensor.noise_scale = 1.0;
    rehab(s.behaviour);
    pathological(s.behaviour.tremor);
  } else {
    return false;
  }
  out = s;
  return true;
}

std::string preset_names() {
  return "clean, noisy, lossy, distractors, hard, tremor, pathological, rehab, rehab-tremor, "
         "rehab-pathological";
}

}  // namespace r3::core::synth
