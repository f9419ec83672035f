#include "core/synth/generator.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "core/signal/sparc.hpp"
#include "core/synth/imu_model.hpp"
#include "core/synth/session_script.hpp"

namespace r3::core::synth {
namespace {

constexpr std::uint64_t kBehaviourStream = 1;
constexpr std::uint64_t kSensorStream = 2;
constexpr std::uint64_t kTremorStream = 4;  // 3 is the transport's

// Sample indices with t in [start, end].
void index_range(double start_s, double end_s, double rate_hz, std::size_t n, std::size_t& first,
                 std::size_t& last) {
  first = static_cast<std::size_t>(std::max(0.0, std::ceil(start_s * rate_hz - 1e-9)));
  last =
      std::min(n - 1, static_cast<std::size_t>(std::max(0.0, std::floor(end_s * rate_hz + 1e-9))));
}

double mean_force(const std::vector<TrueState>& states, std::size_t first, std::size_t last) {
  if (first > last) return 0.0;
  double sum = 0.0;
  for (std::size_t i = first; i <= last; ++i) sum += states[i].force_n;
  return sum / static_cast<double>(last - first + 1);
}

void fill_truth(const Script& script, const std::vector<TrueState>& states, double rate_hz,
                GroundTruth& truth) {
  SparcWorkspace ws;
  std::vector<double> speed;
  for (std::size_t r = 0; r < truth.reps.size(); ++r) {
    TruthRep& rep = truth.reps[r];
    const Movement& m = script.movements[script.rep_movement[r]];
    std::size_t first = 0, last = 0;
    index_range(rep.start_s, rep.end_s, rate_hz, states.size(), first, last);
    speed.clear();
    double rom = 0.0;
    double tremor_sq = 0.0;
    for (std::size_t i = first; i <= last; ++i) {
      rom = std::max(rom, angle_between_rad(m.q_start, states[i].q_movement));
      speed.push_back(norm(states[i].movement_gyro_dps));
      tremor_sq += dot(states[i].tremor_gyro_dps, states[i].tremor_gyro_dps);
    }
    rep.tremor_rms_dps = std::sqrt(tremor_sq / static_cast<double>(last - first + 1));
    rep.tremor_hz = states[first].tremor_hz;
    rep.rom_deg = rom * 180.0 / std::numbers::pi;
    rep.force_mean_n = mean_force(states, first, last);
    rep.peak_speed_dps = speed.empty() ? 0.0 : *std::max_element(speed.begin(), speed.end());
    rep.sparc = sparc(std::span<const double>(speed), rate_hz, ws);
  }
  for (TruthHold& h : truth.holds) {
    std::size_t first = 0, last = 0;
    index_range(h.start_s, h.end_s, rate_hz, states.size(), first, last);
    h.force_mean_n = mean_force(states, first, last);
  }
}

}  // namespace

std::string to_string(DistractorKind kind) {
  switch (kind) {
    case DistractorKind::kTap:
      return "tap";
    case DistractorKind::kUnloadedMove:
      return "unloaded_move";
    case DistractorKind::kPartialRep:
      return "partial_rep";
    case DistractorKind::kWiggle:
      return "wiggle";
    case DistractorKind::kDoublePress:
      return "double_press";
    case DistractorKind::kShortHold:
      return "short_hold";
  }
  return "unknown";
}

Session generate_session(const SessionSpec& raw_spec) {
  const SessionSpec spec = sanitised(raw_spec);
  Rng behaviour(mix_seed(spec.seed, kBehaviourStream));
  Rng sensor(mix_seed(spec.seed, kSensorStream));
  Rng tremor(mix_seed(spec.seed, kTremorStream));
  const Script script = build_script(spec, behaviour, tremor);
  const std::vector<TrueState> states = sample_truth(script, spec.rate_hz);
  Session session;
  session.rate_hz = spec.rate_hz;
  session.truth = script.truth;
  fill_truth(script, states, spec.rate_hz, session.truth);
  session.samples = measure(states, spec.sensor, spec.rate_hz, sensor);
  return session;
}

}  // namespace r3::core::synth
