#pragma once
// What the pipeline knows about the placement in progress (one continuous loaded period).

#include <cstdint>
#include <optional>

#include "core/reps/running_stats.hpp"

namespace r3::core {

struct Placement {
  std::uint32_t index = 0;
  double onset_s = 0.0;
  std::optional<double> tilt_deg;   // captured when it first settles
  std::optional<double> error_deg;  // against the reference, once counted in the set
  std::uint32_t reps = 0;
  double hold_start_s = 0.0;  // start of the loaded stretch without a rep
  RunningStats hold_force;    // force over that stretch, while not moving
  RunningStats still_force;   // force while still, ramps excluded
};

}  // namespace r3::core
