#include "core/reps/set_tracker.hpp"

#include <cmath>

namespace r3::core {

void SetTracker::on_load_onset(double t_s) {
  if (!load_seen_) {
    load_seen_ = true;
    first_onset_s_ = t_s;
  }
}

void SetTracker::on_load_release(double t_s) {
  last_release_s_ = t_s;
  if (!has_content_) load_seen_ = false;  // a tap or a short hold does not start a set
}

double SetTracker::record_placement(double tilt_deg) {
  if (!set_reference_tilt_) set_reference_tilt_ = tilt_deg;
  const double reference = thresholds_.reference_tilt_deg.value_or(*set_reference_tilt_);
  const double error = tilt_deg - reference;
  placement_error_.add(error);
  placement_abs_error_.add(std::fabs(error));
  return error;
}

void SetTracker::add_rep(RepEvent& rep) {
  has_content_ = true;
  rep.set_index = sets_emitted_ + 1;
  rep.rep_index = ++reps_;
  rom_.add(rep.rom_deg);
  duration_.add(rep.duration_s);
  force_.add(rep.force_mean_n);
}

void SetTracker::add_hold(HoldEvent& hold) {
  has_content_ = true;
  hold.set_index = sets_emitted_ + 1;
  ++holds_;
}

bool SetTracker::rest_elapsed(double t_s) const {
  return has_content_ && t_s - last_release_s_ >= thresholds_.set_gap_s;
}

std::optional<SetSummary> SetTracker::close(SetEndReason reason, double t_s, bool loaded) {
  std::optional<SetSummary> summary;
  if (has_content_) {
    SetSummary s;
    s.set_index = ++sets_emitted_;
    s.end_reason = reason;
    s.start_s = first_onset_s_;
    s.end_s = loaded || last_release_s_ < first_onset_s_ ? t_s : last_release_s_;
    s.rep_count = reps_;
    s.hold_count = holds_;
    s.rom_mean_deg = rom_.mean();
    s.duration_mean_s = duration_.mean();
    s.force_mean_n = force_.mean();
    s.rom_cv_pct = rom_.cv_pct();
    s.duration_cv_pct = duration_.cv_pct();
    s.force_cv_pct = force_.cv_pct();
    if (placement_error_.count() > 0) {
      s.placement_ce_deg = placement_error_.mean();
      s.placement_ae_deg = placement_abs_error_.mean();
      s.placement_ve_deg = placement_error_.sd();
    }
    summary = s;
  }
  const auto emitted = sets_emitted_;
  *this = SetTracker(thresholds_);
  sets_emitted_ = emitted;
  return summary;
}

}  // namespace r3::core
