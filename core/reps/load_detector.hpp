#pragma once
// Loaded or not: hysteresis (engage above P_on, release below P_off) and a debounce, so a dip
// shorter than load_debounce_s does not end a load. A release is dated at the start of its dip.

#include <cstdint>

#include "core/reps/thresholds.hpp"

namespace r3::core {

enum class LoadTransition : std::uint8_t { kNone, kOnset, kRelease };

class LoadDetector {
 public:
  explicit LoadDetector(const Thresholds& thresholds) : thresholds_(thresholds) {}
  void set_thresholds(const Thresholds& thresholds) { thresholds_ = thresholds; }

  LoadTransition update(double t_s, double force_n);
  void reset() {
    loaded_ = false;
    dipping_ = false;
  }

  [[nodiscard]] bool loaded() const { return loaded_; }
  [[nodiscard]] double onset_s() const { return onset_s_; }
  [[nodiscard]] double release_s() const { return release_s_; }

 private:
  Thresholds thresholds_;
  bool loaded_ = false;
  bool dipping_ = false;
  double dip_start_s_ = 0.0;
  double onset_s_ = 0.0;
  double release_s_ = 0.0;
};

}  // namespace r3::core
