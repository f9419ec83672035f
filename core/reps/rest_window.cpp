#include "core/reps/rest_window.hpp"

#include <cmath>

namespace r3::core {

void RestWindow::configure(double window_s, double fs_hz) {
  window_s_ = window_s;
  ring_.assign(static_cast<std::size_t>(std::ceil(window_s * fs_hz)) + 2, Entry{});
  head_ = 0;
  size_ = 0;
}

const RestWindow::Entry& RestWindow::at(std::size_t i) const {
  return ring_[(head_ + i) % ring_.size()];
}

void RestWindow::push(double t_s, const Quaternion& q) {
  if (size_ == ring_.size()) {
    head_ = (head_ + 1) % ring_.size();
    --size_;
  }
  ring_[(head_ + size_) % ring_.size()] =
      Entry{t_s, static_cast<float>(q.w), static_cast<float>(q.x), static_cast<float>(q.y),
            static_cast<float>(q.z)};
  ++size_;
  while (size_ > 1 && t_s - at(0).t_s > window_s_) {
    head_ = (head_ + 1) % ring_.size();
    --size_;
  }
}

Quaternion RestWindow::reference() const {
  return size_ == 0 ? Quaternion{} : to_quaternion(at(0));
}

double RestWindow::reference_t_s() const {
  return size_ == 0 ? 0.0 : at(0).t_s;
}

double RestWindow::departure_t_s(double tolerance_deg) const {
  if (size_ == 0) return 0.0;
  const Quaternion ref = reference();
  for (std::size_t i = size_; i-- > 0;) {
    if (angle_between_deg(ref, to_quaternion(at(i))) <= tolerance_deg) return at(i).t_s;
  }
  return at(0).t_s;
}

}  // namespace r3::core
