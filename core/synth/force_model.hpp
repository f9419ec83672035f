#pragma once
// The true contact force of one loaded episode: ramp in, plateau with slow fluctuation, a little
// 8-12 Hz tremor, creep, dips that follow the movement's speed, ramp out. A hand tremor, when the
// episode has one, shakes the contact's angular rate and the force together.

#include <array>

#include "core/synth/rng.hpp"

namespace r3::core::synth {

// The hand's tremor during one load: an angular-rate oscillation about a body axis, waxing and
// waning slowly, faded in and out with the load's envelope.
struct HandTremor {
  bool on = false;
  std::array<double, 3> axis_b{0.0, 0.0, 1.0};  // unit, body frame
  double amplitude_dps = 0.0;                   // peak angular rate on the plateau
  double hz = 0.0;
  double phase = 0.0;
  double mod_depth = 0.0;  // slow amplitude modulation, fraction
  double mod_hz = 0.0;
  double mod_phase = 0.0;
  double force_frac = 0.0;  // force tremor amplitude, fraction of the plateau
};

struct LoadEpisode {
  double on_s = 0.0;   // force starts rising
  double off_s = 0.0;  // force back to 0
  double ramp_in_s = 0.3;
  double ramp_out_s = 0.3;
  double plateau_n = 0.0;
  double creep_frac = 0.0;  // linear drift over the episode, fraction of the plateau
  double dip_frac = 0.0;    // force lost at kDipRefDps of angular speed
  std::array<double, 3> slow_frac{};
  std::array<double, 3> slow_hz{};
  std::array<double, 3> slow_phase{};
  double tremor_frac = 0.0;
  double tremor_hz = 10.0;
  double tremor_phase = 0.0;
  HandTremor hand;
};

// fluctuation_frac: the plateau's slow fluctuation (sum of the slow components' amplitudes).
LoadEpisode make_load(Rng& rng, double on_s, double off_s, double ramp_in_s, double ramp_out_s,
                      double plateau_n, double fluctuation_frac);

// 0..1: raised-cosine ramps.
double envelope(const LoadEpisode& load, double t_s);
// speed_dps: the contact's angular speed; pushing while moving is harder, so force dips.
double load_force(const LoadEpisode& load, double t_s, double speed_dps);

// The hand tremor's rotation about load.hand.axis_b at t_s: angle (rad), rate (rad/s, exactly the
// angle's derivative) and angular acceleration (rad/s^2, its dominant term). Zero without one.
struct TremorAngle {
  double angle_rad = 0.0, rate_rad_s = 0.0, accel_rad_s2 = 0.0;
};
TremorAngle hand_tremor(const LoadEpisode& load, double t_s);

}  // namespace r3::core::synth
