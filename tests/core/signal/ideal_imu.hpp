#pragma once
// An ideal IMU for orientation tests: it turns a true orientation by a body rate and reports the
// matching gyro (plus a bias) and accelerometer samples.

#include <array>
#include <cmath>
#include <numbers>

#include "core/signal/quaternion.hpp"

namespace r3::core::testing {

constexpr double kDeg = std::numbers::pi / 180.0;
using Vec = std::array<double, 3>;

inline Quaternion axis_angle(Vec axis, double deg) {
  const double n = std::sqrt(axis[0] * axis[0] + axis[1] * axis[1] + axis[2] * axis[2]);
  const double h = 0.5 * deg * kDeg;
  const double s = std::sin(h) / n;
  return {std::cos(h), axis[0] * s, axis[1] * s, axis[2] * s};
}

// World vector expressed in the body frame of orientation q (body -> world).
inline Vec to_body(const Quaternion& q, const Vec& v) {
  const Quaternion r = multiply(multiply(conjugate(q), {0.0, v[0], v[1], v[2]}), q);
  return {r.x, r.y, r.z};
}

inline std::array<float, 3> to_float(const Vec& v) {
  return {static_cast<float>(v[0]), static_cast<float>(v[1]), static_cast<float>(v[2])};
}

// An ideal IMU: specific force (linear acceleration plus 1 g up, in g) and body rate plus bias.
struct Imu {
  Quaternion truth;
  Vec bias_dps{};

  std::array<float, 3> acc(const Vec& linear_world_g = {}) const {
    return to_float(
        to_body(truth, {linear_world_g[0], linear_world_g[1], linear_world_g[2] + 1.0}));
  }
  // Advances the truth by body rate w_dps over dt and returns the matching gyro sample.
  std::array<float, 3> turn(const Vec& w_dps, double dt) {
    const double speed = std::sqrt(w_dps[0] * w_dps[0] + w_dps[1] * w_dps[1] + w_dps[2] * w_dps[2]);
    if (speed > 0.0) truth = multiply(truth, axis_angle(w_dps, speed * dt));
    return to_float({w_dps[0] + bias_dps[0], w_dps[1] + bias_dps[1], w_dps[2] + bias_dps[2]});
  }
};

}  // namespace r3::core::testing
