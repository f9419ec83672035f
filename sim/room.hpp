#pragma once
// The simulated room: owns org.bluez on the system bus (DBUS_SYSTEM_BUS_ADDRESS), its adapters,
// the contacts' streams, and the room-level faults (link loss mid-rep, bluetoothd restart).

#include <sdbus-c++/sdbus-c++.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <memory>
#include <string>
#include <vector>

#include "daemon/loop/dbus_loop.hpp"
#include "sim/adapter_object.hpp"
#include "sim/world.hpp"

namespace r3::sim {

class Room {
 public:
  Room(boost::asio::io_context& io, Scenario scenario);
  ~Room();
  Room(const Room&) = delete;
  Room& operator=(const Room&) = delete;

  // Generates every contact's session, writes the truth file, takes the bus name.
  bool start(std::string& error);
  // A bluetoothd restart: the name and every object go away, then come back fresh.
  void restart_bluetoothd();

 private:
  bool bring_up(std::string& error);
  void tear_down();
  void stream_tick();
  void scan_tick();
  void schedule_link_losses(double now_wall_s);

  boost::asio::io_context& io_;
  World world_;
  std::unique_ptr<sdbus::IConnection> bus_;
  std::unique_ptr<loop::DbusLoop> loop_;
  sdbus::Slot clients_match_;  // NameOwnerChanged: clients leaving the bus
  std::vector<std::unique_ptr<SimAdapter>> adapters_;
  boost::asio::steady_timer stream_timer_, scan_timer_, restart_timer_;
  std::vector<int> losses_left_;
  std::vector<double> loss_at_session_s_;  // <0: none scheduled
  bool down_ = false;
};

// Writes the ground truth of every contact as JSON lines (see docs/bluez.md).
bool write_truth(const std::string& path, const World& world, std::string& error);

}  // namespace r3::sim
