#pragma once
// SPARC, the spectral arc length smoothness measure, exactly as its authors compute it
// (Balasubramanian et al. 2015; siva82kb/SPARC): padlevel 4, fc 10 Hz, amplitude threshold 0.05.

#include <complex>
#include <span>
#include <vector>

namespace r3::core {

struct SparcParams {
  int padlevel = 4;
  double fc_hz = 10.0;
  double amplitude_threshold = 0.05;
};

// Scratch memory for the spectrum, reused between calls: share one per thread.
class SparcWorkspace {
 public:
  std::vector<std::complex<double>>& buffer() { return buffer_; }
  std::vector<double>& magnitudes() { return magnitudes_; }

 private:
  std::vector<std::complex<double>> buffer_;
  std::vector<double> magnitudes_;
};

// speed: a movement's speed profile sampled at fs_hz. Returns 0 for fewer than 2 samples or
// an all-zero profile.
double sparc(std::span<const float> speed, double fs_hz, SparcWorkspace& workspace,
             const SparcParams& params = {});
double sparc(std::span<const double> speed, double fs_hz, SparcWorkspace& workspace,
             const SparcParams& params = {});

}  // namespace r3::core
