#pragma once
// The true contact force of one loaded episode: ramp in, plateau with slow fluctuation, a little
// 8-12 Hz tremor, creep, dips that follow the movement's speed, ramp out.

#include <array>

#include "core/synth/rng.hpp"

namespace r3::core::synth {

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
};

// fluctuation_frac: the plateau's slow fluctuation (sum of the slow components' amplitudes).
LoadEpisode make_load(Rng& rng, double on_s, double off_s, double ramp_in_s, double ramp_out_s,
                      double plateau_n, double fluctuation_frac);

// 0..1: raised-cosine ramps.
double envelope(const LoadEpisode& load, double t_s);
// speed_dps: the contact's angular speed; pushing while moving is harder, so force dips.
double load_force(const LoadEpisode& load, double t_s, double speed_dps);

}  // namespace r3::core::synth
