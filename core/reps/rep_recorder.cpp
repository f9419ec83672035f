#include "core/reps/rep_recorder.hpp"

#include <algorithm>
#include <cmath>

namespace r3::core {

void RepRecorder::resize(std::size_t capacity) {
  force_.assign(capacity, 0.0F);
  speed_.assign(capacity, 0.0F);
  size_ = 0;
}

std::size_t RepRecorder::index_at(double t_s, double fs_hz) const {
  const double i = std::round((t_s - first_t_s_) * fs_hz);
  if (!(i > 0.0)) return 0;
  return std::min(static_cast<std::size_t>(i), size_);
}

void RepRecorder::restart(double t_s, double fs_hz) {
  const std::size_t drop = index_at(t_s, fs_hz);
  if (drop > 0 && drop < size_) {
    std::copy(force_.begin() + static_cast<std::ptrdiff_t>(drop),
              force_.begin() + static_cast<std::ptrdiff_t>(size_), force_.begin());
    std::copy(speed_.begin() + static_cast<std::ptrdiff_t>(drop),
              speed_.begin() + static_cast<std::ptrdiff_t>(size_), speed_.begin());
    size_ -= drop;
    first_t_s_ += static_cast<double>(drop) / fs_hz;
  } else if (drop >= size_) {
    size_ = 0;
  }
}

bool RepRecorder::record(double t_s, float force_n, float speed_dps) {
  if (full()) return false;
  if (size_ == 0) first_t_s_ = t_s;
  force_[size_] = force_n;
  speed_[size_] = speed_dps;
  ++size_;
  return true;
}

}  // namespace r3::core
