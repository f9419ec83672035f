// Every payload the publisher builds, checked against docs/schemas by validate_payloads.py
// (python3-jsonschema, draft 2020-12). A tampered payload must fail: the check can fail.

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>

#include "core/events/event_json.hpp"
#include "daemon/mqtt/command_handler.hpp"
#include "daemon/mqtt/payloads.hpp"
#include "tests/daemon/mqtt/support/process.hpp"

namespace r3::mqtt {
namespace {

constexpr std::int64_t kNow = 1763703036123;

class ThePayloads : public ::testing::Test {
 protected:
  void TearDown() override { std::filesystem::remove_all(dir_); }

  void add(const std::string& topic, const std::string& payload) {
    lines_.push_back(nlohmann::json{{"topic", topic}, {"payload", payload}}.dump());
  }
  int validate(const std::string& require = "") {
    const auto file = dir_ + "/messages.jsonl";
    std::ofstream out(file);
    for (const auto& l : lines_) out << l << '\n';
    out.close();
    std::string cmd = std::string("/usr/bin/python3 ") + R3_SOURCE_DIR +
                      "/tests/daemon/mqtt/validate_payloads.py " + R3_SOURCE_DIR +
                      "/docs/schemas " + file;
    if (!require.empty()) cmd += " --require " + require;
    cmd += " > " + dir_ + "/out.txt 2>&1";
    const int rc = std::system(cmd.c_str());
    output_ = test::read_file(dir_ + "/out.txt");
    return rc;
  }

