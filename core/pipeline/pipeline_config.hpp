#pragma once

#include <string>

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

  static constexpr double kMinRateHz = 1.0;
  static constexpr double kMaxRateHz = 200.0;  // the fastest rate the contact protocol has
  static constexpr double kMaxBridgeGapS = 5.0;

  // Empty when usable; else the first problem, naming the field. Tools and the daemon check
  // this and report; the pipeline itself replaces what is invalid by the default (sanitised).
  [[nodiscard]] std::string validate() const;
  [[nodiscard]] PipelineConfig sanitised() const;
};

}  // namespace r3::core
