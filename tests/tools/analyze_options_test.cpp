#include "tools/r3-analyze/analyze_options.hpp"

#include <gtest/gtest.h>

#include <string_view>
#include <vector>

namespace r3::tools {
namespace {

Result<AnalyzeOptions, std::string> parse(std::vector<std::string_view> args) {
  return parse_analyze_options(args);
}

TEST(AnalyzeOptions, TakeTheTraceAndTheDefaults) {
  auto o = parse({"trace.csv"});
  ASSERT_TRUE(o.ok()) << o.error();
  EXPECT_EQ(o->trace_path, "trace.csv");
  EXPECT_FALSE(o->rate_hz);
  EXPECT_DOUBLE_EQ(o->pipeline.thresholds.load_on_n, core::Thresholds{}.load_on_n);
}

TEST(AnalyzeOptions, SetThresholdsAndTheRate) {
  auto o = parse({"--load-on", "30", "--load-off", "12", "--min-rom", "12", "--rate", "200",
                  "--reference-tilt", "25", "t.csv"});
  ASSERT_TRUE(o.ok()) << o.error();
  EXPECT_DOUBLE_EQ(o->pipeline.thresholds.load_on_n, 30.0);
  EXPECT_DOUBLE_EQ(o->pipeline.thresholds.load_off_n, 12.0);
  EXPECT_DOUBLE_EQ(o->pipeline.thresholds.rep_min_rom_deg, 12.0);
  ASSERT_TRUE(o->pipeline.thresholds.reference_tilt_deg);
  EXPECT_DOUBLE_EQ(*o->pipeline.thresholds.reference_tilt_deg, 25.0);
  ASSERT_TRUE(o->rate_hz);
  EXPECT_DOUBLE_EQ(*o->rate_hz, 200.0);
}

TEST(AnalyzeOptions, NameTheOptionWhoseValueIsNotANumber) {
  auto o = parse({"--min-rom", "ten", "t.csv"});
  ASSERT_FALSE(o.ok());
  EXPECT_NE(o.error().find("--min-rom"), std::string::npos);
  EXPECT_NE(o.error().find("ten"), std::string::npos);
}

TEST(AnalyzeOptions, RejectAnUnknownOptionAMissingValueAndNoTrace) {
  EXPECT_FALSE(parse({"--bogus", "t.csv"}).ok());
  EXPECT_FALSE(parse({"t.csv", "--load-on"}).ok());
  EXPECT_FALSE(parse({}).ok());
  EXPECT_FALSE(parse({"a.csv", "b.csv"}).ok());
}

TEST(AnalyzeOptions, RejectInconsistentThresholdsNamingTheField) {
  auto o = parse({"--load-on", "5", "--load-off", "10", "t.csv"});
  ASSERT_FALSE(o.ok());
  EXPECT_NE(o.error().find("load_off_n"), std::string::npos);
}

TEST(AnalyzeOptions, RejectARateTheContactProtocolCannotHaveAndAnUnboundedGap) {
  auto fast = parse({"--rate", "500", "t.csv"});
  ASSERT_FALSE(fast.ok());
  EXPECT_NE(fast.error().find("nominal_rate_hz"), std::string::npos);
  auto gap = parse({"--max-gap", "60", "t.csv"});
  ASSERT_FALSE(gap.ok());
  EXPECT_NE(gap.error().find("max_bridge_gap_s"), std::string::npos);
}

TEST(AnalyzeOptions, AnswerHelpBeforeAnythingElse) {
  auto o = parse({"--help"});
  ASSERT_TRUE(o.ok());
  EXPECT_TRUE(o->help);
  EXPECT_NE(analyze_usage().find("--min-rom"), std::string_view::npos);
}

}  // namespace
}  // namespace r3::tools