  std::string dir_ = test::make_temp_dir();
  std::vector<std::string> lines_;
  std::string output_;
  EventContext ctx_{"u-1", "r3-c0ffee000001", "s-1", 1700000000};
  EventContext no_session_{"u-2", "r3-c0ffee000002", "", 5};
};

core::RepEvent full_rep() {
  core::RepEvent r;
  r.set_index = 1;
  r.rep_index = 1;
  r.placement_index = 1;
  r.duration_s = 3.0;
  r.pressure_kept_ratio = 0.9;
  r.placement_error_deg = -2.0;
  r.engagement_latency_s = 0.3;
  r.sparc = -1.6;
  r.tremor_rms_dps = 1.8;
  r.tremor_hz = 5.2;
  return r;
}

TEST_F(ThePayloads, MatchTheirSchemasForEveryKindWithAndWithoutOptionalValues) {
  core::RepEvent bare = full_rep();
  bare.pressure_kept_ratio.reset();
  bare.placement_error_deg.reset();
  bare.engagement_latency_s.reset();
  bare.sparc = std::numeric_limits<double>::quiet_NaN();  // -> null, which the schema allows
  bare.tremor_rms_dps = 0.0;
  bare.tremor_hz.reset();
  add("r3/v1/gw1/users/u-1/rep", event_payload("gw1", ctx_, 1, kNow, full_rep()));
  add("r3/v1/gw1/users/u-2/rep", event_payload("gw1", no_session_, 2, kNow, bare));
  add("r3/v1/gw1/users/u-1/hold",
      event_payload("gw1", ctx_, 3, kNow, core::HoldEvent{1, 1, 1, 7, 6, 50, 3}));
  core::SetSummary set;
  set.set_index = 1;
  set.end_reason = core::SetEndReason::kCommand;
  add("r3/v1/gw1/users/u-1/set", event_payload("gw1", ctx_, 4, kNow, set));
  set.rom_cv_pct = 3.0;
  set.placement_ce_deg = -1.0;
  add("r3/v1/gw1/users/u-1/set", event_payload("gw1", ctx_, 5, kNow, set));
  add("r3/v1/gw1/users/u-1/live",
      event_payload("gw1", ctx_, 0, kNow, core::LiveSample{1, 2, 3, core::ContactState::kIdle}));
  add("r3/v1/gw1/status",
      gateway_status_payload("gw1", {true, "connected", "0.1.0", 12.5, 0, 0}, kNow));
  add("r3/v1/gw1/status",
      gateway_status_payload("gw1", {false, "connection_lost", "0.1.0", 0, 3, 1}, kNow));
  add("r3/v1/gw1/devices/r3-c0ffee000001",
      device_payload(
          "gw1",
          {"r3-c0ffee000001", "C0:FF:EE:00:00:01", "streaming", "", "hci0", -70, 90, 0.02, "u-1"},
          kNow));
  add("r3/v1/gw1/devices/r3-00000000000e",
      device_payload(
          "gw1", {"r3-00000000000e", "", "over-budget", "no free slot", "", {}, {}, 0, ""}, kNow));
  add("r3/v1/gw1/devices/r3-00000000000f",
      device_payload("gw1", {"r3-00000000000f", "", "unseen", "", "", {}, {}, 0, "u-2"}, kNow));
  add("r3/v1/gw1/users/u-1/status", user_status_payload("gw1",
                                                        {"u-1",
                                                         "r3-c0ffee000001",
                                                         {"r3-c0ffee000001", "r3-c0ffee000002"},
                                                         "s-1",
                                                         "loaded",
                                                         12,
                                                         5,
                                                         2,
                                                         3},
                                                        kNow));
  add("r3/v1/gw1/users/u-2/status",
      user_status_payload("gw1", {"u-2", "r3-00000000000f", {"r3-00000000000f"}, "", "away"},
                          kNow));
  add("r3/v1/gw1/sessions/s-1",
      session_payload("gw1", {"s-1", kNow - 60000, kNow, {{"u-1", 5, 1, 0}, {"u-2", 0, 0, 1}}},
                      kNow));
  CommandHandler handler(nullptr);
  const auto bad = handler.handle("bind", "nonsense", kNow);
  add("r3/v1/gw1/reply/" + bad.reply_id, bad.payload);
  const auto unavailable =
      handler.handle("tare", R"({"request_id":"q1","device_id":"r3-00000000000d"})", kNow);
  add("r3/v1/gw1/reply/q1", unavailable.payload);
  EXPECT_EQ(validate("rep,hold,set,live,status,device,user-status,session,reply"), 0) << output_;
  EXPECT_NE(output_.find("validated 16 messages"), std::string::npos) << output_;
}

TEST_F(ThePayloads, FailValidationWhenAFieldIsAddedRemovedOrMistyped) {
  auto rep = nlohmann::json::parse(event_payload("gw1", ctx_, 1, kNow, full_rep()));
  auto extra = rep;
  extra["surprise"] = 1;
  auto missing = rep;
  missing.erase("rom_deg");
  auto mistyped = rep;
  mistyped["seq"] = "1";
  for (const auto& doc : {extra, missing, mistyped}) {
    lines_.clear();
    add("r3/v1/gw1/users/u-1/rep", doc.dump());
    EXPECT_NE(validate(), 0) << doc.dump();
  }
}

TEST_F(ThePayloads, FailValidationOnATopicOutsideTheApiOrAMismatchedId) {
  add("r3/v1/gw1/users/u-9/rep", event_payload("gw1", ctx_, 1, kNow, full_rep()));
  EXPECT_NE(validate(), 0);
  EXPECT_NE(output_.find("topic says user_id=u-9"), std::string::npos) << output_;
  lines_.clear();
  add("r3/v1/gw1/whatever", "{}");
  EXPECT_NE(validate(), 0);
}

TEST_F(ThePayloads, IncludeTheBareEventObjectsOfR3AnalyzeWhichMatchTheirOwnSchemas) {
  const auto event = [&](const std::string& json) {
    lines_.push_back(nlohmann::json{{"event", json}}.dump());
  };
  event(core::to_json(full_rep()));
  core::RepEvent bare;
  bare.set_index = bare.rep_index = bare.placement_index = 1;
  event(core::to_json(bare));
  event(core::to_json(core::HoldEvent{1, 1, 1, 7, 6, 50, 3}));
  core::SetSummary set;
  set.set_index = 2;
  event(core::to_json(set));
  event(core::to_json(core::LiveSample{1, 2, 3, core::ContactState::kLoaded}));
  core::QualityStats q;
  q.packets = 10;
  q.packets_missing = 1;
  event(core::to_json(q));
  EXPECT_EQ(validate("event-rep,event-hold,event-set,event-live,event-quality"), 0) << output_;

  // ... and an envelope field is not part of a bare event: the schema refuses it.
  lines_.clear();
  auto j = nlohmann::json::parse(core::to_json(full_rep()));
  j["user_id"] = "u-1";
  event(j.dump());
  EXPECT_NE(validate(), 0) << output_;
}

}  // namespace
}  // namespace r3::mqtt
