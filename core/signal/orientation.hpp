#pragma once
// 6-axis orientation (no magnetometer): a Mahony-style complementary filter with gyro bias
// estimated while the contact rests. Tens of nanoseconds per update, no allocation.

#include <array>

#include "core/signal/gyro_bands.hpp"
#include "core/signal/quaternion.hpp"
#include "core/signal/quaternion_low_pass.hpp"

namespace r3::core {

struct OrientationConfig {
  double accel_gain = 0.5;       // Kp of the accelerometer correction, 1/s
  double accel_reject_g = 0.15;  // skip the correction when | |a| - 1 g | is larger
  // Gyro bias is learnt from quiet blocks only, judged on the movement band of the rate (a hand
  // tremor is not movement): within a block every axis spans less than rest_span_dps, the mean
  // rate is below rest_gyro_dps (bias included) and | |a| - 1 g | stays below rest_accel_g. A
  // block counts once the block after it is quiet too, its mean differs by less than
  // rest_step_dps on every axis and gravity turned by less than rest_tilt_step_deg between them,
  // so the slow start of a movement (slower than any rate threshold, and delayed by the movement
  // band's filter) is never learnt as bias. Once a bias is known, a block further than
  // rest_bias_change_dps from it is learnt only after rest_new_bias_s of steady rest: a slow rep
  // turning about the vertical at an even rate is not a new bias.
  double rest_gyro_dps = 3.0;
  double rest_span_dps = 1.2;
  double rest_step_dps = 0.2;
  double rest_tilt_step_deg = 0.3;
  double rest_bias_change_dps = 0.5;
  double rest_new_bias_s = 12.0;
  double rest_accel_g = 0.03;
  double bias_block_s = 0.5;
  double rest_min_s = 1.0;            // quiet this long: at_rest()
  double bias_time_constant_s = 2.0;  // how fast the bias estimate follows over long rests
  GyroBandsConfig bands;
};

class OrientationFilter {
 public:
  explicit OrientationFilter(const OrientationConfig& config = {}, double fs_hz = 100.0);
  void set_rate(double fs_hz);  // the sample rate the band filters are designed for
  void reset();
  // Sets the orientation from gravity alone (yaw 0), e.g. on the first sample.
  void align(const std::array<float, 3>& acc_g);
  void update(const std::array<float, 3>& acc_g, const std::array<float, 3>& gyro_dps, double dt_s);

  [[nodiscard]] const Quaternion& orientation() const { return q_; }  // body -> world
  // The orientation's movement band: a tremor's small rotations removed, late by
  // bands().movement_delay_s() like the movement speed.
  [[nodiscard]] const Quaternion& movement_orientation() const { return q_movement_.value(); }
  [[nodiscard]] const std::array<double, 3>& gyro_bias_dps() const { return bias_; }
  [[nodiscard]] double angular_speed_dps() const { return speed_dps_; }  // |gyro - bias|
  // |movement band of the gyro - bias|: the speed of the deliberate movement, tremor removed,
  // late by bands().movement_delay_s().
  [[nodiscard]] double movement_speed_dps() const { return movement_speed_dps_; }
  [[nodiscard]] const GyroBands& bands() const { return bands_; }
  [[nodiscard]] bool at_rest() const { return rest_s_ >= config_.rest_min_s; }

 private:
  OrientationConfig config_;
  Quaternion q_;
  std::array<double, 3> bias_{};
  double speed_dps_ = 0.0;
  double movement_speed_dps_ = 0.0;
  bool aligned_ = false;
  GyroBands bands_;
  QuaternionLowPass q_movement_;
  bool bands_primed_ = false;

  // The bias learner's block in progress and the quiet block waiting for its successor.
  struct Block {
    std::array<double, 3> sum{}, min{}, max{}, acc_sum{};
    double max_accel_dev = 0.0;
    double seconds = 0.0;
    int samples = 0;
  };
  void learn_bias(const std::array<double, 3>& g, const std::array<float, 3>& acc, double accel_dev,
                  double dt_s);
  [[nodiscard]] bool quiet(const Block& b) const;
  [[nodiscard]] bool steady(const std::array<double, 3>& mean,
                            const std::array<double, 3>& acc_mean) const;
  [[nodiscard]] bool near_bias(const std::array<double, 3>& mean) const;
  Block block_;
  std::array<double, 3> pending_mean_{};
  std::array<double, 3> pending_acc_{};
  bool pending_ = false;
  double rest_s_ = 0.0;    // consecutive quiet time
  double learnt_s_ = 0.0;  // rest time the bias has been learnt from
};

}  // namespace r3::core
