#include "core/synth/session_script.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace r3::core::synth {
namespace {

constexpr double kDeg = std::numbers::pi / 180.0;
constexpr double kLeadIn_s = 3.0;  // unloaded and still: lets a filter align and learn the bias
constexpr double kTail_s = 3.0;
constexpr double kStayStill_s = 2.5;  // still after an out-and-stay rep, so it reads as stopped

class Builder {
 public:
  Builder(const SessionSpec& spec, Rng& rng, Rng& tremor_rng)
      : b_(spec.behaviour), rng_(rng), tremor_rng_(tremor_rng) {}

  Script build() {
    ref_tilt_deg_ = rng_.uniform(5.0, 30.0);
    ref_azimuth_ = rng_.uniform(0.0, 2.0 * std::numbers::pi);
    ref_yaw_ = rng_.uniform(0.0, 2.0 * std::numbers::pi);
    q_ = placement_orientation();
    s_.q_initial = q_;
    t_ = kLeadIn_s;
    for (int set = 1; set <= b_.sets; ++set) {
      if (set > 1) unloaded_gap(b_.rest_between_sets_s, false);
      add_set(set);
    }
    s_.duration_s = t_ + kTail_s;
    return std::move(s_);
  }

 private:
  Quaternion placement_orientation() {
    tilt_deg_ = std::max(0.0, ref_tilt_deg_ + rng_.normal(0.0, 2.5));
    const double az = ref_azimuth_ + rng_.normal(0.0, 5.0 * kDeg);
    const double yaw = ref_yaw_ + rng_.normal(0.0, 10.0 * kDeg);
    const Quaternion tilt = from_axis_angle({std::cos(az), std::sin(az), 0.0}, tilt_deg_ * kDeg);
    return qmul(from_axis_angle({0.0, 0.0, 1.0}, yaw), tilt);
  }

  void add_movement(double start_s, double end_s, const Vec3& axis, std::vector<SubMovement> subs) {
    Movement m;
    m.start_s = start_s;
    m.end_s = end_s;
    m.q_start = q_;
    m.axis_b = axis;
    m.subs = std::move(subs);
    q_ = m.q_end();
    s_.movements.push_back(std::move(m));
  }

  void add_load(double on_s, double off_s, double plateau_n, double fluctuation) {
    const double ramp_in = rng_.uniform(0.2, 0.5);
    const double ramp_out = rng_.uniform(0.2, 0.5);
    push_load(make_load(rng_, on_s, off_s, ramp_in, ramp_out, plateau_n, fluctuation));
  }

  // Tremor draws come from their own stream: a preset with tremor has the same movements, loads
  // and sensor errors as the one without.
  void push_load(LoadEpisode load) {
    const TremorSpec& t = b_.tremor;
    if (t.probability > 0.0 && tremor_rng_.chance(t.probability)) {
      HandTremor& h = load.hand;
      h.on = true;
      h.axis_b = random_unit_vector(tremor_rng_);
      h.amplitude_dps = tremor_rng_.uniform(t.amplitude_min_dps, t.amplitude_max_dps);
      h.hz = tremor_rng_.uniform(t.freq_min_hz, t.freq_max_hz);
      h.phase = tremor_rng_.uniform(0.0, 2.0 * std::numbers::pi);
      h.mod_depth = tremor_rng_.uniform(0.0, 0.25);
      h.mod_hz = tremor_rng_.uniform(0.05, 0.3);
      h.mod_phase = tremor_rng_.uniform(0.0, 2.0 * std::numbers::pi);
      h.force_frac = tremor_rng_.uniform(t.force_min_frac, t.force_max_frac);
    }
    s_.loads.push_back(load);
  }

  double plateau() { return rng_.uniform(b_.force_min_n, b_.force_max_n); }
  double fluctuation() { return rng_.uniform(b_.force_fluctuation_min, b_.force_fluctuation_max); }

  // Unloaded for gap_s; the contact is then moved (lifted, placed) to the next placement's
  // orientation, which is where the next load starts.
  void unloaded_gap(double gap_s, bool allow_distractor) {
    if (allow_distractor && b_.distractors && rng_.chance(0.4)) {
      t_ += rng_.uniform(1.0, 2.0);
      outside_distractor();
      gap_s = rng_.uniform(1.0, 2.0);
    }
    const Quaternion target = placement_orientation();
    Vec3 axis{};
    double angle = 0.0;
    relative_axis_angle(q_, target, axis, angle);
    const double dur = std::clamp(0.5 * gap_s, 0.3, 1.0);
    const double start = t_ + gap_s - 0.25 - dur;
    if (angle > 1e-9) add_movement(start, start + dur, axis, min_jerk_out(start, dur, angle));
    q_ = target;  // exact, whatever rounding the movement accumulated
    t_ += gap_s;
  }

  void outside_distractor() {
    const double start = t_;
    DistractorKind kind = DistractorKind::kTap;
    switch (rng_.uniform_int(0, 3)) {
      case 0: {  // a tap: loaded for less than T_min
        kind = DistractorKind::kTap;
        const double dur = rng_.uniform(0.3, 0.75);
        push_load(make_load(rng_, t_, t_ + dur, 0.1, 0.1, plateau(), 0.02));
        t_ += dur;
        break;
      }
      case 1: {  // repositioning: a big movement with no load
        kind = DistractorKind::kUnloadedMove;
        const double dur = rng_.uniform(1.0, 3.0);
        add_movement(t_, t_ + dur, random_unit_vector(rng_),
                     min_jerk_out_and_back(rng_, t_, dur, rng_.uniform(30.0, 60.0) * kDeg));
        t_ += dur;
        break;
      }
      case 2: {  // two quick presses
        kind = DistractorKind::kDoublePress;
        const double f = plateau();
        for (int i = 0; i < 2; ++i) {
          if (i > 0) t_ += rng_.uniform(0.4, 0.8);
          const double dur = rng_.uniform(0.3, 0.6);
          push_load(make_load(rng_, t_, t_ + dur, 0.1, 0.1, f, 0.02));
          t_ += dur;
        }
        break;
      }
      default: {  // loaded and still, but too short to be reported as a hold
        kind = DistractorKind::kShortHold;
        const double dur = rng_.uniform(1.5, 3.0);
        add_load(t_, t_ + dur, plateau(), fluctuation());
        t_ += dur;
        break;
      }
    }
    s_.truth.distractors.push_back({kind, start, t_});
  }

