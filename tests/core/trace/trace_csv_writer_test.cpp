// Writing trace CSV, and reading back what was written.

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "core/protocol/packet_codec.hpp"
#include "core/trace/trace_csv.hpp"

namespace r3::core {
namespace {

TEST(ATraceCsvWriter, WritesTheRequiredColumnsInTheDocumentedOrder) {
  EXPECT_EQ(trace_csv_header(), "t_s,force_n,ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps");
}

TEST(ATraceCsvWriter, WritesTimeToTheMicrosecondAndTheRestCompactly) {
  Sample s;
  s.t_s = 12.3456789;
  s.force_n = 250.5F;
  s.acc_g = {0.0F, -0.25F, 1.0F};
  s.gyro_dps = {-2047.9375F, 0.0625F, 100.0F};
  EXPECT_EQ(trace_csv_row(s), "12.345679,250.5,0,-0.25,1,-2047.94,0.0625,100");
}

TEST(ATraceCsvWriter, WritesLargeTimesInFull) {
  Sample s;
  s.t_s = 1e12;
  EXPECT_EQ(trace_csv_row(s), "1000000000000.000000,0,0,0,0,0,0,0");
}

// Any sample the contact can send survives a CSV write and read at the contact's resolution.
TEST(ATraceCsvWriter, KeepsEveryRawCountThroughAWriteAndARead) {
  const auto reader = TraceCsvReader::from_header(trace_csv_header());
  ASSERT_TRUE(reader.ok());
  std::mt19937 rng(99);
  std::uniform_int_distribution<int> i16(-32768, 32767);
  for (int i = 0; i < 20000; ++i) {
    const auto v = [&] { return static_cast<std::int16_t>(i16(rng)); };
    const protocol::RawSample raw{v(), {v(), v(), v()}, {v(), v(), v()}};
    const Sample s = protocol::to_sample(raw, i * 0.005);
    const auto back = reader->parse_row(trace_csv_row(s));
    ASSERT_TRUE(back.ok()) << back.error();
    EXPECT_NEAR(back->t_s, s.t_s, 5e-7);
    const protocol::RawSample again = protocol::to_raw(*back);
    ASSERT_EQ(again.force, raw.force) << trace_csv_row(s);
    ASSERT_EQ(again.acc, raw.acc) << trace_csv_row(s);
    ASSERT_EQ(again.gyro, raw.gyro) << trace_csv_row(s);
  }
}

}  // namespace
}  // namespace r3::core
