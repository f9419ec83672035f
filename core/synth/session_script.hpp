#pragma once
// The behaviour of a synthetic session as a timeline: load episodes and movements (each sorted,
// disjoint) plus the ground truth known by construction (times, indices). The generator samples
// it and adds what needs the sampled signals (ROM, force mean, SPARC, peak speed).

#include <vector>

#include "core/synth/force_model.hpp"
#include "core/synth/generator.hpp"
#include "core/synth/motion_profile.hpp"
#include "core/synth/rng.hpp"
#include "core/synth/session_spec.hpp"

namespace r3::core::synth {

struct Script {
  double duration_s = 0.0;
  Quaternion q_initial;
  std::vector<LoadEpisode> loads;
  std::vector<Movement> movements;
  std::vector<std::size_t> rep_movement;  // per truth rep: index into movements
  GroundTruth truth;
};

// spec must be sanitised. tremor_rng draws the hand tremors (spec.behaviour.tremor).
Script build_script(const SessionSpec& spec, Rng& rng, Rng& tremor_rng);

}  // namespace r3::core::synth
