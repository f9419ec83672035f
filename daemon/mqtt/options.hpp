#pragma once
// Everything the MQTT publisher needs to know, as a plain struct (the daemon's config maps
// [mqtt] of gateway.toml onto it). Defaults are the zero-loss ones.

#include <cstddef>
#include <string>

namespace r3::mqtt {

struct TlsOptions {
  bool enabled = false;
  std::string ca_file;    // empty: the system's CA store
  std::string cert_file;  // client certificate (with key_file) for mutual TLS
  std::string key_file;
  bool verify_server = true;  // check the broker's certificate and host name
};

struct Options {
  std::string gateway_id = "r3-gateway";  // a topic level: must be a valid id (topics.hpp)
  std::string host = "localhost";
  int port = 1883;
  std::string client_id;  // empty: "r3-gateway-<gateway_id>". Must stay the same across
                          // restarts: the broker keeps the session (clean_session false).
  bool mqtt_v5 = false;   // 3.1.1 by default: Paho C 1.3.12 stalls on v5 (toolchain-notes)
  std::string username;   // empty: none
  std::string password;
  int keepalive_s = 30;
  TlsOptions tls;
  // Directory for Paho's message persistence and the per-user sequence numbers. Empty: memory
  // only (queued messages and sequence numbers are lost on restart; tests only).
  std::string state_dir;
  // Bound of the outgoing queue (messages accepted but not yet acknowledged). Live samples are
  // the first to go: they are refused once `live_queue_limit` messages are pending.
  std::size_t max_buffered_messages = 100000;
  std::size_t live_queue_limit = 100;
  double live_rate_hz = 10.0;       // per user; 0 = no live messages
  double status_interval_s = 60.0;  // the retained gateway status is refreshed this often
  std::string version = "0.1.0";    // reported in the gateway status
  // Durability window of the on-disk QoS 1 queue (queue_sync.hpp): a group commit every this
  // many ms; 0 flushes after every message, < 0 never. A power cut loses at most this window.
  int queue_sync_ms = 200;
  int min_retry_interval_s = 1;  // automatic reconnect back-off
  int max_retry_interval_s = 5;  // a short cap: back within ~5 s of the broker

  [[nodiscard]] std::string effective_client_id() const {
    return client_id.empty() ? "r3-gateway-" + gateway_id : client_id;
  }
  [[nodiscard]] std::string server_uri() const {
    return (tls.enabled ? "ssl://" : "tcp://") + host + ":" + std::to_string(port);
  }
};

}  // namespace r3::mqtt
