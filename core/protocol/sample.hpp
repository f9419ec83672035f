#pragma once
// One sensor sample of a weighted contact, in physical units, contact body frame.

#include <array>

namespace r3::core {

struct Sample {
  double t_s = 0.0;                     // stream time, seconds (device clock, unwrapped)
  float force_n = 0.0F;                 // contact force, newtons
  std::array<float, 3> acc_g{};         // specific force, g (reads +1 g on the axis pointing up at rest)
  std::array<float, 3> gyro_dps{};      // angular rate, degrees per second
};

}  // namespace r3::core
