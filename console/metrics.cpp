#include "console/metrics.hpp"

#include <unistd.h>

#include <fstream>

namespace r3::console {
namespace {

void line(std::string& out, const char* name, const char* type, const char* help, double value) {
  out.append("# HELP ").append(name).append(" ").append(help).append("\n");
  out.append("# TYPE ").append(name).append(" ").append(type).append("\n");
  out.append(name).append(" ");
  const auto whole = static_cast<std::uint64_t>(value);
  out.append(static_cast<double>(whole) == value ? std::to_string(whole) : std::to_string(value));
  out.append("\n");
}

void counter(std::string& out, const char* name, const char* help, std::uint64_t v) {
  line(out, name, "counter", help, static_cast<double>(v));
}
void gauge(std::string& out, const char* name, const char* help, double v) {
  line(out, name, "gauge", help, v);
}

}  // namespace

std::string render_prometheus(const Metrics& m, std::uint64_t rss_bytes, double uptime_s) {
  std::string o;
  o.reserve(4096);
  counter(o, "r3_console_mqtt_messages_total", "MQTT messages received", m.mqtt_messages);
  counter(o, "r3_console_mqtt_bad_payloads_total", "MQTT payloads that are not a JSON object",
          m.mqtt_bad_payloads);
  counter(o, "r3_console_mqtt_ignored_total", "MQTT messages outside the API", m.mqtt_ignored);
  gauge(o, "r3_console_mqtt_connected", "1 when connected to the broker", m.mqtt_connected ? 1 : 0);
  counter(o, "r3_console_mqtt_reconnects_total", "broker connections after the first",
          m.mqtt_reconnects);
  gauge(o, "r3_console_ws_clients", "browsers connected", static_cast<double>(m.ws_clients));
  counter(o, "r3_console_ws_connections_total", "WebSocket connections accepted", m.ws_connections);
  counter(o, "r3_console_ws_frames_sent_total", "frames sent to browsers", m.ws_frames_sent);
  counter(o, "r3_console_ws_messages_sent_total", "WebSocket messages (batches) sent",
          m.ws_messages_sent);
  counter(o, "r3_console_ws_live_coalesced_total", "live frames replaced by a newer one",
          m.ws_live_coalesced);
  counter(o, "r3_console_ws_bad_frames_total", "browser frames refused as malformed",
          m.ws_bad_frames);
  counter(o, "r3_console_ws_slow_clients_dropped_total", "browsers dropped for not keeping up",
          m.ws_slow_clients_dropped);
  counter(o, "r3_console_ws_refused_total", "WebSocket upgrades refused", m.ws_refused);
  counter(o, "r3_console_requests_total", "requests from browsers", m.requests);
  counter(o, "r3_console_requests_forbidden_total", "requests refused for the role",
          m.requests_forbidden);
  counter(o, "r3_console_request_timeouts_total", "gateway commands without a reply in time",
          m.request_timeouts);
  counter(o, "r3_console_replies_total", "gateway replies routed to a browser", m.replies);
  counter(o, "r3_console_http_requests_total", "HTTP requests", m.http_requests);
  counter(o, "r3_console_http_bad_requests_total", "HTTP requests refused as malformed",
          m.http_bad_requests);
  counter(o, "r3_console_http_not_found_total", "HTTP requests for nothing", m.http_not_found);
  counter(o, "r3_console_http_unauthorized_total", "HTTP requests without a valid session",
          m.http_unauthorized);
  counter(o, "r3_console_csrf_rejected_total",
          "state changes without a valid CSRF token or "
          "from a foreign origin",
          m.csrf_rejected);
  counter(o, "r3_console_logins_total", "successful logins", m.logins);
  counter(o, "r3_console_login_failures_total", "failed logins", m.login_failures);
  counter(o, "r3_console_login_rate_limited_total", "logins refused by the rate limit",
          m.login_rate_limited);
  counter(o, "r3_console_tls_handshake_failures_total", "failed HTTPS handshakes",
          m.tls_handshake_failures);
  gauge(o, "r3_console_mirror_topics", "retained topics mirrored",
        static_cast<double>(m.mirror_topics));
  gauge(o, "r3_console_pending_requests", "commands waiting for a reply",
        static_cast<double>(m.pending_requests));
  gauge(o, "process_resident_memory_bytes", "resident memory", static_cast<double>(rss_bytes));
  gauge(o, "r3_console_uptime_seconds", "seconds since start", uptime_s);
  return o;
}

std::uint64_t resident_bytes() {
  std::ifstream statm("/proc/self/statm");
  std::uint64_t size = 0, resident = 0;
  if (!(statm >> size >> resident)) return 0;
  return resident * static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE));
}

}  // namespace r3::console
