#pragma once
// The console's heart, on the loop thread: MQTT messages in -> the mirror and every browser's
// batch; browser requests in -> gateway commands out (with a request id of ours) or roster
// changes; gateway replies -> the browser that asked. Knows nothing of sockets: browsers are
// ClientSinks, MQTT is a publish function, time is passed in. Unit-tested as it is.

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>

#include "console/client_request.hpp"
#include "console/database.hpp"
#include "console/frame_batch.hpp"
#include "console/metrics.hpp"
#include "console/mirror.hpp"
#include "console/pending_requests.hpp"

namespace r3::console {

class ClientSink {
 public:
  virtual ~ClientSink() = default;
  // True while a previous message is still being written (the hub keeps batching meanwhile).
  [[nodiscard]] virtual bool busy() const = 0;
  virtual void send(std::string message) = 0;
  virtual void close(std::string reason) = 0;
};

struct HubOptions {
  std::string base_topic = "r3/v1";
  std::chrono::milliseconds request_timeout{5000};
  std::size_t max_batch_frames = 4000;
};

class Hub {
 public:
  using Clock = std::chrono::steady_clock;
  // publish(topic, payload): QoS 1, not retained; false when the client refused it.
  using Publish = std::function<bool(const std::string&, const std::string&)>;

  Hub(HubOptions options, Database& db, Metrics& metrics, Publish publish, std::string instance);

  std::uint64_t add_client(Role role, std::weak_ptr<ClientSink> sink);
  void remove_client(std::uint64_t id);
  void on_client_text(std::uint64_t id, std::string_view text, Clock::time_point now);

  void on_mqtt_message(const std::string& topic, const std::string& payload);
  void on_mqtt_connected(bool reconnect);
  void on_mqtt_lost();

  // Sends every non-empty batch to a browser that is not busy; call at frame_rate_hz.
  void flush();
  // Answers the requests past their deadline with a timeout error.
  void expire(Clock::time_point now);
  [[nodiscard]] std::size_t clients() const { return clients_.size(); }

 private:
  struct Client {
    Role role;
    std::weak_ptr<ClientSink> sink;
    FrameBatch batch;
  };
  void broadcast(const Mirror::Frame& frame, const std::string* live_key);
  void enqueue(std::uint64_t id, Client& c, const Mirror::Frame& frame, const std::string* key);
  void reply_error(std::uint64_t id, const std::string& tx, const std::string& topic,
                   const std::string& code, const std::string& message);
  void reply_ok(std::uint64_t id, const std::string& tx, const std::string& topic,
                nlohmann::json extra);
  void handle_roster(std::uint64_t id, const ClientRequest& r);
  void handle_command(std::uint64_t id, ClientRequest r, Clock::time_point now);
  void broadcast_roster();
  void broadcast_console_status();
  Mirror::Frame roster_frame();
  Mirror::Frame console_status_frame();
  void drop(std::uint64_t id, const char* why);

  HubOptions options_;
  Database& db_;
  Metrics& metrics_;
  Publish publish_;
  Mirror mirror_;
  PendingRequests pending_;
  std::map<std::uint64_t, Client> clients_;
  std::uint64_t next_client_ = 1;
};

}  // namespace r3::console
