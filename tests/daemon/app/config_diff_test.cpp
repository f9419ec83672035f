#include "daemon/app/config_diff.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace r3::app {
namespace {

TEST(ConfigDiff, ReloadableChangesNeedNoRestart) {
  const Config running;
  Config loaded;
  loaded.log_level = LogLevel::kDebug;
  loaded.contacts.push_back({"C0:FF:EE:00:00:01", "", "alice"});
  loaded.users["alice"].load_on_n = 30.0;
  EXPECT_TRUE(changes_needing_restart(running, loaded).empty());
}

TEST(ConfigDiff, MqttBleAndIdentityChangesAreNamed) {
  const Config running;
  Config loaded;
  loaded.gateway_id = "room-9";
  loaded.live_rate_hz = 2.0;
  loaded.mqtt.tls.ca_file = "/etc/ssl/ca.pem";
  loaded.ble.slots_per_adapter = 5;
  EXPECT_THAT(changes_needing_restart(running, loaded),
              ::testing::ElementsAre("gateway.id", "gateway.live_rate_hz", "[mqtt]",
                                     "ble.slots_per_adapter"));
}

}  // namespace
}  // namespace r3::app
