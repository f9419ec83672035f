#include "core/pipeline/pipeline_config.hpp"

#include <algorithm>
#include <cmath>

namespace r3::core {
namespace {
bool in(double v, double lo, double hi) {
  return v >= lo && v <= hi;
}  // false for NaN
}  // namespace

std::string PipelineConfig::validate() const {
  if (!in(nominal_rate_hz, kMinRateHz, kMaxRateHz)) return "nominal_rate_hz must be in 1..200";
  if (!in(live_rate_hz, 0.0, nominal_rate_hz)) return "live_rate_hz must be in 0..the sample rate";
  if (!in(quality_period_s, 0.0, 3600.0)) return "quality_period_s must be in 0..3600";
  if (!in(max_bridge_gap_s, 0.0, kMaxBridgeGapS)) return "max_bridge_gap_s must be in 0..5";
  if (!(force_scale > 0.0 && std::isfinite(force_scale))) return "force_scale must be > 0";
  if (!std::isfinite(force_offset_n)) return "force_offset_n must be a number";
  if (!(force_filter_hz > 0.0 && std::isfinite(force_filter_hz)))
    return "force_filter_hz must be > 0";
  return thresholds.validate();
}

PipelineConfig PipelineConfig::sanitised() const {
  const PipelineConfig d;
  PipelineConfig c = *this;
  if (!in(nominal_rate_hz, kMinRateHz, kMaxRateHz)) {
    c.nominal_rate_hz = std::isnan(nominal_rate_hz)
                            ? d.nominal_rate_hz
                            : std::clamp(nominal_rate_hz, kMinRateHz, kMaxRateHz);
  }
  if (!in(live_rate_hz, 0.0, c.nominal_rate_hz))
    c.live_rate_hz = std::min(d.live_rate_hz, c.nominal_rate_hz);
  if (!in(quality_period_s, 0.0, 3600.0)) c.quality_period_s = d.quality_period_s;
  if (!in(max_bridge_gap_s, 0.0, kMaxBridgeGapS)) c.max_bridge_gap_s = d.max_bridge_gap_s;
  if (!(force_scale > 0.0 && std::isfinite(force_scale))) c.force_scale = d.force_scale;
  if (!std::isfinite(force_offset_n)) c.force_offset_n = d.force_offset_n;
  if (!(force_filter_hz > 0.0 && std::isfinite(force_filter_hz)))
    c.force_filter_hz = d.force_filter_hz;
  if (!thresholds.validate().empty()) c.thresholds = d.thresholds;
  return c;
}

}  // namespace r3::core
