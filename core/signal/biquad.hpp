#pragma once
// Second-order IIR low-pass (Butterworth, bilinear transform). Direct form II transposed.

namespace r3::core {

class Biquad {
 public:
  Biquad() = default;
  static Biquad low_pass(double cutoff_hz, double fs_hz);
  double process(double x);
  void reset(double steady_value);  // state as if x had been steady_value forever

 private:
  double b0_ = 1.0, b1_ = 0.0, b2_ = 0.0, a1_ = 0.0, a2_ = 0.0;
  double z1_ = 0.0, z2_ = 0.0;
};

}  // namespace r3::core
