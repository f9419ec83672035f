#include "core/synth/imu_model.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "core/protocol/packet.hpp"

namespace r3::core::synth {
namespace {

constexpr double kRadToDeg = 180.0 / std::numbers::pi;
constexpr double kG = 9.80665;
// The contact sits on a limb; a rep turns it about a joint this far beneath it (along -z body).
constexpr Vec3 kLeverM{0.0, 0.0, 0.1};

double quantise(double v, double lsb) {
  return std::round(v / lsb) * lsb;
}

float finish(double v, double range, double lsb, bool quantised) {
  // Clip inside the sensor's range and inside what the packet's int16 can carry.
  const double limit = std::min(range, 32767.0 * lsb);
  v = std::clamp(v, -limit, limit);
  return static_cast<float>(quantised ? quantise(v, lsb) : v);
}

}  // namespace

std::vector<TrueState> sample_truth(const Script& script, double rate_hz) {
  const auto n = static_cast<std::size_t>(std::floor(script.duration_s * rate_hz)) + 1;
  std::vector<TrueState> out(n);
  std::size_t mi = 0;  // first movement not yet finished
  std::size_t li = 0;  // first load not yet finished
  Quaternion rest = script.q_initial;
  const auto& movements = script.movements;
  const auto& loads = script.loads;
  for (std::size_t i = 0; i < n; ++i) {
    TrueState& s = out[i];
    s.t_s = static_cast<double>(i) / rate_hz;
    while (mi < movements.size() && movements[mi].end_s < s.t_s) {
      rest = movements[mi].q_end();
      ++mi;
    }
    Vec3 w{};  // rad/s
    Vec3 alpha{};
    s.q = rest;
    if (mi < movements.size() && movements[mi].start_s <= s.t_s) {
      const Movement& m = movements[mi];
      const AngleState a = m.at(s.t_s);
      s.q = m.orientation(s.t_s);
      w = scale(m.axis_b, a.rate_rad_s);
      alpha = scale(m.axis_b, a.accel_rad_s2);
    }
    s.q_movement = s.q;
    s.movement_gyro_dps = scale(w, kRadToDeg);
    while (li < loads.size() && loads[li].off_s < s.t_s) ++li;
    const bool loaded = li < loads.size() && loads[li].on_s <= s.t_s;
    if (loaded && loads[li].hand.on) {
      // The tremor rotates the contact a little further about its own body axis:
      // q = q_movement * R(axis, angle), so the movement's rates are seen through R.
      const Vec3& axis = loads[li].hand.axis_b;
      const TremorAngle tr = hand_tremor(loads[li], s.t_s);
      const Quaternion r = from_axis_angle(axis, tr.angle_rad);
      s.q = qmul(s.q, r);
      w = add(rotate_inv(r, w), scale(axis, tr.rate_rad_s));
      alpha = add(rotate_inv(r, alpha), scale(axis, tr.accel_rad_s2));
      s.tremor_gyro_dps = scale(axis, tr.rate_rad_s * kRadToDeg);
      s.tremor_hz = loads[li].hand.hz;
    }
    // Rigid rotation about a fixed point: a = alpha x r + w x (w x r), body frame.
    const Vec3 a_lin = add(cross(alpha, kLeverM), cross(w, cross(w, kLeverM)));
    s.acc_g = add(rotate_inv(s.q, {0.0, 0.0, 1.0}), scale(a_lin, 1.0 / kG));
    s.gyro_dps = scale(w, kRadToDeg);
    if (loaded) s.force_n = load_force(loads[li], s.t_s, norm(s.movement_gyro_dps));
  }
  return out;
}

std::vector<Sample> measure(const std::vector<TrueState>& states, const SensorSpec& sensor,
                            double rate_hz, Rng& rng) {
  const double k = sensor.noise_scale;
  const double dt = 1.0 / rate_hz;
  Vec3 bias{};
  Vec3 gyro_scale{};
  for (std::size_t a = 0; a < 3; ++a) {
    bias[a] = k * rng.uniform(-sensor.gyro_bias_max_dps, sensor.gyro_bias_max_dps);
    gyro_scale[a] = 1.0 + k * rng.uniform(-sensor.scale_error, sensor.scale_error);
  }
  const double force_scale = 1.0 + k * rng.uniform(-sensor.scale_error, sensor.scale_error);
  const double walk = k * sensor.gyro_bias_walk_dps_per_sqrt_s * std::sqrt(dt);
  using protocol::kAccelLsbG;
  using protocol::kForceLsbN;
  using protocol::kGyroLsbDps;
  std::vector<Sample> out(states.size());
  for (std::size_t i = 0; i < states.size(); ++i) {
    const TrueState& s = states[i];
    Sample& m = out[i];
    m.t_s = s.t_s;
    for (std::size_t a = 0; a < 3; ++a) {
      bias[a] += walk * rng.normal();
      const double g =
          s.gyro_dps[a] * gyro_scale[a] + bias[a] + k * sensor.gyro_noise_dps * rng.normal();
      m.gyro_dps[a] = finish(g, sensor.gyro_range_dps, kGyroLsbDps, sensor.quantise);
      const double acc = s.acc_g[a] + k * sensor.accel_noise_g * rng.normal();
      m.acc_g[a] = finish(acc, sensor.accel_range_g, kAccelLsbG, sensor.quantise);
    }
    const double f = s.force_n * force_scale + k * sensor.force_noise_n * rng.normal();
    m.force_n = finish(f, sensor.force_range_n, kForceLsbN, sensor.quantise);
  }
  return out;
}

}  // namespace r3::core::synth
