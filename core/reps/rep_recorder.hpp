#pragma once
// The recent samples of a loaded contact (force and angular speed), kept from the rest a
// movement may leave until the movement ends, so per-rep metrics are computed over exactly
// [start, end]. A ring of fixed capacity, allocated once: no allocation or copy per sample.
// Samples are uniformly spaced at fs (the pipeline bridges gaps before recording).

#include <cstddef>
#include <vector>

namespace r3::core {

class RepRecorder {
 public:
  RepRecorder() = default;
  void configure(std::size_t capacity, double fs_hz);  // empties it
  // A new capacity at the same rate, keeping the newest samples that fit.
  void resize(std::size_t capacity);
  void clear() { size_ = 0; }

  // Appends a sample; when full, the oldest is overwritten.
  void record(double t_s, float force_n, float speed_dps);
  // Forgets the samples before t_s.
  void keep_from(double t_s);
  // Copies the samples in [start_s, end_s] into force and speed (resized; reuse them to avoid
  // allocating). Returns how many.
  std::size_t copy(double start_s, double end_s, std::vector<float>& force,
                   std::vector<float>& speed) const;

  [[nodiscard]] std::size_t size() const { return size_; }
  [[nodiscard]] double first_t_s() const;

 private:
  [[nodiscard]] std::size_t index_at(double t_s) const;  // clamped to [0, size]

  std::vector<float> force_;
  std::vector<float> speed_;
  std::size_t head_ = 0;  // oldest sample
  std::size_t size_ = 0;
  double last_t_s_ = 0.0;  // exact time of the newest sample: no accumulated rounding
  double fs_hz_ = 100.0;
};

}  // namespace r3::core
