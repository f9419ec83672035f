#include "core/reps/rep_metrics.hpp"

#include <algorithm>
#include <span>

#include "core/reps/running_stats.hpp"

namespace r3::core {
namespace {
// Steadiness excludes the first and last 10 % of a rep, where force ramps with the movement.
constexpr double kPlateauTrim = 0.10;
}  // namespace

void compute_rep_metrics(std::span<const float> force, std::span<const float> speed, double fs_hz,
                         double start_s, double end_s, const Thresholds& thresholds,
                         SparcWorkspace& workspace, RepEvent& rep) {
  const std::size_t n = std::min(force.size(), speed.size());
  const double dt = 1.0 / fs_hz;

  rep.start_s = start_s;
  rep.end_s = end_s;
  rep.duration_s = end_s - start_s;
  rep.samples = static_cast<std::uint32_t>(n);
  if (n == 0) return;

  const auto trim = static_cast<std::size_t>(kPlateauTrim * static_cast<double>(n));

  double force_sum = 0.0;
  double force_peak = static_cast<double>(force[0]);
  double speed_sum = 0.0;
  double speed_peak = 0.0;
  std::size_t loaded = 0;
  RunningStats plateau;
  for (std::size_t i = 0; i < n; ++i) {
    const double f = static_cast<double>(force[i]);
    force_sum += f;
    force_peak = std::max(force_peak, f);
    if (f >= thresholds.load_off_n) ++loaded;
    if (i >= trim && i + trim < n) plateau.add(f);
    speed_sum += static_cast<double>(speed[i]);
    speed_peak = std::max(speed_peak, static_cast<double>(speed[i]));
  }
  const auto count = static_cast<double>(n);
  // The loaded share of the rep's samples, over its duration (n samples span n - 1 periods).
  rep.time_under_load_s = rep.duration_s * static_cast<double>(loaded) / count;
  rep.force_mean_n = force_sum / count;
  rep.force_peak_n = force_peak;
  rep.impulse_ns = force_sum * dt;
  rep.force_cv_pct = plateau.cv_pct().value_or(0.0);
  rep.angular_speed_mean_dps = speed_sum / count;
  rep.angular_speed_peak_dps = speed_peak;
  rep.sparc = sparc(speed.first(n), fs_hz, workspace);
}

}  // namespace r3::core
