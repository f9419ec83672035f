#include "core/trace/rate_estimate.hpp"

#include <algorithm>
#include <array>

namespace r3::core {

std::optional<double> estimate_rate_hz(std::span<const Sample> first_samples) {
  constexpr std::size_t kMaxIntervals = 256;
  std::array<double, kMaxIntervals> dts{};
  std::size_t n = 0;
  for (std::size_t i = 1; i < first_samples.size() && n < kMaxIntervals; ++i) {
    const double dt = first_samples[i].t_s - first_samples[i - 1].t_s;
    if (dt > 0.0) dts[n++] = dt;
  }
  if (n == 0) return std::nullopt;
  auto mid = dts.begin() + static_cast<std::ptrdiff_t>(n / 2);
  std::nth_element(dts.begin(), mid, dts.begin() + static_cast<std::ptrdiff_t>(n));
  return 1.0 / *mid;
}

}  // namespace r3::core
