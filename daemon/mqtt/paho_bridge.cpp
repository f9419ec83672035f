#include "daemon/mqtt/paho_bridge.hpp"

#include <mqtt/message.h>
#include <mqtt/properties.h>
#include <mqtt/token.h>

namespace r3::mqtt {

void PahoBridge::post(std::function<void(LoopEvents&)> fn) noexcept {
  try {
    boost::asio::post(io_, [target = target_, fn = std::move(fn)] {
      try {
        if (auto t = target.lock()) fn(*t);
      } catch (...) {  // nothing may escape an Asio handler either; the loop side logs its own
      }
    });
  } catch (...) {  // bad_alloc while posting: dropping the notification beats std::terminate
  }
}

void PahoBridge::connected(const std::string&) {
  post([](LoopEvents& t) { t.on_connected(); });
}

void PahoBridge::connection_lost(const std::string& cause) {
  try {
    post([cause](LoopEvents& t) { t.on_connection_lost(cause); });
  } catch (...) {
  }
}

void PahoBridge::message_arrived(::mqtt::const_message_ptr msg) {
  try {
    if (!msg) return;
    IncomingMessage m{msg->get_topic(), msg->get_payload_str(), {}, {}};
    const auto& props = msg->get_properties();
    if (props.contains(::mqtt::property::RESPONSE_TOPIC)) {
      m.response_topic = ::mqtt::get<std::string>(props, ::mqtt::property::RESPONSE_TOPIC);
    }
    if (props.contains(::mqtt::property::CORRELATION_DATA)) {
      m.correlation_data = ::mqtt::get<std::string>(props, ::mqtt::property::CORRELATION_DATA);
    }
    post([m = std::move(m)](LoopEvents& t) { t.on_message(m); });
  } catch (...) {
  }
}

void PahoBridge::Listener::on_success(const ::mqtt::token&) {
  if (is_connect_) return;  // connected() reports the connection itself
  bridge_.post([](LoopEvents& t) { t.on_publish_done(true); });
}

void PahoBridge::Listener::on_failure(const ::mqtt::token& tok) {
  try {
    if (is_connect_) {
      const std::string why = "connect failed, code " + std::to_string(tok.get_return_code());
      bridge_.post([why](LoopEvents& t) { t.on_connect_failed(why); });
    } else {
      bridge_.post([](LoopEvents& t) { t.on_publish_done(false); });
    }
  } catch (...) {
  }
}

}  // namespace r3::mqtt
