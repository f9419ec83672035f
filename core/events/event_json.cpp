#include "core/events/event_json.hpp"

namespace r3::core {
namespace {

constexpr int kTimeDecimals = 3;  // stream seconds at ms resolution, whatever the magnitude

template <typename Event>
std::string object_of(const Event& e) {
  std::string out;
  out.reserve(512);
  {
    util::JsonObjectWriter w(out);
    write_fields(w, e);
  }
  return out;
}

}  // namespace

std::string_view event_type(const RepEvent&) {
  return "rep";
}
std::string_view event_type(const HoldEvent&) {
  return "hold";
}
std::string_view event_type(const SetSummary&) {
  return "set";
}
std::string_view event_type(const LiveSample&) {
  return "live";
}
std::string_view event_type(const QualityStats&) {
  return "quality";
}

std::string_view to_string(SetEndReason r) {
  switch (r) {
    case SetEndReason::kRest:
      return "rest";
    case SetEndReason::kCommand:
      return "command";
    case SetEndReason::kStreamEnd:
      return "stream_end";
    case SetEndReason::kRebind:
      return "rebind";
  }
  return "unknown";  // an out-of-range value cast into the enum: still valid JSON
}

std::string_view to_string(ContactState s) {
  switch (s) {
    case ContactState::kIdle:
      return "idle";
    case ContactState::kLoaded:
      return "loaded";
    case ContactState::kMoving:
      return "moving";
  }
  return "unknown";
}

void write_fields(util::JsonObjectWriter& w, const RepEvent& e) {
  w.add("type", event_type(e))
      .add("set_index", e.set_index)
      .add("rep_index", e.rep_index)
      .add("placement_index", e.placement_index)
      .add_fixed("start_s", e.start_s, kTimeDecimals)
      .add_fixed("end_s", e.end_s, kTimeDecimals)
      .add_fixed("duration_s", e.duration_s, kTimeDecimals)
      .add_fixed("time_under_load_s", e.time_under_load_s, kTimeDecimals)
      .add("force_mean_n", e.force_mean_n)
      .add("force_peak_n", e.force_peak_n)
      .add("impulse_ns", e.impulse_ns)
      .add("force_cv_pct", e.force_cv_pct)
      .add("pressure_kept_ratio", e.pressure_kept_ratio)
      .add("rom_deg", e.rom_deg)
      .add("angular_speed_mean_dps", e.angular_speed_mean_dps)
      .add("angular_speed_peak_dps", e.angular_speed_peak_dps)
      .add("sparc", e.sparc)
      .add("tremor_rms_dps", e.tremor_rms_dps)
      .add("tremor_hz", e.tremor_hz)
      .add("placement_tilt_deg", e.placement_tilt_deg)
      .add("placement_error_deg", e.placement_error_deg)
      .add_fixed("engagement_latency_s", e.engagement_latency_s, kTimeDecimals)
      .add("samples", e.samples)
      .add("samples_interpolated", e.samples_interpolated)
      .add("truncated", e.truncated);
}

void write_fields(util::JsonObjectWriter& w, const HoldEvent& e) {
  w.add("type", event_type(e))
      .add("set_index", e.set_index)
      .add("placement_index", e.placement_index)
      .add_fixed("start_s", e.start_s, kTimeDecimals)
      .add_fixed("end_s", e.end_s, kTimeDecimals)
      .add_fixed("duration_s", e.duration_s, kTimeDecimals)
      .add("force_mean_n", e.force_mean_n)
      .add("force_cv_pct", e.force_cv_pct);
}

void write_fields(util::JsonObjectWriter& w, const SetSummary& e) {
  w.add("type", event_type(e))
      .add("set_index", e.set_index)
      .add("end_reason", to_string(e.end_reason))
      .add_fixed("start_s", e.start_s, kTimeDecimals)
      .add_fixed("end_s", e.end_s, kTimeDecimals)
      .add("rep_count", e.rep_count)
      .add("hold_count", e.hold_count)
      .add("rom_mean_deg", e.rom_mean_deg)
      .add_fixed("duration_mean_s", e.duration_mean_s, kTimeDecimals)
      .add("force_mean_n", e.force_mean_n)
      .add("rom_cv_pct", e.rom_cv_pct)
      .add("duration_cv_pct", e.duration_cv_pct)
      .add("force_cv_pct", e.force_cv_pct)
      .add("placement_ce_deg", e.placement_ce_deg)
      .add("placement_ae_deg", e.placement_ae_deg)
      .add("placement_ve_deg", e.placement_ve_deg);
}

void write_fields(util::JsonObjectWriter& w, const LiveSample& e) {
  w.add("type", event_type(e))
      .add_fixed("t_s", e.t_s, kTimeDecimals)
      .add("force_n", e.force_n)
      .add("angle_deg", e.angle_deg)
      .add("state", to_string(e.state));
}

void write_fields(util::JsonObjectWriter& w, const QualityStats& e) {
  w.add("type", event_type(e))
      .add_fixed("t_s", e.t_s, kTimeDecimals)
      .add("packets", e.packets)
      .add("packets_missing", e.packets_missing)
      .add("loss_rate", e.loss_rate())
      .add("duplicates", e.duplicates)
      .add("late", e.late)
      .add("malformed", e.malformed)
      .add("samples", e.samples)
      .add("samples_interpolated", e.samples_interpolated)
      .add("gaps_broken", e.gaps_broken)
      .add_fixed("largest_gap_s", e.largest_gap_s, kTimeDecimals)
      .add("saturated_samples", e.saturated_samples)
      .add("reps_discarded", e.reps_discarded)
      .add("taps", e.taps);
}

std::string to_json(const RepEvent& e) {
  return object_of(e);
}
std::string to_json(const HoldEvent& e) {
  return object_of(e);
}
std::string to_json(const SetSummary& e) {
  return object_of(e);
}
std::string to_json(const LiveSample& e) {
  return object_of(e);
}
std::string to_json(const QualityStats& e) {
  return object_of(e);
}

}  // namespace r3::core
