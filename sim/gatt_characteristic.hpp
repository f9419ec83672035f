#pragma once
// One org.bluez.GattCharacteristic1 object, as bluetoothd exposes a remote characteristic:
// ReadValue, WriteValue, StartNotify/StopNotify (Value through PropertiesChanged) and
// AcquireNotify (a SOCK_SEQPACKET socket, one datagram per notification).

#include <sdbus-c++/sdbus-c++.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <set>
#include <span>
#include <string>
#include <vector>

namespace r3::sim {

struct CharacteristicSpec {
  std::string path;
  std::string uuid;
  std::string service_path;
  std::vector<std::string> flags;  // "read", "write", "write-without-response", "notify"
  std::vector<std::uint8_t> value;
  std::function<void(std::span<const std::uint8_t>)> on_write;
  int acquire_eof_after = 0;  // >0: the AcquireNotify socket is closed after this many packets
};

class GattCharacteristic {
 public:
  static constexpr std::uint16_t kMtu = 247;

  GattCharacteristic(sdbus::IConnection& bus, boost::asio::io_context& io, CharacteristicSpec spec);
  ~GattCharacteristic();
  GattCharacteristic(const GattCharacteristic&) = delete;
  GattCharacteristic& operator=(const GattCharacteristic&) = delete;

  void announce();  // InterfacesAdded
  void withdraw();  // InterfacesRemoved

  // A notification from the peripheral: through the acquired socket if any, else as a Value
  // change if a client called StartNotify, else dropped (as the controller would).
  void notify(std::span<const std::uint8_t> bytes);
  // Link down: the acquired socket ends (EOF for the client), notifying stops.
  void end_notifications();
  // A client left the bus: its notify session ends (its AcquireNotify socket closes by itself).
  void client_gone(const std::string& name);

  [[nodiscard]] bool notifying() const { return notifying_; }
  [[nodiscard]] bool notify_acquired() const { return static_cast<bool>(socket_); }
  [[nodiscard]] std::uint64_t dropped() const { return dropped_; }

 private:
  std::tuple<sdbus::UnixFd, std::uint16_t> acquire_notify();
  std::tuple<sdbus::UnixFd, std::uint16_t> acquire_write();
  void read_writes();
  void watch_socket();
  void close_socket();
  void set_notifying(bool on);

  boost::asio::io_context& io_;
  CharacteristicSpec spec_;
  std::unique_ptr<sdbus::IObject> object_;
  std::unique_ptr<boost::asio::posix::stream_descriptor> socket_;
  std::unique_ptr<boost::asio::posix::stream_descriptor> write_socket_;  // AcquireWrite
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
  bool notifying_ = false;
  std::set<std::string> notify_clients_;
  int socket_packets_ = 0;
  std::uint64_t dropped_ = 0;
  // Notifications the socket could not take yet (reader briefly behind); bounded, then dropped.
  std::deque<std::vector<std::uint8_t>> backlog_;
  bool send_one(std::span<const std::uint8_t> bytes);  // false: would block (or socket gone)
};

}  // namespace r3::sim
