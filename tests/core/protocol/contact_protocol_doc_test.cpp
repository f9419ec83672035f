// docs/contact-protocol.md is a contract: every byte vector it shows must be in it verbatim and
// must mean to the code what the document says it means.

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "core/protocol/control_command.hpp"
#include "core/protocol/packet_codec.hpp"

namespace r3::core::protocol {
namespace {

// The repository root: R3_SOURCE_DIR if set, else derived from this file's path.
std::string doc_path() {
  if (const char* root = std::getenv("R3_SOURCE_DIR"))
    return std::string(root) + "/docs/contact-protocol.md";
  std::string here = __FILE__;
  const std::size_t at = here.rfind("tests/core/protocol/");
  return here.substr(0, at) + "docs/contact-protocol.md";
}

const std::string& doc() {
  static const std::string text = [] {
    std::ifstream in(doc_path());
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }();
  return text;
}

std::vector<std::uint8_t> from_hex(const std::string& hex) {
  std::vector<std::uint8_t> out;
  std::istringstream in(hex);
  std::string byte;
  while (in >> byte) out.push_back(static_cast<std::uint8_t>(std::stoul(byte, nullptr, 16)));
  return out;
}

struct PacketVector {
  std::string hex;
  std::optional<DecodeError> error;  // none: decodes
  std::size_t samples = 0;
};

const std::vector<PacketVector> kPacketVectors = {
    {"01 02 34 12 CD AB 7B 00 00 00 00 00 00 08 10 00 F0 FF 00 00", std::nullopt, 1},
    {"01 53 FF FF FF FF FF 7F 00 80 FF 7F FF FF 00 80 01 00 00 01 00 80 00 00 00 F8 00 00 00 00 "
     "00 00 FF FF",
     std::nullopt, 2},
    {"01 02 34 12 CD AB 7B 00", DecodeError::kTooShort},
    {"02 02 34 12 CD AB 7B 00 00 00 00 00 00 08 10 00 F0 FF 00 00",
     DecodeError::kUnsupportedVersion},
    {"01 02 34 12 CD AB 7B 00 00 00 00 00 00 08 10 00 F0 FF 00 00 00", DecodeError::kBadLength},
    {"01 82 34 12 CD AB 7B 00 00 00 00 00 00 08 10 00 F0 FF 00 00", DecodeError::kReservedFlagSet},
    {"01 04 34 12 CD AB 7B 00 00 00 00 00 00 08 10 00 F0 FF 00 00", DecodeError::kBadRateCode},
};

TEST(TheContactProtocolDocument, CanBeRead) {
  ASSERT_FALSE(doc().empty()) << "cannot read " << doc_path();
}

TEST(TheContactProtocolDocument, ShowsEveryGoldenPacketVerbatim) {
  for (const PacketVector& v : kPacketVectors) {
    // Inline code in a table, or a line of its own in a code block.
    const bool shown = doc().find("`" + v.hex + "`") != std::string::npos ||
                       doc().find("\n" + v.hex + "\n") != std::string::npos;
    EXPECT_TRUE(shown) << v.hex;
  }
}

TEST(TheContactProtocolDocument, GivesTheDecoderVerdictOfEveryGoldenPacket) {
  for (const PacketVector& v : kPacketVectors) {
    const auto r = decode_packet(from_hex(v.hex));
    if (v.error) {
      ASSERT_FALSE(r.ok()) << v.hex;
      EXPECT_EQ(r.error(), *v.error) << v.hex;
    } else {
      ASSERT_TRUE(r.ok()) << v.hex << ": " << to_string(r.error());
      EXPECT_EQ(r->sample_count, v.samples);
    }
  }
}

TEST(TheContactProtocolDocument, ShowsTheControlWritesTheEncoderProduces) {
  const std::vector<std::pair<ControlCommand, std::string>> writes = {
      {{Opcode::kStartStreaming, RateCode::k200Hz, 8, 0}, "01 03 08"},
      {{Opcode::kStartStreaming, RateCode::k100Hz, 0, 0}, "01 02 00"},
      {{Opcode::kStopStreaming, {}, 0, 0}, "02"},
      {{Opcode::kTare, {}, 0, 0}, "03"},
      {{Opcode::kIdentify, {}, 0, 5}, "04 05"},
  };
  for (const auto& [cmd, hex] : writes) {
    EXPECT_NE(doc().find("| `" + hex + "` |"), std::string::npos) << hex;
    std::array<std::uint8_t, kMaxControlSize> buf{};
    const std::size_t n = encode_control(cmd, buf);
    EXPECT_EQ(std::vector<std::uint8_t>(buf.begin(), buf.begin() + static_cast<std::ptrdiff_t>(n)),
              from_hex(hex));
  }
}

TEST(TheContactProtocolDocument, StatesTheSamplesPerNotificationOfEachMtu) {
  for (const std::size_t mtu : {23U, 185U, 247U, 517U}) {
    const std::string row = "| " + std::to_string(mtu) + " ";
    const std::size_t at = doc().find(row);
    ASSERT_NE(at, std::string::npos) << mtu;
    const std::string line = doc().substr(at, doc().find('\n', at) - at);
    const std::string samples = std::to_string(max_samples_for_mtu(mtu));
    EXPECT_TRUE(line.find("| " + samples + " ") != std::string::npos ||
                line.find("| **" + samples + "**") != std::string::npos)
        << line;
  }
}

}  // namespace
}  // namespace r3::core::protocol
