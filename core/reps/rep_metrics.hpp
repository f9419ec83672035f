#pragma once
// Per-rep metrics from the recorded samples of a movement: the Time, the Pressure and the
// quality of the Movement (see docs/events.md for units).

#include "core/events/events.hpp"
#include "core/reps/rep_recorder.hpp"
#include "core/reps/thresholds.hpp"
#include "core/signal/sparc.hpp"

namespace r3::core {

// Fills the timing, force, angular speed and SPARC fields of rep over [start_s, end_s].
void compute_rep_metrics(const RepRecorder& recorder, double fs_hz, double start_s, double end_s,
                         const Thresholds& thresholds, SparcWorkspace& workspace, RepEvent& rep);

}  // namespace r3::core
