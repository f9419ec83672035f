#pragma once

#include "core/reps/thresholds.hpp"

namespace r3::core {

struct PipelineConfig {
  double nominal_rate_hz = 100.0;  // the contact's sample rate
  double live_rate_hz = 10.0;      // decimated live samples for gauges; 0 = none
  double quality_period_s = 5.0;   // a QualityStats event this often; 0 = only at flush
  double max_bridge_gap_s = 0.5;   // shorter gaps are bridged by interpolation; longer break state
  double force_scale = 1.0;        // calibration: force = (raw - offset) * scale
  double force_offset_n = 0.0;     // tare offset
  double force_filter_hz = 5.0;    // low-pass before load detection
  Thresholds thresholds;
};

}  // namespace r3::core
