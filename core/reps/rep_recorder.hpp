#pragma once
// The samples of a movement in progress (force and angular speed), kept from the rest it left
// until it ends, so per-rep metrics can be computed over exactly [start, end]. Fixed capacity,
// allocated once: no allocation per sample.

#include <cstddef>
#include <vector>

namespace r3::core {

class RepRecorder {
 public:
  explicit RepRecorder(std::size_t capacity) { resize(capacity); }
  void resize(std::size_t capacity);
  void clear() { size_ = 0; }

  // Keep only the samples from t_s on (uniformly spaced at fs_hz from first_t_s()).
  void restart(double t_s, double fs_hz);
  // False when full (the caller decides what a movement that long means).
  bool record(double t_s, float force_n, float speed_dps);

  [[nodiscard]] bool empty() const { return size_ == 0; }
  [[nodiscard]] bool full() const { return size_ == force_.size(); }
  [[nodiscard]] std::size_t size() const { return size_; }
  [[nodiscard]] std::size_t capacity() const { return force_.size(); }
  [[nodiscard]] double first_t_s() const { return first_t_s_; }
  // Index of the sample at time t_s, clamped to [0, size].
  [[nodiscard]] std::size_t index_at(double t_s, double fs_hz) const;

  [[nodiscard]] const float* force() const { return force_.data(); }
  [[nodiscard]] const float* speed() const { return speed_.data(); }

 private:
  std::vector<float> force_;
  std::vector<float> speed_;
  std::size_t size_ = 0;
  double first_t_s_ = 0.0;
};

}  // namespace r3::core
