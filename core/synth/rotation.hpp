#pragma once
// Small vector and quaternion helpers for the generator (body -> world quaternions, Hamilton
// convention). Kept local so the generator does not depend on the orientation filter it tests.

#include <array>
#include <cmath>

#include "core/signal/orientation.hpp"

namespace r3::core::synth {

using Vec3 = std::array<double, 3>;

inline Vec3 add(const Vec3& a, const Vec3& b) {
  return {a[0] + b[0], a[1] + b[1], a[2] + b[2]};
}
inline Vec3 scale(const Vec3& a, double s) {
  return {a[0] * s, a[1] * s, a[2] * s};
}
inline double dot(const Vec3& a, const Vec3& b) {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}
inline double norm(const Vec3& a) {
  return std::sqrt(dot(a, a));
}
inline Vec3 cross(const Vec3& a, const Vec3& b) {
  return {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
}

inline Quaternion qmul(const Quaternion& a, const Quaternion& b) {
  return {
      a.w * b.w - a.x * b.x - a.y * b.y - a.z * b.z, a.w * b.x + a.x * b.w + a.y * b.z - a.z * b.y,
      a.w * b.y - a.x * b.z + a.y * b.w + a.z * b.x, a.w * b.z + a.x * b.y - a.y * b.x + a.z * b.w};
}
inline Quaternion qconj(const Quaternion& q) {
  return {q.w, -q.x, -q.y, -q.z};
}

inline Quaternion qnormalise(const Quaternion& q) {
  const double n = std::sqrt(q.w * q.w + q.x * q.x + q.y * q.y + q.z * q.z);
  if (n <= 0.0) return {};
  return {q.w / n, q.x / n, q.y / n, q.z / n};
}

// Rotation by angle_rad about a unit axis.
inline Quaternion from_axis_angle(const Vec3& axis, double angle_rad) {
  const double s = std::sin(0.5 * angle_rad);
  return {std::cos(0.5 * angle_rad), axis[0] * s, axis[1] * s, axis[2] * s};
}

// q v q*: a body vector in the world frame.
inline Vec3 rotate(const Quaternion& q, const Vec3& v) {
  const Quaternion p{0.0, v[0], v[1], v[2]};
  const Quaternion r = qmul(qmul(q, p), qconj(q));
  return {r.x, r.y, r.z};
}
// q* v q: a world vector in the body frame.
inline Vec3 rotate_inv(const Quaternion& q, const Vec3& v) {
  return rotate(qconj(q), v);
}

// The rotation taking a to b, as an axis (in a's body frame) and an angle 0..pi.
inline void relative_axis_angle(const Quaternion& a, const Quaternion& b, Vec3& axis,
                                double& angle_rad) {
  Quaternion r = qmul(qconj(a), b);
  if (r.w < 0.0) r = {-r.w, -r.x, -r.y, -r.z};
  const double s = std::sqrt(r.x * r.x + r.y * r.y + r.z * r.z);
  angle_rad = 2.0 * std::atan2(s, r.w);
  axis = s > 1e-12 ? Vec3{r.x / s, r.y / s, r.z / s} : Vec3{0.0, 0.0, 1.0};
}

inline double angle_between_rad(const Quaternion& a, const Quaternion& b) {
  Vec3 axis{};
  double angle = 0.0;
  relative_axis_angle(a, b, axis, angle);
  return angle;
}

}  // namespace r3::core::synth
