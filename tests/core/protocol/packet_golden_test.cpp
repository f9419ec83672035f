// Golden byte vectors of docs/contact-protocol.md: the document, the encoder and the decoder must
// all agree on them byte for byte. The expected fields were worked out by hand from packet.hpp.

#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <vector>

#include "core/protocol/packet_codec.hpp"

namespace r3::core::protocol {
namespace {

// One sample at the default ATT MTU 23: 100 Hz, sequence 0x1234, device time 0xABCD ms,
// force 12.3 N, accel (0, 0, +1 g), gyro (+1, -1, 0) deg/s.
const std::vector<std::uint8_t> kOneSample = {0x01, 0x02, 0x34, 0x12, 0xCD, 0xAB, 0x7B,
                                              0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x08,
                                              0x10, 0x00, 0xF0, 0xFF, 0x00, 0x00};

// Two samples at 200 Hz, force saturated and gyro clipped, sequence and time at their last value
// before the wrap, the int16 extremes in several fields.
const std::vector<std::uint8_t> kTwoSamples = {
    0x01, 0x53, 0xFF, 0xFF, 0xFF, 0xFF,                                                  // header
    0xFF, 0x7F, 0x00, 0x80, 0xFF, 0x7F, 0xFF, 0xFF, 0x00, 0x80, 0x01, 0x00, 0x00, 0x01,  // #1
    0x00, 0x80, 0x00, 0x00, 0x00, 0xF8, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xFF, 0xFF,  // #2
};

Packet one_sample_packet() {
  Packet p;
  p.header.rate = RateCode::k100Hz;
  p.header.sequence = 0x1234;
  p.header.device_time_ms = 0xABCD;
  p.sample_count = 1;
  p.samples[0] = RawSample{123, {0, 0, 2048}, {16, -16, 0}};
  return p;
}

Packet two_sample_packet() {
  Packet p;
  p.header.rate = RateCode::k200Hz;
  p.header.force_saturated = true;
  p.header.gyro_clipped = true;
  p.header.sequence = 65535;
  p.header.device_time_ms = 65535;
  p.sample_count = 2;
  p.samples[0] = RawSample{32767, {-32768, 32767, -1}, {-32768, 1, 256}};
  p.samples[1] = RawSample{-32768, {0, -2048, 0}, {0, 0, -1}};
  return p;
}

void expect_same_sample(const RawSample& a, const RawSample& b) {
  EXPECT_EQ(a.force, b.force);
  EXPECT_EQ(a.acc, b.acc);
  EXPECT_EQ(a.gyro, b.gyro);
}

void expect_same_packet(const Packet& got, const Packet& want) {
  EXPECT_EQ(got.header.version, want.header.version);
  EXPECT_EQ(got.header.rate, want.header.rate);
  EXPECT_EQ(got.header.force_saturated, want.header.force_saturated);
  EXPECT_EQ(got.header.accel_clipped, want.header.accel_clipped);
  EXPECT_EQ(got.header.gyro_clipped, want.header.gyro_clipped);
  EXPECT_EQ(got.header.sequence, want.header.sequence);
  EXPECT_EQ(got.header.device_time_ms, want.header.device_time_ms);
  ASSERT_EQ(got.sample_count, want.sample_count);
  for (std::size_t i = 0; i < want.sample_count; ++i)
    expect_same_sample(got.samples[i], want.samples[i]);
}

std::vector<std::uint8_t> encode(const Packet& p) {
  std::array<std::uint8_t, kMaxPacketSize> buf{};
  const std::size_t n = encode_packet(p, buf);
  return {buf.begin(), buf.begin() + static_cast<std::ptrdiff_t>(n)};
}

TEST(TheOneSampleGoldenVector, FitsTheTwentyBytePayloadOfTheDefaultMtu) {
  EXPECT_EQ(kOneSample.size(), 20U);
}

TEST(TheOneSampleGoldenVector, DecodesToTheDocumentedFields) {
  const auto r = decode_packet(kOneSample);
  ASSERT_TRUE(r.ok()) << to_string(r.error());
  expect_same_packet(*r, one_sample_packet());
}

TEST(TheOneSampleGoldenVector, IsWhatTheEncoderWrites) {
  EXPECT_EQ(encode(one_sample_packet()), kOneSample);
}

TEST(TheOneSampleGoldenVector, ReadsInPhysicalUnits) {
  const auto r = decode_packet(kOneSample);
  ASSERT_TRUE(r.ok());
  const Sample s = to_sample(r->samples[0], 1.5);
  EXPECT_DOUBLE_EQ(s.t_s, 1.5);
  EXPECT_NEAR(s.force_n, 12.3F, 1e-5F);
  EXPECT_FLOAT_EQ(s.acc_g[0], 0.0F);
  EXPECT_FLOAT_EQ(s.acc_g[2], 1.0F);
  EXPECT_FLOAT_EQ(s.gyro_dps[0], 1.0F);
  EXPECT_FLOAT_EQ(s.gyro_dps[1], -1.0F);
}

TEST(TheTwoSampleGoldenVector, DecodesToTheDocumentedFields) {
  const auto r = decode_packet(kTwoSamples);
  ASSERT_TRUE(r.ok()) << to_string(r.error());
  expect_same_packet(*r, two_sample_packet());
}

TEST(TheTwoSampleGoldenVector, IsWhatTheEncoderWrites) {
  EXPECT_EQ(encode(two_sample_packet()), kTwoSamples);
}

TEST(TheTwoSampleGoldenVector, ReadsTheRangeLimitsInPhysicalUnits) {
  const auto r = decode_packet(kTwoSamples);
  ASSERT_TRUE(r.ok());
  const Sample a = to_sample(r->samples[0], 0.0);
  const Sample b = to_sample(r->samples[1], 0.0);
  EXPECT_NEAR(a.force_n, 3276.7F, 1e-3F);
  EXPECT_NEAR(b.force_n, -3276.8F, 1e-3F);
  EXPECT_FLOAT_EQ(a.acc_g[0], -16.0F);
  EXPECT_FLOAT_EQ(b.acc_g[1], -1.0F);
  EXPECT_FLOAT_EQ(a.gyro_dps[0], -2048.0F);
  EXPECT_FLOAT_EQ(a.gyro_dps[2], 16.0F);
  EXPECT_FLOAT_EQ(b.gyro_dps[2], -0.0625F);
}

}  // namespace
}  // namespace r3::core::protocol
