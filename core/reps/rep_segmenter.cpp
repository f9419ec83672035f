#include "core/reps/rep_segmenter.hpp"

#include <algorithm>

namespace r3::core {
namespace {
constexpr double kReturnFraction = 0.25;  // back within this share of the peak counts as returned
constexpr double kTurnOutDeg = 1.0;       // turning outwards again by this much ends a return
constexpr double kReturnMaxS = 1.0;       // a return settles within this time
constexpr double kDepartureDeg = 0.5;     // a movement began where it was last this close to rest
// Leaving a pause, the movement is a return when the angle from rest falls by most of the
// distance moved from the pause; a new movement in another direction does not.
constexpr double kReturnShare = 0.7;
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
  peak_deg_ = std::max(peak_deg_, angle_deg_);
  if (too_long) return finish(t_s, MovementEnd::kTooLong, t_s, q);
  return state_ == State::kMoving ? update_moving(t_s, q, still) : update_returning(t_s, q, still);
}

bool RepSegmenter::update_moving(double t_s, const Quaternion& q, bool still) {
  const double return_deg = std::max(thresholds_.move_start_deg, kReturnFraction * peak_deg_);
  if (angle_deg_ < return_deg) {
    state_ = State::kReturning;
    returning_since_s_ = t_s;
    min_deg_ = angle_deg_;
    min_t_s_ = t_s;
    min_q_ = q;
    return false;
  }
  if (!still) {
    still_run_ = false;
    return false;
  }
  if (!still_run_) {
    still_run_ = true;
    still_since_s_ = t_s;
  }
  if (t_s - still_since_s_ >= thresholds_.stop_s) {
    state_ = State::kPaused;
    paused_at_s_ = still_since_s_;
    paused_angle_deg_ = angle_deg_;
    window_.clear();
    window_.push(t_s, q);
  }
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
  if (angle_deg_ <= paused_angle_deg_ - kReturnShare * from_pause) {
    state_ = State::kMoving;  // coming back: the same rep, paused at end range
    still_run_ = false;
    return false;
  }
  // A new movement from the pause: the paused rep ended where it stopped.
  const double departure_s = window_.departure_t_s(kDepartureDeg);
  finish(paused_at_s_, MovementEnd::kStopped, t_s, q);
  start_moving(pause, departure_s, from_pause);
  angle_deg_ = from_pause;
  return true;
}

bool RepSegmenter::end(double t_s) {
  switch (state_) {
    case State::kRest:
      return false;
    case State::kPaused:
      last_ = Movement{start_s_, paused_at_s_, peak_deg_, MovementEnd::kStopped};
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
