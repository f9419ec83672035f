#include "core/synth/motion_profile.hpp"

#include <cmath>
#include <numbers>

namespace r3::core::synth {
namespace {

// Gaussians are cut at +-kGaussHalfWidth sigma and rescaled so the displacement is exact; the
// speed step at the cut is exp(-6.1) ~ 0.2 % of the peak.
constexpr double kGaussHalfWidth = 3.5;

double normal_cdf(double x) {
  return 0.5 * std::erfc(-x / std::numbers::sqrt2);
}
double normal_pdf(double x) {
  return std::exp(-0.5 * x * x) / std::sqrt(2.0 * std::numbers::pi);
}

AngleState min_jerk(const SubMovement& s, double t_s) {
  const double T = s.duration_s;
  const double x = (t_s - s.t0_s) / T;
  if (x <= 0.0) return {};
  if (x >= 1.0) return {s.amplitude_rad, 0.0, 0.0};
  const double x2 = x * x;
  const double x3 = x2 * x;
  const double pos = 10.0 * x3 - 15.0 * x3 * x + 6.0 * x3 * x2;
  const double vel = (30.0 * x2 - 60.0 * x3 + 30.0 * x2 * x2) / T;
  const double acc = (60.0 * x - 180.0 * x2 + 120.0 * x3) / (T * T);
  return {s.amplitude_rad * pos, s.amplitude_rad * vel, s.amplitude_rad * acc};
}

AngleState gauss(const SubMovement& s, double t_s) {
  const double sigma = s.duration_s / (2.0 * kGaussHalfWidth);
  const double u = (t_s - s.t0_s) / sigma - kGaussHalfWidth;
  if (u <= -kGaussHalfWidth) return {};
  if (u >= kGaussHalfWidth) return {s.amplitude_rad, 0.0, 0.0};
  const double c0 = normal_cdf(-kGaussHalfWidth);
  const double z = normal_cdf(kGaussHalfWidth) - c0;
  const double pos = (normal_cdf(u) - c0) / z;
  const double vel = normal_pdf(u) / (sigma * z);
  const double acc = -u * normal_pdf(u) / (sigma * sigma * z);
  return {s.amplitude_rad * pos, s.amplitude_rad * vel, s.amplitude_rad * acc};
}

// A sine under a Hann window: starts and ends at rest, no net displacement.
AngleState wiggle(const SubMovement& s, double t_s) {
  const double T = s.duration_s;
  const double x = (t_s - s.t0_s) / T;
  if (x <= 0.0 || x >= 1.0) return {};
  const double pi = std::numbers::pi;
  const double w = std::sin(pi * x) * std::sin(pi * x);
  const double dw = pi / T * std::sin(2.0 * pi * x);
  const double ddw = 2.0 * pi * pi / (T * T) * std::cos(2.0 * pi * x);
  const double om = 2.0 * pi * s.freq_hz;
  const double tau = t_s - s.t0_s;
  const double sn = std::sin(om * tau);
  const double cs = std::cos(om * tau);
  const double a = s.amplitude_rad;
  return {a * w * sn, a * (dw * sn + w * om * cs),
          a * (ddw * sn + 2.0 * dw * om * cs - w * om * om * sn)};
}

// n overlapping Gaussians spanning exactly [t0, t0 + span], displacements summing to total.
void add_gaussians(Rng& rng, double t0_s, double span_s, double total_rad,
                   std::vector<SubMovement>& out) {
  const int n = rng.uniform_int(1, 3);
  double weights[3] = {0.0, 0.0, 0.0};
  double spacing[3] = {0.0, 0.0, 0.0};  // start offset of the next one, in durations
  double weight_sum = 0.0;
  double spacing_sum = 0.0;
  for (int i = 0; i < n; ++i) {
    weights[i] = rng.uniform(0.5, 1.0);
    weight_sum += weights[i];
    if (i > 0) {
      spacing[i] = rng.uniform(0.35, 0.7);
      spacing_sum += spacing[i];
    }
  }
  const double d = span_s / (1.0 + spacing_sum);
  double start = t0_s;
  for (int i = 0; i < n; ++i) {
    if (i > 0) start += spacing[i] * d;
    out.push_back({SubShape::kGauss, start, d, total_rad * weights[i] / weight_sum, 0.0});
  }
}

}  // namespace

AngleState evaluate(const SubMovement& sub, double t_s) {
  if (sub.duration_s <= 0.0) return {};
  switch (sub.shape) {
    case SubShape::kMinJerk:
      return min_jerk(sub, t_s);
    case SubShape::kGauss:
      return gauss(sub, t_s);
    case SubShape::kWiggle:
      return wiggle(sub, t_s);
  }
  return {};
}

AngleState Movement::at(double t_s) const {
  AngleState sum;
  for (const auto& s : subs) {
    const AngleState a = evaluate(s, t_s);
    sum.angle_rad += a.angle_rad;
    sum.rate_rad_s += a.rate_rad_s;
    sum.accel_rad_s2 += a.accel_rad_s2;
  }
  return sum;
}

Quaternion Movement::orientation(double t_s) const {
  return qnormalise(qmul(q_start, from_axis_angle(axis_b, at(t_s).angle_rad)));
}

Quaternion Movement::q_end() const {
  return orientation(end_s + 1.0);
}

std::vector<SubMovement> min_jerk_out_and_back(Rng& rng, double t0_s, double duration_s,
                                               double rom_rad) {
  const double turn = rng.uniform(0.1, 0.4);
  const double moving = duration_s - turn;
  const double out = moving * rng.uniform(0.4, 0.6);
  return {{SubShape::kMinJerk, t0_s, out, rom_rad, 0.0},
          {SubShape::kMinJerk, t0_s + out + turn, moving - out, -rom_rad, 0.0}};
}

std::vector<SubMovement> gaussian_out_and_back(Rng& rng, double t0_s, double duration_s,
                                               double rom_rad) {
  const double turn = rng.uniform(0.1, 0.4);
  const double moving = duration_s - turn;
  const double out = moving * rng.uniform(0.4, 0.6);
  std::vector<SubMovement> subs;
  add_gaussians(rng, t0_s, out, rom_rad, subs);
  add_gaussians(rng, t0_s + out + turn, moving - out, -rom_rad, subs);
  return subs;
}

std::vector<SubMovement> min_jerk_out(double t0_s, double duration_s, double rom_rad) {
  return {{SubShape::kMinJerk, t0_s, duration_s, rom_rad, 0.0}};
}

std::vector<SubMovement> gaussian_out(Rng& rng, double t0_s, double duration_s, double rom_rad) {
  std::vector<SubMovement> subs;
  add_gaussians(rng, t0_s, duration_s, rom_rad, subs);
  return subs;
}

Vec3 random_unit_vector(Rng& rng) {
  // Normalised Gaussian vector: uniform on the sphere.
  for (;;) {
    const Vec3 v{rng.normal(), rng.normal(), rng.normal()};
    const double n = norm(v);
    if (n > 1e-6) return scale(v, 1.0 / n);
  }
}

}  // namespace r3::core::synth
