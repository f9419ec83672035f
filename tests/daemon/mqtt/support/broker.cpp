#include "tests/daemon/mqtt/support/broker.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <csignal>
#include <fstream>

namespace r3::test {

bool port_accepts(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) == 0;
  ::close(fd);
  return ok;
}

Broker::Broker(std::string dir, const BrokerTls* tls, const std::string& extra_conf)
    : dir_(std::move(dir)), log_(dir_ + "/mosquitto.log"), port_(free_port()) {
  std::ofstream conf(dir_ + "/mosquitto.conf");
  // As root, mosquitto would switch to the "mosquitto" user and lose access to the temp dir.
  conf << "user " << (::getuid() == 0 ? "root" : "nobody") << "\n"
       << "per_listener_settings false\nallow_anonymous true\n"
       << "persistence true\npersistence_location " << dir_ << "/\n"
       << "autosave_interval 1\n"
       << "max_queued_messages 0\n"  // no limit: the outage tests queue thousands
       << "log_dest stdout\nlog_type error\nlog_type warning\nlog_type notice\n"
       << extra_conf << "\nlistener " << port_ << " 127.0.0.1\n";
  if (tls != nullptr) {
    conf << "listener " << tls->port << " 127.0.0.1\n"
         << "cafile " << tls->ca_file << "\ncertfile " << tls->cert_file << "\nkeyfile "
         << tls->key_file << "\nrequire_certificate true\n";
  }
}

Broker::~Broker() {
  process_.kill9();
}

bool Broker::start() {
  process_ = Process({"/usr/sbin/mosquitto", "-c", dir_ + "/mosquitto.conf"}, log_);
  // Accepting on the port and still running: a broker that failed to bind exits at once.
  const bool up = wait_until([this] { return !process_.running() || port_accepts(port_); },
                             std::chrono::seconds(20));
  return up && process_.running();
}

void Broker::stop() {
  process_.signal(SIGTERM);
  if (process_.wait(std::chrono::seconds(20)) < 0) process_.kill9();
}

void Broker::kill9() {
  process_.kill9();
}

}  // namespace r3::test
