#pragma once
// Angle profiles of movements: minimum-jerk and Gaussian sub-movements about one body-frame axis,
// and small wiggles. A movement rotates the contact from q_start about a fixed body axis, so the
// body-frame angular velocity is axis * d(angle)/dt and the orientation is known in closed form.

#include <cstdint>
#include <vector>

#include "core/synth/rng.hpp"
#include "core/synth/rotation.hpp"

namespace r3::core::synth {

enum class SubShape : std::uint8_t { kMinJerk, kGauss, kWiggle };

struct SubMovement {
  SubShape shape = SubShape::kMinJerk;
  double t0_s = 0.0;
  double duration_s = 0.0;
  double amplitude_rad = 0.0;  // net displacement (min-jerk, Gauss) or peak (wiggle)
  double freq_hz = 0.0;        // wiggle only
};

struct AngleState {
  double angle_rad = 0.0;
  double rate_rad_s = 0.0;
  double accel_rad_s2 = 0.0;
};

AngleState evaluate(const SubMovement& sub, double t_s);

struct Movement {
  double start_s = 0.0;
  double end_s = 0.0;
  Quaternion q_start;
  Vec3 axis_b{0.0, 0.0, 1.0};  // unit, body frame
  std::vector<SubMovement> subs;

  [[nodiscard]] AngleState at(double t_s) const;
  [[nodiscard]] Quaternion orientation(double t_s) const;
  [[nodiscard]] Quaternion q_end() const;
};

// Out and back over [t0, t0 + duration]: min-jerk out, a short turnaround, min-jerk back.
std::vector<SubMovement> min_jerk_out_and_back(Rng& rng, double t0_s, double duration_s,
                                               double rom_rad);
// Out and back made of 1-3 overlapping Gaussian sub-movements each way.
std::vector<SubMovement> gaussian_out_and_back(Rng& rng, double t0_s, double duration_s,
                                               double rom_rad);
// Out only (the movement stops away from where it started).
std::vector<SubMovement> min_jerk_out(double t0_s, double duration_s, double rom_rad);
std::vector<SubMovement> gaussian_out(Rng& rng, double t0_s, double duration_s, double rom_rad);

Vec3 random_unit_vector(Rng& rng);

}  // namespace r3::core::synth
