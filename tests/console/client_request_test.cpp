#include "console/client_request.hpp"

#include <gtest/gtest.h>

namespace r3::console {
namespace {

TEST(AClientRequest, ParsesTxTopicAndPayload) {
  auto r =
      parse_client_request(R"({"tx":"9","topic":"room-1/cmd/bind","payload":{"device_id":"d"}})");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->tx, "9");
  EXPECT_EQ(r->topic, "room-1/cmd/bind");
  EXPECT_EQ(r->payload["device_id"], "d");
}

TEST(AClientRequest, RefusesEveryMalformedShapeWithASentence) {
  EXPECT_EQ(parse_client_request("nope").error(), "request is not valid JSON");
  EXPECT_EQ(parse_client_request("[1]").error(), "request must be a JSON object");
  EXPECT_EQ(parse_client_request(R"({"topic":"a"})").error(),
            "'tx' must be a string of 1-64 characters");
  EXPECT_EQ(parse_client_request(R"({"tx":5,"topic":"a"})").error(),
            "'tx' must be a string of 1-64 characters");
  EXPECT_EQ(parse_client_request(R"({"tx":"1"})").error(), "'topic' must be a non-empty string");
  EXPECT_EQ(parse_client_request(R"({"tx":"1","topic":"a","payload":3})").error(),
            "'payload' must be a JSON object");
  EXPECT_EQ(parse_client_request(R"({"tx":"1","topic":"a","extra":1})").error(),
            "unknown field 'extra'");
  EXPECT_EQ(parse_client_request(std::string(20000, ' ')).error(), "request larger than 16 KiB");
}

TEST(AGatewayCommand, AcceptsTheDocumentedVerbsOnASafeGateway) {
  auto c = parse_gateway_command("room-1/cmd/start_session");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->gateway, "room-1");
  EXPECT_EQ(c->verb, "start_session");
  EXPECT_EQ(parse_gateway_command("room-1/cmd/reboot").error(), "unknown verb 'reboot'");
  EXPECT_EQ(parse_gateway_command("ro+om/cmd/bind").error(), "the gateway id is not a safe id");
  EXPECT_EQ(parse_gateway_command("room-1/status").error(), "unknown topic 'room-1/status'");
}

TEST(ARole, LetsScreensOnlyWatch) {
  EXPECT_FALSE(may_send(Role::kScreen, "room-1/cmd/bind"));
  EXPECT_TRUE(may_send(Role::kCoach, "room-1/cmd/bind"));
  Role r = Role::kScreen;
  EXPECT_TRUE(parse_role("admin", r));
  EXPECT_EQ(r, Role::kAdmin);
  EXPECT_FALSE(parse_role("root", r));
}

}  // namespace
}  // namespace r3::console
