#pragma once
// From a script to sensor samples: the noise-free state of the contact at each sample time
// (force, body rates, specific force, orientation), then the sensor's errors on top.

#include <vector>

#include "core/protocol/sample.hpp"
#include "core/synth/rng.hpp"
#include "core/synth/session_script.hpp"

namespace r3::core::synth {

struct TrueState {
  double t_s = 0.0;
  double force_n = 0.0;
  Vec3 gyro_dps{};  // body frame
  Vec3 acc_g{};     // specific force, body frame
  Quaternion q;     // body -> world
  // The same without the hand tremor (the deliberate movement), and the tremor's own rate.
  Quaternion q_movement;
  Vec3 movement_gyro_dps{};
  Vec3 tremor_gyro_dps{};
  double tremor_hz = 0.0;
};

// Samples at t = i / rate_hz, i = 0 .. floor(duration * rate).
std::vector<TrueState> sample_truth(const Script& script, double rate_hz);

// The sensor's view: scale error, bias (constant + random walk), white noise, clipping,
// quantisation. noise_scale 0 keeps only clipping and quantisation.
std::vector<Sample> measure(const std::vector<TrueState>& states, const SensorSpec& sensor,
                            double rate_hz, Rng& rng);

}  // namespace r3::core::synth
