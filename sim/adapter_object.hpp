#pragma once
// One org.bluez.Adapter1 at /org/bluez/hciN: discovery per client with UUID filters, devices that
// appear while discovering, Connect serialised like a controller does, the controller's slot limit
// and the connect faults of the scenario.

#include <sdbus-c++/sdbus-c++.h>

#include <boost/asio/io_context.hpp>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "sim/device_object.hpp"
#include "sim/world.hpp"

namespace r3::sim {

class SimAdapter {
 public:
  // kick: called after D-Bus work done outside a D-Bus callback (timers), see r3_loop.
  SimAdapter(sdbus::IConnection& bus, boost::asio::io_context& io, int index, World& world,
             std::function<void()> kick);
  ~SimAdapter();
  SimAdapter(const SimAdapter&) = delete;
  SimAdapter& operator=(const SimAdapter&) = delete;

  void announce();
  void scan_tick();  // ~10 Hz: contacts in range show up while discovering
  // The stream of every contact connected here, due by now.
  void stream_tick(double now_wall_s);
  // Link loss (or power off): the device disconnects without being asked.
  void drop_link(int contact_index, const char* why);

  // A client left the bus: bluetoothd ends its discovery session and its notify sessions.
  void client_gone(const std::string& name);
  [[nodiscard]] const std::string& path() const { return path_; }
  [[nodiscard]] int connected_count() const;

 private:
  void on_connect(SimDevice& d, sdbus::Result<>&& result);
  void on_disconnect(SimDevice& d, sdbus::Result<>&& result);
  void set_powered(bool on);
  void set_discovering(bool on);
  bool matches_filters(const ContactModel& c) const;
  SimDevice* device_of(int contact_index);

  sdbus::IConnection& bus_;
  boost::asio::io_context& io_;
  int index_;
  World& world_;
  std::function<void()> kick_;
  std::string path_;
  std::unique_ptr<sdbus::IObject> object_;
  std::map<int, std::unique_ptr<SimDevice>> devices_;  // by contact index
  std::set<std::string> discovery_clients_;
  std::map<std::string, std::vector<std::string>> filters_;  // sender -> UUIDs (lower case)
  bool powered_ = true;
  bool discovering_ = false;
  bool wedged_ = false;      // the NotReady fault: until power-cycled
  bool connecting_ = false;  // one LE Create Connection at a time
  bool hanging_ = false;     // the hang fault: Connect never answers until power-cycled
  std::vector<std::shared_ptr<sdbus::Result<>>> hung_;
  int scans_ = 0;
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
};

}  // namespace r3::sim
