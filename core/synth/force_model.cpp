#include "core/synth/force_model.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace r3::core::synth {
namespace {
constexpr double kDipRefDps = 30.0;
constexpr double kTwoPi = 2.0 * std::numbers::pi;

double raised_cosine(double x) {
  return 0.5 - 0.5 * std::cos(std::numbers::pi * x);
}
double raised_cosine_slope(double x) {
  return 0.5 * std::numbers::pi * std::sin(std::numbers::pi * x);
}

// The envelope's time derivative, 1/s.
double envelope_slope(const LoadEpisode& l, double t_s) {
  if (t_s <= l.on_s || t_s >= l.off_s) return 0.0;
  if (t_s < l.on_s + l.ramp_in_s)
    return raised_cosine_slope((t_s - l.on_s) / l.ramp_in_s) / l.ramp_in_s;
  if (t_s > l.off_s - l.ramp_out_s) {
    return -raised_cosine_slope((l.off_s - t_s) / l.ramp_out_s) / l.ramp_out_s;
  }
  return 0.0;
}

// The tremor's amplitude envelope: the load's, times a slow modulation (and its derivative).
double tremor_gain(const LoadEpisode& l, double t_s, double& slope) {
  const HandTremor& h = l.hand;
  const double tau = t_s - l.on_s;
  const double m = 1.0 + h.mod_depth * std::sin(kTwoPi * h.mod_hz * tau + h.mod_phase);
  const double dm =
      h.mod_depth * kTwoPi * h.mod_hz * std::cos(kTwoPi * h.mod_hz * tau + h.mod_phase);
  const double env = envelope(l, t_s);
  slope = envelope_slope(l, t_s) * m + env * dm;
  return env * m;
}
}  // namespace

LoadEpisode make_load(Rng& rng, double on_s, double off_s, double ramp_in_s, double ramp_out_s,
                      double plateau_n, double fluctuation_frac) {
  LoadEpisode l;
  l.on_s = on_s;
  l.off_s = off_s;
  // Ramps never overlap, even for a very short tap.
  const double span = std::max(off_s - on_s, 1e-3);
  l.ramp_in_s = std::min(ramp_in_s, 0.5 * span);
  l.ramp_out_s = std::min(ramp_out_s, 0.5 * span);
  l.plateau_n = plateau_n;
  l.creep_frac = rng.uniform(-0.03, 0.03);
  l.dip_frac = rng.uniform(0.02, 0.05);
  double weight_sum = 0.0;
  std::array<double, 3> w{};
  for (std::size_t i = 0; i < 3; ++i) {
    w[i] = rng.uniform(0.5, 1.0);
    weight_sum += w[i];
    l.slow_hz[i] = rng.uniform(0.05, 0.6);
    l.slow_phase[i] = rng.uniform(0.0, kTwoPi);
  }
  for (std::size_t i = 0; i < 3; ++i) l.slow_frac[i] = fluctuation_frac * w[i] / weight_sum;
  l.tremor_frac = rng.uniform(0.003, 0.01);
  l.tremor_hz = rng.uniform(8.0, 12.0);
  l.tremor_phase = rng.uniform(0.0, kTwoPi);
  return l;
}

double envelope(const LoadEpisode& l, double t_s) {
  if (t_s <= l.on_s || t_s >= l.off_s) return 0.0;
  if (t_s < l.on_s + l.ramp_in_s) return raised_cosine((t_s - l.on_s) / l.ramp_in_s);
  if (t_s > l.off_s - l.ramp_out_s) return raised_cosine((l.off_s - t_s) / l.ramp_out_s);
  return 1.0;
}

double load_force(const LoadEpisode& l, double t_s, double speed_dps) {
  const double env = envelope(l, t_s);
  if (env <= 0.0) return 0.0;
  const double tau = t_s - l.on_s;
  const double progress = tau / std::max(l.off_s - l.on_s, 1e-3);
  double shape = 1.0 + l.creep_frac * progress;
  for (std::size_t i = 0; i < 3; ++i) {
    shape += l.slow_frac[i] * std::sin(kTwoPi * l.slow_hz[i] * tau + l.slow_phase[i]);
  }
  shape += l.tremor_frac * std::sin(kTwoPi * l.tremor_hz * tau + l.tremor_phase);
  shape -= l.dip_frac * std::min(speed_dps / kDipRefDps, 1.5);
  if (l.hand.on) {
    double unused = 0.0;
    const double gain = tremor_gain(l, t_s, unused) / env;  // env multiplies the shape below
    shape += l.hand.force_frac * gain * std::sin(kTwoPi * l.hand.hz * tau + l.hand.phase);
  }
  return std::max(0.0, env * l.plateau_n * shape);
}

TremorAngle hand_tremor(const LoadEpisode& l, double t_s) {
  const HandTremor& h = l.hand;
  if (!h.on || t_s <= l.on_s || t_s >= l.off_s) return {};
  // angle = -(a(t) / w) cos(w tau + phase): its derivative is a(t) sin(...) plus a small term
  // from the slowly varying amplitude, kept so the gyro is exactly the angle's derivative.
  double slope = 0.0;
  const double a = tremor_gain(l, t_s, slope) * h.amplitude_dps * std::numbers::pi / 180.0;
  const double da = slope * h.amplitude_dps * std::numbers::pi / 180.0;
  const double w = kTwoPi * h.hz;
  const double x = w * (t_s - l.on_s) + h.phase;
  return {-a / w * std::cos(x), a * std::sin(x) - da / w * std::cos(x), a * w * std::cos(x)};
}

}  // namespace r3::core::synth
