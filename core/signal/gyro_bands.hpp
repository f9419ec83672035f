#pragma once
// Splits the gyro's angular rate, axis by axis, into the band of deliberate movement and the band
// of tremor. The movements of the method are slow (under ~1.5 Hz); a hand tremor is 4-12 Hz. A
// speed threshold on the raw rate never sees "still" while a hand trembles at a few deg/s, so
// stillness, movement speed and bias learning look at the movement band, and the tremor is
// measured on its own band. Both are 4th-order Butterworth filters (two biquads each): steep
// enough to take a 15 deg/s tremor at 4 Hz down to 0.3 deg/s at a 1.5 Hz cutoff, with a delay of
// ~0.28 s at low frequency (docs/rep-definition.md says why that is acceptable).

#include <array>

#include "core/signal/biquad.hpp"

namespace r3::core {

struct GyroBandsConfig {
  double movement_hz = 1.5;  // low-pass cutoff of the movement band
  double tremor_hz = 3.0;    // high-pass cutoff of the tremor band
};

class GyroBands {
 public:
  explicit GyroBands(const GyroBandsConfig& config = {}, double fs_hz = 100.0);
  void set_rate(double fs_hz);  // redesigns the filters; call reset() before the next sample
  // Filter states as if the rate had been this forever (no start-up transient).
  void reset(const std::array<double, 3>& rate_dps);
  void update(const std::array<double, 3>& rate_dps);

  // Low-passed rate, deg/s (bias included: the filters are linear, subtract it after).
  [[nodiscard]] const std::array<double, 3>& movement_dps() const { return movement_; }
  // High-passed rate, deg/s (no bias: the high-pass removes it).
  [[nodiscard]] const std::array<double, 3>& tremor_dps() const { return tremor_; }
  [[nodiscard]] double tremor_band_hz() const { return config_.tremor_hz; }
  // Low-frequency delay of the movement band, s: what its edges lag the raw rate by.
  [[nodiscard]] double movement_delay_s() const;

 private:
  using Pair = std::array<Biquad, 2>;
  static double run(Pair& p, double x) { return p[1].process(p[0].process(x)); }
  static void settle(Pair& p, double x);

  GyroBandsConfig config_;
  std::array<Pair, 3> low_{}, high_{};
  std::array<double, 3> movement_{}, tremor_{};
};

}  // namespace r3::core
