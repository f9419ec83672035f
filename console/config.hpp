#pragma once
// r3-console's configuration (/etc/r3-gateway/console.toml) as a plain struct, parsed and
// validated before anything starts; every problem is reported with file:line:column.

#include <string>

#include "core/util/result.hpp"
#include "daemon/app/config_error.hpp"
#include "daemon/app/log.hpp"
#include "daemon/mqtt/options.hpp"

namespace r3::console {

inline constexpr const char* kDefaultConfigPath = "/etc/r3-gateway/console.toml";

struct ConsoleConfig {
  // [console]
  std::string listen = "127.0.0.1";
  int port = 8080;
  std::string web_root = "/usr/share/r3-gateway/console";
  std::string database = "/var/lib/r3-console/console.db";
  std::string public_url;  // how people reach it (printed links); empty: from listen and port
  app::LogLevel log_level = app::LogLevel::kInfo;
  int max_clients = 64;
  double frame_rate_hz = 20.0;  // WebSocket messages per second per browser, at most
  double request_timeout_s = 5.0;
  // [https]: both set: HTTPS only.
  std::string tls_cert_file;
  std::string tls_key_file;
  // [mqtt]
  std::string mqtt_host = "localhost";
  int mqtt_port = 1883;
  std::string client_id;  // empty: "r3-console-<pid>"
  std::string username;
  std::string password;
  mqtt::TlsOptions mqtt_tls;
  std::string base_topic = "r3/v1";

  [[nodiscard]] bool https() const { return !tls_cert_file.empty(); }
  [[nodiscard]] std::string url() const {
    if (!public_url.empty()) return public_url;
    return std::string(https() ? "https://" : "http://") + listen + ":" + std::to_string(port);
  }
};

Result<ConsoleConfig, app::ConfigErrors> parse_console_config(const std::string& text,
                                                              const std::string& file);
Result<ConsoleConfig, app::ConfigErrors> load_console_config(const std::string& path);

}  // namespace r3::console
