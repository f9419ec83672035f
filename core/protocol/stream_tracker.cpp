#include "core/protocol/stream_tracker.hpp"

#include <algorithm>
#include <cmath>

#include "core/protocol/packet_codec.hpp"

namespace r3::core::protocol {
namespace {

constexpr std::int64_t kClockSpanMs = 65536;
constexpr double kClockSpanS = 65.536;
constexpr std::uint16_t kHalfRange = 32768;
// About four years of silence: bounds the unwrapped clock whatever receive time is passed in.
constexpr double kMaxWraps = 2.0e6;

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  const std::int64_t q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

}  // namespace

TrackResult StreamTracker::track(const PacketHeader& header, double rx_time_s) {
  if (!started_) return start(header, rx_time_s);
  const auto step = static_cast<std::uint16_t>(header.sequence - last_sequence_);
  if (step == 0 || step >= kHalfRange) {
    const auto behind = static_cast<std::uint16_t>(last_sequence_ - header.sequence);
    if (behind > kReorderWindow) {
      ++counters_.restarts;
      return start(header, rx_time_s);
    }
    // Not accepted: report where it would have been, leave the state alone.
    TrackResult r;
    r.continuity = step == 0 ? Continuity::kDuplicate : Continuity::kLate;
    r.first_sample_t_s = last_stream_t_s_ + device_step_s(header.device_time_ms, rx_time_s);
    ++(step == 0 ? counters_.duplicates : counters_.late);
    return r;
  }
  return advance(header, rx_time_s, step);
}

void StreamTracker::reset() {
  started_ = false;
}

TrackResult StreamTracker::start(const PacketHeader& header, double rx_time_s) {
  double t = header.device_time_ms / 1000.0;
  bool same_clock = false;
  if (has_history_) {
    // The contact may have rebooted: its clock is trusted only when it agrees with ours.
    const double device_s = device_step_s(header.device_time_ms, rx_time_s);
    const double rx_s = rx_time_s - last_rx_s_;
    same_clock = device_s > 0.0 && std::fabs(device_s - rx_s) <= kClockAgreementS;
    if (same_clock) {
      step_clock(device_s);
      t = std::max(stream_time(), last_stream_t_s_);
    } else {
      const double hz = rate_hz(header.rate);
      const double min_step = hz > 0.0 ? 1.0 / hz : 0.0;
      const bool usable = std::isfinite(rx_s) && rx_s > min_step;
      t = last_stream_t_s_ + (usable ? rx_s : min_step);
    }
  }
  if (!same_clock) {
    unwrapped_ms_ = header.device_time_ms;
    offset_s_ = t - header.device_time_ms / 1000.0;
  }
  started_ = true;
  has_history_ = true;
  last_sequence_ = header.sequence;
  last_device_ms_ = header.device_time_ms;
  last_stream_t_s_ = t;
  last_rx_s_ = rx_time_s;
  ++counters_.packets;
  return TrackResult{Continuity::kFirst, 0, t};
}

TrackResult StreamTracker::advance(const PacketHeader& header, double rx_time_s,
                                   std::uint16_t step) {
  // A device clock going back while the sequence goes forward is a device fault: hold the time.
  step_clock(std::max(device_step_s(header.device_time_ms, rx_time_s), 0.0));
  last_sequence_ = header.sequence;
  last_device_ms_ = header.device_time_ms;
  last_stream_t_s_ = std::max(stream_time(), last_stream_t_s_);
  last_rx_s_ = rx_time_s;
  ++counters_.packets;

  TrackResult r{Continuity::kInOrder, 0, last_stream_t_s_};
  if (step > 1) {
    r.continuity = Continuity::kGap;
    r.packets_missing = step - 1U;
    ++counters_.gaps;
    counters_.packets_missing += r.packets_missing;
  }
  return r;
}

// The device-clock step from the last accepted packet, in seconds: the u16 difference taken in
// -32.768 .. +32.767 s, plus the number of whole wraps that best matches the receiver's clock.
double StreamTracker::device_step_s(std::uint16_t device_ms, double rx_time_s) const {
  const auto diff =
      static_cast<std::int16_t>(static_cast<std::uint16_t>(device_ms - last_device_ms_));
  const double base_s = diff / 1000.0;
  const double rx_elapsed_s = rx_time_s - last_rx_s_;
  double wraps = std::round((rx_elapsed_s - base_s) / kClockSpanS);
  if (!(wraps > 0.0)) wraps = 0.0;  // also NaN: an unusable receive time adds no wrap
  if (wraps > kMaxWraps) wraps = kMaxWraps;
  return base_s + wraps * kClockSpanS;
}

void StreamTracker::step_clock(double step_s) {
  const std::int64_t before = unwrapped_ms_;
  unwrapped_ms_ += std::llround(step_s * 1000.0);
  counters_.time_wraps += static_cast<std::uint64_t>(floor_div(unwrapped_ms_, kClockSpanMs) -
                                                     floor_div(before, kClockSpanMs));
}

double StreamTracker::stream_time() const {
  return offset_s_ + static_cast<double>(unwrapped_ms_) / 1000.0;
}

}  // namespace r3::core::protocol
