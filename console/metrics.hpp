#pragma once
// The console's counters and gauges, rendered in the Prometheus text format for /metrics.
// Every kind of bad input has its own counter.

#include <cstdint>
#include <string>

namespace r3::console {

struct Metrics {
  // MQTT side
  std::uint64_t mqtt_messages = 0;
  std::uint64_t mqtt_bad_payloads = 0;  // not a JSON object
  std::uint64_t mqtt_ignored = 0;       // outside the API (unknown topics)
  bool mqtt_connected = false;
  std::uint64_t mqtt_reconnects = 0;
  // Browsers
  std::uint64_t ws_clients = 0;
  std::uint64_t ws_connections = 0;
  std::uint64_t ws_frames_sent = 0;
  std::uint64_t ws_messages_sent = 0;
  std::uint64_t ws_live_coalesced = 0;
  std::uint64_t ws_bad_frames = 0;  // not a valid request frame
  std::uint64_t ws_slow_clients_dropped = 0;
  std::uint64_t ws_refused = 0;  // over max_clients, no session, foreign origin
  std::uint64_t requests = 0;
  std::uint64_t requests_forbidden = 0;  // a screen sending, or a coach doing admin work
  std::uint64_t request_timeouts = 0;
  std::uint64_t replies = 0;
  // HTTP
  std::uint64_t http_requests = 0;
  std::uint64_t http_bad_requests = 0;  // unparsable, too large, bad JSON, bad field
  std::uint64_t http_not_found = 0;
  std::uint64_t http_unauthorized = 0;
  std::uint64_t csrf_rejected = 0;
  std::uint64_t logins = 0;
  std::uint64_t login_failures = 0;
  std::uint64_t login_rate_limited = 0;
  std::uint64_t tls_handshake_failures = 0;
  // State
  std::uint64_t mirror_topics = 0;
  std::uint64_t pending_requests = 0;
};

// `rss_bytes`: the process's resident set (read by the caller from /proc).
std::string render_prometheus(const Metrics& m, std::uint64_t rss_bytes, double uptime_s);
std::uint64_t resident_bytes();  // 0 when /proc is not readable

}  // namespace r3::console
