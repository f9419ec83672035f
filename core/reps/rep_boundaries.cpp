#include "core/reps/rep_boundaries.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <span>

namespace r3::core {
namespace {

constexpr double kLowShare = 0.025;  // of the peak speed above the floor
constexpr double kHighShare = 0.10;  // 4 x kLowShare: sqrt(v) doubles between them
// t0 = t_low - kExtrapolation (t_high - t_low): 1 is exact for a minimum-jerk onset (sqrt(v)
// linear), 1.375 for a Gaussian one cut at 3.5 sigma; in between for either.
constexpr double kExtrapolation = 1.0;
constexpr double kReachS = 2.0;         // how far from the detected boundary a flank is looked for
constexpr double kPeakShare = 0.25;     // a sub-movement this fast, of the rep's fastest, counts
constexpr double kMinPeakDps = 1.0;     // slower than this, the flanks are noise: keep as detected
constexpr double kPlainSmoothS = 0.02;  // half-width of the smoothing without tremor
constexpr double kSmoothShare = 0.02;   // ... at least this share of the rep's duration
constexpr double kMinTremorHz = 3.0;    // below, not a tremor the smoothing should remove

// Centred moving average over 2 half + 1 samples (fewer at the edges): no delay.
void centred_mean(std::span<const float> in, std::span<float> out, std::size_t half) {
  const std::size_t n = in.size();
  double sum = 0.0;
  std::size_t lo = 0, hi = 0;  // sum over [lo, hi)
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t want_lo = i > half ? i - half : 0;
    const std::size_t want_hi = std::min(n, i + half + 1);
    while (hi < want_hi) sum += static_cast<double>(in[hi++]);
    while (lo < want_lo) sum -= static_cast<double>(in[lo++]);
    out[i] = static_cast<float>(sum / static_cast<double>(hi - lo));
  }
}

// The smoothed rate vector over recorder samples [i0, i1], axis by axis, into scratch.
std::array<std::span<const float>, 3> smoothed_rate(const RepRecorder& r, std::size_t i0,
                                                    std::size_t i1, std::size_t half,
                                                    std::vector<float>& scratch) {
  const std::size_t n = i1 - i0 + 1;
  scratch.assign(4 * n, 0.0F);
  const std::span<float> tmp(scratch.data() + 3 * n, n);
  std::array<std::span<const float>, 3> out;
  for (std::size_t axis = 0; axis < 3; ++axis) {
    const std::span<float> a(scratch.data() + axis * n, n);
    for (std::size_t k = 0; k < n; ++k) a[k] = r.at(i0 + k).rate_dps[axis];
    centred_mean(a, tmp, half);
    centred_mean(tmp, a, half);  // twice: a triangle, whose side lobes are small
    out[axis] = a;
  }
  return out;
}

// The speed of the smoothed rate.
struct Profile {
  std::array<std::span<const float>, 3> rate;
  double t0_s = 0.0;  // time of sample 0
  double dt_s = 0.0;
  [[nodiscard]] std::size_t size() const { return rate[0].size(); }
  [[nodiscard]] double operator()(std::size_t k) const {
    double sq = 0.0;
    for (std::size_t a = 0; a < 3; ++a) {
      const double d = static_cast<double>(rate[a][k]);
      sq += d * d;
    }
    return std::sqrt(sq);
  }
  // The time between k and k + 1 where the speed crosses level (linear interpolation).
  [[nodiscard]] double crossing(std::size_t k, double level) const {
    const double a = (*this)(k), b = (*this)(k + 1);
    const double f = b == a ? 0.0 : std::clamp((level - a) / (b - a), 0.0, 1.0);
    return t0_s + (static_cast<double>(k) + f) * dt_s;
  }
};

double refine_start(const Profile& v, std::size_t peak_k, double fallback) {
  const double peak = v(peak_k);
  double floor = peak;
  for (std::size_t k = 0; k <= peak_k; ++k) floor = std::min(floor, v(k));
  const double low = floor + kLowShare * (peak - floor);
  const double high = floor + kHighShare * (peak - floor);
  // The rising flank just before the peak: back from the peak to the high level, then the low.
  std::size_t h = peak_k;
  while (h > 0 && v(h) >= high) --h;
  if (v(h) >= high) return fallback;
  std::size_t l = h;
  while (l > 0 && v(l) >= low) --l;
  if (v(l) >= low) return fallback;
  const double t_low = v.crossing(l, low);
  return t_low - kExtrapolation * (v.crossing(h, high) - t_low);
}

double refine_end(const Profile& v, std::size_t peak_k, double fallback) {
  const double peak = v(peak_k);
  const std::size_t last = v.size() - 1;
  double floor = peak;
  for (std::size_t k = peak_k; k <= last; ++k) floor = std::min(floor, v(k));
  const double low = floor + kLowShare * (peak - floor);
  const double high = floor + kHighShare * (peak - floor);
  std::size_t h = peak_k;
  while (h < last && v(h) >= high) ++h;
  if (v(h) >= high) return fallback;
  std::size_t l = h;
  while (l < last && v(l) >= low) ++l;
  if (v(l) >= low) return fallback;
  const double t_low = v.crossing(l - 1, low);
  return t_low + kExtrapolation * (t_low - v.crossing(h - 1, high));
}

}  // namespace

