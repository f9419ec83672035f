#pragma once
// Second-order IIR sections (bilinear transform), direct form II transposed. Cascade two with
// kButterworth4Q for a 4th-order Butterworth.

namespace r3::core {

class Biquad {
 public:
  Biquad() = default;
  static constexpr double kButterworthQ = 0.70710678118654752;
  // The Q of the two sections of a 4th-order Butterworth: 1 / (2 cos(pi/8)), 1 / (2 cos(3pi/8)).
  static constexpr double kButterworth4Q[2] = {0.54119610014619698, 1.3065629648763766};

  static Biquad low_pass(double cutoff_hz, double fs_hz, double q = kButterworthQ);
  static Biquad high_pass(double cutoff_hz, double fs_hz, double q = kButterworthQ);
  double process(double x);
  void reset(double steady_value);  // state as if x had been steady_value forever
  [[nodiscard]] double dc_gain() const { return (b0_ + b1_ + b2_) / (1.0 + a1_ + a2_); }

 private:
  double b0_ = 1.0, b1_ = 0.0, b2_ = 0.0, a1_ = 0.0, a2_ = 0.0;
  double z1_ = 0.0, z2_ = 0.0;
};

}  // namespace r3::core
