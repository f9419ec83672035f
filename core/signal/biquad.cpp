#include "core/signal/biquad.hpp"

#include <cmath>
#include <numbers>

namespace r3::core {

Biquad Biquad::low_pass(double cutoff_hz, double fs_hz) {
  Biquad f;
  // A cutoff outside (0, Nyquist) has no bilinear design; pass the signal through unchanged
  // rather than produce inf/NaN coefficients.
  if (!(fs_hz > 0.0) || !(cutoff_hz > 0.0) || !(cutoff_hz < 0.5 * fs_hz) || !std::isfinite(fs_hz)) {
    return f;
  }
  // Prewarping puts the analogue cutoff where the bilinear transform maps it back to cutoff_hz.
  const double k = std::tan(std::numbers::pi * cutoff_hz / fs_hz);
  const double inv_q = std::numbers::sqrt2;  // Butterworth: Q = 1/sqrt(2)
  const double k2 = k * k;
  const double norm = 1.0 / (1.0 + k * inv_q + k2);
  f.b0_ = k2 * norm;
  f.b1_ = 2.0 * f.b0_;
  f.b2_ = f.b0_;
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
  const double dc_gain = (b0_ + b1_ + b2_) / (1.0 + a1_ + a2_);
  const double y = dc_gain * steady_value;
  z2_ = b2_ * steady_value - a2_ * y;
  z1_ = b1_ * steady_value - a1_ * y + z2_;
}

}  // namespace r3::core
