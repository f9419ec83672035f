#pragma once
// The gateway's configuration as plain structs: what etc/r3-gateway/gateway.toml says after
// parsing (config_parse.hpp) and before validation (config_validate.hpp). Defaults live here and
// nowhere else; docs/config.md documents every field.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/reps/thresholds.hpp"
#include "core/util/device_id.hpp"
#include "daemon/app/log.hpp"

namespace r3::app {

enum class MqttProtocol { kV311, kV5 };

struct TlsConfig {
  bool enabled = false;
  std::string ca_file;    // empty: the system's CA store
  std::string cert_file;  // client certificate (with key_file) for mutual TLS
  std::string key_file;
};

struct MqttConfig {
  std::string host = "localhost";
  int port = 1883;        // int, not uint16_t, so 70000 is an error rather than a wrap
  std::string client_id;  // empty: "r3-gateway-<gateway id>"
  MqttProtocol protocol = MqttProtocol::kV311;
  std::string username;
  std::string password;
  int keepalive_s = 30;
  TlsConfig tls;
  // Store-and-forward while the broker is away; kept on disk under the state directory.
  std::int64_t max_buffered_messages = 100000;
  bool persist_to_disk = true;
};

struct BleConfig {
  std::vector<std::string> adapters;  // empty: every adapter BlueZ offers
  int slots_per_adapter = 7;          // LE connections per controller (Pi onboard ~7)
  std::vector<std::string> allow;     // addresses; empty: any R3 contact
};

// A static binding: the contact with this address (or device id) belongs to this user.
struct ContactBinding {
  std::string address;    // "C0:FF:EE:00:00:01", as written
  std::string device_id;  // alternatively the contact's device id, "r3-c0ffee000001"
  std::string user;
  // The contact's device id (core/util/device_id.hpp); empty when neither key names a contact
  // (the validator reports it).
  [[nodiscard]] std::string device() const {
    return util::to_device_id(address.empty() ? device_id : address).value_or(std::string());
  }
};

struct Config {
  std::string gateway_id = "r3-gateway";
  std::string state_directory = "/var/lib/r3-gateway";
  LogLevel log_level = LogLevel::kInfo;
  double live_rate_hz = 10.0;  // live force/angle samples per contact per second; 0 = off
  MqttConfig mqtt;
  BleConfig ble;
  std::vector<ContactBinding> contacts;
  core::Thresholds default_thresholds;            // [thresholds]: every user starts here
  std::map<std::string, core::Thresholds> users;  // [users.<id>]: per-user overrides

  // The thresholds a user's reps are judged by.
  [[nodiscard]] const core::Thresholds& thresholds_for(const std::string& user) const {
    const auto it = users.find(user);
    return it == users.end() ? default_thresholds : it->second;
  }
  [[nodiscard]] std::string effective_client_id() const {
    return mqtt.client_id.empty() ? "r3-gateway-" + gateway_id : mqtt.client_id;
  }
};

}  // namespace r3::app
