#pragma once
// Stream packet layout (protocol version 1). Little endian. See docs/contact-protocol.md.
//
//   header, 6 bytes
//     [0]    version            = 1
//     [1]    flags              bits 0-3 rate code (0: 25 Hz, 1: 50 Hz, 2: 100 Hz, 3: 200 Hz)
//                               bit 4 force saturated, bit 5 accel clipped, bit 6 gyro clipped,
//                               bit 7 reserved, must be 0
//     [2..3] sequence number    u16, +1 per packet, wraps 65535 -> 0
//     [4..5] device time        u16, milliseconds, time of the first sample, wraps every 65.536 s
//   then 1..kMaxSamplesPerPacket samples of 14 bytes each:
//     force  i16  0.1 N / LSB    (-3276.8 .. 3276.7 N)
//     accel  3 x i16  1/2048 g / LSB  (+-16 g)
//     gyro   3 x i16  1/16 deg/s / LSB (+-2048 deg/s)
// The sample count is implied by the length: (length - 6) / 14, which must divide evenly.

#include <array>
#include <cstddef>
#include <cstdint>

#include "core/protocol/sample.hpp"

namespace r3::core::protocol {

inline constexpr std::uint8_t kVersion = 1;
inline constexpr std::size_t kHeaderSize = 6;
inline constexpr std::size_t kSampleSize = 14;
// ATT_MTU 517 gives a 514-byte notification payload: (514 - 6) / 14 = 36 samples.
inline constexpr std::size_t kMaxSamplesPerPacket = 36;
inline constexpr std::size_t kMaxPacketSize = kHeaderSize + kMaxSamplesPerPacket * kSampleSize;

inline constexpr float kForceLsbN = 0.1F;
inline constexpr float kAccelLsbG = 1.0F / 2048.0F;
inline constexpr float kGyroLsbDps = 1.0F / 16.0F;

enum class RateCode : std::uint8_t { k25Hz = 0, k50Hz = 1, k100Hz = 2, k200Hz = 3 };

namespace flag {
inline constexpr std::uint8_t kRateMask = 0x0F;
inline constexpr std::uint8_t kForceSaturated = 0x10;
inline constexpr std::uint8_t kAccelClipped = 0x20;
inline constexpr std::uint8_t kGyroClipped = 0x40;
inline constexpr std::uint8_t kReserved = 0x80;
}  // namespace flag

// A sample as it travels: raw fixed-point counts.
struct RawSample {
  std::int16_t force = 0;
  std::array<std::int16_t, 3> acc{};
  std::array<std::int16_t, 3> gyro{};
};

struct PacketHeader {
  std::uint8_t version = kVersion;
  RateCode rate = RateCode::k100Hz;
  bool force_saturated = false;
  bool accel_clipped = false;
  bool gyro_clipped = false;
  std::uint16_t sequence = 0;
  std::uint16_t device_time_ms = 0;
};

// A decoded packet: fixed capacity, no allocation.
struct Packet {
  PacketHeader header;
  std::size_t sample_count = 0;
  std::array<RawSample, kMaxSamplesPerPacket> samples{};
};

}  // namespace r3::core::protocol
