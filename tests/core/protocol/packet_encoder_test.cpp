// The encoder: round trips, and the packets it refuses to write.

#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <random>

#include "core/protocol/packet_codec.hpp"

namespace r3::core::protocol {
namespace {

Packet random_packet(std::mt19937& rng) {
  std::uniform_int_distribution<int> i16(-32768, 32767);
  std::uniform_int_distribution<int> u16(0, 65535);
  std::uniform_int_distribution<std::size_t> count(1, kMaxSamplesPerPacket);
  std::bernoulli_distribution coin(0.5);
  Packet p;
  p.header.rate = static_cast<RateCode>(u16(rng) % 4);
  p.header.force_saturated = coin(rng);
  p.header.accel_clipped = coin(rng);
  p.header.gyro_clipped = coin(rng);
  p.header.sequence = static_cast<std::uint16_t>(u16(rng));
  p.header.device_time_ms = static_cast<std::uint16_t>(u16(rng));
  p.sample_count = count(rng);
  for (std::size_t i = 0; i < p.sample_count; ++i) {
    RawSample& s = p.samples[i];
    s.force = static_cast<std::int16_t>(i16(rng));
    for (std::size_t a = 0; a < 3; ++a) {
      s.acc[a] = static_cast<std::int16_t>(i16(rng));
      s.gyro[a] = static_cast<std::int16_t>(i16(rng));
    }
  }
  return p;
}

TEST(APacketEncoder, RoundTripsRandomPacketsThroughTheDecoder) {
  std::mt19937 rng(42);
  std::array<std::uint8_t, kMaxPacketSize> buf{};
  for (int i = 0; i < 5000; ++i) {
    const Packet p = random_packet(rng);
    const std::size_t n = encode_packet(p, buf);
    ASSERT_EQ(n, packet_size(p.sample_count));
    const auto r = decode_packet(std::span(buf.data(), n));
    ASSERT_TRUE(r.ok()) << to_string(r.error());
    EXPECT_EQ(r->header.rate, p.header.rate);
    EXPECT_EQ(r->header.force_saturated, p.header.force_saturated);
    EXPECT_EQ(r->header.accel_clipped, p.header.accel_clipped);
    EXPECT_EQ(r->header.gyro_clipped, p.header.gyro_clipped);
    EXPECT_EQ(r->header.sequence, p.header.sequence);
    EXPECT_EQ(r->header.device_time_ms, p.header.device_time_ms);
    ASSERT_EQ(r->sample_count, p.sample_count);
    for (std::size_t s = 0; s < p.sample_count; ++s) {
      EXPECT_EQ(r->samples[s].force, p.samples[s].force);
      EXPECT_EQ(r->samples[s].acc, p.samples[s].acc);
      EXPECT_EQ(r->samples[s].gyro, p.samples[s].gyro);
    }
  }
}

TEST(APacketEncoder, WritesNothingIntoABufferOneByteTooSmall) {
  Packet p;
  p.sample_count = 3;
  std::array<std::uint8_t, kHeaderSize + 3 * kSampleSize> buf{};
  EXPECT_EQ(encode_packet(p, std::span(buf).first(buf.size() - 1)), 0U);
  EXPECT_EQ(encode_packet(p, buf), buf.size());
}

TEST(APacketEncoder, RefusesAPacketWithoutSamples) {
  Packet p;
  std::array<std::uint8_t, kMaxPacketSize> buf{};
  EXPECT_EQ(encode_packet(p, buf), 0U);
}

TEST(APacketEncoder, RefusesMoreSamplesThanAPacketHolds) {
  Packet p;
  p.sample_count = kMaxSamplesPerPacket + 1;
  std::array<std::uint8_t, kMaxPacketSize + kSampleSize> buf{};
  EXPECT_EQ(encode_packet(p, buf), 0U);
}

TEST(APacketEncoder, RefusesAHeaderTheDecoderWouldReject) {
  std::array<std::uint8_t, kMaxPacketSize> buf{};
  Packet bad_version;
  bad_version.sample_count = 1;
  bad_version.header.version = 2;
  EXPECT_EQ(encode_packet(bad_version, buf), 0U);
  Packet bad_rate;
  bad_rate.sample_count = 1;
  bad_rate.header.rate = static_cast<RateCode>(4);
  EXPECT_EQ(encode_packet(bad_rate, buf), 0U);
}

TEST(TheNotificationSize, CarriesOneSampleAtTheDefaultMtu) {
  EXPECT_EQ(max_samples_for_mtu(23), 1U);
  EXPECT_EQ(packet_size(1), 20U);  // 23 - 3 bytes of ATT opcode and handle
}

TEST(TheNotificationSize, CarriesSeventeenSamplesAtMtu247AndThirtySixAt517) {
  EXPECT_EQ(max_samples_for_mtu(247), 17U);
  EXPECT_LE(packet_size(17), 244U);
  EXPECT_GT(packet_size(18), 244U);
  EXPECT_EQ(max_samples_for_mtu(517), 36U);
  EXPECT_EQ(packet_size(36), 510U);
}

TEST(TheNotificationSize, IsZeroBelowOneSampleAndCappedAboveTheMaximum) {
  EXPECT_EQ(max_samples_for_mtu(22), 0U);
  EXPECT_EQ(max_samples_for_mtu(0), 0U);
  EXPECT_EQ(max_samples_for_mtu(65535), kMaxSamplesPerPacket);
}

}  // namespace
}  // namespace r3::core::protocol
