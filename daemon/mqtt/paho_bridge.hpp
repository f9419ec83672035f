#pragma once
// The only code that runs on Paho's threads. It copies what it gets and posts it onto the loop;
// it never touches publisher state and never lets an exception out (that would std::terminate).

#include <mqtt/callback.h>
#include <mqtt/iaction_listener.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <functional>
#include <memory>
#include <string>

namespace r3::mqtt {

struct IncomingMessage {
  std::string topic;
  std::string payload;
  std::string response_topic;  // MQTT 5 only; empty otherwise
  std::string correlation_data;
};

// What the loop side implements. Called on the loop thread only.
class LoopEvents {
 public:
  virtual ~LoopEvents() = default;
  virtual void on_connected() = 0;
  virtual void on_connection_lost(const std::string& cause) = 0;
  virtual void on_message(const IncomingMessage& m) = 0;
  virtual void on_publish_done(bool ok) = 0;
  virtual void on_connect_failed(const std::string& why) = 0;
};

class PahoBridge : public ::mqtt::callback {
 public:
  PahoBridge(boost::asio::io_context& io, std::weak_ptr<LoopEvents> target)
      : io_(io), target_(std::move(target)) {}

  void connected(const std::string& cause) override;
  void connection_lost(const std::string& cause) override;
  void message_arrived(::mqtt::const_message_ptr msg) override;

  // One listener per kind of operation: the token tells nothing we need beyond success.
  class Listener : public ::mqtt::iaction_listener {
   public:
    Listener(PahoBridge& bridge, bool is_connect) : bridge_(bridge), is_connect_(is_connect) {}
    void on_success(const ::mqtt::token& tok) override;
    void on_failure(const ::mqtt::token& tok) override;

   private:
    PahoBridge& bridge_;
    bool is_connect_;
  };
  Listener& publish_listener() { return publish_listener_; }
  Listener& connect_listener() { return connect_listener_; }

 private:
  void post(std::function<void(LoopEvents&)> fn) noexcept;
  boost::asio::io_context& io_;
  std::weak_ptr<LoopEvents> target_;
  Listener publish_listener_{*this, false};
  Listener connect_listener_{*this, true};
};

}  // namespace r3::mqtt
