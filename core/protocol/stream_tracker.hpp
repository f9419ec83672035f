#pragma once
// Follows a contact's packet stream: sequence gaps, duplicates, reordering, and the device clock
// unwrapped to a monotonically growing stream time. Pure: the caller passes its receive time.
//
// Classification is by sequence number alone, d = (sequence - last accepted) mod 65536:
//   d == 0                      kDuplicate
//   d == 1                      kInOrder
//   2 .. 32767                  kGap, d - 1 packets missing
//   behind by 1 .. kReorderWindow  kLate
//   behind by more              the contact restarted its stream: kFirst, counted in restarts
// A loss of 32768 packets or more in a row therefore reads as a restart, never as a late packet.
//
// Stream time is the device clock (u16 ms, wraps every 65.536 s) unwrapped. The number of wraps
// between two accepted packets is the one that brings the device-clock step closest to the
// receiver's elapsed time, so a silence longer than 65.536 s is resolved. The first packet ever
// starts stream time at its device time. At a later kFirst (reset() or a restart) the contact
// may have rebooted: its clock is followed if it stepped forward by the receiver's elapsed time
// within kClockAgreementS; otherwise stream time steps by the receiver's elapsed time (at least
// one sample period). Either way it never goes back.

#include <cstdint>

#include "core/protocol/packet.hpp"

namespace r3::core::protocol {

enum class Continuity : std::uint8_t {
  kFirst,      // first packet of the stream (or after reset(), or the contact restarted it)
  kInOrder,    // sequence = previous + 1
  kGap,        // sequence jumped forward: packets_missing were lost
  kDuplicate,  // sequence seen most recently again: drop it
  kLate,       // an older sequence arriving after newer ones (reordered): drop it
};

struct TrackResult {
  Continuity continuity = Continuity::kFirst;
  std::uint32_t packets_missing = 0;  // for kGap
  double first_sample_t_s = 0.0;      // unwrapped stream time of the packet's first sample
};

struct StreamCounters {
  std::uint64_t packets = 0;          // accepted (kFirst, kInOrder, kGap)
  std::uint64_t packets_missing = 0;  // sum of gaps
  std::uint64_t gaps = 0;             // gap events
  std::uint64_t duplicates = 0;
  std::uint64_t late = 0;
  std::uint64_t time_wraps = 0;  // device clock wraps seen
  std::uint64_t restarts = 0;    // kFirst without reset(): sequence far behind
};

class StreamTracker {
 public:
  // How far behind a sequence may be and still count as reordered rather than restarted.
  static constexpr std::uint16_t kReorderWindow = 256;
  // How closely the device clock must match the receiver's across a kFirst to be followed.
  static constexpr double kClockAgreementS = 1.0;

  // rx_time_s: the receiver's monotonic clock, used only to resolve a device-time wrap across a
  // silence longer than the 65.536 s the device clock covers, and to carry stream time over kFirst.
  TrackResult track(const PacketHeader& header, double rx_time_s);
  void reset();  // a new connection: the next packet is kFirst, stream time continues
  const StreamCounters& counters() const { return counters_; }

 private:
  TrackResult start(const PacketHeader& header, double rx_time_s);
  TrackResult advance(const PacketHeader& header, double rx_time_s, std::uint16_t step);
  double device_step_s(std::uint16_t device_ms, double rx_time_s) const;
  void step_clock(double step_s);  // advances the unwrapped clock, counting wraps
  double stream_time() const;

  StreamCounters counters_;
  bool started_ = false;      // a packet was accepted since construction or reset()
  bool has_history_ = false;  // a packet was ever accepted: stream time must continue from it
  std::uint16_t last_sequence_ = 0;
  std::uint16_t last_device_ms_ = 0;
  std::int64_t unwrapped_ms_ = 0;  // device clock since the stream (re)started, unwrapped
  double offset_s_ = 0.0;          // stream time = offset_s_ + unwrapped_ms_ / 1000
  double last_stream_t_s_ = 0.0;
  double last_rx_s_ = 0.0;
};

}  // namespace r3::core::protocol
