#pragma once
// Welford's running mean and variance: one pass, no buffer, numerically stable.

#include <cmath>
#include <cstdint>
#include <optional>

namespace r3::core {

class RunningStats {
 public:
  void add(double x) {
    ++n_;
    const double delta = x - mean_;
    mean_ += delta / static_cast<double>(n_);
    m2_ += delta * (x - mean_);
  }
  void clear() { *this = RunningStats{}; }

  [[nodiscard]] std::uint64_t count() const { return n_; }
  [[nodiscard]] double mean() const { return mean_; }
  // Sample standard deviation (n - 1); 0 for fewer than two values.
  [[nodiscard]] double sd() const {
    return n_ < 2 ? 0.0 : std::sqrt(m2_ / static_cast<double>(n_ - 1));
  }
  // Coefficient of variation in percent; none for fewer than two values or a zero mean.
  [[nodiscard]] std::optional<double> cv_pct() const {
    if (n_ < 2 || mean_ == 0.0) return std::nullopt;
    return 100.0 * sd() / std::fabs(mean_);
  }

 private:
  std::uint64_t n_ = 0;
  double mean_ = 0.0;
  double m2_ = 0.0;
};

}  // namespace r3::core
