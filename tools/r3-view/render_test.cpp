#include "tools/r3-view/render.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

namespace r3::view {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::string status(const std::string& device_ids_json, const std::string& state = "idle",
                   const std::string& totals = "") {
  return R"({"state":")" + state + R"(","session_id":"s-1","device_ids":)" + device_ids_json +
         (totals.empty() ? "" : "," + totals) + "}";
}

std::string device(const std::string& link, const std::string& user, const std::string& reason,
                   const std::string& battery = "81", const std::string& loss = "0.004") {
  return R"({"link_state":")" + link + R"(","reason":)" + reason + R"(,"battery_pct":)" + battery +
         R"(,"loss_rate":)" + loss + R"(,"user_id":)" +
         (user.empty() ? "null" : "\"" + user + "\"") + "}";
}

RenderInfo plain(BrokerState::Phase phase = BrokerState::Phase::kConnected) {
  RenderInfo info;
  info.broker.address = "localhost:1883";
  info.broker.phase = phase;
  info.gateway = "+";
  info.ansi = false;
  return info;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// The line that mentions `what`; empty when none does.
std::string line_with(const std::string& text, const std::string& what) {
  for (const auto& line : lines_of(text)) {
    if (line.find(what) != std::string::npos) return line;
  }
  return {};
}

TEST(ARenderedView, ShowsTheTotalsOfTheStatusOnTheUsersLine) {
  ViewModel m;
  m.apply("r3/v1/g/users/p-0042/status",
          status(R"(["r3-000000000001"])", "moving",
                 R"("reps_today":123,"reps_session":45,"sets_session":6,"reps_set":7)"),
          0);
  m.apply("r3/v1/g/devices/r3-000000000001", device("streaming", "p-0042", "null"), 0);
  const auto line = line_with(render(m, plain(), 0), "p-0042");
  EXPECT_THAT(line, HasSubstr("moving"));
  EXPECT_THAT(line, HasSubstr("streaming"));
  EXPECT_THAT(line, HasSubstr("81%"));
  EXPECT_THAT(line, HasSubstr("0.4%"));
  EXPECT_THAT(line, HasSubstr("  123      45   7    6  "));  // TODAY SESSION SET SETS
}

TEST(ARenderedView, NoLongerShowsAUserWhoseStatusWasRemoved) {
  ViewModel m;
  m.apply("r3/v1/g/users/p-0042/status", status(R"(["r3-000000000001"])"), 0);
  m.apply("r3/v1/g/users/p-0043/status", status(R"(["r3-000000000002"])"), 0);
  m.apply("r3/v1/g/users/p-0042/status", "", 1);
  const auto text = render(m, plain(), 1);
  EXPECT_THAT(text, Not(HasSubstr("p-0042")));
  EXPECT_THAT(text, HasSubstr("p-0043"));
  EXPECT_THAT(text, HasSubstr("users 1"));
}

TEST(ARenderedView, SaysWhyAContactIsOverBudget) {
  ViewModel m;
  m.apply("r3/v1/g/users/p-0042/status", status(R"(["r3-000000000009"])", "away"), 0);
  m.apply("r3/v1/g/devices/r3-000000000009",
          device("over-budget", "p-0042", R"("hci0 and hci1 hold 7 links each")", "null", "0"), 0);
  const auto text = render(m, plain(), 0);
  EXPECT_THAT(line_with(text, "p-0042"), HasSubstr("over-budget"));
  const auto why = line_with(text, "r3-000000000009");
  EXPECT_THAT(why, HasSubstr("over-budget"));
  EXPECT_THAT(why, HasSubstr("hci0 and hci1 hold 7 links each"));
}

TEST(ARenderedView, WrapsALongReasonOntoTheLinesBelowIt) {
  ViewModel m;
  m.apply("r3/v1/g/users/user-15/status", status(R"(["r3-c0ffee00000e"])", "away"), 0);
  // As r3-gatewayd words it (scripts/demo --contacts 16).
  m.apply("r3/v1/g/devices/r3-c0ffee00000e",
          device("over-budget", "user-15",
                 R"x("every adapter's slots are taken (ble.slots_per_adapter = 7)")x", "null", "0"),
          0);
  const auto lines = lines_of(render(m, plain(), 0));
  const auto first = std::find_if(lines.begin(), lines.end(), [](const std::string& l) {
    return l.find("r3-c0ffee00000e") != std::string::npos;
  });
  ASSERT_NE(first, lines.end());
  ASSERT_NE(first + 1, lines.end());
  EXPECT_THAT(*first, HasSubstr("over-budget"));
  EXPECT_THAT(*first + " " + (first + 1)->substr((first + 1)->find_first_not_of(' ')),
              HasSubstr("every adapter's slots are taken (ble.slots_per_adapter = 7)"));
  for (const auto& line : lines) EXPECT_LE(line.size(), kMaxColumns) << line;
}

TEST(ARenderedView, GivesAStreamingContactNoLineOfItsOwnWhateverItsReason) {
  ViewModel m;
  m.apply("r3/v1/g/users/u1/status", status(R"(["r3-000000000001"])", "idle"), 0);
  m.apply("r3/v1/g/devices/r3-000000000001", device("streaming", "u1", R"("acquire-notify")"), 0);
  const auto text = render(m, plain(), 0);
  EXPECT_THAT(line_with(text, "u1"), HasSubstr("streaming"));
  EXPECT_THAT(text, Not(HasSubstr("acquire-notify")));
}

TEST(ARenderedView, ShowsAUserWhoseContactWasNeverSeen) {
  ViewModel m;
  m.apply("r3/v1/g/users/p-0050/status", status(R"(["r3-00000000000a"])", "away"), 0);
  m.apply("r3/v1/g/devices/r3-00000000000a", device("unseen", "p-0050", "null", "null", "0"), 0);
  const auto text = render(m, plain(), 0);
  const auto line = line_with(text, "p-0050");
  EXPECT_THAT(line, HasSubstr("away"));
  EXPECT_THAT(line, HasSubstr("unseen"));
  EXPECT_THAT(line_with(text, "r3-00000000000a"),
              HasSubstr("never seen by the gateway: off, flat or out of range?"));
}

TEST(ARenderedView, ShowsAUserWhoseContactTheGatewayHasNotDescribedYet) {
  ViewModel m;
  m.apply("r3/v1/g/users/p-0051/status", status(R"(["r3-00000000000b"])", "away"), 0);
  const auto text = render(m, plain(), 0);
  EXPECT_THAT(line_with(text, "p-0051"), HasSubstr("away"));
  EXPECT_THAT(line_with(text, "r3-00000000000b"), HasSubstr("no word from the gateway"));
}

TEST(ARenderedView, GivesEachFurtherContactOfAUserALineOfItsOwn) {
  ViewModel m;
  m.apply("r3/v1/g/users/u1/status",
          R"({"state":"moving","device_id":"r3-000000000001",)"
          R"("device_ids":["r3-000000000001","r3-000000000002"]})",
          0);
  m.apply("r3/v1/g/devices/r3-000000000001", device("streaming", "u1", "null"), 0);
  m.apply("r3/v1/g/devices/r3-000000000002", device("streaming", "u1", "null", "15"), 0);
  const auto text = render(m, plain(), 0);
  EXPECT_EQ(line_with(text, "r3-000000000001"), "");  // healthy and on the user line
  EXPECT_THAT(line_with(text, "r3-000000000002"), HasSubstr("15%"));
}

TEST(ARenderedView, ShowsTheLastSetAndALiveGaugeThatGoesBlankWhenStale) {
  ViewModel m;
  m.apply("r3/v1/g/users/athlete-07/status", status("[]", "loaded"), 0);
  m.apply("r3/v1/g/users/athlete-07/set", R"({"set_index":2,"rep_count":8,"rom_mean_deg":31.4})",
          0);
  m.apply("r3/v1/g/users/athlete-07/live", R"({"force_n":150.0})", 10.0);
  const auto line = line_with(render(m, plain(), 10.5), "athlete-07");
  EXPECT_THAT(line, HasSubstr("8 reps 31 deg"));
  m.apply("r3/v1/g/users/athlete-07/set", R"({"set_index":3,"rep_count":0,"hold_count":2})", 11.0);
  EXPECT_THAT(line_with(render(m, plain(), 11.0), "athlete-07"), HasSubstr("2 holds"));
  EXPECT_THAT(line, HasSubstr("[#####.....] 150"));
  EXPECT_THAT(line_with(render(m, plain(), 13.0), "athlete-07"), HasSubstr("[          ]   -"));
}

TEST(ARenderedView, NamesTheGatewayItsStateAndTheSession) {
  ViewModel m;
  m.apply("r3/v1/room-1/status", R"({"state":"offline","reason":"connection_lost"})", 0);
  m.apply("r3/v1/room-1/users/u1/status", status("[]"), 0);
  const auto line = line_with(render(m, plain(), 0), "gateway room-1");
  EXPECT_THAT(line, HasSubstr("offline (connection_lost)"));
  EXPECT_THAT(line, HasSubstr("session s-1"));
}

TEST(ARenderedView, ListsContactsBoundToNoOne) {
  ViewModel m;
  m.apply("r3/v1/g/devices/r3-000000000005", device("streaming", "", "null"), 0);
  EXPECT_THAT(render(m, plain(), 0),
              HasSubstr("not bound to anyone (1): r3-000000000005 (streaming)"));
}

TEST(ARenderedView, SaysWhyTheBrokerCannotBeReached) {
  auto info = plain(BrokerState::Phase::kRetrying);
  info.broker.address = "10.0.0.7:1883";
  info.broker.error = "Connection refused";
  info.broker.retry_in_s = 1.2;
  const auto text = render(ViewModel{}, info, 0);
  EXPECT_THAT(lines_of(text).at(1),
              HasSubstr("broker 10.0.0.7:1883 UNREACHABLE: Connection refused; retrying in 2 s"));
  EXPECT_THAT(text, HasSubstr("(waiting for the broker)"));
}

TEST(ARenderedView, FitsAHundredColumnsWithManyUsersAndLongIds) {
  ViewModel m;
  const std::string long_id(64, 'x');
  const std::string root = "r3/v1/" + long_id + "/";
  const std::string long_reason = R"(")" + std::string(150, 'r') + R"(")";
  for (int i = 0; i < 60; ++i) {
    const auto user = (i % 3 == 0 ? long_id.substr(0, 40 + i % 24) : "user-") + std::to_string(i);
    const auto dev = "r3-c0ffee0000" + std::to_string(10 + i);
    const auto topic = [&](const std::string& tail) { return root + tail; };
    std::string two_contacts = R"([")";  // the contact and a second one, never described
    two_contacts.append(dev).append(R"(",")").append(dev).append(R"(b"])");
    m.apply(topic("users/" + user + "/status"),
            status(two_contacts, i % 2 ? "moving" : "away",
                   R"("reps_today":4294967295,"reps_session":99999999,"sets_session":12345,)"
                   R"("reps_set":123456)"),
            0);
    m.apply(topic("devices/" + dev),
            device(i % 2 ? "over-budget" : "streaming", user, long_reason, "100", "1"), 0);
    m.apply(topic("users/" + user + "/set"), R"({"rep_count":123456,"rom_mean_deg":12345.6})", 0);
    m.apply(topic("users/" + user + "/live"), R"({"force_n":123456.0})", 0);
  }
  auto info = plain(BrokerState::Phase::kRetrying);
  info.broker.error = std::string(200, 'e');
  const auto text = render(m, info, 0);
  const auto lines = lines_of(text);
  EXPECT_GT(lines.size(), 120u);
  for (const auto& line : lines) EXPECT_LE(line.size(), kMaxColumns) << line;
  EXPECT_THAT(text, HasSubstr(long_id.substr(0, 11) + "~"));  // a long user id, cut cleanly
}

TEST(ARenderedView, KeepsEscapesOutOfTheWidthAndCutsToTheTerminalHeight) {
  ViewModel m;
  for (int i = 0; i < 30; ++i) m.apply("r3/v1/g/users/u" + std::to_string(i) + "/status", "{}", 0);
  auto info = plain();
  info.ansi = true;
  info.rows = 10;
  const auto text = render(m, info, 0);
  const auto lines = lines_of(text);
  ASSERT_EQ(lines.size(), 10u);
  EXPECT_THAT(lines.back(), HasSubstr("more lines: enlarge the terminal"));
  for (auto line : lines) {
    for (auto esc = line.find('\x1b'); esc != std::string::npos; esc = line.find('\x1b')) {
      line.erase(esc, line.find_first_of("HJKm", esc) - esc + 1);
    }
    EXPECT_LE(line.size(), kMaxColumns) << line;
  }
}

TEST(ARenderedView, CutsItsLinesToANarrowerTerminal) {
  ViewModel m;
  m.apply("r3/v1/g/users/u1/status", status("[]"), 0);
  auto info = plain();
  info.columns = 60;
  for (const auto& line : lines_of(render(m, info, 0))) EXPECT_LE(line.size(), 60u) << line;
}

TEST(ARenderedView, PrintsTextFromTheBrokerAsPlainAsciiOnly) {
  ViewModel m;
  m.apply("r3/v1/g/users/u1/status", status(R"(["r3-000000000001"])", "away"), 0);
  m.apply("r3/v1/g/devices/r3-000000000001",
          device("backoff", "u1", R"("\u001b[2Jgone \u00e9")", "null", "0"), 0);
  const auto text = render(m, plain(), 0);
  EXPECT_EQ(text.find('\x1b'), std::string::npos);
  EXPECT_THAT(text, HasSubstr("?[2Jgone ??"));  // the escape and both bytes of the e-acute
}

TEST(ARenderedView, WritesNoEscapeSequencesInPlainMode) {
  ViewModel m;
  m.apply("r3/v1/g/users/u1/status", status("[]"), 0);
  EXPECT_EQ(render(m, plain(), 0).find('\x1b'), std::string::npos);
}

}  // namespace
}  // namespace r3::view
