#include "tests/daemon/mqtt/support/collector.hpp"

#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "tests/daemon/mqtt/support/process.hpp"

namespace r3::test {

Collector::Collector(int port, const std::string& client_id, std::string filter, bool v5,
                     const CollectorTls* tls)
    : filter_(std::move(filter)),
      v5_(v5),
      client_((tls ? "ssl://127.0.0.1:" : "tcp://127.0.0.1:") + std::to_string(port), client_id,
              mqtt::create_options(v5 ? MQTTVERSION_5 : MQTTVERSION_3_1_1)) {
  options_.set_mqtt_version(v5 ? MQTTVERSION_5 : MQTTVERSION_3_1_1);
  if (v5) {
    options_.set_clean_start(false);
    options_.set_properties({{mqtt::property::SESSION_EXPIRY_INTERVAL, 3600}});
  } else {
    options_.set_clean_session(false);
  }
  options_.set_automatic_reconnect(1, 2);
  options_.set_keep_alive_interval(5);
  if (tls != nullptr) {
    mqtt::ssl_options ssl;
    ssl.set_trust_store(tls->ca_file);
    ssl.set_key_store(tls->cert_file);
    ssl.set_private_key(tls->key_file);
    options_.set_ssl(ssl);
  }
  client_.set_callback(*this);
}

Collector::~Collector() {
  try {
    client_.disable_callbacks();
    if (client_.is_connected()) client_.disconnect()->wait_for(std::chrono::seconds(2));
  } catch (...) {
  }
}

bool Collector::connect() {
  try {
    client_.connect(options_)->wait_for(std::chrono::seconds(10));
    client_.subscribe(filter_, 1)->wait_for(std::chrono::seconds(10));
    return client_.is_connected();
  } catch (const mqtt::exception&) {
    return false;
  }
}

void Collector::connected(const std::string&) {
  try {
    client_.subscribe(filter_, 1);  // after an automatic reconnect too
  } catch (...) {
  }
}

void Collector::message_arrived(mqtt::const_message_ptr msg) {
  Received r{msg->get_topic(),
             msg->get_payload_str(),
             msg->is_retained(),
             {},
             std::chrono::steady_clock::now()};
  if (msg->get_properties().contains(mqtt::property::CORRELATION_DATA)) {
    r.correlation_data =
        mqtt::get<std::string>(msg->get_properties(), mqtt::property::CORRELATION_DATA);
  }
  std::lock_guard lock(mutex_);
  received_.push_back(std::move(r));
}

void Collector::publish(const std::string& topic, const std::string& payload,
                        const mqtt::properties& props) {
  auto msg = mqtt::make_message(topic, payload, 1, false);
  if (!props.empty()) msg->set_properties(props);
  client_.publish(msg)->wait_for(std::chrono::seconds(10));
}

void Collector::retain(const std::string& topic, const std::string& payload) {
  client_.publish(mqtt::make_message(topic, payload, 1, true))->wait_for(std::chrono::seconds(10));
}

std::vector<Received> Collector::messages() {
  std::lock_guard lock(mutex_);
  return received_;
}

std::vector<Received> Collector::on(const std::string& topic) {
  std::vector<Received> out;
  for (auto& m : messages()) {
    if (m.topic == topic) out.push_back(std::move(m));
  }
  return out;
}

bool Collector::wait_for(const std::function<bool(const std::vector<Received>&)>& done,
                         std::chrono::milliseconds timeout) {
  return wait_until([&] { return done(messages()); }, timeout);
}

void Collector::dump_jsonl(const std::string& path) {
  std::ofstream out(path);
  for (const auto& m : messages()) {
    out << nlohmann::json{{"topic", m.topic}, {"payload", m.payload}}.dump() << '\n';
  }
}

}  // namespace r3::test
