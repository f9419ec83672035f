#include "daemon/app/config_parse.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <tuple>

#include "daemon/app/config_validate.hpp"
#include "daemon/app/ids.hpp"
#include "daemon/app/thresholds_fields.hpp"
#include "daemon/app/toml_reader.hpp"

namespace r3::app {
namespace {

struct Parser {
  SourceMap& sources;
  ConfigErrors& errors;

  void enum_error(const std::string& path, const std::string& message) {
    errors.push_back(sources.error(path, path + ": " + message));
  }

  void gateway(TomlTableReader& root, Config& c) {
    const auto* t = root.table("gateway");
    if (t == nullptr) return;
    TomlTableReader r(*t, "gateway", sources, errors);
    r.read("id", c.gateway_id);
    r.read("state_directory", c.state_directory);
    r.read("live_rate_hz", c.live_rate_hz);
    std::string level;
    r.read("log_level", level);
    if (level == "error")
      c.log_level = LogLevel::kError;
    else if (level == "warning")
      c.log_level = LogLevel::kWarning;
    else if (level == "info")
      c.log_level = LogLevel::kInfo;
    else if (level == "debug")
      c.log_level = LogLevel::kDebug;
    else if (!level.empty())
      enum_error("gateway.log_level", "must be error, warning, info or debug");
    r.report_unknown_keys();
  }

  void mqtt(TomlTableReader& root, MqttConfig& m) {
    const auto* t = root.table("mqtt");
    if (t == nullptr) return;
    TomlTableReader r(*t, "mqtt", sources, errors);
    r.read("host", m.host);
    r.read("port", m.port);
    r.read("client_id", m.client_id);
    r.read("username", m.username);
    r.read("password", m.password);
    r.read("keepalive_s", m.keepalive_s);
    r.read("max_buffered_messages", m.max_buffered_messages);
    r.read("persist_to_disk", m.persist_to_disk);
    std::string protocol;
    r.read("protocol", protocol);
    if (protocol == "3.1.1")
      m.protocol = MqttProtocol::kV311;
    else if (protocol == "5")
      m.protocol = MqttProtocol::kV5;
    else if (!protocol.empty())
      enum_error("mqtt.protocol", "must be \"3.1.1\" or \"5\"");
    if (const auto* tls = r.table("tls")) {
      TomlTableReader tr(*tls, "mqtt.tls", sources, errors);
      tr.read("enabled", m.tls.enabled);
      tr.read("ca_file", m.tls.ca_file);
      tr.read("cert_file", m.tls.cert_file);
      tr.read("key_file", m.tls.key_file);
      tr.report_unknown_keys();
    }
    r.report_unknown_keys();
  }

  void ble(TomlTableReader& root, BleConfig& b) {
    const auto* t = root.table("ble");
    if (t == nullptr) return;
    TomlTableReader r(*t, "ble", sources, errors);
    r.read("adapters", b.adapters);
    r.read("slots_per_adapter", b.slots_per_adapter);
    r.read("allow", b.allow);
    // Addresses or device ids; compared as device ids. Unfit entries are kept for the validator.
    for (auto& entry : b.allow) entry = to_device_id(entry).value_or(entry);
    r.report_unknown_keys();
  }

  void contacts(TomlTableReader& root, std::vector<ContactBinding>& out) {
    const auto* arr = root.array("contacts");
    if (arr == nullptr) return;
    for (std::size_t i = 0; i < arr->size(); ++i) {
      const auto path = "contacts[" + std::to_string(i) + "]";
      const toml::node& item = (*arr)[i];
      const auto* t = item.as_table();
      if (t == nullptr) {
        errors.push_back(
            {sources.file, position_of(item), path + ": expected a table ([[contacts]])"});
        continue;
      }
      ContactBinding binding;
      TomlTableReader r(*t, path, sources, errors);
      r.read("address", binding.address);
      r.read("device_id", binding.device_id);
      r.read("user", binding.user);
      r.report_unknown_keys();
      out.push_back(std::move(binding));
    }
  }

  void thresholds(TomlTableReader& r, core::Thresholds& th) {
    for (const auto& [name, field] : kThresholdsFields) r.read(name, th.*field);
    r.read("reference_tilt_deg", th.reference_tilt_deg);
    r.report_unknown_keys();
  }

  void users(TomlTableReader& root, Config& c) {
    if (const auto* t = root.table("thresholds")) {
      TomlTableReader r(*t, "thresholds", sources, errors);
      thresholds(r, c.default_thresholds);
    }
    const auto* t = root.table("users");
    if (t == nullptr) return;
    for (const auto& [key, node] : *t) {
      const auto id = std::string(key.str());
      const auto path = "users." + id;
      const auto* user = node.as_table();
      if (user == nullptr) {
        errors.push_back({sources.file, position_of(node), path + ": expected a table"});
        continue;
      }
      // A user's thresholds start from the room's and override field by field.
      core::Thresholds th = c.default_thresholds;
      TomlTableReader r(*user, path, sources, errors);
      thresholds(r, th);
      c.users.emplace(id, th);
    }
  }
};

}  // namespace

Result<ParsedConfig, ConfigErrors> parse_config_text(std::string_view text,
                                                     const std::string& file) {
  toml::table root;
  try {
    root = toml::parse(text, file);
  } catch (const toml::parse_error& e) {
    const auto& begin = e.source().begin;
    return Err{ConfigErrors{{file, {begin.line, begin.column}, std::string(e.description())}}};
  }
  ParsedConfig parsed;
  parsed.sources.file = file;
  Parser p{parsed.sources, parsed.errors};
  TomlTableReader r(root, "", parsed.sources, parsed.errors);
  p.gateway(r, parsed.config);
  p.mqtt(r, parsed.config.mqtt);
  p.ble(r, parsed.config.ble);
  p.contacts(r, parsed.config.contacts);
  p.users(r, parsed.config);
  r.report_unknown_keys();
  return parsed;
}

Result<ParsedConfig, ConfigErrors> parse_config_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Err{ConfigErrors{{path, {}, "cannot open the file for reading"}}};
  std::ostringstream text;
  text << in.rdbuf();
  return parse_config_text(text.str(), path);
}

namespace {
Result<Config, ConfigErrors> finish(Result<ParsedConfig, ConfigErrors> parsed) {
  if (!parsed) return Err{parsed.error()};
  ConfigErrors errors = std::move(parsed->errors);
  auto more = validate_config(parsed->config, parsed->sources);
  errors.insert(errors.end(), more.begin(), more.end());
  // In file order, as a compiler would list them.
  std::stable_sort(errors.begin(), errors.end(), [](const ConfigError& a, const ConfigError& b) {
    return std::tie(a.pos.line, a.pos.column) < std::tie(b.pos.line, b.pos.column);
  });
  if (!errors.empty()) return Err{std::move(errors)};
  return std::move(parsed->config);
}
}  // namespace

Result<Config, ConfigErrors> load_config_file(const std::string& path) {
  return finish(parse_config_file(path));
}

Result<Config, ConfigErrors> load_config_text(std::string_view text, const std::string& file) {
  return finish(parse_config_text(text, file));
}

}  // namespace r3::app
