#include "daemon/app/config_diff.hpp"

#include <tuple>

namespace r3::app {
namespace {

auto tie_tls(const TlsConfig& t) {
  return std::tie(t.enabled, t.ca_file, t.cert_file, t.key_file);
}

auto tie_mqtt(const MqttConfig& m) {
  return std::tuple_cat(std::tie(m.host, m.port, m.client_id, m.protocol, m.username, m.password,
                                 m.keepalive_s, m.max_buffered_messages, m.persist_to_disk),
                        tie_tls(m.tls));
}

}  // namespace

std::vector<std::string> changes_needing_restart(const Config& running, const Config& loaded) {
  std::vector<std::string> out;
  if (running.gateway_id != loaded.gateway_id) out.emplace_back("gateway.id");
  if (running.state_directory != loaded.state_directory)
    out.emplace_back("gateway.state_directory");
  // The publisher rate-limits live samples at the rate it was started with.
  if (running.live_rate_hz != loaded.live_rate_hz) out.emplace_back("gateway.live_rate_hz");
  if (tie_mqtt(running.mqtt) != tie_mqtt(loaded.mqtt)) out.emplace_back("[mqtt]");
  if (running.ble.adapters != loaded.ble.adapters) out.emplace_back("ble.adapters");
  if (running.ble.slots_per_adapter != loaded.ble.slots_per_adapter) {
    out.emplace_back("ble.slots_per_adapter");
  }
  if (running.ble.allow != loaded.ble.allow) out.emplace_back("ble.allow");
  return out;
}

}  // namespace r3::app
