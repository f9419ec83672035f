#include "tools/r3-view/view_model.hpp"

#include <gtest/gtest.h>

namespace r3::view {
namespace {

// A users/<id>/status as docs/mqtt-api.md defines it (the totals included).
std::string status(const std::string& state, const std::string& device, int today, int session,
                   int sets, int in_set) {
  return R"({"gateway_id":"g","user_id":"u","device_id":")" + device + R"(","device_ids":[")" +
         device + R"("],"session_id":"s1","state":")" + state + R"(","reps_today":)" +
         std::to_string(today) + R"(,"reps_session":)" + std::to_string(session) +
         R"(,"sets_session":)" + std::to_string(sets) + R"(,"reps_set":)" + std::to_string(in_set) +
         R"(,"ts":"2026-11-21T05:30:36.123Z"})";
}

std::string device(const std::string& id, const std::string& link, const std::string& user,
                   const std::string& reason = "null") {
  return R"({"gateway_id":"g","device_id":")" + id + R"(","address":null,"link_state":")" + link +
         R"(","reason":)" + reason + R"(,"adapter":null,"rssi_dbm":null,"battery_pct":81,)" +
         R"("loss_rate":0.02,"user_id":)" + (user.empty() ? "null" : "\"" + user + "\"") +
         R"(,"ts":"2026-11-21T05:30:36.123Z"})";
}

TEST(AViewModel, ShowsTheUsersWhoseRetainedStatusIsSet) {
  ViewModel m;
  EXPECT_TRUE(m.apply("r3/v1/g/users/u1/status", status("idle", "r3-000000000001", 0, 0, 0, 0), 0));
  EXPECT_TRUE(m.apply("r3/v1/g/users/u2/status", status("away", "r3-000000000002", 0, 0, 0, 0), 0));
  ASSERT_EQ(m.users().size(), 2u);
  EXPECT_EQ(m.users()[0]->user_id, "u1");
  EXPECT_EQ(m.users()[1]->state, "away");
}

TEST(AViewModel, DropsAUserWhoseStatusIsRemovedWithAnEmptyRetainedPayload) {
  ViewModel m;
  m.apply("r3/v1/g/users/u1/status", status("moving", "r3-000000000001", 3, 3, 0, 3), 0);
  m.apply("r3/v1/g/users/u2/status", status("idle", "r3-000000000002", 0, 0, 0, 0), 0);
  EXPECT_TRUE(m.apply("r3/v1/g/users/u1/status", "", 1));
  ASSERT_EQ(m.users().size(), 1u);
  EXPECT_EQ(m.users()[0]->user_id, "u2");
}

TEST(AViewModel, TakesTheTotalsFromTheStatusAndNeverCountsRepsItself) {
  ViewModel m;
  // A late subscriber: the retained status says 12 today, 5 this session, 3 in the open set.
  m.apply("r3/v1/g/users/u1/status", status("moving", "r3-000000000001", 12, 5, 1, 3), 0);
  // Rep messages change nothing: the gateway's next status carries the new totals.
  EXPECT_FALSE(m.apply("r3/v1/g/users/u1/rep", R"({"set_index":2,"rep_index":4})", 1));
  EXPECT_FALSE(m.apply("r3/v1/g/users/u1/rep", R"({"set_index":2,"rep_index":5})", 1));
  const auto* u = m.users().at(0);
  EXPECT_EQ(*u->reps_today, 12u);
  EXPECT_EQ(*u->reps_session, 5u);
  EXPECT_EQ(*u->reps_set, 3u);
  EXPECT_EQ(*u->sets_session, 1u);
  m.apply("r3/v1/g/users/u1/status", status("moving", "r3-000000000001", 13, 6, 1, 4), 2);
  EXPECT_EQ(*m.users().at(0)->reps_set, 4u);
  EXPECT_EQ(*m.users().at(0)->reps_today, 13u);
}

TEST(AViewModel, LeavesTotalsUnknownWhenTheStatusHasNone) {
  ViewModel m;
  m.apply("r3/v1/g/users/u1/status", R"({"state":"idle","device_id":null,"session_id":null})", 0);
  ASSERT_EQ(m.users().size(), 1u);
  EXPECT_FALSE(m.users()[0]->reps_today);
  EXPECT_FALSE(m.users()[0]->reps_set);
}

TEST(AViewModel, ListsEveryContactOfAUserWithTheMostActiveFirst) {
  ViewModel m;
  m.apply("r3/v1/g/users/u1/status",
          R"({"state":"moving","device_id":"r3-000000000002",)"
          R"("device_ids":["r3-000000000001","r3-000000000002"],"reps_today":0})",
          0);
  m.apply("r3/v1/g/devices/r3-000000000002", device("r3-000000000002", "streaming", "u1"), 0);
  const auto contacts = m.contacts_of(*m.users().at(0));
  ASSERT_EQ(contacts.size(), 2u);
  EXPECT_EQ(contacts[0].device_id, "r3-000000000002");
  EXPECT_EQ(contacts[0].link_state, "streaming");
  EXPECT_EQ(*contacts[0].battery_pct, 81);
  EXPECT_DOUBLE_EQ(*contacts[0].loss_rate, 0.02);
  EXPECT_EQ(contacts[1].device_id, "r3-000000000001");
  EXPECT_EQ(contacts[1].link_state, "");  // no devices/<id> message yet
}

TEST(AViewModel, KeepsTheLinkReasonOfAContactOverBudget) {
  ViewModel m;
  m.apply("r3/v1/g/users/u1/status", status("away", "r3-000000000009", 0, 0, 0, 0), 0);
  m.apply("r3/v1/g/devices/r3-000000000009",
          device("r3-000000000009", "over-budget", "u1", R"("all 14 link slots in use")"), 0);
  const auto contacts = m.contacts_of(*m.users().at(0));
  ASSERT_EQ(contacts.size(), 1u);
  EXPECT_EQ(contacts[0].link_state, "over-budget");
  EXPECT_EQ(contacts[0].reason, "all 14 link slots in use");
}

