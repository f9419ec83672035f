#pragma once
// Follows a contact's packet stream: sequence gaps, duplicates, reordering, and the device clock
// unwrapped to a monotonically growing stream time. Pure: the caller passes its receive time.

#include <cstdint>

#include "core/protocol/packet.hpp"

namespace r3::core::protocol {

enum class Continuity : std::uint8_t {
  kFirst,      // first packet of the stream (or after reset())
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
  std::uint64_t packets = 0;           // accepted (kFirst, kInOrder, kGap)
  std::uint64_t packets_missing = 0;   // sum of gaps
  std::uint64_t gaps = 0;              // gap events
  std::uint64_t duplicates = 0;
  std::uint64_t late = 0;
  std::uint64_t time_wraps = 0;        // device clock wraps seen
};

class StreamTracker {
 public:
  // rx_time_s: the receiver's monotonic clock, used only to resolve a device-time wrap across a
  // silence longer than the 65.536 s the device clock covers.
  TrackResult track(const PacketHeader& header, double rx_time_s);
  void reset();  // a new connection: the next packet is kFirst, stream time continues
  const StreamCounters& counters() const { return counters_; }

 private:
  StreamCounters counters_;
  bool started_ = false;
  std::uint16_t last_sequence_ = 0;
  std::uint16_t last_device_ms_ = 0;
  double last_stream_t_s_ = 0.0;
  double last_rx_s_ = 0.0;
};

}  // namespace r3::core::protocol
