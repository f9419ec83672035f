#pragma once
// Groups one contact's reps and holds into sets: a set ends after set_gap_s without load, by
// command, or at the end of the stream. Keeps running statistics only: no per-rep storage.

#include <cstdint>
#include <optional>

#include "core/events/events.hpp"
#include "core/reps/running_stats.hpp"
#include "core/reps/thresholds.hpp"

namespace r3::core {

class SetTracker {
 public:
  explicit SetTracker(const Thresholds& thresholds) : thresholds_(thresholds) {}
  void set_thresholds(const Thresholds& thresholds) { thresholds_ = thresholds; }

  void on_load_onset(double t_s);
  void on_load_release(double t_s);

  // Placement error of a placement with this tilt, against the user's reference tilt or, when
  // none is set, the set's first placement. Counted once per placement in CE / AE / VE.
  double record_placement(double tilt_deg);
  void add_rep(RepEvent& rep);  // numbers it and accumulates its metrics
  void add_hold(HoldEvent& hold);

  // True when a set with reps or holds has seen set_gap_s without load (call while unloaded).
  [[nodiscard]] bool rest_elapsed(double t_s) const;
  // Closes the set; none if it held nothing. While loaded (a command), the set ends at t_s.
  std::optional<SetSummary> close(SetEndReason reason, double t_s, bool loaded = false);

 private:
  Thresholds thresholds_;
  std::uint32_t sets_emitted_ = 0;
  bool has_content_ = false;
  bool load_seen_ = false;
  double first_onset_s_ = 0.0;
  double last_release_s_ = 0.0;
  std::uint32_t reps_ = 0;
  std::uint32_t holds_ = 0;
  std::optional<double> set_reference_tilt_;
  RunningStats rom_, duration_, force_, placement_error_, placement_abs_error_;
};

}  // namespace r3::core
