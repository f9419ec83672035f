#include "core/reps/load_detector.hpp"

namespace r3::core {

LoadTransition LoadDetector::update(double t_s, double force_n) {
  if (!loaded_) {
    if (force_n > thresholds_.load_on_n) {
      loaded_ = true;
      dipping_ = false;
      onset_s_ = t_s;
      return LoadTransition::kOnset;
    }
    return LoadTransition::kNone;
  }
  if (force_n >= thresholds_.load_off_n) {
    dipping_ = false;
    return LoadTransition::kNone;
  }
  if (!dipping_) {
    dipping_ = true;
    dip_start_s_ = t_s;
  }
  if (t_s - dip_start_s_ >= thresholds_.load_debounce_s) {
    loaded_ = false;
    dipping_ = false;
    release_s_ = dip_start_s_;
    return LoadTransition::kRelease;
  }
  return LoadTransition::kNone;
}

}  // namespace r3::core