TEST(AViewModel, FindsAUsersContactsFromTheDevicesWhenTheStatusListsNone) {
  ViewModel m;  // a gateway that sends no device_ids: the devices' user_id tells
  m.apply("r3/v1/g/users/u1/status", R"({"state":"away","device_id":null})", 0);
  m.apply("r3/v1/g/devices/r3-000000000003", device("r3-000000000003", "unseen", "u1"), 0);
  m.apply("r3/v1/g/devices/r3-000000000004", device("r3-000000000004", "streaming", "u2"), 0);
  const auto contacts = m.contacts_of(*m.users().at(0));
  ASSERT_EQ(contacts.size(), 1u);
  EXPECT_EQ(contacts[0].link_state, "unseen");
}

TEST(AViewModel, ListsContactsBoundToNoOneButNotGoneOnes) {
  ViewModel m;
  m.apply("r3/v1/g/devices/r3-000000000005", device("r3-000000000005", "streaming", ""), 0);
  m.apply("r3/v1/g/devices/r3-000000000006", device("r3-000000000006", "gone", ""), 0);
  m.apply("r3/v1/g/devices/r3-000000000007", device("r3-000000000007", "streaming", "u1"), 0);
  const auto unbound = m.unbound_contacts("g");
  ASSERT_EQ(unbound.size(), 1u);
  EXPECT_EQ(unbound[0]->device_id, "r3-000000000005");
  EXPECT_TRUE(m.unbound_contacts("other").empty());
}

TEST(AViewModel, KeepsTheLastSetSummaryAndTheLiveForce) {
  ViewModel m;
  m.apply("r3/v1/g/users/u1/status", status("loaded", "r3-000000000001", 8, 8, 1, 0), 0);
  m.apply("r3/v1/g/users/u1/set",
          R"({"set_index":1,"rep_count":8,"hold_count":1,"rom_mean_deg":31.5,"end_reason":"rest"})",
          0);
  m.apply("r3/v1/g/users/u1/live", R"({"force_n":80.0,"state":"loaded"})", 1.0);
  const auto* u = m.users().at(0);
  ASSERT_TRUE(u->last_set);
  EXPECT_EQ(u->last_set->rep_count, 8u);
  EXPECT_EQ(u->last_set->hold_count, 1u);
  EXPECT_DOUBLE_EQ(*u->last_set->rom_mean_deg, 31.5);
  EXPECT_EQ(u->last_set->end_reason, "rest");
  EXPECT_DOUBLE_EQ(*u->live_force_n, 80.0);
  EXPECT_DOUBLE_EQ(u->live_at_s, 1.0);
}

TEST(AViewModel, HidesUsersWithEventsButNoStatus) {
  ViewModel m;
  m.apply("r3/v1/g/users/u9/live", R"({"force_n":80.0})", 0);
  EXPECT_TRUE(m.users().empty());
  m.apply("r3/v1/g/users/u9/status", status("loaded", "r3-000000000001", 0, 0, 0, 0), 0);
  ASSERT_EQ(m.users().size(), 1u);
  EXPECT_DOUBLE_EQ(*m.users()[0]->live_force_n, 80.0);
}

TEST(AViewModel, ForgetsRetainedStateBeforeItIsSentAgain) {
  ViewModel m;
  m.apply("r3/v1/g/status", R"({"state":"online","reason":"connected"})", 0);
  m.apply("r3/v1/g/users/u1/status", status("idle", "r3-000000000001", 0, 0, 0, 0), 0);
  m.apply("r3/v1/g/devices/r3-000000000001", device("r3-000000000001", "streaming", "u1"), 0);
  m.forget_retained();
  EXPECT_TRUE(m.users().empty());
  EXPECT_TRUE(m.gateways().empty());
}

TEST(AViewModel, KnowsTheGatewayStatusAndEveryGatewayHeardOf) {
  ViewModel m;
  m.apply("r3/v1/room-1/status", R"({"state":"offline","reason":"connection_lost"})", 0);
  m.apply("r3/v1/room-2/users/u1/status", status("idle", "r3-000000000001", 0, 0, 0, 0), 0);
  EXPECT_EQ(m.gateways(), (std::vector<std::string>{"room-1", "room-2"}));
  ASSERT_NE(m.gateway("room-1"), nullptr);
  EXPECT_EQ(m.gateway("room-1")->reason, "connection_lost");
  EXPECT_EQ(m.gateway("room-2"), nullptr);
}

TEST(AViewModel, CountsAndIgnoresForeignTopicsAndMalformedPayloads) {
  ViewModel m;
  EXPECT_FALSE(m.apply("r3/v1/g/users/u1/status", "{not json", 0));
  EXPECT_FALSE(m.apply("r3/v1/g/users/u1/status", "[1,2]", 0));
  EXPECT_FALSE(m.apply("r3/v1/g/users/u1/other", "{}", 0));
  EXPECT_FALSE(m.apply("r3/v2/g/users/u1/status", "{}", 0));
  EXPECT_FALSE(m.apply("r3/v1/g/cmd/bind", "{}", 0));
  EXPECT_FALSE(m.apply("r3/v1/g/devices/x", "nope", 0));
  EXPECT_EQ(m.ignored(), 6u);
  EXPECT_EQ(m.messages(), 6u);
  EXPECT_TRUE(m.users().empty());
}

}  // namespace
}  // namespace r3::view
