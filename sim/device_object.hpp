#pragma once
// One remote device as one adapter sees it: org.bluez.Device1 at /org/bluez/hciN/dev_..., and,
// while connected, its GATT tree (services, characteristics) and org.bluez.Battery1.

#include <sdbus-c++/sdbus-c++.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "sim/contact_model.hpp"
#include "sim/gatt_characteristic.hpp"

namespace r3::sim {

class SimDevice {
 public:
  struct Hooks {
    // Connect/Disconnect are answered later, through the Result, by whoever owns the adapter.
    std::function<void(SimDevice&, sdbus::Result<>&&)> connect;
    std::function<void(SimDevice&, sdbus::Result<>&&)> disconnect;
    std::function<void()> kick;  // after D-Bus work done from a timer
  };

  SimDevice(sdbus::IConnection& bus, boost::asio::io_context& io, std::string adapter_path,
            ContactModel& contact, std::int16_t rssi, int acquire_eof_after, bool late_gatt,
            Hooks hooks);
  ~SimDevice();
  SimDevice(const SimDevice&) = delete;
  SimDevice& operator=(const SimDevice&) = delete;

  void announce();  // InterfacesAdded for Device1
  void withdraw();  // InterfacesRemoved (after a disconnect)

  // Connected: the GATT tree appears, then ServicesResolved. Disconnected: the reverse.
  void set_connected(bool connected);
  [[nodiscard]] bool connected() const { return connected_; }
  void set_rssi(std::int16_t rssi);
  void client_gone(const std::string& name);

  // The contact's stream, while connected.
  void notify_stream(std::span<const std::uint8_t> bytes);

  [[nodiscard]] const std::string& path() const { return path_; }
  [[nodiscard]] ContactModel& contact() { return contact_; }

 private:
  void build_gatt();
  void drop_gatt();
  void on_control(std::span<const std::uint8_t> bytes);

  sdbus::IConnection& bus_;
  boost::asio::io_context& io_;
  std::string adapter_path_, path_;
  ContactModel& contact_;
  std::int16_t rssi_;
  int acquire_eof_after_;
  Hooks hooks_;
  bool late_gatt_;
  std::unique_ptr<boost::asio::steady_timer> gatt_timer_;
  bool connected_ = false;
  bool services_resolved_ = false;
  std::unique_ptr<sdbus::IObject> object_;
  std::unique_ptr<sdbus::IObject> battery_;
  std::vector<std::unique_ptr<sdbus::IObject>> services_;
  std::vector<std::unique_ptr<GattCharacteristic>> chars_;
  GattCharacteristic* stream_ = nullptr;
};

}  // namespace r3::sim
