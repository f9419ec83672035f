#include "daemon/app/config_mapping.hpp"

#include <filesystem>

namespace r3::app {

mqtt::Options mqtt_options(const Config& config) {
  const auto& m = config.mqtt;
  mqtt::Options o;
  o.gateway_id = config.gateway_id;
  o.host = m.host;
  o.port = m.port;
  o.client_id = config.effective_client_id();
  o.mqtt_v5 = m.protocol == MqttProtocol::kV5;
  o.username = m.username;
  o.password = m.password;
  o.keepalive_s = m.keepalive_s;
  o.tls.enabled = m.tls.enabled;
  o.tls.ca_file = m.tls.ca_file;
  o.tls.cert_file = m.tls.cert_file;
  o.tls.key_file = m.tls.key_file;
  // The store-and-forward queue and the per-user sequence numbers live with the room state.
  if (m.persist_to_disk)
    o.state_dir = (std::filesystem::path(config.state_directory) / "mqtt").string();
  o.max_buffered_messages = static_cast<std::size_t>(m.max_buffered_messages);
  o.live_rate_hz = config.live_rate_hz;
  o.version = R3_VERSION;
  return o;
}

bluez::LinkConfig link_config(const Config& config) {
  bluez::LinkConfig l;
  l.allow_list = config.ble.allow;
  l.slots_per_adapter = config.ble.slots_per_adapter;
  return l;
}

core::PipelineConfig pipeline_config(const Config& config, const core::Thresholds& thresholds) {
  core::PipelineConfig p;
  p.live_rate_hz = config.live_rate_hz;
  p.thresholds = thresholds;
  return p;
}

}  // namespace r3::app
