#pragma once
// Encoder and decoder of stream packets. The decoder never reads past the buffer and never throws.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "core/protocol/packet.hpp"
#include "core/util/result.hpp"

namespace r3::core::protocol {

// Checked in this order, so a packet of a future version is reported as such, not as a length
// problem: kTooShort, kUnsupportedVersion, kTooLong, kBadLength, kReservedFlagSet, kBadRateCode.
enum class DecodeError : std::uint8_t {
  kTooShort,   // fewer bytes than a header and one sample
  kTooLong,    // more samples than kMaxSamplesPerPacket
  kBadLength,  // payload not a whole number of samples
  kUnsupportedVersion,
  kBadRateCode,
  kReservedFlagSet,
};
std::string_view to_string(DecodeError e);

Result<Packet, DecodeError> decode_packet(std::span<const std::uint8_t> bytes);

// Writes the packet into out; returns the number of bytes written: 0 if out is too small, the
// packet holds no sample or more than kMaxSamplesPerPacket, or its header would not decode
// (version other than kVersion, unknown rate code). Whatever it writes, decode_packet accepts.
std::size_t encode_packet(const Packet& packet, std::span<std::uint8_t> out);

// Encoded size of a packet of n samples (n in 1..kMaxSamplesPerPacket).
constexpr std::size_t packet_size(std::size_t samples) {
  return kHeaderSize + samples * kSampleSize;
}

// How many samples one notification carries at a given ATT_MTU (payload = MTU - 3 bytes):
// 23 -> 1, 247 -> 17, 517 -> 36. 0 if the MTU cannot carry a single sample.
constexpr std::size_t max_samples_for_mtu(std::size_t att_mtu) {
  constexpr std::size_t kAttNotifyOverhead = 3;  // opcode + attribute handle
  if (att_mtu < kAttNotifyOverhead + packet_size(1)) return 0;
  const std::size_t n = (att_mtu - kAttNotifyOverhead - kHeaderSize) / kSampleSize;
  return n < kMaxSamplesPerPacket ? n : kMaxSamplesPerPacket;
}

// Physical units <-> raw counts. to_raw rounds to nearest and saturates at the int16 limits;
// NaN becomes 0.
Sample to_sample(const RawSample& raw, double t_s);
RawSample to_raw(const Sample& sample);

// Samples per second of a rate code; 0 for a code outside the enum.
double rate_hz(RateCode code);
// The rate code of an exactly supported rate (25, 50, 100, 200 Hz), or none.
bool rate_code_for(double hz, RateCode& out);

}  // namespace r3::core::protocol
