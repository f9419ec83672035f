#pragma once
// Finds deliberate movements inside one placement (a continuous loaded period), by angle from
// a rest reference rather than by speed alone, so slow small reps are found as well as fast
// ones. See docs/rep-definition.md for the rule this implements:
//   rest      -> moving    the orientation leaves the rest reference (where it was a window ago)
//                          by move_start_deg; the movement is dated from its departure
//   moving    -> returning back within max(move_start_deg, 25 % of the peak) of the reference
//   returning -> ended     still again, or turning outwards again, or 1 s passed
//   moving    -> paused    still for stop_s away from rest
//   paused    -> resumed   it moves again; which movement this is shows when it settles:
//   resumed   -> returning back at the old rest: one rep with a pause at end range
//   resumed   -> ended     back at the pause: the paused rep ended where it stopped, and the
//                          movement from the pause is a rep of its own (now returning)
//   resumed   -> paused    back at the pause after a small excursion (a wiggle): the same pause;
//                          or still again elsewhere: decided by direction (towards rest, or
//                          further out the same way: the same rep; else two reps)
//   paused    -> ended     the load ends: the rep ended where it stopped
//   any       -> ended     the load ended, or rep_max_duration_s reached (truncated)
// Whether an ended movement is a rep (duration and range) is the caller's decision.

#include <cstdint>

#include "core/reps/rest_window.hpp"
#include "core/reps/thresholds.hpp"
#include "core/signal/orientation.hpp"

namespace r3::core {

enum class MovementEnd : std::uint8_t { kReturned, kStopped, kUnloaded, kTooLong };

struct Movement {
  double start_s = 0.0;
  double end_s = 0.0;
  double rom_deg = 0.0;
  MovementEnd how = MovementEnd::kReturned;
};

class RepSegmenter {
 public:
  // How far back the rest reference looks: drift slower than move_start_deg per window is rest.
  static constexpr double kRestWindowS = 2.0;

  RepSegmenter(const Thresholds& thresholds, double fs_hz)
      : thresholds_(thresholds), window_(kRestWindowS, fs_hz) {}
  void set_thresholds(const Thresholds& thresholds) { thresholds_ = thresholds; }
  void set_rate(double fs_hz) { window_.configure(kRestWindowS, fs_hz); }

  // A placement begins: the current orientation is the rest.
  void begin(double t_s, const Quaternion& q);
  // One sample. True when a movement ended at this call: see last_movement().
  bool update(double t_s, const Quaternion& q, double speed_dps);
  // The placement ends (load released at t_s). True if an open movement ended here.
  bool end(double t_s);
  // The stream broke (a gap too long to bridge, a lost link). A movement that had already
  // ended (paused where it stopped) or come back (returning) is complete: true, see
  // last_movement(). One still under way is forgotten: false. Either way, back to rest.
  bool interrupt();

  [[nodiscard]] bool moving() const { return state_ != State::kRest; }
  // Samples before this time can no longer belong to a movement.
  [[nodiscard]] double keep_from_s() const;
  // The orientation a movement is measured from (the rest reference while at rest).
  [[nodiscard]] Quaternion rest_orientation() const;
  [[nodiscard]] double angle_deg() const { return angle_deg_; }
  [[nodiscard]] const Movement& last_movement() const { return last_; }

 private:
  enum class State : std::uint8_t { kRest, kMoving, kReturning, kPaused, kResumed };
  void rest_at(double t_s, const Quaternion& q);
  void start_moving(const Quaternion& reference, double start_s, double angle_deg);
  bool finish(double end_s, MovementEnd how, double t_s, const Quaternion& rest);
  bool update_moving(double t_s, const Quaternion& q, bool still);
  bool update_returning(double t_s, const Quaternion& q, bool still);
  bool update_paused(double t_s, const Quaternion& q);
  bool update_resumed(double t_s, const Quaternion& q, bool still);
  void enter_returning(double t_s, const Quaternion& q);
  void enter_paused(double t_s, const Quaternion& q);
  [[nodiscard]] bool heads_back() const;
  [[nodiscard]] bool goes_further_out() const;
  // Tracks a run of still samples that also stay put in angle: true once it has lasted stop_s
  // (since still_since_s_).
  bool stopped(double t_s, const Quaternion& q, bool still);

  Thresholds thresholds_;
  RestWindow window_;
  State state_ = State::kRest;
  Quaternion anchor_;  // the movement's start orientation
  double angle_deg_ = 0.0;

  double start_s_ = 0.0;
  double peak_deg_ = 0.0;
  bool still_run_ = false;
  double still_since_s_ = 0.0;
  Quaternion still_q_;  // where the still run began
  double returning_since_s_ = 0.0;
  double min_deg_ = 0.0;
  double min_t_s_ = 0.0;
  Quaternion min_q_;
  double paused_at_s_ = 0.0;  // where the movement stopped
  double paused_angle_deg_ = 0.0;
  Quaternion pause_;  // resumed: the orientation of the pause
  double resumed_start_s_ = 0.0;
  double from_pause_deg_ = 0.0;
  double from_pause_peak_deg_ = 0.0;
  Movement last_;
};

}  // namespace r3::core
