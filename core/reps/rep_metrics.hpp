#pragma once
// Per-rep metrics from the samples of a movement: the Time, the Pressure and the quality of the
// Movement (see docs/events.md for units).

#include <span>

#include "core/events/events.hpp"
#include "core/reps/thresholds.hpp"
#include "core/signal/sparc.hpp"

namespace r3::core {

// Fills the timing, force, angular speed and SPARC fields of rep from the samples of
// [start_s, end_s] (force in N and angular speed in deg/s, uniformly spaced at fs_hz).
void compute_rep_metrics(std::span<const float> force, std::span<const float> speed, double fs_hz,
                         double start_s, double end_s, const Thresholds& thresholds,
                         SparcWorkspace& workspace, RepEvent& rep);

}  // namespace r3::core
