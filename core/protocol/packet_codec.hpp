#pragma once
// Encoder and decoder of stream packets. The decoder never reads past the buffer and never throws.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "core/protocol/packet.hpp"
#include "core/util/result.hpp"

namespace r3::core::protocol {

enum class DecodeError : std::uint8_t {
  kTooShort,          // fewer bytes than a header and one sample
  kTooLong,           // more samples than kMaxSamplesPerPacket
  kBadLength,         // payload not a whole number of samples
  kUnsupportedVersion,
  kBadRateCode,
  kReservedFlagSet,
};
std::string_view to_string(DecodeError e);

Result<Packet, DecodeError> decode_packet(std::span<const std::uint8_t> bytes);

// Writes the packet into out; returns the number of bytes written (0 if out is too small or
// the packet holds no sample or more than kMaxSamplesPerPacket).
std::size_t encode_packet(const Packet& packet, std::span<std::uint8_t> out);

// Physical units <-> raw counts. to_raw rounds to nearest and saturates at the int16 limits.
Sample to_sample(const RawSample& raw, double t_s);
RawSample to_raw(const Sample& sample);

double rate_hz(RateCode code);
// The rate code of an exactly supported rate (25, 50, 100, 200 Hz), or none.
bool rate_code_for(double hz, RateCode& out);

}  // namespace r3::core::protocol
