#pragma once
// Sharper rep boundaries. The segmenter dates a movement by thresholds (an angle left, a speed
// fallen) that a slow, gentle start or end crosses late or early, and it works on the movement
// band, which is late. Once a movement is known to be a rep, its boundaries are found again on
// the recorded angular rate, smoothed without delay (a centred average, twice, over one period
// of the rep's tremor, which it removes; over 40 ms without tremor). A movement's speed rises
// from rest about quadratically (minimum jerk: v ~ t^2), so sqrt(v) is about linear near the
// onset: the line through the times the speed crosses 5 % and 20 % of its first peak (above the
// resting floor) meets zero at t0 = 2 t5 - t20. The end is found the same way on the last peak's
// falling flank. The rep is only published at its end, so looking back costs no latency.

#include <vector>

#include "core/reps/rep_recorder.hpp"

namespace r3::core {

struct BoundarySearch {
  double earliest_s = 0.0;  // no start before (placement onset, the previous rep's end)
  double latest_s = 0.0;    // no end after (the newest sample)
  double tremor_hz = 0.0;   // the rep's tremor frequency, 0 for none
};

struct Boundaries {
  double start_s = 0.0;
  double end_s = 0.0;
};

// The refined [start, end] of the movement detected as [start_s, end_s]; a boundary that cannot
// be refined (no clear flank within reach) is kept as detected. scratch: reused buffer (grows
// to the longest rep once, then no allocation).
Boundaries refine_boundaries(const RepRecorder& recording, double start_s, double end_s,
                             const BoundarySearch& search, std::vector<float>& scratch);

}  // namespace r3::core
