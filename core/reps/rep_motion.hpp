#pragma once
// The movement measures of a rep read from its recording: the range of motion from the
// full-band orientation, and the hand tremor in the gyro's tremor band.

#include <optional>

#include "core/reps/rep_recorder.hpp"

namespace r3::core {

// The sensor's own share of the tremor band, measured while nobody holds the contact (unloaded
// and still): subtracted from a rep's tremor power.
struct TremorFloor {
  double sq = 0.0;       // mean |tremor-band rate|^2, (deg/s)^2
  double step_sq = 0.0;  // mean |its change per sample|^2
};

// Below this RMS the tremor band holds nothing that has a frequency worth reporting.
constexpr double kTremorFrequencyMinDps = 0.2;

struct Tremor {
  double rms_dps = 0.0;
  std::optional<double> hz;
};

// The tremor over the recorded samples of [start_s, end_s]: RMS of the tremor-band rate vector
// with the sensor's floor taken off, corrected for the band's high-pass (4th-order Butterworth
// at band_hz) at the tremor's frequency; and that frequency.
Tremor measure_tremor(const RepRecorder& recording, double start_s, double end_s, double fs_hz,
                      double band_hz, const TremorFloor& floor);

// The largest angle from the orientation at start_s over [start_s, end_s], deg.
double range_of_motion_deg(const RepRecorder& recording, double start_s, double end_s);

}  // namespace r3::core
