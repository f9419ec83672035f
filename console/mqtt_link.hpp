#pragma once
// The console's broker connection: Paho's async client with its callbacks posted onto the loop
// (daemon/mqtt's PahoBridge), subscribed to <base>/+/# so every gateway on the broker is seen,
// and publishing the browsers' commands (QoS 1). Clean session: the retained replay on each
// subscribe rebuilds the mirror.

#include <mqtt/async_client.h>

#include <boost/asio/io_context.hpp>
#include <functional>
#include <memory>
#include <string>

#include "console/config.hpp"
#include "daemon/mqtt/paho_bridge.hpp"

namespace r3::console {

class MqttLink : public mqtt::LoopEvents, public std::enable_shared_from_this<MqttLink> {
 public:
  struct Handlers {
    std::function<void(const std::string& topic, const std::string& payload)> message;
    std::function<void(bool reconnect)> connected;
    std::function<void()> lost;
  };
  MqttLink(boost::asio::io_context& io, const ConsoleConfig& config, Handlers handlers);
  ~MqttLink() override;

  void start();  // connects in the background, retrying until stop()
  void stop();
  bool publish(const std::string& topic, const std::string& payload);

  void on_connected() override;
  void on_connection_lost(const std::string& cause) override;
  void on_message(const mqtt::IncomingMessage& m) override;
  void on_publish_done(bool ok) override;
  void on_connect_failed(const std::string& why) override;

 private:
  boost::asio::io_context& io_;
  const ConsoleConfig& config_;
  Handlers handlers_;
  std::unique_ptr<::mqtt::async_client> client_;
  std::unique_ptr<mqtt::PahoBridge> bridge_;
  ::mqtt::connect_options connect_options_;
  bool ever_connected_ = false;
  bool warned_ = false;
};

}  // namespace r3::console