Boundaries refine_boundaries(const RepRecorder& r, double start_s, double end_s,
                             const BoundarySearch& search, std::vector<float>& scratch) {
  const Boundaries detected{start_s, end_s};
  if (r.size() < 3 || !(end_s > start_s)) return detected;
  const double dt = r.time_at(1) - r.time_at(0);
  const std::size_t last = r.size() - 1;
  const std::size_t i0 = r.index_at(std::max(search.earliest_s, start_s - kReachS));
  const std::size_t i1 = std::min(r.index_at(std::min(search.latest_s, end_s + kReachS)), last);
  const std::size_t i_s = std::clamp(r.index_at(start_s), i0, i1);
  const std::size_t i_e = std::clamp(r.index_at(end_s), i_s, i1);
  if (i1 < i0 + 2) return detected;

  const double period_s = search.tremor_hz >= kMinTremorHz ? 1.0 / search.tremor_hz : 0.0;
  // A slow rep's flanks are long and its speed low: smooth its noise over a share of it.
  const double half_s = std::max(period_s > 0.0 ? 0.5 * (period_s - dt) : kPlainSmoothS,
                                 kSmoothShare * (end_s - start_s));
  const auto half = static_cast<std::size_t>(std::max(0.0, std::round(half_s / dt)));
  const Profile v{smoothed_rate(r, i0, i1, half, scratch), r.time_at(i0), dt};

  // The first and the last peaks of the rep: the local maxima where its speed first and last
  // reaches kPeakShare of its largest (sub-movements of a rep may differ in speed).
  const std::size_t k_s = i_s - i0, k_e = i_e - i0;
  double peak = 0.0;
  for (std::size_t k = k_s; k <= k_e; ++k) peak = std::max(peak, v(k));
  if (peak < kMinPeakDps) return detected;
  std::size_t first = k_s, final = k_e;
  while (first < k_e && v(first) < kPeakShare * peak) ++first;
  while (final > first && v(final) < kPeakShare * peak) --final;
  while (first < k_e && v(first + 1) >= v(first)) ++first;  // up to its local maximum
  while (final > k_s && v(final - 1) >= v(final)) --final;
  const double start = refine_start(v, first, start_s);
  const double end = refine_end(v, final, end_s);

  Boundaries out;
  out.start_s = std::max(start, search.earliest_s);
  out.end_s = std::min(end, search.latest_s);
  if (!(out.end_s > out.start_s)) return detected;
  return out;
}

}  // namespace r3::core
