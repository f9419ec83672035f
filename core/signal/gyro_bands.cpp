#include "core/signal/gyro_bands.hpp"

#include <numbers>

namespace r3::core {

GyroBands::GyroBands(const GyroBandsConfig& config, double fs_hz) : config_(config) {
  set_rate(fs_hz);
}

void GyroBands::set_rate(double fs_hz) {
  for (std::size_t a = 0; a < 3; ++a) {
    for (std::size_t s = 0; s < 2; ++s) {
      low_[a][s] = Biquad::low_pass(config_.movement_hz, fs_hz, Biquad::kButterworth4Q[s]);
      high_[a][s] = Biquad::high_pass(config_.tremor_hz, fs_hz, Biquad::kButterworth4Q[s]);
    }
  }
}

void GyroBands::settle(Pair& p, double x) {
  p[0].reset(x);
  p[1].reset(p[0].dc_gain() * x);
}

void GyroBands::reset(const std::array<double, 3>& rate_dps) {
  for (std::size_t a = 0; a < 3; ++a) {
    settle(low_[a], rate_dps[a]);
    settle(high_[a], rate_dps[a]);
    movement_[a] = low_[a][1].dc_gain() * low_[a][0].dc_gain() * rate_dps[a];
    tremor_[a] = 0.0;
  }
}

void GyroBands::update(const std::array<double, 3>& rate_dps) {
  for (std::size_t a = 0; a < 3; ++a) {
    movement_[a] = run(low_[a], rate_dps[a]);
    tremor_[a] = run(high_[a], rate_dps[a]);
  }
}

double GyroBands::movement_delay_s() const {
  // Group delay at DC of a Butterworth low-pass: sum over its sections of 1 / (Q w_c).
  const double wc = 2.0 * std::numbers::pi * config_.movement_hz;
  return (1.0 / Biquad::kButterworth4Q[0] + 1.0 / Biquad::kButterworth4Q[1]) / wc;
}

}  // namespace r3::core
