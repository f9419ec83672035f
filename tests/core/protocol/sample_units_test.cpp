// Fixed point <-> physical units, and the stream rates.

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>

#include "core/protocol/packet_codec.hpp"

namespace r3::core::protocol {
namespace {

Sample uniform_sample(float force, float acc, float gyro) {
  Sample s;
  s.force_n = force;
  s.acc_g = {acc, acc, acc};
  s.gyro_dps = {gyro, gyro, gyro};
  return s;
}

TEST(TheUnitConversion, ScalesCountsByTheDocumentedResolution) {
  const Sample s = to_sample(RawSample{10, {2048, -1024, 1}, {16, -8, 1}}, 0.0);
  EXPECT_FLOAT_EQ(s.force_n, 1.0F);
  EXPECT_FLOAT_EQ(s.acc_g[0], 1.0F);
  EXPECT_FLOAT_EQ(s.acc_g[1], -0.5F);
  EXPECT_FLOAT_EQ(s.acc_g[2], 1.0F / 2048.0F);
  EXPECT_FLOAT_EQ(s.gyro_dps[0], 1.0F);
  EXPECT_FLOAT_EQ(s.gyro_dps[1], -0.5F);
  EXPECT_FLOAT_EQ(s.gyro_dps[2], 0.0625F);
}

TEST(TheUnitConversion, RoundTripsEveryRawValueOfEveryChannel) {
  for (int v = std::numeric_limits<std::int16_t>::min();
       v <= std::numeric_limits<std::int16_t>::max(); ++v) {
    const auto c = static_cast<std::int16_t>(v);
    const RawSample raw{c, {c, c, c}, {c, c, c}};
    const RawSample back = to_raw(to_sample(raw, 0.0));
    ASSERT_EQ(back.force, c);
    ASSERT_EQ(back.acc[1], c);
    ASSERT_EQ(back.gyro[2], c);
  }
}

TEST(TheUnitConversion, RoundsToTheNearestCount) {
  const RawSample r = to_raw(uniform_sample(12.34F, 0.2F, 1.03F));
  EXPECT_EQ(r.force, 123);   // 123.4 counts
  EXPECT_EQ(r.acc[0], 410);  // 409.6 counts
  EXPECT_EQ(r.gyro[0], 16);  // 16.48 counts
  EXPECT_EQ(to_raw(uniform_sample(-12.36F, 0, 0)).force, -124);
}

TEST(TheUnitConversion, SaturatesOutOfRangeValuesAtTheInt16Limits) {
  const RawSample high = to_raw(uniform_sample(5000.0F, 17.0F, 3000.0F));
  EXPECT_EQ(high.force, 32767);
  EXPECT_EQ(high.acc[2], 32767);
  EXPECT_EQ(high.gyro[0], 32767);
  const RawSample low = to_raw(uniform_sample(-5000.0F, -17.0F, -3000.0F));
  EXPECT_EQ(low.force, -32768);
  EXPECT_EQ(low.acc[2], -32768);
  EXPECT_EQ(low.gyro[0], -32768);
  const float inf = std::numeric_limits<float>::infinity();
  EXPECT_EQ(to_raw(uniform_sample(inf, -inf, inf)).acc[0], -32768);
}

TEST(TheUnitConversion, TurnsNotANumberIntoZero) {
  const float nan = std::numeric_limits<float>::quiet_NaN();
  const RawSample r = to_raw(uniform_sample(nan, nan, nan));
  EXPECT_EQ(r.force, 0);
  EXPECT_EQ(r.acc[1], 0);
  EXPECT_EQ(r.gyro[2], 0);
}

TEST(TheRateCodes, MapToTwentyFiveFiftyHundredAndTwoHundredHertz) {
  EXPECT_EQ(rate_hz(RateCode::k25Hz), 25.0);
  EXPECT_EQ(rate_hz(RateCode::k50Hz), 50.0);
  EXPECT_EQ(rate_hz(RateCode::k100Hz), 100.0);
  EXPECT_EQ(rate_hz(RateCode::k200Hz), 200.0);
  EXPECT_EQ(rate_hz(static_cast<RateCode>(9)), 0.0);
}

TEST(TheRateCodes, AreFoundOnlyForExactlySupportedRates) {
  RateCode code = RateCode::k25Hz;
  ASSERT_TRUE(rate_code_for(200.0, code));
  EXPECT_EQ(code, RateCode::k200Hz);
  ASSERT_TRUE(rate_code_for(50.0, code));
  EXPECT_EQ(code, RateCode::k50Hz);
  EXPECT_FALSE(rate_code_for(100.5, code));
  EXPECT_EQ(code, RateCode::k50Hz);  // untouched on failure
  EXPECT_FALSE(rate_code_for(0.0, code));
  EXPECT_FALSE(rate_code_for(std::nan(""), code));
}

}  // namespace
}  // namespace r3::core::protocol
