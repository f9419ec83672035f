#pragma once
// The recent samples of a loaded contact, kept from the rest a movement may leave until the
// movement ends, so per-rep metrics are computed over exactly [start, end] and the rep's
// boundaries can be refined once it is known to be a rep. A ring of fixed capacity, allocated
// once: no allocation or copy per sample. Samples are uniformly spaced at fs (the pipeline
// bridges gaps before recording).

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace r3::core {

struct RecordedSample {
  float force_n = 0.0F;
  float speed_dps = 0.0F;           // |gyro - bias|, full band
  std::array<float, 3> rate_dps{};  // gyro - bias, full band: boundaries are found on it
  float tremor_sq = 0.0F;           // |tremor-band rate|^2, (deg/s)^2
  float tremor_step_sq = 0.0F;      // |its change since the previous sample|^2
  std::array<float, 4> q{1.0F, 0.0F, 0.0F, 0.0F};  // orientation (w, x, y, z), full band
  bool interpolated = false;                       // bridged over a short gap
};

class RepRecorder {
 public:
  RepRecorder() = default;
  void configure(std::size_t capacity, double fs_hz);  // empties it
  // A new capacity at the same rate, keeping the newest samples that fit.
  void resize(std::size_t capacity);
  void clear() { size_ = 0; }

  // Appends a sample; when full, the oldest is overwritten.
  void record(double t_s, const RecordedSample& sample);
  // Forgets the samples before t_s.
  void keep_from(double t_s);
  // Copies force and speed of the samples in [start_s, end_s] (resized; reuse them to avoid
  // allocating). Returns how many.
  std::size_t copy(double start_s, double end_s, std::vector<float>& force,
                   std::vector<float>& speed) const;

  // How many of the samples in [start_s, end_s] were interpolated.
  [[nodiscard]] std::uint32_t count_interpolated(double start_s, double end_s) const;

  [[nodiscard]] std::size_t size() const { return size_; }
  [[nodiscard]] double first_t_s() const;
  // The index of the sample at t_s (0 = oldest), clamped to [0, size].
  [[nodiscard]] std::size_t index_at(double t_s) const;
  [[nodiscard]] double time_at(std::size_t i) const;
  [[nodiscard]] const RecordedSample& at(std::size_t i) const;  // i < size()

 private:
  std::vector<RecordedSample> ring_;
  std::size_t head_ = 0;  // oldest sample
  std::size_t size_ = 0;
  double last_t_s_ = 0.0;  // exact time of the newest sample: no accumulated rounding
  double fs_hz_ = 100.0;
};

}  // namespace r3::core
