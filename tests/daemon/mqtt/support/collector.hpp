#pragma once
// A test-side MQTT client that records every message it receives (Paho async, its own
// persistent session so a broker restart loses nothing for it either). Thread-safe.

#include <mqtt/async_client.h>

#include <chrono>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

namespace r3::test {

struct Received {
  std::string topic;
  std::string payload;
  bool retained = false;
  std::string correlation_data;
  std::chrono::steady_clock::time_point at;
};

struct CollectorTls {
  std::string ca_file, cert_file, key_file;
};

class Collector : public mqtt::callback {
 public:
  Collector(int port, const std::string& client_id, std::string filter, bool v5 = false,
            const CollectorTls* tls = nullptr);
  ~Collector() override;
  void set_username(const std::string& name) { options_.set_user_name(name); }
  void set_credentials(const std::string& name, const std::string& password) {
    options_.set_user_name(name);
    options_.set_password(password);
  }
  bool connect();  // waits until subscribed
  void publish(const std::string& topic, const std::string& payload,
               const mqtt::properties& props = {});
  // A retained message (QoS 1); an empty payload removes the topic's retained message.
  void retain(const std::string& topic, const std::string& payload);

  std::vector<Received> messages();
  std::vector<Received> on(const std::string& topic);
  bool wait_for(const std::function<bool(const std::vector<Received>&)>& done,
                std::chrono::milliseconds timeout);
  // Writes everything received as JSON lines {"topic","payload"} for validate_payloads.py.
  void dump_jsonl(const std::string& path);

  void connected(const std::string& cause) override;
  void message_arrived(mqtt::const_message_ptr msg) override;

 private:
  std::string filter_;
  bool v5_;
  mqtt::async_client client_;
  mqtt::connect_options options_;
  std::mutex mutex_;
  std::vector<Received> received_;
};

}  // namespace r3::test
