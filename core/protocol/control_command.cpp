#include "core/protocol/control_command.hpp"

namespace r3::core::protocol {
namespace {

constexpr std::uint8_t kHighestRateCode = static_cast<std::uint8_t>(RateCode::k200Hz);

// The one valid length of each opcode's write, 0 for an unknown opcode.
std::size_t size_of(Opcode op) {
  switch (op) {
    case Opcode::kStartStreaming:
      return 3;
    case Opcode::kStopStreaming:
    case Opcode::kTare:
      return 1;
    case Opcode::kIdentify:
      return 2;
  }
  return 0;
}

bool valid_start(std::uint8_t rate, std::uint8_t samples_per_packet, ControlError& error) {
  if (rate > kHighestRateCode) {
    error = ControlError::kBadRateCode;
    return false;
  }
  if (samples_per_packet > kMaxSamplesPerPacket) {
    error = ControlError::kBadSamplesPerPacket;
    return false;
  }
  return true;
}

}  // namespace

std::string_view to_string(ControlError e) {
  switch (e) {
    case ControlError::kEmpty:
      return "empty control write";
    case ControlError::kUnknownOpcode:
      return "unknown opcode";
    case ControlError::kBadLength:
      return "wrong length for the opcode";
    case ControlError::kBadRateCode:
      return "bad rate code";
    case ControlError::kBadSamplesPerPacket:
      return "too many samples per packet";
  }
  return "unknown control error";
}

std::size_t encode_control(const ControlCommand& cmd, std::span<std::uint8_t> out) {
  const std::size_t size = size_of(cmd.opcode);
  if (size == 0 || out.size() < size) return 0;
  out[0] = static_cast<std::uint8_t>(cmd.opcode);
  if (cmd.opcode == Opcode::kStartStreaming) {
    const auto rate = static_cast<std::uint8_t>(cmd.rate);
    ControlError ignored{};
    if (!valid_start(rate, cmd.samples_per_packet, ignored)) return 0;
    out[1] = rate;
    out[2] = cmd.samples_per_packet;
  } else if (cmd.opcode == Opcode::kIdentify) {
    out[1] = cmd.identify_seconds;
  }
  return size;
}

Result<ControlCommand, ControlError> decode_control(std::span<const std::uint8_t> bytes) {
  if (bytes.empty()) return Err{ControlError::kEmpty};
  const auto op = static_cast<Opcode>(bytes[0]);
  const std::size_t size = size_of(op);
  if (size == 0) return Err{ControlError::kUnknownOpcode};
  if (bytes.size() != size) return Err{ControlError::kBadLength};
  ControlCommand cmd;
  cmd.opcode = op;
  if (op == Opcode::kStartStreaming) {
    ControlError error{};
    if (!valid_start(bytes[1], bytes[2], error)) return Err{error};
    cmd.rate = static_cast<RateCode>(bytes[1]);
    cmd.samples_per_packet = bytes[2];
  } else if (op == Opcode::kIdentify) {
    cmd.identify_seconds = bytes[1];
  }
  return cmd;
}

}  // namespace r3::core::protocol
