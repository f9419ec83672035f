#include "daemon/app/config_validate.hpp"

#include <filesystem>
#include <set>

#include "daemon/app/ids.hpp"

namespace r3::app {
namespace {

struct Checker {
  const SourceMap& sources;
  ConfigErrors errors;

  void check(bool ok, const std::string& path, const std::string& message) {
    if (!ok) errors.push_back(sources.error(path, path + " " + message));
  }

  void gateway(const Config& c) {
    check(is_valid_id(c.gateway_id), "gateway.id",
          "must be 1-64 characters of A-Z a-z 0-9 _ . - (it is an MQTT topic level)");
    check(std::filesystem::path(c.state_directory).is_absolute(), "gateway.state_directory",
          "must be an absolute path");
    check(c.live_rate_hz >= 0.0 && c.live_rate_hz <= 50.0, "gateway.live_rate_hz",
          "must be in 0..50 (0 turns live samples off)");
  }

  void tls_file(const std::string& file, const std::string& path) {
    if (file.empty()) return;
    std::error_code ec;
    check(std::filesystem::is_regular_file(file, ec), path,
          "names a file that does not exist: " + file);
  }

  void mqtt(const MqttConfig& m) {
    check(!m.host.empty(), "mqtt.host", "must not be empty");
    check(m.port >= 1 && m.port <= 65535, "mqtt.port", "must be in 1..65535");
    check(m.keepalive_s >= 5 && m.keepalive_s <= 3600, "mqtt.keepalive_s", "must be in 5..3600");
    check(m.max_buffered_messages >= 100 && m.max_buffered_messages <= 10000000,
          "mqtt.max_buffered_messages", "must be in 100..10000000");
    check(m.password.empty() || !m.username.empty(), "mqtt.password", "needs mqtt.username");
    check(m.client_id.size() <= 128, "mqtt.client_id", "must be at most 128 characters");
    if (m.tls.enabled) {
      tls_file(m.tls.ca_file, "mqtt.tls.ca_file");
      tls_file(m.tls.cert_file, "mqtt.tls.cert_file");
      tls_file(m.tls.key_file, "mqtt.tls.key_file");
    }
    check(m.tls.cert_file.empty() == m.tls.key_file.empty(), "mqtt.tls.key_file",
          "and mqtt.tls.cert_file go together: set both or neither");
  }

  void ble(const BleConfig& b) {
    for (std::size_t i = 0; i < b.adapters.size(); ++i) {
      const auto& a = b.adapters[i];
      const bool ok = a.size() > 3 && a.rfind("hci", 0) == 0 &&
                      a.find_first_not_of("0123456789", 3) == std::string::npos;
      check(ok, "ble.adapters[" + std::to_string(i) + "]", "must look like hci0, hci1, ...");
    }
    check(b.slots_per_adapter >= 1 && b.slots_per_adapter <= 32, "ble.slots_per_adapter",
          "must be in 1..32");
    for (std::size_t i = 0; i < b.allow.size(); ++i) {
      check(util::is_device_id(b.allow[i]), "ble.allow[" + std::to_string(i) + "]",
            std::string("must be ") + std::string(util::kDeviceRule));
    }
  }

  void contacts(const std::vector<ContactBinding>& contacts) {
    std::set<std::string> seen;
    for (std::size_t i = 0; i < contacts.size(); ++i) {
      const auto& b = contacts[i];
      const auto path = "contacts[" + std::to_string(i) + "]";
      const bool one = b.address.empty() != b.device_id.empty();
      check(one, path, "needs exactly one of address or device_id");
      if (!b.address.empty()) {
        check(is_ble_address(b.address), path + ".address", "must look like AA:BB:CC:DD:EE:FF");
      }
      if (!b.device_id.empty()) {
        check(to_device_id(b.device_id).has_value(), path + ".device_id",
              std::string("must be ") + std::string(util::kDeviceRule));
      }
      check(is_valid_id(b.user), path + ".user",
            "must be a user id of 1-64 characters of A-Z a-z 0-9 _ . -");
      if (one && !seen.insert(b.device()).second) {
        check(false, path, "binds " + b.device() + " a second time");
      }
    }
  }

  void thresholds(const core::Thresholds& th, const std::string& path) {
    const auto problem = th.validate();
    if (problem.empty()) return;
    // validate() names the field first: point at it when the file set it, else at the table.
    const auto field = problem.substr(0, problem.find(' '));
    auto pos = sources.find(path + "." + field);
    if (pos.line == 0) pos = sources.find(path);
    errors.push_back({sources.file, pos, path + ": " + problem});
  }

  void users(const Config& c) {
    thresholds(c.default_thresholds, "thresholds");
    for (const auto& [id, th] : c.users) {
      check(is_valid_id(id), "users." + id, "is not a valid user id (1-64 of A-Z a-z 0-9 _ . -)");
      thresholds(th, "users." + id);
    }
  }
};

}  // namespace

ConfigErrors validate_config(const Config& config, const SourceMap& sources) {
  Checker c{sources, {}};
  c.gateway(config);
  c.mqtt(config.mqtt);
  c.ble(config.ble);
  c.contacts(config.contacts);
  c.users(config);
  return std::move(c.errors);
}

}  // namespace r3::app
