#include "core/signal/biquad.hpp"

#include <cmath>
#include <numbers>

namespace r3::core {

namespace {
// A cutoff outside (0, Nyquist) has no bilinear design: such a section passes the signal through
// unchanged rather than produce inf/NaN coefficients.
bool designable(double cutoff_hz, double fs_hz, double q) {
  return fs_hz > 0.0 && std::isfinite(fs_hz) && cutoff_hz > 0.0 && cutoff_hz < 0.5 * fs_hz &&
         q > 0.0 && std::isfinite(q);
}
}  // namespace

Biquad Biquad::low_pass(double cutoff_hz, double fs_hz, double q) {
  Biquad f;
  if (!designable(cutoff_hz, fs_hz, q)) return f;
  // Prewarping puts the analogue cutoff where the bilinear transform maps it back to cutoff_hz.
  const double k = std::tan(std::numbers::pi * cutoff_hz / fs_hz);
  const double inv_q = 1.0 / q;
  const double k2 = k * k;
  const double norm = 1.0 / (1.0 + k * inv_q + k2);
  f.b0_ = k2 * norm;
  f.b1_ = 2.0 * f.b0_;
  f.b2_ = f.b0_;
  f.a1_ = 2.0 * (k2 - 1.0) * norm;
  f.a2_ = (1.0 - k * inv_q + k2) * norm;
  return f;
}

Biquad Biquad::high_pass(double cutoff_hz, double fs_hz, double q) {
  Biquad f;
  if (!designable(cutoff_hz, fs_hz, q)) return f;
  const double k = std::tan(std::numbers::pi * cutoff_hz / fs_hz);
  const double inv_q = 1.0 / q;
  const double k2 = k * k;
  const double norm = 1.0 / (1.0 + k * inv_q + k2);
  f.b0_ = norm;
  f.b1_ = -2.0 * norm;
  f.b2_ = norm;
  f.a1_ = 2.0 * (k2 - 1.0) * norm;
  f.a2_ = (1.0 - k * inv_q + k2) * norm;
  return f;
}

double Biquad::process(double x) {
  const double y = b0_ * x + z1_;
  z1_ = b1_ * x - a1_ * y + z2_;
  z2_ = b2_ * x - a2_ * y;
  return y;
}

void Biquad::reset(double steady_value) {
  // Fixed point of the recursion for a constant input: the output is the DC gain times it.
  const double y = dc_gain() * steady_value;
  z2_ = b2_ * steady_value - a2_ * y;
  z1_ = b1_ * steady_value - a1_ * y + z2_;
}

}  // namespace r3::core
