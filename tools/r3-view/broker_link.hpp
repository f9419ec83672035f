#pragma once
// r3-view's connection to the broker: connects, says why it cannot, retries with back-off,
// subscribes again after every reconnect, and hands messages over. Driven by poll() from the
// one thread that draws; Paho's threads only fill its queue and flags.

#include <mqtt/async_client.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "daemon/mqtt/options.hpp"
#include "tools/r3-view/broker_state.hpp"

namespace r3::view {

struct Message {
  std::string topic;
  std::string payload;
};

class BrokerLink {
 public:
  BrokerLink(const mqtt::Options& options, std::vector<std::string> topics);
  ~BrokerLink();
  BrokerLink(const BrokerLink&) = delete;
  BrokerLink& operator=(const BrokerLink&) = delete;

  // Starts, checks and retries connection attempts; call it often.
  void poll(double now_s);
  // The next message, waiting at most `wait`.
  std::optional<Message> next_message(std::chrono::milliseconds wait);

  [[nodiscard]] const BrokerState& state() const { return state_; }
  // Successful connections so far: each one brings every retained message again.
  [[nodiscard]] int connections() const { return connections_; }
  // The broker refused our credentials: retrying cannot help.
  [[nodiscard]] bool refused() const { return refused_; }

 private:
  void attempt(double now_s);
  void failed(const std::string& why, double now_s);

  mqtt::Options options_;
  std::vector<std::string> topics_;
  ::mqtt::async_client client_;
  ::mqtt::connect_options connect_options_;
  ::mqtt::token_ptr pending_;  // the connection attempt under way
  BrokerState state_;
  double next_attempt_s_ = 0.0;
  int connections_ = 0;
  bool refused_ = false;
};

// A plain TCP connect to host:port within `timeout`: "" when it worked, else why not
// ("Connection refused", "unknown host: ...", "no answer within 3 s").
std::string probe_tcp(const std::string& host, int port, std::chrono::milliseconds timeout);

}  // namespace r3::view