  // Inside a loaded still stretch: a movement too small to be a rep.
  void inside_distractor() {
    const double start = t_;
    const Vec3 axis = random_unit_vector(rng_);
    if (rng_.chance(0.5)) {
      const double dur = rng_.uniform(1.0, 2.5);
      add_movement(t_, t_ + dur, axis,
                   min_jerk_out_and_back(rng_, t_, dur, rng_.uniform(2.0, 5.0) * kDeg));
      t_ += dur;
      s_.truth.distractors.push_back({DistractorKind::kPartialRep, start, t_});
    } else {
      const double dur = rng_.uniform(1.0, 3.0);
      add_movement(
          t_, t_ + dur, axis,
          {{SubShape::kWiggle, t_, dur, rng_.uniform(1.0, 3.0) * kDeg, rng_.uniform(1.0, 2.5)}});
      t_ += dur;
      s_.truth.distractors.push_back({DistractorKind::kWiggle, start, t_});
    }
    t_ += rng_.uniform(1.5, 2.5);
  }

  void add_rep(int set, int placement) {
    const double dur = rng_.uniform(b_.rep_duration_min_s, b_.rep_duration_max_s);
    const double rom = rng_.uniform(b_.rom_min_deg, b_.rom_max_deg) * kDeg;
    const bool stay = rng_.chance(b_.out_and_stay_fraction);
    const bool gaussian = rng_.chance(0.5);
    std::vector<SubMovement> subs;
    if (stay) {
      subs = gaussian ? gaussian_out(rng_, t_, dur, rom) : min_jerk_out(t_, dur, rom);
    } else {
      subs = gaussian ? gaussian_out_and_back(rng_, t_, dur, rom)
                      : min_jerk_out_and_back(rng_, t_, dur, rom);
    }
    s_.rep_movement.push_back(s_.movements.size());
    add_movement(t_, t_ + dur, random_unit_vector(rng_), std::move(subs));
    TruthRep r;
    r.set_index = set;
    r.placement_index = placement;
    r.start_s = t_;
    r.end_s = t_ + dur;
    r.placement_tilt_deg = tilt_deg_;
    r.out_and_stay = stay;
    s_.truth.reps.push_back(r);
    t_ += dur;
  }

  void add_placement(int set, bool hold) {
    const int placement = ++placement_count_;
    const double on = t_;
    if (hold) {
      t_ += rng_.uniform(6.0, 12.0);
      add_load(on, t_, plateau(), fluctuation());
      s_.truth.holds.push_back({set, placement, on, t_, 0.0});
      return;
    }
    t_ += 0.5 + rng_.uniform(0.8, 2.0);  // ramp in (<= 0.5 s), then still
    const int reps = rng_.uniform_int(b_.reps_per_placement_min, b_.reps_per_placement_max);
    bool stayed = false;
    for (int i = 0; i < reps; ++i) {
      if (i > 0) {
        const double rest = rng_.uniform(b_.rest_between_reps_min_s, b_.rest_between_reps_max_s);
        t_ += stayed ? std::max(rest, kStayStill_s) : rest;
      }
      if (b_.distractors && rng_.chance(0.25)) inside_distractor();
      add_rep(set, placement);
      stayed = s_.truth.reps.back().out_and_stay;
    }
    t_ += stayed ? rng_.uniform(kStayStill_s, kStayStill_s + 1.0) : rng_.uniform(0.8, 2.0);
    t_ += 0.5;  // ramp out
    add_load(on, t_, plateau(), fluctuation());
  }

  void add_set(int set) {
    const int n = rng_.uniform_int(b_.placements_per_set_min, b_.placements_per_set_max);
    std::vector<bool> holds(static_cast<std::size_t>(n));
    bool any_reps = false;
    for (std::size_t i = 0; i < holds.size(); ++i) {
      holds[i] = rng_.chance(b_.hold_probability);
      any_reps = any_reps || !holds[i];
    }
    // A set is reps by definition: one placement at least moves.
    if (!any_reps) holds[static_cast<std::size_t>(rng_.uniform_int(0, n - 1))] = false;
    const std::size_t reps_before = s_.truth.reps.size();
    const double start = t_;
    for (std::size_t i = 0; i < holds.size(); ++i) {
      if (i > 0) unloaded_gap(rng_.uniform(1.0, 5.0), true);
      add_placement(set, holds[i]);
    }
    s_.truth.sets.push_back({set, start, t_, static_cast<int>(s_.truth.reps.size() - reps_before)});
  }

  const BehaviourSpec& b_;
  Rng& rng_;
  Rng& tremor_rng_;
  Script s_;
  double t_ = 0.0;
  Quaternion q_;
  int placement_count_ = 0;
  double ref_tilt_deg_ = 0.0, ref_azimuth_ = 0.0, ref_yaw_ = 0.0, tilt_deg_ = 0.0;
};

}  // namespace

Script build_script(const SessionSpec& spec, Rng& rng, Rng& tremor_rng) {
  return Builder(spec, rng, tremor_rng).build();
}

}  // namespace r3::core::synth
