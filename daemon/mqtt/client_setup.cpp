#include "daemon/mqtt/client_setup.hpp"

#include <mqtt/message.h>
#include <mqtt/properties.h>
#include <unistd.h>

#include <chrono>
#include <climits>

#include "daemon/mqtt/broker_auth.hpp"
#include "daemon/mqtt/topics.hpp"

namespace r3::mqtt {
namespace {

constexpr int kBufferSlack = 1000;  // above our own bound, so Paho never refuses first

}  // namespace

std::string check_options(const Options& o) {
  if (!is_safe_id(o.gateway_id)) return "gateway id '" + o.gateway_id + "' is not a safe id";
  if (o.host.empty()) return "no broker host";
  if (o.port < 1 || o.port > 65535) return "broker port " + std::to_string(o.port) + " invalid";
  if (o.max_buffered_messages < 1 || o.max_buffered_messages > INT_MAX - 2 * kBufferSlack) {
    return "max_buffered_messages out of range";
  }
  if (auto tls_problem = check_tls(o.tls); !tls_problem.empty()) return tls_problem;
  if (!o.state_dir.empty() && ::access(o.state_dir.c_str(), W_OK) != 0) {
    return "state directory '" + o.state_dir + "' is not writable";
  }
  return {};
}

std::string persistence_dir(const Options& o) {
  return o.state_dir.empty() ? std::string() : o.state_dir + "/queue";
}

::mqtt::create_options make_create_options(const Options& o) {
  ::mqtt::create_options c(o.mqtt_v5 ? MQTTVERSION_5 : MQTTVERSION_3_1_1);
  // Keep accepting publishes while the broker is away (even before the first connect) ...
  c.set_send_while_disconnected(true, true);
  // ... far more of them than Paho's default of 100 (then publish fails with -12) ...
  c.set_max_buffered_messages(static_cast<int>(o.max_buffered_messages) + kBufferSlack);
  // ... and bring back what a previous run left in the persistence directory.
  c.set_restore_messages(true);
  c.set_delete_oldest_messages(false);  // we drop live data ourselves, before it gets here
  c.set_persist_qos0(false);  // live samples are worthless after a restart: spare the disk
  return c;
}

::mqtt::connect_options make_connect_options(const Options& o, const std::string& will_topic,
                                             const std::string& will_payload) {
  ::mqtt::connect_options c;
  // The version first: it resets the version-dependent fields set below.
  c.set_mqtt_version(o.mqtt_v5 ? MQTTVERSION_5 : MQTTVERSION_3_1_1);
  if (o.mqtt_v5) {
    c.set_clean_start(false);
    // The broker keeps the session (subscriptions, queued commands) for a week.
    c.set_properties({{::mqtt::property::SESSION_EXPIRY_INTERVAL, 7 * 24 * 3600}});
  } else {
    c.set_clean_session(false);
  }
  c.set_keep_alive_interval(std::chrono::seconds(o.keepalive_s));
  c.set_connect_timeout(std::chrono::seconds(10));
  c.set_automatic_reconnect(std::chrono::seconds(o.min_retry_interval_s),
                            std::chrono::seconds(o.max_retry_interval_s));
  c.set_will_message(::mqtt::message(will_topic, will_payload, 1, true));
  apply_auth(c, o);
  return c;
}

}  // namespace r3::mqtt
