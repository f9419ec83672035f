#include "core/signal/quaternion_low_pass.hpp"

#include <cmath>

namespace r3::core {
namespace {
std::array<double, 4> components(const Quaternion& q) {
  return {q.w, q.x, q.y, q.z};
}
}  // namespace

void QuaternionLowPass::design(double cutoff_hz, double fs_hz) {
  for (auto& pair : low_) {
    for (std::size_t s = 0; s < 2; ++s) {
      pair[s] = Biquad::low_pass(cutoff_hz, fs_hz, Biquad::kButterworth4Q[s]);
    }
  }
}

void QuaternionLowPass::reset(const Quaternion& q) {
  const std::array<double, 4> c = components(q);
  for (std::size_t i = 0; i < 4; ++i) {
    low_[i][0].reset(c[i]);
    low_[i][1].reset(low_[i][0].dc_gain() * c[i]);
  }
  out_ = q;
}

const Quaternion& QuaternionLowPass::update(const Quaternion& q) {
  const std::array<double, 4> c = components(q);
  std::array<double, 4> y{};
  for (std::size_t i = 0; i < 4; ++i) y[i] = low_[i][1].process(low_[i][0].process(c[i]));
  const double n2 = y[0] * y[0] + y[1] * y[1] + y[2] * y[2] + y[3] * y[3];
  if (n2 > 0.0 && std::isfinite(n2)) {
    const double s = 1.0 / std::sqrt(n2);
    out_ = {y[0] * s, y[1] * s, y[2] * s, y[3] * s};
  }
  return out_;
}

}  // namespace r3::core
