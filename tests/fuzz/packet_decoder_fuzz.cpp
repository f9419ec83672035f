// libFuzzer target: stream packets, control writes and the stream tracker on arbitrary bytes.
// Besides crashes and sanitizer reports, it traps when an invariant of the protocol breaks.

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>

#include "core/protocol/control_command.hpp"
#include "core/protocol/packet_codec.hpp"
#include "core/protocol/stream_tracker.hpp"

namespace {

using namespace r3::core::protocol;

void check(bool ok) {
  if (!ok) __builtin_trap();
}

void fuzz_packet(std::span<const std::uint8_t> bytes) {
  const auto r = decode_packet(bytes);
  if (!r.ok()) return;
  check(r->sample_count >= 1 && r->sample_count <= kMaxSamplesPerPacket);
  // Every bit of an accepted packet means something: it must re-encode byte for byte.
  std::array<std::uint8_t, kMaxPacketSize> again{};
  const std::size_t n = encode_packet(*r, again);
  check(n == bytes.size());
  for (std::size_t i = 0; i < n; ++i) check(again[i] == bytes[i]);
  for (std::size_t i = 0; i < r->sample_count; ++i) {
    const r3::core::Sample s = to_sample(r->samples[i], 0.0);
    check(std::isfinite(s.force_n) && std::fabs(s.acc_g[0]) <= 16.0F);
  }
}

void fuzz_control(std::span<const std::uint8_t> bytes) {
  const auto r = decode_control(
      bytes.first(bytes.size() < kMaxControlSize + 1 ? bytes.size() : kMaxControlSize + 1));
  if (!r.ok()) return;
  std::array<std::uint8_t, kMaxControlSize> again{};
  check(encode_control(*r, again) != 0);
}

// Reads the input as 6-byte records (sequence u16, device time u16, receive step u16 in ms):
// the stream time of accepted packets must never go back.
void fuzz_tracker(std::span<const std::uint8_t> bytes) {
  StreamTracker tracker;
  double rx_s = 0.0;
  double last_t = -1e300;
  for (std::size_t at = 0; at + 6 <= bytes.size(); at += 6) {
    PacketHeader h;
    h.sequence = static_cast<std::uint16_t>(bytes[at] | bytes[at + 1] << 8);
    h.device_time_ms = static_cast<std::uint16_t>(bytes[at + 2] | bytes[at + 3] << 8);
    const int rx_step = bytes[at + 4] | bytes[at + 5] << 8;
    rx_s += rx_step / 100.0;  // steps of up to 655 s
    if (rx_step == 0xFFFE) rx_s = std::numeric_limits<double>::infinity();
    if (rx_step == 0xFFFD) rx_s = std::numeric_limits<double>::quiet_NaN();
    if (rx_step == 0xFFFC) rx_s = 1e300;
    if (bytes[at + 5] == 0xFF && bytes[at + 4] == 0xFF) tracker.reset();
    const TrackResult r = tracker.track(h, rx_s);
    check(std::isfinite(r.first_sample_t_s));
    if (r.continuity == Continuity::kDuplicate || r.continuity == Continuity::kLate) continue;
    check(r.first_sample_t_s >= last_t);
    last_t = r.first_sample_t_s;
  }
  const StreamCounters& c = tracker.counters();
  check(c.packets + c.duplicates + c.late == bytes.size() / 6);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::span<const std::uint8_t> bytes(data, size);
  fuzz_packet(bytes);
  fuzz_control(bytes);
  fuzz_tracker(bytes);
  return 0;
}
