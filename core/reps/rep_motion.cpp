#include "core/reps/rep_motion.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "core/signal/quaternion.hpp"

namespace r3::core {
namespace {

Quaternion to_quaternion(const std::array<float, 4>& q) {
  return {q[0], q[1], q[2], q[3]};
}

// Recorder indices of [start_s, end_s], clamped; false if there is nothing recorded.
bool span_of(const RepRecorder& r, double start_s, double end_s, std::size_t& i0, std::size_t& i1) {
  if (r.size() == 0) return false;
  i0 = std::min(r.index_at(start_s), r.size() - 1);
  i1 = std::max(i0, std::min(r.index_at(end_s), r.size() - 1));
  return true;
}

}  // namespace

Tremor measure_tremor(const RepRecorder& r, double start_s, double end_s, double fs_hz,
                      double band_hz, const TremorFloor& floor) {
  Tremor out;
  std::size_t i0 = 0, i1 = 0;
  if (!span_of(r, start_s, end_s, i0, i1)) return out;
  double sq = 0.0, step_sq = 0.0;
  for (std::size_t i = i0; i <= i1; ++i) {
    sq += static_cast<double>(r.at(i).tremor_sq);
    step_sq += static_cast<double>(r.at(i).tremor_step_sq);
  }
  const auto n = static_cast<double>(i1 - i0 + 1);
  // The sensor's noise adds its power to the band: take it off.
  const double power = std::max(sq / n - floor.sq, 0.0);
  const double step_power = std::max(step_sq / n - floor.step_sq, 0.0);
  out.rms_dps = std::sqrt(power);
  if (out.rms_dps < kTremorFrequencyMinDps) return out;
  // For a sine of frequency f sampled at fs, |step| / |value| = 2 sin(pi f / fs) in RMS: invert
  // it. For a single tremor this is its frequency; for a mixture, the band's RMS frequency.
  const double ratio = std::sqrt(step_power / power);
  const double hz = fs_hz / std::numbers::pi * std::asin(std::min(0.5 * ratio, 1.0));
  out.hz = hz;
  // The band's high-pass took some of a tremor near its cutoff: give it back.
  if (hz > 0.0) out.rms_dps *= std::sqrt(1.0 + std::pow(band_hz / hz, 8.0));
  return out;
}

double range_of_motion_deg(const RepRecorder& r, double start_s, double end_s) {
  std::size_t i0 = 0, i1 = 0;
  if (!span_of(r, start_s, end_s, i0, i1)) return 0.0;
  const Quaternion q0 = to_quaternion(r.at(i0).q);
  double rom = 0.0;
  for (std::size_t i = i0; i <= i1; ++i) {
    rom = std::max(rom, angle_between_deg(q0, to_quaternion(r.at(i).q)));
  }
  return rom;
}

}  // namespace r3::core
