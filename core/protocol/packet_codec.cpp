#include "core/protocol/packet_codec.hpp"

#include <cmath>
#include <limits>

namespace r3::core::protocol {
namespace {

constexpr std::uint8_t kHighestRateCode = static_cast<std::uint8_t>(RateCode::k200Hz);

std::uint16_t read_u16(std::span<const std::uint8_t> bytes, std::size_t at) {
  return static_cast<std::uint16_t>(bytes[at] | (bytes[at + 1] << 8));
}

// C++20 defines unsigned -> signed conversion as modular, which is two's complement decoding.
std::int16_t read_i16(std::span<const std::uint8_t> bytes, std::size_t at) {
  return static_cast<std::int16_t>(read_u16(bytes, at));
}

void write_u16(std::span<std::uint8_t> out, std::size_t at, std::uint16_t v) {
  out[at] = static_cast<std::uint8_t>(v & 0xFFU);
  out[at + 1] = static_cast<std::uint8_t>(v >> 8);
}

void write_i16(std::span<std::uint8_t> out, std::size_t at, std::int16_t v) {
  write_u16(out, at, static_cast<std::uint16_t>(v));
}

std::int16_t to_counts(float value, float lsb) {
  if (std::isnan(value)) return 0;
  const double counts = std::round(static_cast<double>(value) / static_cast<double>(lsb));
  if (counts <= std::numeric_limits<std::int16_t>::min())
    return std::numeric_limits<std::int16_t>::min();
  if (counts >= std::numeric_limits<std::int16_t>::max())
    return std::numeric_limits<std::int16_t>::max();
  return static_cast<std::int16_t>(counts);
}

}  // namespace

std::string_view to_string(DecodeError e) {
  switch (e) {
    case DecodeError::kTooShort:
      return "too short";
    case DecodeError::kTooLong:
      return "too long";
    case DecodeError::kBadLength:
      return "payload not a whole number of samples";
    case DecodeError::kUnsupportedVersion:
      return "unsupported version";
    case DecodeError::kBadRateCode:
      return "bad rate code";
    case DecodeError::kReservedFlagSet:
      return "reserved flag set";
  }
  return "unknown decode error";
}

Result<Packet, DecodeError> decode_packet(std::span<const std::uint8_t> bytes) {
  if (bytes.size() < packet_size(1)) return Err{DecodeError::kTooShort};
  if (bytes[0] != kVersion) return Err{DecodeError::kUnsupportedVersion};
  if (bytes.size() > kMaxPacketSize) return Err{DecodeError::kTooLong};
  if ((bytes.size() - kHeaderSize) % kSampleSize != 0) return Err{DecodeError::kBadLength};
  const std::uint8_t flags = bytes[1];
  if ((flags & flag::kReserved) != 0) return Err{DecodeError::kReservedFlagSet};
  const auto rate = static_cast<std::uint8_t>(flags & flag::kRateMask);
  if (rate > kHighestRateCode) return Err{DecodeError::kBadRateCode};

  Packet p;
  p.header.version = bytes[0];
  p.header.rate = static_cast<RateCode>(rate);
  p.header.force_saturated = (flags & flag::kForceSaturated) != 0;
  p.header.accel_clipped = (flags & flag::kAccelClipped) != 0;
  p.header.gyro_clipped = (flags & flag::kGyroClipped) != 0;
  p.header.sequence = read_u16(bytes, 2);
  p.header.device_time_ms = read_u16(bytes, 4);
  p.sample_count = (bytes.size() - kHeaderSize) / kSampleSize;
  for (std::size_t i = 0; i < p.sample_count; ++i) {
    const std::size_t at = kHeaderSize + i * kSampleSize;
    RawSample& s = p.samples[i];
    s.force = read_i16(bytes, at);
    for (std::size_t axis = 0; axis < 3; ++axis) {
      s.acc[axis] = read_i16(bytes, at + 2 + 2 * axis);
      s.gyro[axis] = read_i16(bytes, at + 8 + 2 * axis);
    }
  }
  return p;
}

std::size_t encode_packet(const Packet& packet, std::span<std::uint8_t> out) {
  const PacketHeader& h = packet.header;
  const auto rate = static_cast<std::uint8_t>(h.rate);
  if (packet.sample_count == 0 || packet.sample_count > kMaxSamplesPerPacket) return 0;
  if (h.version != kVersion || rate > kHighestRateCode) return 0;
  const std::size_t size = packet_size(packet.sample_count);
  if (out.size() < size) return 0;

  std::uint8_t flags = rate;
  if (h.force_saturated) flags |= flag::kForceSaturated;
  if (h.accel_clipped) flags |= flag::kAccelClipped;
  if (h.gyro_clipped) flags |= flag::kGyroClipped;
  out[0] = h.version;
  out[1] = flags;
  write_u16(out, 2, h.sequence);
  write_u16(out, 4, h.device_time_ms);
  for (std::size_t i = 0; i < packet.sample_count; ++i) {
    const std::size_t at = kHeaderSize + i * kSampleSize;
    const RawSample& s = packet.samples[i];
    write_i16(out, at, s.force);
    for (std::size_t axis = 0; axis < 3; ++axis) {
      write_i16(out, at + 2 + 2 * axis, s.acc[axis]);
      write_i16(out, at + 8 + 2 * axis, s.gyro[axis]);
    }
  }
  return size;
}

Sample to_sample(const RawSample& raw, double t_s) {
  Sample s;
  s.t_s = t_s;
  s.force_n = static_cast<float>(raw.force) * kForceLsbN;
  for (std::size_t axis = 0; axis < 3; ++axis) {
    s.acc_g[axis] = static_cast<float>(raw.acc[axis]) * kAccelLsbG;
    s.gyro_dps[axis] = static_cast<float>(raw.gyro[axis]) * kGyroLsbDps;
  }
  return s;
}

RawSample to_raw(const Sample& sample) {
  RawSample r;
  r.force = to_counts(sample.force_n, kForceLsbN);
  for (std::size_t axis = 0; axis < 3; ++axis) {
    r.acc[axis] = to_counts(sample.acc_g[axis], kAccelLsbG);
    r.gyro[axis] = to_counts(sample.gyro_dps[axis], kGyroLsbDps);
  }
  return r;
}

double rate_hz(RateCode code) {
  switch (code) {
    case RateCode::k25Hz:
      return 25.0;
    case RateCode::k50Hz:
      return 50.0;
    case RateCode::k100Hz:
      return 100.0;
    case RateCode::k200Hz:
      return 200.0;
  }
  return 0.0;
}

bool rate_code_for(double hz, RateCode& out) {
  for (const RateCode code :
       {RateCode::k25Hz, RateCode::k50Hz, RateCode::k100Hz, RateCode::k200Hz}) {
    if (hz == rate_hz(code)) {
      out = code;
      return true;
    }
  }
  return false;
}

}  // namespace r3::core::protocol
