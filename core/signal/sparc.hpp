#pragma once
// SPARC, the spectral arc length smoothness measure, exactly as its authors compute it
// (Balasubramanian et al. 2015; siva82kb/SPARC): padlevel 4, fc 10 Hz, amplitude threshold 0.05.

#include <complex>
#include <cstddef>
#include <span>
#include <vector>

namespace r3::core {

struct SparcParams {
  int padlevel = 4;
  double fc_hz = 10.0;
  double amplitude_threshold = 0.05;
};

// Scratch memory for the spectrum, reused between calls: share one per thread. It grows to the
// largest transform seen and then no call allocates.
class SparcWorkspace {
 public:
  std::vector<std::complex<double>>& buffer() { return buffer_; }
  std::vector<double>& magnitudes() { return magnitudes_; }
  // exp(-2 pi i k / twiddle_size) for k < twiddle_size / 2; smaller transforms stride through it.
  std::vector<std::complex<double>>& twiddles() { return twiddles_; }
  std::size_t& twiddle_size() { return twiddle_size_; }

 private:
  std::vector<std::complex<double>> buffer_;
  std::vector<double> magnitudes_;
  std::vector<std::complex<double>> twiddles_;
  std::size_t twiddle_size_ = 0;
};

// speed: a movement's speed profile sampled at fs_hz. Returns 0 for fewer than 2 samples, an
// all-zero or non-finite profile, or parameters that select no band; padlevel is clamped to 0..8.
double sparc(std::span<const float> speed, double fs_hz, SparcWorkspace& workspace,
             const SparcParams& params = {});
double sparc(std::span<const double> speed, double fs_hz, SparcWorkspace& workspace,
             const SparcParams& params = {});

}  // namespace r3::core
