#include "core/reps/rep_segmenter.hpp"

#include <algorithm>

namespace r3::core {
namespace {
constexpr double kReturnFraction = 0.25;  // back within this share of the peak counts as returned
constexpr double kTurnOutDeg = 1.0;       // turning outwards again by this much ends a return
constexpr double kReturnMaxS = 1.0;       // a return settles within this time
// Leaving a pause, the movement is a return when the angle from rest falls by most of the
// distance moved from the pause; a new movement in another direction does not.
constexpr double kReturnShare = 0.7;
}  // namespace

void RepSegmenter::begin(double t_s, const Quaternion& q) {
  state_ = State::kRest;
  set_rest(t_s, q);
  angle_deg_ = 0.0;
}

void RepSegmenter::abandon() { state_ = State::kRest; }

void RepSegmenter::set_rest(double t_s, const Quaternion& q) {
  anchor_ = q;
  anchor_t_s_ = t_s;
  rest_updated_ = true;
}

bool RepSegmenter::finish(double end_s, MovementEnd how, double t_s, const Quaternion& rest) {
  last_ = Movement{start_s_, std::max(end_s, start_s_), peak_deg_, how};
  state_ = State::kRest;
  set_rest(t_s, rest);
  return true;
}

bool RepSegmenter::update(double t_s, const Quaternion& q, double speed_dps) {
  rest_updated_ = false;
  angle_deg_ = angle_between_deg(anchor_, q);
  const bool still = speed_dps < thresholds_.still_dps;

  if (state_ == State::kRest) {
    if (still) {
      set_rest(t_s, q);
      angle_deg_ = 0.0;
    } else if (angle_deg_ > thresholds_.move_start_deg) {
      state_ = State::kMoving;
      start_s_ = anchor_t_s_;
      peak_deg_ = angle_deg_;
      still_run_ = false;
    }
    return false;
  }

  const bool too_long = t_s - start_s_ >= thresholds_.rep_max_duration_s;
  if (state_ == State::kPaused) {
    if (too_long) return finish(paused_at_s_, MovementEnd::kStopped, t_s, q);
    return update_paused(t_s, q, still);
  }
  peak_deg_ = std::max(peak_deg_, angle_deg_);
  if (too_long) return finish(t_s, MovementEnd::kTooLong, t_s, q);

  if (state_ == State::kMoving) {
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
      pause_q_ = q;
      pause_t_s_ = t_s;
    }
    return false;
  }

  // Returning: settle on the lowest angle reached.
  if (angle_deg_ < min_deg_) {
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

bool RepSegmenter::update_paused(double t_s, const Quaternion& q, bool still) {
  if (still) {
    pause_q_ = q;
    pause_t_s_ = t_s;
    return false;
  }
  const double from_pause = angle_between_deg(pause_q_, q);
  if (from_pause <= thresholds_.move_start_deg) return false;
  if (angle_deg_ <= paused_angle_deg_ - kReturnShare * from_pause) {
    state_ = State::kMoving;  // coming back: the same rep, paused at end range
    still_run_ = false;
    return false;
  }
  // A new movement from the pause: the paused rep ended where it stopped.
  const Quaternion pause_q = pause_q_;
  const double pause_t = pause_t_s_;
  finish(paused_at_s_, MovementEnd::kStopped, pause_t, pause_q);
  state_ = State::kMoving;
  start_s_ = pause_t;
  peak_deg_ = from_pause;
  angle_deg_ = from_pause;
  still_run_ = false;
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
