#include "core/events/event_json.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

namespace r3::core {
namespace {

using nlohmann::json;

std::set<std::string> keys_of(const json& j) {
  std::set<std::string> k;
  for (const auto& [key, value] : j.items()) k.insert(key);
  return k;
}

RepEvent a_rep() {
  RepEvent r;
  r.set_index = 2;
  r.rep_index = 3;
  r.placement_index = 4;
  r.start_s = 12.3456;
  r.end_s = 16.0;
  r.duration_s = 3.6544;
  r.time_under_load_s = 3.6544;
  r.force_mean_n = 84.123456;
  r.force_peak_n = 120.5;
  r.impulse_ns = 307.4;
  r.force_cv_pct = 4.2;
  r.pressure_kept_ratio = 0.93;
  r.rom_deg = 35.25;
  r.angular_speed_mean_dps = 18.0;
  r.angular_speed_peak_dps = 40.0;
  r.sparc = -1.414031;
  r.tremor_rms_dps = 2.125;
  r.tremor_hz = 5.25;
  r.placement_tilt_deg = 12.0;
  r.engagement_latency_s = 0.42;
  r.samples = 365;
  r.samples_interpolated = 2;
  r.truncated = true;
  return r;
}

TEST(ARepEventAsJson, HasTypeRepAndEveryFieldWithItsValue) {
  const auto j = json::parse(to_json(a_rep()));
  EXPECT_EQ(j["type"], "rep");
  EXPECT_EQ(j["set_index"], 2);
  EXPECT_EQ(j["rep_index"], 3);
  EXPECT_EQ(j["placement_index"], 4);
  EXPECT_DOUBLE_EQ(j["start_s"].get<double>(), 12.346);
  EXPECT_DOUBLE_EQ(j["end_s"].get<double>(), 16.0);
  EXPECT_DOUBLE_EQ(j["force_mean_n"].get<double>(), 84.1235);
  EXPECT_DOUBLE_EQ(j["pressure_kept_ratio"].get<double>(), 0.93);
  EXPECT_DOUBLE_EQ(j["sparc"].get<double>(), -1.41403);
  EXPECT_DOUBLE_EQ(j["tremor_rms_dps"].get<double>(), 2.125);
  EXPECT_DOUBLE_EQ(j["tremor_hz"].get<double>(), 5.25);
  EXPECT_TRUE(j["placement_error_deg"].is_null());
  EXPECT_DOUBLE_EQ(j["engagement_latency_s"].get<double>(), 0.42);
  EXPECT_EQ(j["samples"], 365);
  EXPECT_EQ(j["truncated"], true);
  EXPECT_EQ(keys_of(j), (std::set<std::string>{"type",
                                               "set_index",
                                               "rep_index",
                                               "placement_index",
                                               "start_s",
                                               "end_s",
                                               "duration_s",
                                               "time_under_load_s",
                                               "force_mean_n",
                                               "force_peak_n",
                                               "impulse_ns",
                                               "force_cv_pct",
                                               "pressure_kept_ratio",
                                               "rom_deg",
                                               "angular_speed_mean_dps",
                                               "angular_speed_peak_dps",
                                               "sparc",
                                               "tremor_rms_dps",
                                               "tremor_hz",
                                               "placement_tilt_deg",
                                               "placement_error_deg",
                                               "engagement_latency_s",
                                               "samples",
                                               "samples_interpolated",
                                               "truncated"}));
}

TEST(ARepEventAsJson, WritesNaNAndInfinityAsNullNeverAsInvalidJson) {
  auto r = a_rep();
  r.sparc = std::numeric_limits<double>::quiet_NaN();
  r.tremor_hz = std::numeric_limits<double>::quiet_NaN();
  r.force_cv_pct = std::numeric_limits<double>::infinity();
  r.placement_error_deg = -std::numeric_limits<double>::infinity();
  const auto j = json::parse(to_json(r));
  EXPECT_TRUE(j["sparc"].is_null());
  EXPECT_TRUE(j["force_cv_pct"].is_null());
  EXPECT_TRUE(j["tremor_hz"].is_null());
  EXPECT_TRUE(j["placement_error_deg"].is_null());
}

TEST(AHoldEventAsJson, HasTypeHoldAndEveryField) {
  HoldEvent h;
  h.set_index = 1;
  h.placement_index = 5;
  h.start_s = 1.0;
  h.end_s = 7.5;
  h.duration_s = 6.5;
  h.force_mean_n = 50.0;
  h.force_cv_pct = 3.0;
  const auto j = json::parse(to_json(h));
  EXPECT_EQ(j["type"], "hold");
  EXPECT_DOUBLE_EQ(j["duration_s"].get<double>(), 6.5);
  EXPECT_EQ(keys_of(j),
            (std::set<std::string>{"type", "set_index", "placement_index", "start_s", "end_s",
                                   "duration_s", "force_mean_n", "force_cv_pct"}));
}

TEST(ASetSummaryAsJson, NamesTheEndReasonAndWritesMissingConsistencyAsNull) {
  SetSummary s;
  s.set_index = 1;
  s.end_reason = SetEndReason::kStreamEnd;
  s.rep_count = 1;
  s.rom_cv_pct = 5.5;
  const auto j = json::parse(to_json(s));
  EXPECT_EQ(j["type"], "set");
  EXPECT_EQ(j["end_reason"], "stream_end");
  EXPECT_DOUBLE_EQ(j["rom_cv_pct"].get<double>(), 5.5);
  EXPECT_TRUE(j["duration_cv_pct"].is_null());
  EXPECT_TRUE(j["placement_ve_deg"].is_null());
  EXPECT_EQ(keys_of(j).size(), 16U);
}

TEST(ASetSummaryAsJson, NamesEveryEndReason) {
  EXPECT_EQ(to_string(SetEndReason::kRest), "rest");
  EXPECT_EQ(to_string(SetEndReason::kCommand), "command");
  EXPECT_EQ(to_string(SetEndReason::kStreamEnd), "stream_end");
}

TEST(ALiveSampleAsJson, CarriesForceAngleAndTheStateByName) {
  LiveSample l{.t_s = 3.25, .force_n = 60.0, .angle_deg = 12.5, .state = ContactState::kMoving};
  EXPECT_EQ(to_json(l),
            R"({"type":"live","t_s":3.250,"force_n":60,"angle_deg":12.5,"state":"moving"})");
  EXPECT_EQ(to_string(ContactState::kIdle), "idle");
  EXPECT_EQ(to_string(ContactState::kLoaded), "loaded");
}

TEST(AQualityStatsAsJson, IncludesTheComputedLossRate) {
  QualityStats q;
  q.packets = 90;
  q.packets_missing = 10;
  q.largest_gap_s = 0.25;
  const auto j = json::parse(to_json(q));
  EXPECT_EQ(j["type"], "quality");
  EXPECT_DOUBLE_EQ(j["loss_rate"].get<double>(), 0.1);
  EXPECT_EQ(j["packets"], 90);
  EXPECT_EQ(keys_of(j).size(), 15U);
}

TEST(AnEventObject, AcceptsTheCallersOwnFieldsThroughTheWriter) {
  std::string out;
  {
    util::JsonObjectWriter w(out);
    w.add("user_id", "u-1").add("seq", std::uint64_t{7});
    write_fields(w, a_rep());
    w.add("ts", "2026-01-01T00:00:00Z");
  }
  const auto j = json::parse(out);
  EXPECT_EQ(j["user_id"], "u-1");
  EXPECT_EQ(j["seq"], 7);
  EXPECT_EQ(j["type"], "rep");
  EXPECT_EQ(j["ts"], "2026-01-01T00:00:00Z");
}

}  // namespace
}  // namespace r3::core
