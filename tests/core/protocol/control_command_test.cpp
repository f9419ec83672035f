// Control characteristic writes: golden bytes, round trips and every ControlError.

#include "core/protocol/control_command.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <random>
#include <vector>

namespace r3::core::protocol {
namespace {

std::vector<std::uint8_t> encode(const ControlCommand& cmd) {
  std::array<std::uint8_t, kMaxControlSize> buf{};
  const std::size_t n = encode_control(cmd, buf);
  return {buf.begin(), buf.begin() + static_cast<std::ptrdiff_t>(n)};
}

ControlError error_of(std::vector<std::uint8_t> bytes) {
  const auto r = decode_control(bytes);
  EXPECT_FALSE(r.ok());
  return r.ok() ? ControlError{} : r.error();
}

TEST(AControlCommand, StartsStreamingAt200HzWithEightSamplesAs010308) {
  ControlCommand cmd;
  cmd.opcode = Opcode::kStartStreaming;
  cmd.rate = RateCode::k200Hz;
  cmd.samples_per_packet = 8;
  EXPECT_EQ(encode(cmd), (std::vector<std::uint8_t>{0x01, 0x03, 0x08}));
}

TEST(AControlCommand, WritesStopTareAndIdentifyAsDocumented) {
  EXPECT_EQ(encode({Opcode::kStopStreaming, {}, 0, 0}), (std::vector<std::uint8_t>{0x02}));
  EXPECT_EQ(encode({Opcode::kTare, {}, 0, 0}), (std::vector<std::uint8_t>{0x03}));
  EXPECT_EQ(encode({Opcode::kIdentify, {}, 0, 5}), (std::vector<std::uint8_t>{0x04, 0x05}));
}

TEST(AControlCommand, DecodesAStartWithTheMtuChoosingTheSampleCount) {
  const auto r = decode_control(std::vector<std::uint8_t>{0x01, 0x00, 0x00});
  ASSERT_TRUE(r.ok()) << to_string(r.error());
  EXPECT_EQ(r->opcode, Opcode::kStartStreaming);
  EXPECT_EQ(r->rate, RateCode::k25Hz);
  EXPECT_EQ(r->samples_per_packet, 0);
}

TEST(AControlCommand, RoundTripsEveryValidCommand) {
  std::vector<ControlCommand> all = {{Opcode::kStopStreaming, {}, 0, 0}, {Opcode::kTare, {}, 0, 0}};
  for (int s = 0; s <= 255; ++s)
    all.push_back({Opcode::kIdentify, {}, 0, static_cast<std::uint8_t>(s)});
  for (int rate = 0; rate <= 3; ++rate) {
    for (std::size_t n = 0; n <= kMaxSamplesPerPacket; ++n) {
      all.push_back(
          {Opcode::kStartStreaming, static_cast<RateCode>(rate), static_cast<std::uint8_t>(n), 0});
    }
  }
  for (const ControlCommand& cmd : all) {
    const auto bytes = encode(cmd);
    ASSERT_FALSE(bytes.empty());
    const auto r = decode_control(bytes);
    ASSERT_TRUE(r.ok()) << to_string(r.error());
    EXPECT_EQ(r->opcode, cmd.opcode);
    if (cmd.opcode == Opcode::kStartStreaming) {
      EXPECT_EQ(r->rate, cmd.rate);
      EXPECT_EQ(r->samples_per_packet, cmd.samples_per_packet);
    }
    if (cmd.opcode == Opcode::kIdentify) {
      EXPECT_EQ(r->identify_seconds, cmd.identify_seconds);
    }
  }
}

TEST(AControlDecoder, RejectsAnEmptyWrite) {
  EXPECT_EQ(error_of({}), ControlError::kEmpty);
}

TEST(AControlDecoder, RejectsUnknownOpcodes) {
  EXPECT_EQ(error_of({0x00}), ControlError::kUnknownOpcode);
  EXPECT_EQ(error_of({0x05, 0x01}), ControlError::kUnknownOpcode);
  EXPECT_EQ(error_of({0xFF}), ControlError::kUnknownOpcode);
}

TEST(AControlDecoder, RejectsAnyLengthButTheOpcodesOwn) {
  EXPECT_EQ(error_of({0x01, 0x02}), ControlError::kBadLength);
  EXPECT_EQ(error_of({0x01, 0x02, 0x00, 0x00}), ControlError::kBadLength);
  EXPECT_EQ(error_of({0x02, 0x00}), ControlError::kBadLength);
  EXPECT_EQ(error_of({0x03, 0x00}), ControlError::kBadLength);
  EXPECT_EQ(error_of({0x04}), ControlError::kBadLength);
  EXPECT_EQ(error_of({0x04, 0x01, 0x01}), ControlError::kBadLength);
}

TEST(AControlDecoder, RejectsARateCodeAboveTwoHundredHertz) {
  EXPECT_EQ(error_of({0x01, 0x04, 0x01}), ControlError::kBadRateCode);
}

TEST(AControlDecoder, RejectsMoreSamplesPerPacketThanAPacketHolds) {
  EXPECT_EQ(error_of({0x01, 0x02, 37}), ControlError::kBadSamplesPerPacket);
  EXPECT_TRUE(decode_control(std::vector<std::uint8_t>{0x01, 0x02, 36}).ok());
}

TEST(AControlDecoder, NamesEveryError) {
  for (const auto e : {ControlError::kEmpty, ControlError::kUnknownOpcode, ControlError::kBadLength,
                       ControlError::kBadRateCode, ControlError::kBadSamplesPerPacket}) {
    EXPECT_NE(to_string(e), "unknown control error");
  }
}

TEST(AControlDecoder, SurvivesRandomWritesAndReEncodesWhatItAccepts) {
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> len(0, 5);
  std::uniform_int_distribution<int> byte(0, 255);
  int accepted = 0;
  for (int i = 0; i < 20000; ++i) {
    std::vector<std::uint8_t> bytes(static_cast<std::size_t>(len(rng)));
    for (auto& b : bytes) b = static_cast<std::uint8_t>(i % 3 == 0 ? byte(rng) % 6 : byte(rng));
    const auto r = decode_control(bytes);
    if (r.ok()) {
      ++accepted;
      ASSERT_EQ(encode(*r), bytes);
    }
  }
  EXPECT_GT(accepted, 500);
}

TEST(AControlEncoder, RefusesACommandItsDecoderWouldReject) {
  EXPECT_TRUE(encode({Opcode::kStartStreaming, static_cast<RateCode>(4), 1, 0}).empty());
  EXPECT_TRUE(encode({Opcode::kStartStreaming, RateCode::k50Hz, 37, 0}).empty());
  EXPECT_TRUE(encode({static_cast<Opcode>(9), RateCode::k50Hz, 0, 0}).empty());
}

TEST(AControlEncoder, WritesNothingIntoATooSmallBuffer) {
  std::array<std::uint8_t, 2> small{};
  EXPECT_EQ(encode_control({Opcode::kStartStreaming, RateCode::k50Hz, 1, 0}, small), 0U);
  EXPECT_EQ(encode_control({Opcode::kIdentify, {}, 0, 3}, small), 2U);
}

}  // namespace
}  // namespace r3::core::protocol
