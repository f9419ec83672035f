#pragma once
// The recent orientations of a contact at rest, over a sliding window. The rest reference is the
// orientation a window ago: slow drift never adds up to a movement within the window, while a
// deliberate movement, however slow its start, leaves the reference by move_start_deg. Fixed
// capacity, no allocation per sample.

#include <cstddef>
#include <vector>

#include "core/signal/orientation.hpp"

namespace r3::core {

class RestWindow {
 public:
  RestWindow(double window_s, double fs_hz) { configure(window_s, fs_hz); }
  void configure(double window_s, double fs_hz);

  void clear() { size_ = 0; }
  void push(double t_s, const Quaternion& q);

  // The oldest orientation within the window (the rest reference) and its time.
  [[nodiscard]] Quaternion reference() const;
  [[nodiscard]] double reference_t_s() const;
  // The last time the contact was within tolerance_deg of the reference: where a movement began.
  [[nodiscard]] double departure_t_s(double tolerance_deg) const;

 private:
  struct Entry {
    double t_s;
    float w, x, y, z;
  };
  [[nodiscard]] const Entry& at(std::size_t i) const;  // 0 = oldest
  static Quaternion to_quaternion(const Entry& e) { return {e.w, e.x, e.y, e.z}; }

  std::vector<Entry> ring_;
  std::size_t head_ = 0;  // index of the oldest entry
  std::size_t size_ = 0;
  double window_s_ = 2.0;
};

}  // namespace r3::core
