#include "console/config.hpp"

#include <toml++/toml.h>

#include <fstream>
#include <sstream>

#include "daemon/app/toml_reader.hpp"
#include "daemon/mqtt/broker_auth.hpp"

namespace r3::console {
namespace {

using app::ConfigErrors;
using app::SourceMap;
using app::TomlTableReader;

void read_console(TomlTableReader& root, ConsoleConfig& c, SourceMap& src, ConfigErrors& errs) {
  const auto* t = root.table("console");
  if (t == nullptr) return;
  TomlTableReader r(*t, "console", src, errs);
  r.read("listen", c.listen);
  r.read("port", c.port);
  r.read("web_root", c.web_root);
  r.read("database", c.database);
  r.read("public_url", c.public_url);
  r.read("max_clients", c.max_clients);
  r.read("frame_rate_hz", c.frame_rate_hz);
  r.read("request_timeout_s", c.request_timeout_s);
  std::string level;
  r.read("log_level", level);
  if (level == "error")
    c.log_level = app::LogLevel::kError;
  else if (level == "warning")
    c.log_level = app::LogLevel::kWarning;
  else if (level == "info")
    c.log_level = app::LogLevel::kInfo;
  else if (level == "debug")
    c.log_level = app::LogLevel::kDebug;
  else if (!level.empty())
    errs.push_back(src.error("console.log_level",
                             "console.log_level must be error, warning, "
                             "info or debug"));
  r.report_unknown_keys();
}

void read_https(TomlTableReader& root, ConsoleConfig& c, SourceMap& src, ConfigErrors& errs) {
  const auto* t = root.table("https");
  if (t == nullptr) return;
  TomlTableReader r(*t, "https", src, errs);
  r.read("cert_file", c.tls_cert_file);
  r.read("key_file", c.tls_key_file);
  r.report_unknown_keys();
}

void read_mqtt(TomlTableReader& root, ConsoleConfig& c, SourceMap& src, ConfigErrors& errs) {
  const auto* t = root.table("mqtt");
  if (t == nullptr) return;
  TomlTableReader r(*t, "mqtt", src, errs);
  r.read("host", c.mqtt_host);
  r.read("port", c.mqtt_port);
  r.read("client_id", c.client_id);
  r.read("username", c.username);
  r.read("password", c.password);
  r.read("base_topic", c.base_topic);
  if (const auto* tls = r.table("tls")) {
    TomlTableReader tr(*tls, "mqtt.tls", src, errs);
    tr.read("enabled", c.mqtt_tls.enabled);
    tr.read("ca_file", c.mqtt_tls.ca_file);
    tr.read("cert_file", c.mqtt_tls.cert_file);
    tr.read("key_file", c.mqtt_tls.key_file);
    tr.read("verify_server", c.mqtt_tls.verify_server);
    tr.report_unknown_keys();
  }
  r.report_unknown_keys();
}

void validate(const ConsoleConfig& c, const SourceMap& src, ConfigErrors& errs) {
  auto fail = [&](const char* path, const std::string& msg) {
    errs.push_back(src.error(path, std::string(path) + ": " + msg));
  };
  if (c.port < 1 || c.port > 65535) fail("console.port", "must be 1..65535");
  if (c.mqtt_port < 1 || c.mqtt_port > 65535) fail("mqtt.port", "must be 1..65535");
  if (c.listen.empty()) fail("console.listen", "must not be empty");
  if (c.web_root.empty()) fail("console.web_root", "must not be empty");
  if (c.database.empty()) fail("console.database", "must not be empty");
  if (c.max_clients < 1 || c.max_clients > 4096) fail("console.max_clients", "must be 1..4096");
  if (!(c.frame_rate_hz >= 1.0 && c.frame_rate_hz <= 60.0))
    fail("console.frame_rate_hz", "must be 1..60");
  if (!(c.request_timeout_s >= 0.5 && c.request_timeout_s <= 60.0))
    fail("console.request_timeout_s", "must be 0.5..60");
  if (c.tls_cert_file.empty() != c.tls_key_file.empty())
    fail("https.cert_file", "a certificate and a key go together");
  if (c.mqtt_host.empty()) fail("mqtt.host", "must not be empty");
  if (c.base_topic.empty() || c.base_topic.find_first_of("+#") != std::string::npos ||
      c.base_topic.back() == '/')
    fail("mqtt.base_topic", "must be a topic prefix without wildcards or a trailing '/'");
  if (c.username.empty() && !c.password.empty()) fail("mqtt.password", "needs a username");
  if (auto err = mqtt::check_tls(c.mqtt_tls); !err.empty()) fail("mqtt.tls", err);
}

}  // namespace

Result<ConsoleConfig, ConfigErrors> parse_console_config(const std::string& text,
                                                         const std::string& file) {
  ConsoleConfig c;
  ConfigErrors errs;
  SourceMap src{file, {}};
  toml::table root;
  try {
    root = toml::parse(text, file);
  } catch (const toml::parse_error& e) {
    const auto& b = e.source().begin;
    errs.push_back({file, {b.line, b.column}, std::string(e.description())});
    return Err{std::move(errs)};
  }
  TomlTableReader r(root, "", src, errs);
  read_console(r, c, src, errs);
  read_https(r, c, src, errs);
  read_mqtt(r, c, src, errs);
  r.report_unknown_keys();
  if (errs.empty()) validate(c, src, errs);
  if (!errs.empty()) return Err{std::move(errs)};
  return c;
}

Result<ConsoleConfig, ConfigErrors> load_console_config(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Err{ConfigErrors{{path, {}, "cannot read the file"}}};
  std::ostringstream text;
  text << in.rdbuf();
  return parse_console_config(text.str(), path);
}

}  // namespace r3::console
