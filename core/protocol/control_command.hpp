#pragma once
// Writes to the control characteristic: one opcode byte, then its parameters.
//   0x01 start streaming   [rate code u8] [samples per packet u8, 0 = as many as the MTU allows,
//                                          at most kMaxSamplesPerPacket]
//   0x02 stop streaming
//   0x03 tare              (the contact zeroes its force reading at rest)
//   0x04 identify          [seconds u8] (the contact blinks its LED; 0 stops it)
// Each opcode has exactly one length; anything else is rejected, not truncated or padded.

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "core/protocol/packet.hpp"
#include "core/util/result.hpp"

namespace r3::core::protocol {

enum class Opcode : std::uint8_t {
  kStartStreaming = 1,
  kStopStreaming = 2,
  kTare = 3,
  kIdentify = 4
};

struct ControlCommand {
  Opcode opcode = Opcode::kStopStreaming;
  RateCode rate = RateCode::k100Hz;     // kStartStreaming
  std::uint8_t samples_per_packet = 0;  // kStartStreaming
  std::uint8_t identify_seconds = 0;    // kIdentify
};

enum class ControlError : std::uint8_t {
  kEmpty,
  kUnknownOpcode,
  kBadLength,
  kBadRateCode,
  kBadSamplesPerPacket,  // more than kMaxSamplesPerPacket
};
std::string_view to_string(ControlError e);

inline constexpr std::size_t kMaxControlSize = 3;
// Returns the number of bytes written: 0 if out is too small or the command would not decode.
std::size_t encode_control(const ControlCommand& cmd, std::span<std::uint8_t> out);
Result<ControlCommand, ControlError> decode_control(std::span<const std::uint8_t> bytes);

}  // namespace r3::core::protocol
