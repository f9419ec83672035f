#include "core/signal/sparc.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace r3::core {
namespace {

using Complex = std::complex<double>;

constexpr int kMaxPadlevel = 8;
constexpr int kMaxLog2Nfft = 24;  // beyond any rep; keeps a corrupt length from exhausting memory

int ceil_log2(std::size_t n) {
  int p = 0;
  while ((std::size_t{1} << p) < n) ++p;
  return p;
}

std::size_t bit_reverse(std::size_t v, int bits) {
  std::size_t r = 0;
  for (int b = 0; b < bits; ++b) {
    r = (r << 1) | (v & 1U);
    v >>= 1;
  }
  return r;
}

// A table for size T serves every power-of-two n <= T with stride T / n, so it only grows.
void ensure_twiddles(SparcWorkspace& ws, std::size_t n) {
  if (ws.twiddle_size() >= n) return;
  auto& tw = ws.twiddles();
  tw.resize(n / 2);
  for (std::size_t k = 0; k < n / 2; ++k) {
    const double angle = -2.0 * std::numbers::pi * static_cast<double>(k) / static_cast<double>(n);
    tw[k] = {std::cos(angle), std::sin(angle)};
  }
  ws.twiddle_size() = n;
}

// Iterative radix-2 decimation in time over input already in bit-reversed order. Complex products
// are spelled out: std::complex's operator* takes a slow NaN-recovery path under strict IEEE.
void fft_bit_reversed(Complex* a, std::size_t m, const Complex* tw, std::size_t table_size) {
  for (std::size_t i = 0; i + 1 < m; i += 2) {
    const Complex u = a[i], v = a[i + 1];
    a[i] = u + v;
    a[i + 1] = u - v;
  }
  for (std::size_t len = 4; len <= m; len <<= 1) {
    const std::size_t half = len / 2;
    const std::size_t stride = table_size / len;
    for (std::size_t i = 0; i < m; i += len) {
      Complex* lo = a + i;
      Complex* hi = lo + half;
      for (std::size_t j = 0; j < half; ++j) {
        const Complex w = tw[j * stride];
        const double hr = hi[j].real(), hm = hi[j].imag();
        const double vr = hr * w.real() - hm * w.imag();
        const double vi = hr * w.imag() + hm * w.real();
        const double ur = lo[j].real(), ui = lo[j].imag();
        lo[j] = {ur + vr, ui + vi};
        hi[j] = {ur - vr, ui - vi};
      }
    }
  }
}

// Squared magnitudes of bins 0..nfft/2 of the nfft-point DFT of the real, zero-padded input,
// computed as one nfft/2-point complex FFT of the even/odd samples packed as re/im. Returns the
// largest squared magnitude (by symmetry, the largest over the whole spectrum).
template <typename T>
double half_spectrum(std::span<const T> x, double scale, std::size_t nfft, SparcWorkspace& ws) {
  const std::size_t m = nfft / 2;
  const int bits = ceil_log2(m);
  ensure_twiddles(ws, nfft);
  auto& buf = ws.buffer();
  if (buf.size() < m) buf.resize(m);
  std::fill(buf.begin(), buf.begin() + static_cast<std::ptrdiff_t>(m), Complex{});
  for (std::size_t n = 0; 2 * n < x.size(); ++n) {
    const double re = static_cast<double>(x[2 * n]) * scale;
    const double im = 2 * n + 1 < x.size() ? static_cast<double>(x[2 * n + 1]) * scale : 0.0;
    buf[bit_reverse(n, bits)] = {re, im};
  }
  const Complex* tw = ws.twiddles().data();
  const std::size_t table_size = ws.twiddle_size();
  fft_bit_reversed(buf.data(), m, tw, table_size);

  auto& mag2 = ws.magnitudes();
  if (mag2.size() < m + 1) mag2.resize(m + 1);
  const std::size_t stride = table_size / nfft;
  double max_mag2 = 0.0;
  for (std::size_t k = 0; k <= m; ++k) {
    const Complex zk = buf[k == m ? 0 : k];
    const Complex zc = std::conj(buf[k == 0 ? 0 : m - k]);
    // Even-sample spectrum E = (zk + zc) / 2, odd-sample spectrum O = (zk - zc) / 2i.
    const double er = 0.5 * (zk.real() + zc.real()), ei = 0.5 * (zk.imag() + zc.imag());
    const double or_ = 0.5 * (zk.imag() - zc.imag()), oi = -0.5 * (zk.real() - zc.real());
    const Complex w = k < m ? tw[k * stride] : Complex{-1.0, 0.0};
    const double xr = er + or_ * w.real() - oi * w.imag();
    const double xi = ei + or_ * w.imag() + oi * w.real();
    const double p = xr * xr + xi * xi;
    mag2[k] = p;
    max_mag2 = std::max(max_mag2, p);
  }
  return max_mag2;
}

template <typename T>
double sparc_impl(std::span<const T> speed, double fs_hz, SparcWorkspace& ws,
                  const SparcParams& params) {
  const std::size_t n = speed.size();
  if (n < 2 || !(fs_hz > 0.0) || !std::isfinite(fs_hz) || !(params.fc_hz >= 0.0)) return 0.0;
  const int log2_nfft = ceil_log2(n) + std::clamp(params.padlevel, 0, kMaxPadlevel);
  if (log2_nfft > kMaxLog2Nfft) return 0.0;
  const std::size_t nfft = std::size_t{1} << log2_nfft;

  double max_abs = 0.0;
  for (const T v : speed) {
    if (!std::isfinite(v)) return 0.0;
    max_abs = std::max(max_abs, std::abs(static_cast<double>(v)));
  }
  if (max_abs == 0.0) return 0.0;
  // The measure is scale-free; rescale only extreme inputs, whose spectrum would overflow.
  const bool extreme = max_abs > 1e150 || max_abs < 1e-150;
  const double scale = extreme ? 1.0 / max_abs : 1.0;
  if (!std::isfinite(scale)) return 0.0;  // subnormal peak: nothing measurable

  const double max_mag = std::sqrt(half_spectrum(speed, scale, nfft, ws));
  if (!(max_mag > 0.0) || !std::isfinite(max_mag)) return 0.0;

  // Bins kept: f_k = k * fs / nfft <= fc over the whole FFT, mirrored bins included, as the
  // reference computes them.
  const double df = fs_hz / static_cast<double>(nfft);
  const double k_est = std::floor(params.fc_hz / df);
  std::size_t k_max =
      k_est >= static_cast<double>(nfft - 1) ? nfft - 1 : static_cast<std::size_t>(k_est);
  while (k_max + 1 < nfft && static_cast<double>(k_max + 1) * df <= params.fc_hz) ++k_max;
  while (k_max > 0 && static_cast<double>(k_max) * df > params.fc_hz) --k_max;
  if (static_cast<double>(k_max) * df > params.fc_hz) return 0.0;

  const auto& mag2 = ws.magnitudes();
  const std::size_t m = nfft / 2;
  const auto norm_mag = [&](std::size_t k) {
    return std::sqrt(mag2[k <= m ? k : nfft - k]) / max_mag;
  };

  // First and last bins at or above the threshold; every bin between them counts, dips included.
  const double th = params.amplitude_threshold;
  std::size_t first = 0;
  while (first <= k_max && !(norm_mag(first) >= th)) ++first;
  if (first > k_max) return 0.0;
  std::size_t last = k_max;
  while (last > first && !(norm_mag(last) >= th)) --last;
  if (last == first) return 0.0;

  const double band = static_cast<double>(last) * df - static_cast<double>(first) * df;
  double length = 0.0;
  double prev = norm_mag(first);
  for (std::size_t k = first + 1; k <= last; ++k) {
    const double cur = norm_mag(k);
    const double dx = (static_cast<double>(k) * df - static_cast<double>(k - 1) * df) / band;
    const double dy = cur - prev;
    length += std::sqrt(dx * dx + dy * dy);
    prev = cur;
  }
  return -length;
}

}  // namespace

double sparc(std::span<const float> speed, double fs_hz, SparcWorkspace& workspace,
             const SparcParams& params) {
  return sparc_impl(speed, fs_hz, workspace, params);
}

double sparc(std::span<const double> speed, double fs_hz, SparcWorkspace& workspace,
             const SparcParams& params) {
  return sparc_impl(speed, fs_hz, workspace, params);
}

}  // namespace r3::core
