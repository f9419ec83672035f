#include "daemon/app/config_parse.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace r3::app {
namespace {

using ::testing::HasSubstr;
using ::testing::SizeIs;

std::vector<std::string> messages(const ConfigErrors& errors) {
  std::vector<std::string> out;
  for (const auto& e : errors) out.push_back(e.to_string());
  return out;
}

TEST(ConfigParse, AnEmptyFileGivesTheDefaults) {
  const auto config = load_config_text("", "empty.toml");
  ASSERT_TRUE(config.ok()) << ::testing::PrintToString(messages(config.error()));
  EXPECT_EQ(config->gateway_id, "r3-gateway");
  EXPECT_EQ(config->state_directory, "/var/lib/r3-gateway");
  EXPECT_EQ(config->log_level, LogLevel::kInfo);
  EXPECT_EQ(config->mqtt.host, "localhost");
  EXPECT_EQ(config->mqtt.port, 1883);
  EXPECT_EQ(config->mqtt.protocol, MqttProtocol::kV311);
  EXPECT_EQ(config->effective_client_id(), "r3-gateway-r3-gateway");
  EXPECT_EQ(config->ble.slots_per_adapter, 7);
  EXPECT_TRUE(config->contacts.empty());
  EXPECT_DOUBLE_EQ(config->thresholds_for("anyone").load_on_n, core::Thresholds{}.load_on_n);
}

TEST(ConfigParse, TheShippedGatewayTomlIsValidAndHoldsTheDefaults) {
  const auto config = load_config_file(R3_SHIPPED_CONFIG);
  ASSERT_TRUE(config.ok()) << ::testing::PrintToString(messages(config.error()));
  const Config defaults;
  EXPECT_EQ(config->gateway_id, defaults.gateway_id);
  EXPECT_EQ(config->mqtt.port, defaults.mqtt.port);
  EXPECT_EQ(config->mqtt.max_buffered_messages, defaults.mqtt.max_buffered_messages);
  EXPECT_EQ(config->ble.slots_per_adapter, defaults.ble.slots_per_adapter);
  EXPECT_DOUBLE_EQ(config->live_rate_hz, defaults.live_rate_hz);
  EXPECT_DOUBLE_EQ(config->default_thresholds.set_gap_s, defaults.default_thresholds.set_gap_s);
}

TEST(ConfigParse, ReadsEverySection) {
  const auto config = load_config_text(R"(
[gateway]
id = "room-2"
log_level = "debug"
live_rate_hz = 5
[mqtt]
host = "broker.local"
port = 8883
protocol = "5"
username = "gw"
password = "secret"
[ble]
adapters = ["hci0", "hci1"]
slots_per_adapter = 5
allow = ["c0:ff:ee:00:00:01"]
[[contacts]]
address = "c0:ff:ee:00:00:01"
user = "athlete-07"
[[contacts]]
device_id = "r3-c0ffee000002"
user = "patient-0042"
[thresholds]
load_on_n = 20.0
[users.patient-0042]
load_on_n = 9.0
load_off_n = 4.0
)",
                                       "full.toml");
  ASSERT_TRUE(config.ok()) << ::testing::PrintToString(messages(config.error()));
  EXPECT_EQ(config->gateway_id, "room-2");
  EXPECT_EQ(config->log_level, LogLevel::kDebug);
  EXPECT_DOUBLE_EQ(config->live_rate_hz, 5.0);
  EXPECT_EQ(config->mqtt.host, "broker.local");
  EXPECT_EQ(config->mqtt.port, 8883);
  EXPECT_EQ(config->mqtt.protocol, MqttProtocol::kV5);
  EXPECT_THAT(config->ble.adapters, ::testing::ElementsAre("hci0", "hci1"));
  EXPECT_THAT(config->ble.allow, ::testing::ElementsAre("r3-c0ffee000001"));
  ASSERT_THAT(config->contacts, SizeIs(2));
  EXPECT_EQ(config->contacts[0].device(), "r3-c0ffee000001");  // an address, as a device id
  EXPECT_EQ(config->contacts[1].device(), "r3-c0ffee000002");
  EXPECT_EQ(config->contacts[1].user, "patient-0042");
  // A user's thresholds start from the room's and override field by field.
  EXPECT_DOUBLE_EQ(config->thresholds_for("patient-0042").load_on_n, 9.0);
  EXPECT_DOUBLE_EQ(config->thresholds_for("athlete-07").load_on_n, 20.0);
  EXPECT_DOUBLE_EQ(config->thresholds_for("patient-0042").set_gap_s, 30.0);
}

TEST(ConfigParse, ASyntaxErrorIsReportedWithLineAndColumn) {
  const auto config = load_config_text("[gateway]\nid = \"a\"\nport == 1883\n", "bad.toml");
  ASSERT_FALSE(config.ok());
  ASSERT_THAT(config.error(), SizeIs(1));
  EXPECT_EQ(config.error()[0].pos.line, 3u);
  EXPECT_EQ(config.error()[0].pos.column, 7u);
  EXPECT_THAT(config.error()[0].to_string(), HasSubstr("bad.toml:3:7: "));
}

TEST(ConfigParse, EveryErrorIsReportedEachAtItsValue) {
  const auto config = load_config_text(R"([gateway]
id = "room/1"
log_level = "loud"
[mqtt]
port = "1883"
keepalive_s = 1
[ble]
slots_per_adapter = 0
slot_budget = 3
)",
                                       "many.toml");
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(messages(config.error()),
              ::testing::UnorderedElementsAre(
                  HasSubstr("many.toml:2:6: gateway.id must be"),
                  HasSubstr("many.toml:3:13: gateway.log_level: must be error, warning"),
                  HasSubstr("many.toml:5:8: mqtt.port: expected an integer, got string"),
                  HasSubstr("many.toml:6:15: mqtt.keepalive_s must be in 5..3600"),
                  HasSubstr("many.toml:8:21: ble.slots_per_adapter must be in 1..32"),
                  HasSubstr("many.toml:9:1: unknown key ble.slot_budget")));
}

TEST(ConfigParse, AMissingFileIsAnErrorNamingIt) {
  const auto config = load_config_file("/nonexistent/gateway.toml");
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.error()[0].to_string(), HasSubstr("/nonexistent/gateway.toml: cannot open"));
}

TEST(ConfigParse, AContactsEntryThatIsNotATableIsAnError) {
  const auto config = load_config_text("contacts = [1]\n", "c.toml");
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.error()[0].to_string(),
              HasSubstr("c.toml:1:13: contacts[0]: expected a table"));
}

}  // namespace
}  // namespace r3::app
