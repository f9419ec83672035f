#pragma once
// The movement band of an orientation: each quaternion component low-passed (4th-order
// Butterworth, the cutoff of the gyro's movement band), then renormalised. Over the small angle a
// tremor or one sample period spans this is the low-pass of the rotation itself, so a tremor of
// +-0.6 deg becomes ~0.01 deg while slow movements pass unchanged, delayed like the movement
// band of the gyro. The input must be sign-continuous (an integrating filter's output is).

#include <array>

#include "core/signal/biquad.hpp"
#include "core/signal/quaternion.hpp"

namespace r3::core {

class QuaternionLowPass {
 public:
  void design(double cutoff_hz, double fs_hz);
  void reset(const Quaternion& q);  // as if q had been steady forever
  const Quaternion& update(const Quaternion& q);
  [[nodiscard]] const Quaternion& value() const { return out_; }

 private:
  std::array<std::array<Biquad, 2>, 4> low_{};
  Quaternion out_;
};

}  // namespace r3::core
