#include "core/signal/orientation.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace r3::core {
namespace {

constexpr double kDegToRad = std::numbers::pi / 180.0;
constexpr double kRadToDeg = 180.0 / std::numbers::pi;

bool finite3(const std::array<float, 3>& v) {
  return std::isfinite(v[0]) && std::isfinite(v[1]) && std::isfinite(v[2]);
}

}  // namespace

Quaternion multiply(const Quaternion& a, const Quaternion& b) {
  return {
      a.w * b.w - a.x * b.x - a.y * b.y - a.z * b.z, a.w * b.x + a.x * b.w + a.y * b.z - a.z * b.y,
      a.w * b.y - a.x * b.z + a.y * b.w + a.z * b.x, a.w * b.z + a.x * b.y - a.y * b.x + a.z * b.w};
}

Quaternion conjugate(const Quaternion& q) {
  return {q.w, -q.x, -q.y, -q.z};
}

double angle_between_deg(const Quaternion& a, const Quaternion& b) {
  const Quaternion r = multiply(conjugate(a), b);
  // atan2 keeps precision near 0 where acos would not; |w| folds q and -q together.
  const double v = std::sqrt(r.x * r.x + r.y * r.y + r.z * r.z);
  return 2.0 * std::atan2(v, std::abs(r.w)) * kRadToDeg;
}

double tilt_deg(const Quaternion& q) {
  // Body z axis in world coordinates: third column of the rotation matrix (unnormalised q ok).
  const double zx = 2.0 * (q.x * q.z + q.w * q.y);
  const double zy = 2.0 * (q.y * q.z - q.w * q.x);
  const double zz = q.w * q.w - q.x * q.x - q.y * q.y + q.z * q.z;
  return std::atan2(std::sqrt(zx * zx + zy * zy), zz) * kRadToDeg;
}

OrientationFilter::OrientationFilter(const OrientationConfig& config) : config_(config) {}

void OrientationFilter::reset() {
  q_ = {};
  bias_ = {};
  block_ = Block{};
  pending_ = false;
  learnt_s_ = 0.0;
  speed_dps_ = 0.0;
  rest_s_ = 0.0;
  aligned_ = false;
}

void OrientationFilter::align(const std::array<float, 3>& acc_g) {
  const double ax = acc_g[0], ay = acc_g[1], az = acc_g[2];
  const double horiz = std::sqrt(ay * ay + az * az);
  if (!finite3(acc_g) || !(ax * ax + horiz * horiz > 0.0)) return;  // no gravity to align to
  // Z-Y-X Euler angles with yaw 0: q = qy(pitch) * qx(roll).
  const double roll = std::atan2(ay, az);
  const double pitch = std::atan2(-ax, horiz);
  const double cr = std::cos(0.5 * roll), sr = std::sin(0.5 * roll);
  const double cp = std::cos(0.5 * pitch), sp = std::sin(0.5 * pitch);
  q_ = {cp * cr, cp * sr, sp * cr, -sp * sr};
  aligned_ = true;
}

bool OrientationFilter::quiet(const Block& b) const {
  const double n = b.samples;
  const double mx = b.sum[0] / n, my = b.sum[1] / n, mz = b.sum[2] / n;
  const double span = std::max({b.max[0] - b.min[0], b.max[1] - b.min[1], b.max[2] - b.min[2]});
  return span < config_.rest_span_dps && b.max_accel_dev < config_.rest_accel_g &&
         mx * mx + my * my + mz * mz < config_.rest_gyro_dps * config_.rest_gyro_dps;
}

