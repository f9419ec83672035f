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

OrientationFilter::OrientationFilter(const OrientationConfig& config, double fs_hz)
    : config_(config), bands_(config.bands, fs_hz) {
  q_movement_.design(config.bands.movement_hz, fs_hz);
}

void OrientationFilter::set_rate(double fs_hz) {
  bands_.set_rate(fs_hz);
  q_movement_.design(config_.bands.movement_hz, fs_hz);
  bands_primed_ = false;
}

void OrientationFilter::reset() {
  q_ = {};
  q_movement_.reset(q_);
  bias_ = {};
  block_ = Block{};
  pending_ = false;
  pending_mean_ = {};
  pending_acc_ = {};
  learnt_s_ = 0.0;
  speed_dps_ = 0.0;
  movement_speed_dps_ = 0.0;
  rest_s_ = 0.0;
  aligned_ = false;
  bands_primed_ = false;
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
  bands_primed_ = false;  // after a break the band filters start from the next sample
}

bool OrientationFilter::quiet(const Block& b) const {
  const double n = b.samples;
  const double mx = b.sum[0] / n, my = b.sum[1] / n, mz = b.sum[2] / n;
  const double span = std::max({b.max[0] - b.min[0], b.max[1] - b.min[1], b.max[2] - b.min[2]});
  return span < config_.rest_span_dps && b.max_accel_dev < config_.rest_accel_g &&
         mx * mx + my * my + mz * mz < config_.rest_gyro_dps * config_.rest_gyro_dps;
}

bool OrientationFilter::steady(const std::array<double, 3>& mean,
                               const std::array<double, 3>& acc_mean) const {
  for (int i = 0; i < 3; ++i) {
    if (!(std::abs(mean[i] - pending_mean_[i]) < config_.rest_step_dps)) return false;
  }
  // The direction of gravity did not turn between the blocks (a slow rotation about any axis but
  // the vertical shows there long before it shows in a rate threshold).
  const std::array<double, 3>& a = pending_acc_;
  const std::array<double, 3>& b = acc_mean;
  const double cx = a[1] * b[2] - a[2] * b[1], cy = a[2] * b[0] - a[0] * b[2],
               cz = a[0] * b[1] - a[1] * b[0];
  const double sin_turn =
      std::sqrt((cx * cx + cy * cy + cz * cz) / ((a[0] * a[0] + a[1] * a[1] + a[2] * a[2]) *
                                                 (b[0] * b[0] + b[1] * b[1] + b[2] * b[2])));
  return sin_turn < std::sin(config_.rest_tilt_step_deg * kDegToRad);
}

bool OrientationFilter::near_bias(const std::array<double, 3>& mean) const {
  // Once a bias is known, a "rest" turning at a steady rate away from it is a slow movement
  // about the vertical (which gravity cannot show) unless it lasts longer than any rep.
  if (learnt_s_ <= 0.0 || rest_s_ >= config_.rest_new_bias_s) return true;
  for (int i = 0; i < 3; ++i) {
    if (!(std::abs(mean[i] - bias_[i]) < config_.rest_bias_change_dps)) return false;
  }
  return true;
}

void OrientationFilter::learn_bias(const std::array<double, 3>& g, const std::array<float, 3>& acc,
                                   double accel_dev, double dt_s) {
  if (block_.samples == 0) {
    block_.min = g;
    block_.max = g;
  }
  for (std::size_t i = 0; i < 3; ++i) {
    block_.sum[i] += g[i];
    block_.min[i] = std::min(block_.min[i], g[i]);
    block_.max[i] = std::max(block_.max[i], g[i]);
    block_.acc_sum[i] += static_cast<double>(acc[i]);
  }
  // NaN (a non-finite accelerometer sample) fails the comparison in quiet(): not a rest.
  block_.max_accel_dev =
      std::isnan(accel_dev) ? accel_dev : std::max(block_.max_accel_dev, accel_dev);
  block_.seconds += dt_s;
  ++block_.samples;
  if (block_.seconds < config_.bias_block_s) return;

  std::array<double, 3> mean{}, acc_mean{};
  for (std::size_t i = 0; i < 3; ++i) {
    mean[i] = block_.sum[i] / block_.samples;
    acc_mean[i] = block_.acc_sum[i] / block_.samples;
  }
  const bool quiet_now = quiet(block_);
  if (quiet_now && (!pending_ || steady(mean, acc_mean))) {
    rest_s_ += block_.seconds;
    if (pending_ && near_bias(pending_mean_)) {
      // The previous quiet block is confirmed by this one: learn from it. A running mean that
      // becomes an exponential follow once the time constant is reached.
      learnt_s_ += config_.bias_block_s;
      const double alpha = config_.bias_block_s / std::min(learnt_s_, config_.bias_time_constant_s);
      for (int i = 0; i < 3; ++i) bias_[i] += std::min(alpha, 1.0) * (pending_mean_[i] - bias_[i]);
    }
  } else {
    rest_s_ = 0.0;
  }
  // A quiet block that is not steady with the one before may still be the first of a rest: it
  // waits for its own confirmation.
  pending_ = quiet_now;
  pending_mean_ = mean;
  pending_acc_ = acc_mean;
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

  if (!bands_primed_) {
    bands_.reset({gx, gy, gz});
    q_movement_.reset(q_);
    bands_primed_ = true;
  }
  bands_.update({gx, gy, gz});
  const std::array<double, 3>& m = bands_.movement_dps();
  learn_bias(m, acc_g, a_dev, dt_s);

  const double wx_dps = gx - bias_[0], wy_dps = gy - bias_[1], wz_dps = gz - bias_[2];
  speed_dps_ = std::sqrt(wx_dps * wx_dps + wy_dps * wy_dps + wz_dps * wz_dps);
  const double bx = m[0] - bias_[0], by = m[1] - bias_[1], bz = m[2] - bias_[2];
  movement_speed_dps_ = std::sqrt(bx * bx + by * by + bz * bz);
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
  q_movement_.update(q_);
}

}  // namespace r3::core
