#include "tools/r3-analyze/trace_replay.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "core/synth/generator.hpp"
#include "core/trace/trace_csv.hpp"

namespace r3::tools {
namespace {

std::string synthetic_trace(std::size_t& true_reps) {
  core::synth::SessionSpec spec;
  core::synth::preset("noisy", 11, spec);
  spec.behaviour.sets = 2;
  const auto session = core::synth::generate_session(spec);
  true_reps = session.truth.reps.size();
  std::string csv = core::trace_csv_header() + "\n";
  for (const auto& s : session.samples) csv += core::trace_csv_row(s) + "\n";
  return csv;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + 1)) ++n;
  return n;
}

AnalyzeOptions options() {
  AnalyzeOptions o;
  o.trace_path = "t.csv";
  return o;
}

TEST(ATraceReplay, PrintsOneLinePerRepAndEndsWithASummary) {
  std::size_t true_reps = 0;
  std::istringstream in(synthetic_trace(true_reps));
  std::ostringstream out, err;
  EXPECT_EQ(replay_trace(in, "t.csv", options(), out, err), 0) << err.str();
  EXPECT_EQ(count(out.str(), "{\"type\":\"rep\""), true_reps);
  EXPECT_EQ(count(out.str(), "{\"type\":\"set\""), 2U);
  const std::string text = out.str();
  const auto last = text.rfind("{\"type\":\"summary\"");
  ASSERT_NE(last, std::string::npos);
  EXPECT_NE(text.find("\"rate_hz\":100", last), std::string::npos);  // estimated from the trace
  EXPECT_NE(text.find("\"reps\":" + std::to_string(true_reps), last), std::string::npos);
}

TEST(ATraceReplay, StopsAtABadRowNamingItsLine) {
  std::istringstream in(
      "t_s,force_n,ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps\n"
      "0.00,0,0,0,1,0,0,0\n"
      "0.01,0,0,0,1,0,zero,0\n"
      "0.02,0,0,0,1,0,0,0\n");
  std::ostringstream out, err;
  EXPECT_EQ(replay_trace(in, "t.csv", options(), out, err), 2);
  EXPECT_NE(err.str().find("t.csv:3:"), std::string::npos) << err.str();
  EXPECT_NE(err.str().find("gy_dps"), std::string::npos) << err.str();
  EXPECT_NE(out.str().find("\"samples\":1"), std::string::npos);  // what came before is kept
}

TEST(ATraceReplay, SkipsBadRowsWhenAskedAndSaysHowMany) {
  std::istringstream in(
      "t_s,force_n,ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps,comment\n"
      "0.00,0,0,0,1,0,0,0,first\n"
      "0.01,0,0,0,1,0\n"
      "0.02,0,0,0,1,0,0,0,third\n");
  AnalyzeOptions o = options();
  o.skip_bad_rows = true;
  std::ostringstream out, err;
  EXPECT_EQ(replay_trace(in, "t.csv", o, out, err), 1);
  EXPECT_NE(err.str().find("t.csv:3:"), std::string::npos);
  EXPECT_NE(out.str().find("\"bad_rows\":1"), std::string::npos);
  EXPECT_NE(out.str().find("\"samples\":2"), std::string::npos);
}

TEST(ATraceReplay, RejectsAHeaderWithoutARequiredColumn) {
  std::istringstream in("t_s,force_n,ax_g,ay_g,az_g,gx_dps,gy_dps\n0,0,0,0,1,0,0\n");
  std::ostringstream out, err;
  EXPECT_EQ(replay_trace(in, "t.csv", options(), out, err), 2);
  EXPECT_NE(err.str().find("gz_dps"), std::string::npos) << err.str();
}

TEST(ATraceReplay, RefusesATraceFasterThanThePipelineTakes) {
  std::string csv = "t_s,force_n,ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps\n";
  for (int i = 0; i < 300; ++i) csv += std::to_string(i * 0.002) + ",0,0,0,1,0,0,0\n";  // 500 Hz
  std::istringstream in(csv);
  std::ostringstream out, err;
  EXPECT_EQ(replay_trace(in, "t.csv", options(), out, err), 2);
  EXPECT_NE(err.str().find("resample"), std::string::npos) << err.str();
}

TEST(ATraceReplay, WarnsWhenTheGivenRateDisagreesWithTheTimestamps) {
  std::size_t true_reps = 0;
  std::istringstream in(synthetic_trace(true_reps));
  AnalyzeOptions o = options();
  o.rate_hz = 200.0;
  std::ostringstream out, err;
  replay_trace(in, "t.csv", o, out, err);
  EXPECT_NE(err.str().find("warning"), std::string::npos) << err.str();
}

TEST(ATraceReplay, RejectsAnEmptyTrace) {
  std::istringstream in("");
  std::ostringstream out, err;
  EXPECT_EQ(replay_trace(in, "t.csv", options(), out, err), 2);
  EXPECT_NE(err.str().find("empty"), std::string::npos);
}

}  // namespace
}  // namespace r3::tools
