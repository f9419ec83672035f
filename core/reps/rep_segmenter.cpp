#include "core/reps/rep_segmenter.hpp"

#include <algorithm>

namespace r3::core {
namespace {
constexpr double kReturnFraction = 0.25;  // back within this share of the peak counts as returned
constexpr double kTurnOutDeg = 1.0;       // turning outwards again by this much ends a return
constexpr double kReturnMaxS = 1.0;       // a return settles within this time
constexpr double kDepartureDeg = 0.5;     // a movement began where it was last this close to rest
// A movement from a pause that stops again is a return when the angle from rest fell by nearly
// all the distance moved from the pause (a reversal); a movement in another direction does not.
constexpr double kReturnShare = 0.9;
// A stop is still in angle as well as in speed: a rep slower than still_dps (a slow, small rehab
// rep) keeps turning, and moving this far from where the still run began starts it over. The
// segmenter sees the movement band, where a tremor's swing is ~0.01 deg.
constexpr double kStopDriftDeg = 1.0;
// Further out the same way after a pause shorter than this is a hesitation inside one rep;
// after a longer one, a rep of its own.
constexpr double kHesitationS = 2.5;

double return_threshold(double move_start_deg, double peak_deg) {
  return std::max(move_start_deg, kReturnFraction * peak_deg);
}
}  // namespace

void RepSegmenter::begin(double t_s, const Quaternion& q) {
  rest_at(t_s, q);
  angle_deg_ = 0.0;
}

void RepSegmenter::rest_at(double t_s, const Quaternion& q) {
  state_ = State::kRest;
  window_.clear();
  window_.push(t_s, q);
}

double RepSegmenter::keep_from_s() const {
  return state_ == State::kRest ? window_.reference_t_s() : start_s_;
}

Quaternion RepSegmenter::rest_orientation() const {
  return state_ == State::kRest ? window_.reference() : anchor_;
}

void RepSegmenter::start_moving(const Quaternion& reference, double start_s, double angle_deg) {
  state_ = State::kMoving;
  anchor_ = reference;
  start_s_ = start_s;
  peak_deg_ = angle_deg;
  still_run_ = false;
}

bool RepSegmenter::finish(double end_s, MovementEnd how, double t_s, const Quaternion& rest) {
  last_ = Movement{start_s_, std::max(end_s, start_s_), peak_deg_, how};
  rest_at(t_s, rest);
  return true;
}

bool RepSegmenter::update(double t_s, const Quaternion& q, double speed_dps) {
  const bool still = speed_dps < thresholds_.still_dps;
  if (state_ == State::kRest) {
    window_.push(t_s, q);
    const Quaternion reference = window_.reference();
    angle_deg_ = angle_between_deg(reference, q);
    if (angle_deg_ > thresholds_.move_start_deg) {
      start_moving(reference, window_.departure_t_s(kDepartureDeg), angle_deg_);
    }
    return false;
  }

  angle_deg_ = angle_between_deg(anchor_, q);
  const bool too_long = t_s - start_s_ >= thresholds_.rep_max_duration_s;
  if (state_ == State::kPaused) {
    if (too_long) return finish(paused_at_s_, MovementEnd::kStopped, t_s, q);
    return update_paused(t_s, q);
  }
  if (state_ == State::kResumed) {
    if (too_long) {
      // The paused rep cannot last longer: it ended where it stopped, and the movement under
      // way from the pause carries on as a movement of its own.
      finish(paused_at_s_, MovementEnd::kStopped, t_s, q);
      start_moving(pause_, resumed_start_s_, from_pause_peak_deg_);
      angle_deg_ = angle_between_deg(pause_, q);
      return true;
    }
    return update_resumed(t_s, q, still);
  }
  peak_deg_ = std::max(peak_deg_, angle_deg_);
  if (too_long) return finish(t_s, MovementEnd::kTooLong, t_s, q);
  return state_ == State::kMoving ? update_moving(t_s, q, still) : update_returning(t_s, q, still);
}

void RepSegmenter::enter_returning(double t_s, const Quaternion& q) {
  state_ = State::kReturning;
  returning_since_s_ = t_s;
  min_deg_ = angle_deg_;
  min_t_s_ = t_s;
  min_q_ = q;
}

void RepSegmenter::enter_paused(double t_s, const Quaternion& q) {
  state_ = State::kPaused;
  paused_at_s_ = still_since_s_;
  paused_angle_deg_ = angle_deg_;
  window_.clear();
  window_.push(t_s, q);
}

bool RepSegmenter::stopped(double t_s, const Quaternion& q, bool still) {
  if (!still) {
    still_run_ = false;
    return false;
  }
  if (!still_run_ || angle_between_deg(still_q_, q) > kStopDriftDeg) {
    still_run_ = true;
    still_since_s_ = t_s;
    still_q_ = q;
  }
  return t_s - still_since_s_ >= thresholds_.stop_s;
}

bool RepSegmenter::update_moving(double t_s, const Quaternion& q, bool still) {
  if (angle_deg_ < return_threshold(thresholds_.move_start_deg, peak_deg_)) {
    enter_returning(t_s, q);
    return false;
  }
  if (stopped(t_s, q, still)) enter_paused(t_s, q);
  return false;
}

bool RepSegmenter::update_returning(double t_s, const Quaternion& q, bool still) {
  if (angle_deg_ < min_deg_) {  // settle on the lowest angle reached
    min_deg_ = angle_deg_;
    min_t_s_ = t_s;
    min_q_ = q;
  }
  if (still) return finish(t_s, MovementEnd::kReturned, t_s, q);
  if (angle_deg_ > min_deg_ + kTurnOutDeg || t_s - returning_since_s_ >= kReturnMaxS) {
    return finish(min_t_s_, MovementEnd::kReturned, min_t_s_, min_q_);
  }
  return false;
}

bool RepSegmenter::update_paused(double t_s, const Quaternion& q) {
  window_.push(t_s, q);
  const Quaternion pause = window_.reference();
  const double from_pause = angle_between_deg(pause, q);
  if (from_pause <= thresholds_.move_start_deg) return false;
  state_ = State::kResumed;
  pause_ = pause;
  resumed_start_s_ = window_.departure_t_s(kDepartureDeg);
  from_pause_deg_ = from_pause;
  from_pause_peak_deg_ = from_pause;
  still_run_ = false;
  return false;
}

bool RepSegmenter::heads_back() const {
  return angle_deg_ <= paused_angle_deg_ - kReturnShare * from_pause_deg_;
}

bool RepSegmenter::goes_further_out() const {
  return resumed_start_s_ - paused_at_s_ < kHesitationS &&
         angle_deg_ >= paused_angle_deg_ + kReturnShare * from_pause_deg_;
}

bool RepSegmenter::update_resumed(double t_s, const Quaternion& q, bool still) {
  from_pause_deg_ = angle_between_deg(pause_, q);
  from_pause_peak_deg_ = std::max(from_pause_peak_deg_, from_pause_deg_);
  if (angle_deg_ < return_threshold(thresholds_.move_start_deg, peak_deg_)) {
    enter_returning(t_s, q);  // back at the old rest: one rep, paused at end range
    return false;
  }
  const bool back_at_pause =
      from_pause_deg_ < return_threshold(thresholds_.move_start_deg, from_pause_peak_deg_);
  if (back_at_pause && from_pause_peak_deg_ <= 2.0 * thresholds_.move_start_deg) {
    // A small excursion from the pause and back (a wiggle): the pause goes on as it was.
    state_ = State::kPaused;
    window_.clear();
    window_.push(t_s, q);
    return false;
  }
  if (back_at_pause) {
    // Out from the pause and back to it: the paused rep ended where it stopped, and this
    // movement is a rep of its own, now returning.
    finish(paused_at_s_, MovementEnd::kStopped, t_s, q);
    start_moving(pause_, resumed_start_s_, from_pause_peak_deg_);
    angle_deg_ = from_pause_deg_;
    enter_returning(t_s, q);
    return true;
  }
  if (!stopped(t_s, q, still)) return false;
  if (heads_back()) {
    enter_paused(t_s, q);  // part of the way back, stopped again: still the same rep
    return false;
  }
  if (goes_further_out()) {
    // Further out the same way after a short pause, stopped again: one rep, with a hesitation.
    peak_deg_ = std::max(peak_deg_, angle_deg_);
    enter_paused(t_s, q);
    return false;
  }
  // Moved elsewhere and stopped: two reps, the second one paused in turn.
  finish(paused_at_s_, MovementEnd::kStopped, t_s, q);
  start_moving(pause_, resumed_start_s_, from_pause_peak_deg_);
  angle_deg_ = from_pause_deg_;
  enter_paused(t_s, q);
  return true;
}

bool RepSegmenter::interrupt() {
  bool complete = true;
  switch (state_) {
    case State::kPaused:
    case State::kResumed:
      last_ = Movement{start_s_, paused_at_s_, peak_deg_, MovementEnd::kStopped};
      break;
    case State::kReturning:
      last_ = Movement{start_s_, std::max(min_t_s_, start_s_), peak_deg_, MovementEnd::kReturned};
      break;
    case State::kRest:
    case State::kMoving:
      complete = false;
      break;
  }
  state_ = State::kRest;
  return complete;
}

bool RepSegmenter::end(double t_s) {
  switch (state_) {
    case State::kRest:
      return false;
    case State::kPaused:
      last_ = Movement{start_s_, paused_at_s_, peak_deg_, MovementEnd::kStopped};
      break;
    case State::kResumed:
      last_ = heads_back() ? Movement{start_s_, t_s, peak_deg_, MovementEnd::kUnloaded}
                           : Movement{start_s_, paused_at_s_, peak_deg_, MovementEnd::kStopped};
      break;
    case State::kReturning:
      last_ = Movement{start_s_, std::max(min_t_s_, start_s_), peak_deg_, MovementEnd::kReturned};
      break;
    case State::kMoving:
      last_ = Movement{start_s_, t_s, peak_deg_, MovementEnd::kUnloaded};
      break;
  }
  state_ = State::kRest;
  return true;
}

}  // namespace r3::core
