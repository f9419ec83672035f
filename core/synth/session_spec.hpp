#pragma once
// What a synthetic session looks like: the user's behaviour, the sensor's errors, the transport.
// Everything is deterministic from the seed.

#include <cstdint>
#include <string>
#include <string_view>

namespace r3::core::synth {

// A hand tremor while the contact is pressed: an oscillation of the contact's angular rate about
// a random axis (per placement), with the force trembling at the same frequency. Physiological
// tremor is 8-12 Hz and a few deg/s; pathological (e.g. parkinsonian rest tremor) 4-6 Hz and up
// to ~15 deg/s. Amplitudes are the peak of the sinusoidal angular rate.
struct TremorSpec {
  double probability = 0.0;  // per placement (load): the hand trembles during it
  double freq_min_hz = 8.0, freq_max_hz = 12.0;
  double amplitude_min_dps = 0.5, amplitude_max_dps = 3.0;
  double force_min_frac = 0.01, force_max_frac = 0.03;  // force tremor amplitude / plateau
};

struct BehaviourSpec {
  int sets = 3;
  int placements_per_set_min = 2, placements_per_set_max = 4;
  int reps_per_placement_min = 1,
      reps_per_placement_max = 4;  // several reps, and single-rep placements
  double rep_duration_min_s = 2.0, rep_duration_max_s = 8.0;
  double rom_min_deg = 10.0, rom_max_deg = 60.0;
  double force_min_n = 20.0, force_max_n = 300.0;  // plateau force of a placement
  double force_fluctuation_min = 0.02, force_fluctuation_max = 0.08;  // slow, fraction of plateau
  double rest_between_reps_min_s = 1.5, rest_between_reps_max_s = 4.0;
  double rest_between_sets_s = 45.0;    // unloaded: longer than the set gap
  double out_and_stay_fraction = 0.15;  // reps that go out and stop there
  double hold_probability = 0.15;       // a placement that is a hold, no movement
  bool distractors = false;  // taps, movement without load, partial reps, wiggles, double presses
  TremorSpec tremor;
};

struct SensorSpec {
  double noise_scale = 1.0;        // 0: noise-free sensors (no noise, no bias, no scale error)
  double gyro_bias_max_dps = 1.0;  // constant part, per axis, uniform in +-max
  double gyro_bias_walk_dps_per_sqrt_s = 0.02;
  double gyro_noise_dps = 0.15;  // white, per sample
  double accel_noise_g = 0.004;
  double force_noise_n = 0.5;
  double scale_error = 0.01;       // 1 % gyro and force scale error
  bool quantise = true;            // to the packet's fixed point
  double gyro_range_dps = 2000.0;  // clipping
  double accel_range_g = 16.0;
  double force_range_n = 1500.0;
};

struct TransportSpec {
  int samples_per_packet = 5;
  double loss_rate = 0.0;                  // probability a burst of loss starts at a packet
  double burst_mean_packets = 1.0;         // mean packets per loss burst
  double jitter_s = 0.0;                   // receive-time jitter
  double clock_drift_ppm = 0.0;            // device clock vs receiver clock
  double reconnect_gap_probability = 0.0;  // per set: a 1-3 s silence (link lost, back)
};

struct SessionSpec {
  std::uint64_t seed = 1;
  double rate_hz = 100.0;
  BehaviourSpec behaviour;
  SensorSpec sensor;
  TransportSpec transport;
};

// The spec with every field brought into a usable range (min <= max, positive rates...): the
// generator never fails on odd input, it generates from the sanitised spec.
SessionSpec sanitised(const SessionSpec& spec);

// Named presets (see docs/synthetic-data.md). False if unknown.
bool preset(std::string_view name, std::uint64_t seed, SessionSpec& out);
std::string preset_names();  // "clean, noisy, ..., rehab-pathological"

}  // namespace r3::core::synth
