#include "core/reps/rep_recorder.hpp"

#include <algorithm>
#include <cmath>

namespace r3::core {

void RepRecorder::configure(std::size_t capacity, double fs_hz) {
  force_.assign(std::max<std::size_t>(capacity, 1), 0.0F);
  speed_.assign(force_.size(), 0.0F);
  fs_hz_ = fs_hz;
  head_ = 0;
  size_ = 0;
}

void RepRecorder::resize(std::size_t capacity) {
  capacity = std::max<std::size_t>(capacity, 1);
  if (capacity == force_.size()) return;
  const std::size_t keep = std::min(size_, capacity);
  std::vector<float> force(capacity, 0.0F), speed(capacity, 0.0F);
  for (std::size_t i = 0; i < keep; ++i) {
    const std::size_t k = (head_ + size_ - keep + i) % force_.size();
    force[i] = force_[k];
    speed[i] = speed_[k];
  }
  force_.swap(force);
  speed_.swap(speed);
  head_ = 0;
  size_ = keep;
}

double RepRecorder::first_t_s() const {
  return size_ == 0 ? last_t_s_ : last_t_s_ - static_cast<double>(size_ - 1) / fs_hz_;
}

void RepRecorder::record(double t_s, float force_n, float speed_dps) {
  if (size_ == force_.size()) {
    head_ = (head_ + 1) % force_.size();
    --size_;
  }
  const std::size_t i = (head_ + size_) % force_.size();
  force_[i] = force_n;
  speed_[i] = speed_dps;
  ++size_;
  last_t_s_ = t_s;
}

std::size_t RepRecorder::index_at(double t_s) const {
  const double i = std::round((t_s - first_t_s()) * fs_hz_);
  if (!(i > 0.0)) return 0;
  return std::min(static_cast<std::size_t>(i), size_);
}

void RepRecorder::keep_from(double t_s) {
  const std::size_t drop = index_at(t_s);
  head_ = (head_ + drop) % force_.size();
  size_ -= drop;
}

std::size_t RepRecorder::copy(double start_s, double end_s, std::vector<float>& force,
                              std::vector<float>& speed) const {
  const std::size_t i0 = index_at(start_s);
  const std::size_t i1 = std::max(i0, std::min(index_at(end_s) + 1, size_));
  force.resize(i1 - i0);
  speed.resize(i1 - i0);
  for (std::size_t i = i0; i < i1; ++i) {
    const std::size_t k = (head_ + i) % force_.size();
    force[i - i0] = force_[k];
    speed[i - i0] = speed_[k];
  }
  return i1 - i0;
}

}  // namespace r3::core
