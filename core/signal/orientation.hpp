#pragma once
// 6-axis orientation (no magnetometer): a Mahony-style complementary filter with gyro bias
// estimated while the contact rests. Tens of nanoseconds per update, no allocation.

#include <array>

namespace r3::core {

struct Quaternion {
  double w = 1.0, x = 0.0, y = 0.0, z = 0.0;
};
Quaternion multiply(const Quaternion& a, const Quaternion& b);
Quaternion conjugate(const Quaternion& q);
// The rotation angle between two orientations, degrees, 0..180.
double angle_between_deg(const Quaternion& a, const Quaternion& b);
// Angle of the body z axis from the world vertical, degrees (0 = lying flat, face up).
double tilt_deg(const Quaternion& q);

struct OrientationConfig {
  double accel_gain = 0.5;       // Kp of the accelerometer correction, 1/s
  double accel_reject_g = 0.15;  // skip the correction when | |a| - 1 g | is larger
  // Gyro bias is learnt from quiet blocks only: within a block every axis spans less than
  // rest_span_dps, the mean rate is below rest_gyro_dps (bias included) and | |a| - 1 g | stays
  // below rest_accel_g. A block counts once the block after it is quiet too, so the slow start
  // of a movement (slower than any rate threshold) is never learnt as bias.
  double rest_gyro_dps = 3.0;
  double rest_span_dps = 1.2;
  double rest_accel_g = 0.03;
  double bias_block_s = 0.5;
  double rest_min_s = 1.0;            // quiet this long: at_rest()
  double bias_time_constant_s = 2.0;  // how fast the bias estimate follows over long rests
};

class OrientationFilter {
 public:
  explicit OrientationFilter(const OrientationConfig& config = {});
  void reset();
  // Sets the orientation from gravity alone (yaw 0), e.g. on the first sample.
  void align(const std::array<float, 3>& acc_g);
  void update(const std::array<float, 3>& acc_g, const std::array<float, 3>& gyro_dps, double dt_s);

  [[nodiscard]] const Quaternion& orientation() const { return q_; }  // body -> world
  [[nodiscard]] const std::array<double, 3>& gyro_bias_dps() const { return bias_; }
  [[nodiscard]] double angular_speed_dps() const { return speed_dps_; }  // |gyro - bias|
  [[nodiscard]] bool at_rest() const { return rest_s_ >= config_.rest_min_s; }

 private:
  OrientationConfig config_;
  Quaternion q_;
  std::array<double, 3> bias_{};
  double speed_dps_ = 0.0;
  bool aligned_ = false;

  // The bias learner's block in progress and the quiet block waiting for its successor.
  struct Block {
    std::array<double, 3> sum{}, min{}, max{};
    double max_accel_dev = 0.0;
    double seconds = 0.0;
    int samples = 0;
  };
  void learn_bias(double gx, double gy, double gz, double accel_dev, double dt_s);
  [[nodiscard]] bool quiet(const Block& b) const;
  Block block_;
  std::array<double, 3> pending_mean_{};
  bool pending_ = false;
  double rest_s_ = 0.0;    // consecutive quiet time
  double learnt_s_ = 0.0;  // rest time the bias has been learnt from
};

}  // namespace r3::core
