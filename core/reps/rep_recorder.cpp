#include "core/reps/rep_recorder.hpp"

#include <algorithm>
#include <cmath>

namespace r3::core {

void RepRecorder::configure(std::size_t capacity, double fs_hz) {
  ring_.assign(std::max<std::size_t>(capacity, 1), RecordedSample{});
  fs_hz_ = fs_hz;
  head_ = 0;
  size_ = 0;
}

void RepRecorder::resize(std::size_t capacity) {
  capacity = std::max<std::size_t>(capacity, 1);
  if (capacity == ring_.size()) return;
  const std::size_t keep = std::min(size_, capacity);
  std::vector<RecordedSample> ring(capacity);
  for (std::size_t i = 0; i < keep; ++i) ring[i] = at(size_ - keep + i);
  ring_.swap(ring);
  head_ = 0;
  size_ = keep;
}

double RepRecorder::first_t_s() const {
  return size_ == 0 ? last_t_s_ : last_t_s_ - static_cast<double>(size_ - 1) / fs_hz_;
}

double RepRecorder::time_at(std::size_t i) const {
  return first_t_s() + static_cast<double>(i) / fs_hz_;
}

const RecordedSample& RepRecorder::at(std::size_t i) const {
  return ring_[(head_ + i) % ring_.size()];
}

void RepRecorder::record(double t_s, const RecordedSample& sample) {
  if (size_ == ring_.size()) {
    head_ = (head_ + 1) % ring_.size();
    --size_;
  }
  ring_[(head_ + size_) % ring_.size()] = sample;
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
  head_ = (head_ + drop) % ring_.size();
  size_ -= drop;
}

std::size_t RepRecorder::copy(double start_s, double end_s, std::vector<float>& force,
                              std::vector<float>& speed) const {
  const std::size_t i0 = index_at(start_s);
  const std::size_t i1 = std::max(i0, std::min(index_at(end_s) + 1, size_));
  force.resize(i1 - i0);
  speed.resize(i1 - i0);
  for (std::size_t i = i0; i < i1; ++i) {
    force[i - i0] = at(i).force_n;
    speed[i - i0] = at(i).speed_dps;
  }
  return i1 - i0;
}

std::uint32_t RepRecorder::count_interpolated(double start_s, double end_s) const {
  const std::size_t i0 = index_at(start_s);
  const std::size_t i1 = std::min(index_at(end_s) + 1, size_);
  std::uint32_t n = 0;
  for (std::size_t i = i0; i < i1; ++i) n += at(i).interpolated ? 1U : 0U;
  return n;
}

}  // namespace r3::core
