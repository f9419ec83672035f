#pragma once
// What a contact's pipeline reports. These are the objects r3-analyze prints and MQTT carries
// (see docs/events.md for every field and its unit). Times are stream seconds.

#include <cstdint>
#include <optional>

namespace r3::core {

struct RepEvent {
  std::uint32_t set_index = 0;        // 1-based, per stream
  std::uint32_t rep_index = 0;        // 1-based within the set
  std::uint32_t placement_index = 0;  // 1-based, per stream
  double start_s = 0.0;
  double end_s = 0.0;
  double duration_s = 0.0;
  double time_under_load_s = 0.0;
  double force_mean_n = 0.0;
  double force_peak_n = 0.0;
  double impulse_ns = 0.0;                    // integral of force over the rep, N*s
  double force_cv_pct = 0.0;                  // steadiness: SD/mean over the middle 80 % of the rep
  std::optional<double> pressure_kept_ratio;  // mean force moving / mean force still before it
  double rom_deg = 0.0;
  double angular_speed_mean_dps = 0.0;
  double angular_speed_peak_dps = 0.0;
  double sparc = 0.0;
  double tremor_rms_dps = 0.0;      // RMS of the gyro's tremor band (above 3 Hz), noise floor off
  std::optional<double> tremor_hz;  // its frequency, when tremor_rms_dps >= 0.2 deg/s
  double placement_tilt_deg = 0.0;  // contact z axis vs vertical at placement start
  std::optional<double> placement_error_deg;  // tilt - reference tilt
  std::optional<double>
      engagement_latency_s;  // movement onset - load onset (first rep of a placement)
  std::uint32_t samples = 0;
  std::uint32_t samples_interpolated = 0;  // lost samples bridged inside the rep
  bool truncated = false;                  // the rep hit the length cap and was closed there
};

struct HoldEvent {
  std::uint32_t set_index = 0;
  std::uint32_t placement_index = 0;
  double start_s = 0.0;
  double end_s = 0.0;
  double duration_s = 0.0;
  double force_mean_n = 0.0;
  double force_cv_pct = 0.0;
};

// kRebind: the contact changed hands (its binding changed), see DevicePipeline::hand_over.
enum class SetEndReason : std::uint8_t { kRest, kCommand, kStreamEnd, kRebind };

struct SetSummary {
  std::uint32_t set_index = 0;
  SetEndReason end_reason = SetEndReason::kRest;
  double start_s = 0.0;
  double end_s = 0.0;
  std::uint32_t rep_count = 0;
  std::uint32_t hold_count = 0;
  double rom_mean_deg = 0.0;
  double duration_mean_s = 0.0;
  double force_mean_n = 0.0;
  std::optional<double> rom_cv_pct;  // consistency across the set (needs 2 reps)
  std::optional<double> duration_cv_pct;
  std::optional<double> force_cv_pct;
  std::optional<double> placement_ce_deg;  // constant, absolute, variable error of placement
  std::optional<double> placement_ae_deg;
  std::optional<double> placement_ve_deg;
};

enum class ContactState : std::uint8_t { kIdle, kLoaded, kMoving };

struct LiveSample {
  double t_s = 0.0;
  double force_n = 0.0;
  double angle_deg = 0.0;  // from the current rest orientation
  ContactState state = ContactState::kIdle;
};

struct QualityStats {
  double t_s = 0.0;  // stream time of the report
  std::uint64_t packets = 0;
  std::uint64_t packets_missing = 0;
  std::uint64_t duplicates = 0;
  std::uint64_t late = 0;
  std::uint64_t malformed = 0;
  std::uint64_t samples = 0;
  std::uint64_t samples_interpolated = 0;  // short gaps bridged
  std::uint64_t gaps_broken = 0;           // gaps too long to bridge: state reset
  double largest_gap_s = 0.0;
  std::uint64_t saturated_samples = 0;
  std::uint64_t reps_discarded = 0;  // open reps dropped by a broken gap or a link loss
  std::uint64_t taps = 0;            // placements too short to be anything
  [[nodiscard]] double loss_rate() const {
    const auto total = packets + packets_missing;
    return total == 0 ? 0.0 : static_cast<double>(packets_missing) / static_cast<double>(total);
  }
};

class EventSink {
 public:
  virtual ~EventSink() = default;
  virtual void on_rep(const RepEvent& rep) = 0;
  virtual void on_hold(const HoldEvent& hold) = 0;
  virtual void on_set(const SetSummary& set) = 0;
  virtual void on_live(const LiveSample& live) = 0;
  virtual void on_quality(const QualityStats& quality) = 0;
};

}  // namespace r3::core
