#pragma once
// A hand-scripted contact for pipeline tests: force and a rotation about the vertical, sampled
// into Samples the way the sensor would see them (noise-free).

#include <algorithm>
#include <cmath>
#include <functional>
#include <numbers>
#include <vector>

#include "core/protocol/sample.hpp"

namespace r3::core::testing {

inline double min_jerk(double s) {
  s = std::clamp(s, 0.0, 1.0);
  return s * s * s * (10.0 - 15.0 * s + 6.0 * s * s);
}

struct Script {
  std::function<double(double)> force_n;    // force at t
  std::function<double(double)> angle_deg;  // rotation about the vertical at t
};

// Lying flat (gravity on +z), turning about z: gyro z is the angle's rate.
inline std::vector<Sample> sample(const Script& script, double end_s, double fs = 100.0) {
  std::vector<Sample> out;
  const double h = 1e-4;
  for (int i = 0; i < static_cast<int>(end_s * fs); ++i) {
    const double t = i / fs;
    Sample s;
    s.t_s = t;
    s.force_n = static_cast<float>(script.force_n(t));
    s.acc_g = {0.0F, 0.0F, 1.0F};
    const double rate = (script.angle_deg(t + h) - script.angle_deg(t - h)) / (2.0 * h);
    s.gyro_dps = {0.0F, 0.0F, static_cast<float>(rate)};
    out.push_back(s);
  }
  return out;
}

// Loaded at 100 N between on and off (with 0.3 s ramps), else 0.
inline std::function<double(double)> load_between(double on_s, double off_s, double n = 100.0) {
  return [=](double t) {
    const double up = std::clamp((t - on_s) / 0.3, 0.0, 1.0);
    const double down = std::clamp((off_s - t) / 0.3, 0.0, 1.0);
    return n * std::min(up, down);
  };
}

// Out-and-back reps of rom_deg over duration_s, starting at each of starts.
inline std::function<double(double)> reps_at(std::vector<double> starts, double rom_deg,
                                             double duration_s) {
  return [=](double t) {
    double a = 0.0;
    for (double s0 : starts) {
      const double half = 0.5 * duration_s;
      a += rom_deg * (min_jerk((t - s0) / half) - min_jerk((t - s0 - half) / half));
    }
    return a;
  };
}

}  // namespace r3::core::testing
