#include "console/mqtt_link.hpp"

#include <unistd.h>

#include <boost/asio/steady_timer.hpp>

#include "daemon/app/log.hpp"
#include "daemon/mqtt/broker_auth.hpp"

namespace r3::console {

MqttLink::MqttLink(boost::asio::io_context& io, const ConsoleConfig& config, Handlers handlers)
    : io_(io), config_(config), handlers_(std::move(handlers)) {}

MqttLink::~MqttLink() {
  stop();
}

void MqttLink::start() {
  const std::string uri = std::string(config_.mqtt_tls.enabled ? "ssl://" : "tcp://") +
                          config_.mqtt_host + ":" + std::to_string(config_.mqtt_port);
  const std::string id =
      config_.client_id.empty() ? "r3-console-" + std::to_string(::getpid()) : config_.client_id;
  client_ =
      std::make_unique<::mqtt::async_client>(uri, id, ::mqtt::create_options(MQTTVERSION_3_1_1));
  bridge_ = std::make_unique<mqtt::PahoBridge>(io_, weak_from_this());
  client_->set_callback(*bridge_);
  auto& opts = connect_options_;
  opts.set_mqtt_version(MQTTVERSION_3_1_1);
  opts.set_clean_session(true);
  opts.set_keep_alive_interval(std::chrono::seconds(30));
  opts.set_connect_timeout(std::chrono::seconds(10));
  opts.set_automatic_reconnect(std::chrono::seconds(1), std::chrono::seconds(5));
  // The gateway's own rules for credentials and TLS (daemon/mqtt/broker_auth).
  mqtt::Options auth;
  auth.username = config_.username;
  auth.password = config_.password;
  auth.tls = config_.mqtt_tls;
  mqtt::apply_auth(opts, auth);
  try {
    client_->connect(opts, nullptr, bridge_->connect_listener());
  } catch (const ::mqtt::exception& e) {
    app::log_error(std::string("mqtt: cannot start connecting: ") + e.what());
  }
}

void MqttLink::stop() {
  if (!client_) return;
  try {
    client_->disable_callbacks();
    if (client_->is_connected()) client_->disconnect()->wait_for(std::chrono::seconds(2));
  } catch (const ::mqtt::exception&) {  // leaving anyway
  }
  client_.reset();
}

bool MqttLink::publish(const std::string& topic, const std::string& payload) {
  if (!client_ || !client_->is_connected()) return false;
  try {
    client_->publish(topic, payload.data(), payload.size(), 1, false, nullptr,
                     bridge_->publish_listener());
    return true;
  } catch (const ::mqtt::exception& e) {
    app::log_warning(std::string("mqtt: publish to ") + topic + " failed: " + e.what());
    return false;
  }
}

void MqttLink::on_connected() {
  app::log_info("mqtt: connected to " + config_.mqtt_host + ":" +
                std::to_string(config_.mqtt_port));
  warned_ = false;
  try {
    client_->subscribe(config_.base_topic + "/+/#", 1);
  } catch (const ::mqtt::exception& e) {
    app::log_error(std::string("mqtt: subscribe failed: ") + e.what());
  }
  const bool reconnect = ever_connected_;
  ever_connected_ = true;
  if (handlers_.connected) handlers_.connected(reconnect);
}

void MqttLink::on_connection_lost(const std::string& cause) {
  app::log_warning("mqtt: connection lost" + (cause.empty() ? "" : ": " + cause) +
                   "; reconnecting");
  if (handlers_.lost) handlers_.lost();
}

void MqttLink::on_message(const mqtt::IncomingMessage& m) {
  if (handlers_.message) handlers_.message(m.topic, m.payload);
}

void MqttLink::on_publish_done(bool ok) {
  if (!ok) app::log_warning("mqtt: a command was not delivered to the broker");
}

void MqttLink::on_connect_failed(const std::string& why) {
  if (!warned_) app::log_warning("mqtt: " + why + "; retrying");
  warned_ = true;
  // The first connect is not retried by Paho's automatic reconnect: retry it ourselves.
  if (!ever_connected_ && client_) {
    auto timer = std::make_shared<boost::asio::steady_timer>(io_, std::chrono::seconds(2));
    timer->async_wait([self = weak_from_this(), timer](const boost::system::error_code& ec) {
      auto s = self.lock();
      if (ec || !s || !s->client_) return;
      try {
        s->client_->connect(s->connect_options_, nullptr, s->bridge_->connect_listener());
      } catch (const ::mqtt::exception& e) {
        app::log_error(std::string("mqtt: cannot connect: ") + e.what());
      }
    });
  }
}

}  // namespace r3::console
