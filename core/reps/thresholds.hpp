#pragma once
// Rep detection thresholds: defaults fit the method (reps of 2-8 s, 10-90 deg, 20-300 N).
// Settable per user and per contact. See docs/rep-definition.md.

#include <optional>
#include <string>

namespace r3::core {

struct Thresholds {
  double load_on_n = 15.0;           // P_on: the contact is loaded above this force
  double load_off_n = 8.0;           // P_off: ... and released below this one
  double load_debounce_s = 0.3;      // a dip below P_off shorter than this does not end a load
  double rep_min_duration_s = 1.0;   // T_min
  double rep_min_rom_deg = 7.0;      // theta_min
  double rep_max_duration_s = 20.0;  // a longer movement is closed here, flagged truncated
  double move_start_deg = 3.0;       // leaving rest by this much starts a candidate movement
  double still_dps = 2.0;            // below this angular speed the contact is still
  double stop_s = 1.5;      // still this long away from rest: the rep ended where it stopped
  double hold_min_s = 5.0;  // a loaded still stretch this long without a rep is a hold
  double set_gap_s = 30.0;  // this long without load ends a set
  std::optional<double> reference_tilt_deg;  // the user's reference placement; else the set's first

  // Empty when consistent; else the first problem, naming the field.
  [[nodiscard]] std::string validate() const;
};

}  // namespace r3::core