void OrientationFilter::learn_bias(double gx, double gy, double gz, double accel_dev, double dt_s) {
  const std::array<double, 3> g{gx, gy, gz};
  if (block_.samples == 0) {
    block_.min = g;
    block_.max = g;
  }
  for (int i = 0; i < 3; ++i) {
    block_.sum[i] += g[i];
    block_.min[i] = std::min(block_.min[i], g[i]);
    block_.max[i] = std::max(block_.max[i], g[i]);
  }
  // NaN (a non-finite accelerometer sample) fails the comparison in quiet(): not a rest.
  block_.max_accel_dev =
      std::isnan(accel_dev) ? accel_dev : std::max(block_.max_accel_dev, accel_dev);
  block_.seconds += dt_s;
  ++block_.samples;
  if (block_.seconds < config_.bias_block_s) return;

  if (quiet(block_)) {
    if (pending_) {
      // The previous quiet block is confirmed by this one: learn from it. A running mean that
      // becomes an exponential follow once the time constant is reached.
      learnt_s_ += config_.bias_block_s;
      const double alpha = config_.bias_block_s / std::min(learnt_s_, config_.bias_time_constant_s);
      for (int i = 0; i < 3; ++i) bias_[i] += std::min(alpha, 1.0) * (pending_mean_[i] - bias_[i]);
    }
    for (int i = 0; i < 3; ++i) pending_mean_[i] = block_.sum[i] / block_.samples;
    pending_ = true;
    rest_s_ += block_.seconds;
  } else {
    pending_ = false;
    rest_s_ = 0.0;
  }
  block_ = Block{};
}

void OrientationFilter::update(const std::array<float, 3>& acc_g,
                               const std::array<float, 3>& gyro_dps, double dt_s) {
  if (!aligned_) align(acc_g);
  if (!(dt_s > 0.0) || !std::isfinite(dt_s) || !finite3(gyro_dps)) return;

  const double gx = gyro_dps[0], gy = gyro_dps[1], gz = gyro_dps[2];
  const double ax = acc_g[0], ay = acc_g[1], az = acc_g[2];
  const double a_norm = std::sqrt(ax * ax + ay * ay + az * az);
  // NaN for a non-finite accelerometer sample, which fails every comparison below: no rest, no
  // correction.
  const double a_dev = std::abs(a_norm - 1.0);

  learn_bias(gx, gy, gz, a_dev, dt_s);

  const double wx_dps = gx - bias_[0], wy_dps = gy - bias_[1], wz_dps = gz - bias_[2];
  speed_dps_ = std::sqrt(wx_dps * wx_dps + wy_dps * wy_dps + wz_dps * wz_dps);
  double wx = wx_dps * kDegToRad, wy = wy_dps * kDegToRad, wz = wz_dps * kDegToRad;

  const double qw = q_.w, qx = q_.x, qy = q_.y, qz = q_.z;
  if (a_dev <= config_.accel_reject_g) {
    // Mahony: the cross product of measured and estimated "up" (both in the body frame) is the
    // rotation that would bring them together; feed it back as extra angular rate.
    const double inv = 1.0 / a_norm;
    const double mx = ax * inv, my = ay * inv, mz = az * inv;
    const double vx = 2.0 * (qx * qz - qw * qy);
    const double vy = 2.0 * (qy * qz + qw * qx);
    const double vz = qw * qw - qx * qx - qy * qy + qz * qz;
    const double kp = config_.accel_gain;
    wx += kp * (my * vz - mz * vy);
    wy += kp * (mz * vx - mx * vz);
    wz += kp * (mx * vy - my * vx);
  }

  // q' = q + dt/2 * q (x) (0, w), then renormalise.
  const double h = 0.5 * dt_s;
  const double nw = qw + h * (-qx * wx - qy * wy - qz * wz);
  const double nx = qx + h * (qw * wx + qy * wz - qz * wy);
  const double ny = qy + h * (qw * wy - qx * wz + qz * wx);
  const double nz = qz + h * (qw * wz + qx * wy - qy * wx);
  const double n2 = nw * nw + nx * nx + ny * ny + nz * nz;
  if (!(n2 > 0.0) || !std::isfinite(n2)) return;  // absurd rates: keep the last good estimate
  const double s = 1.0 / std::sqrt(n2);
  q_ = {nw * s, nx * s, ny * s, nz * s};
}

}  // namespace r3::core
