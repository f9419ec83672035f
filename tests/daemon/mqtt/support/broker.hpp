#pragma once
// A real mosquitto on 127.0.0.1 for one test: its own config, port and persistence in a temp
// dir. Stop/start keep the port and the persisted sessions (a graceful stop saves them).

#include <string>

#include "tests/daemon/mqtt/support/process.hpp"

namespace r3::test {

struct BrokerTls {
  std::string ca_file, cert_file, key_file;  // server side; clients must present a cert
  int port = 0;
};

class Broker {
 public:
  // `dir` must exist; the broker's files go in it.
  // `extra_conf`: more mosquitto.conf lines (e.g. an acl_file).
  explicit Broker(std::string dir, const BrokerTls* tls = nullptr,
                  const std::string& extra_conf = "");
  ~Broker();
  bool start();  // returns once the port accepts connections
  void stop();   // SIGTERM and wait: sessions and queued messages are saved
  void kill9();
  [[nodiscard]] int port() const { return port_; }
  [[nodiscard]] const std::string& log_file() const { return log_; }

 private:
  std::string dir_;
  std::string log_;
  int port_;
  Process process_;
};

bool port_accepts(int port);

}  // namespace r3::test
