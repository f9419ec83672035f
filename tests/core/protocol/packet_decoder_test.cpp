// The decoder's errors, and its behaviour on truncated and random input.

#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <random>
#include <vector>

#include "core/protocol/packet_codec.hpp"

namespace r3::core::protocol {
namespace {

// A valid packet of n samples whose every byte differs from its neighbours, so a misplaced read
// shows up as a wrong field.
std::vector<std::uint8_t> valid_bytes(std::size_t samples) {
  Packet p;
  p.header.sequence = 7;
  p.header.device_time_ms = 1000;
  p.sample_count = samples;
  for (std::size_t i = 0; i < samples; ++i) {
    const auto base = static_cast<std::int16_t>(i * 100);
    p.samples[i] =
        RawSample{base,
                  {static_cast<std::int16_t>(base + 1), static_cast<std::int16_t>(base + 2),
                   static_cast<std::int16_t>(base + 3)},
                  {static_cast<std::int16_t>(base + 4), static_cast<std::int16_t>(base + 5),
                   static_cast<std::int16_t>(base + 6)}};
  }
  std::vector<std::uint8_t> out(kMaxPacketSize);
  out.resize(encode_packet(p, out));
  return out;
}

DecodeError error_of(const std::vector<std::uint8_t>& bytes) {
  const auto r = decode_packet(bytes);
  EXPECT_FALSE(r.ok());
  return r.ok() ? DecodeError{} : r.error();
}

TEST(APacketDecoder, AcceptsEverySampleCountFromOneToTheMaximum) {
  for (std::size_t n = 1; n <= kMaxSamplesPerPacket; ++n) {
    const auto r = decode_packet(valid_bytes(n));
    ASSERT_TRUE(r.ok()) << n;
    EXPECT_EQ(r->sample_count, n);
    EXPECT_EQ(r->samples[n - 1].gyro[2], static_cast<std::int16_t>((n - 1) * 100 + 6));
  }
}

TEST(APacketDecoder, RejectsAnEmptyBuffer) {
  EXPECT_EQ(error_of({}), DecodeError::kTooShort);
}

TEST(APacketDecoder, RejectsAHeaderWithoutASample) {
  auto bytes = valid_bytes(1);
  bytes.resize(kHeaderSize);
  EXPECT_EQ(error_of(bytes), DecodeError::kTooShort);
}

TEST(APacketDecoder, RejectsAPayloadThatIsNotAWholeNumberOfSamples) {
  auto bytes = valid_bytes(2);
  bytes.push_back(0);
  EXPECT_EQ(error_of(bytes), DecodeError::kBadLength);
}

TEST(APacketDecoder, RejectsMoreSamplesThanTheMaximum) {
  auto bytes = valid_bytes(kMaxSamplesPerPacket);
  bytes.resize(bytes.size() + kSampleSize, 0);
  EXPECT_EQ(error_of(bytes), DecodeError::kTooLong);
}

TEST(APacketDecoder, RejectsAnotherVersionBeforeLookingAtItsLength) {
  auto bytes = valid_bytes(1);
  bytes[0] = 2;
  bytes.push_back(0);  // not a whole v1 sample: a v2 layout may differ, the version is the news
  EXPECT_EQ(error_of(bytes), DecodeError::kUnsupportedVersion);
  bytes[0] = 0;
  EXPECT_EQ(error_of(bytes), DecodeError::kUnsupportedVersion);
}

TEST(APacketDecoder, RejectsEveryRateCodeAboveTwoHundredHertz) {
  for (std::uint8_t code = 4; code <= flag::kRateMask; ++code) {
    auto bytes = valid_bytes(1);
    bytes[1] = code;
    EXPECT_EQ(error_of(bytes), DecodeError::kBadRateCode) << int{code};
  }
}

TEST(APacketDecoder, RejectsTheReservedFlag) {
  auto bytes = valid_bytes(1);
  bytes[1] = static_cast<std::uint8_t>(bytes[1] | flag::kReserved);
  EXPECT_EQ(error_of(bytes), DecodeError::kReservedFlagSet);
}

TEST(APacketDecoder, ReadsEachStatusFlagOnItsOwn) {
  const std::array<std::uint8_t, 3> bits = {flag::kForceSaturated, flag::kAccelClipped,
                                            flag::kGyroClipped};
  for (std::size_t i = 0; i < bits.size(); ++i) {
    auto bytes = valid_bytes(1);
    bytes[1] = static_cast<std::uint8_t>(0x01 | bits[i]);
    const auto r = decode_packet(bytes);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->header.rate, RateCode::k50Hz);
    EXPECT_EQ(r->header.force_saturated, i == 0);
    EXPECT_EQ(r->header.accel_clipped, i == 1);
    EXPECT_EQ(r->header.gyro_clipped, i == 2);
  }
}

TEST(APacketDecoder, NamesEveryError) {
  for (const auto e : {DecodeError::kTooShort, DecodeError::kTooLong, DecodeError::kBadLength,
                       DecodeError::kUnsupportedVersion, DecodeError::kBadRateCode,
                       DecodeError::kReservedFlagSet}) {
    EXPECT_FALSE(to_string(e).empty());
    EXPECT_NE(to_string(e), "unknown decode error");
  }
}

// Each prefix lives in its own exactly sized heap buffer, so a read past its end is caught by
// AddressSanitizer (scripts/fuzz) and by the sample values in a plain build.
TEST(APacketDecoder, ClassifiesATruncationAtEveryLengthOfAValidPacket) {
  const auto full = valid_bytes(kMaxSamplesPerPacket);
  const auto reference = decode_packet(full);
  ASSERT_TRUE(reference.ok());
  for (std::size_t len = 0; len <= full.size(); ++len) {
    const std::vector<std::uint8_t> prefix(full.begin(),
                                           full.begin() + static_cast<std::ptrdiff_t>(len));
    const auto r = decode_packet(prefix);
    if (len < kHeaderSize + kSampleSize) {
      ASSERT_FALSE(r.ok()) << len;
      EXPECT_EQ(r.error(), DecodeError::kTooShort) << len;
    } else if ((len - kHeaderSize) % kSampleSize != 0) {
      ASSERT_FALSE(r.ok()) << len;
      EXPECT_EQ(r.error(), DecodeError::kBadLength) << len;
    } else {
      ASSERT_TRUE(r.ok()) << len;
      ASSERT_EQ(r->sample_count, (len - kHeaderSize) / kSampleSize);
      const RawSample& last = r->samples[r->sample_count - 1];
      EXPECT_EQ(last.gyro, reference->samples[r->sample_count - 1].gyro) << len;
    }
  }
}

// Random buffers, half of them given a plausible header so the sample loop runs too. Whatever is
// accepted must re-encode to the very same bytes: every bit of a valid packet carries meaning.
TEST(APacketDecoder, SurvivesRandomBytesAndReEncodesWhatItAccepts) {
  std::mt19937 rng(20261121);
  std::uniform_int_distribution<std::size_t> length(0, kMaxPacketSize + 40);
  std::uniform_int_distribution<int> byte(0, 255);
  int accepted = 0;
  for (int i = 0; i < 50000; ++i) {
    std::vector<std::uint8_t> bytes(length(rng));
    for (auto& b : bytes) b = static_cast<std::uint8_t>(byte(rng));
    if (i % 2 == 0 && bytes.size() >= 2) {
      bytes[0] = kVersion;
      bytes[1] = static_cast<std::uint8_t>(bytes[1] & 0x73);  // rate 0..3 plus status flags
    }
    const auto r = decode_packet(bytes);
    if (!r.ok()) {
      EXPECT_EQ(r.error() == DecodeError::kTooShort, bytes.size() < kHeaderSize + kSampleSize);
      continue;
    }
    ++accepted;
    ASSERT_EQ(r->sample_count * kSampleSize + kHeaderSize, bytes.size());
    std::vector<std::uint8_t> again(kMaxPacketSize);
    again.resize(encode_packet(*r, again));
    ASSERT_EQ(again, bytes);
  }
  EXPECT_GT(accepted, 500);  // the valid path was really exercised
}

}  // namespace
}  // namespace r3::core::protocol
