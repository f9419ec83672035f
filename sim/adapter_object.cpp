#include "sim/adapter_object.hpp"

#include <algorithm>
#include <boost/asio/steady_timer.hpp>
#include <cctype>
#include <chrono>
#include <cstdio>

#include "core/protocol/gatt_profile.hpp"
#include "sim/bluez_api.hpp"

namespace r3::sim {

namespace {
std::string lower(std::string s) {
  for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}
void say(const char* what, const std::string& address, const std::string& adapter) {
  std::printf("%s %s %s\n", what, address.c_str(), adapter.c_str());
  std::fflush(stdout);
}
}  // namespace

SimAdapter::SimAdapter(sdbus::IConnection& bus, boost::asio::io_context& io, int index,
                       World& world, std::function<void()> kick)
    : bus_(bus),
      io_(io),
      index_(index),
      world_(world),
      kick_(std::move(kick)),
      path_("/org/bluez/hci" + std::to_string(index)),
      object_(sdbus::createObject(bus, path_)) {
  wedged_ = world_.scenario.faults.not_ready_adapter == index;
  hanging_ = world_.scenario.faults.hang_adapter == index;
  const char* itf = bluez::kAdapter;
  auto& o = *object_;
  auto sender = [this] { return object_->getCurrentlyProcessedMessage()->getSender(); };
  o.registerMethod("StartDiscovery").onInterface(itf).implementedAs([this, sender] {
    if (!powered_) throw sdbus::Error(bluez::kErrNotReady, "Resource Not Ready");
    if (!discovery_clients_.insert(sender()).second)
      throw sdbus::Error(bluez::kErrInProgress, "Operation already in progress");
    set_discovering(true);
  });
  o.registerMethod("StopDiscovery").onInterface(itf).implementedAs([this, sender] {
    if (!powered_) throw sdbus::Error(bluez::kErrNotReady, "Resource Not Ready");
    if (discovery_clients_.erase(sender()) == 0)
      throw sdbus::Error(bluez::kErrFailed, "No discovery started");
    if (discovery_clients_.empty()) set_discovering(false);
  });
  o.registerMethod("SetDiscoveryFilter")
      .onInterface(itf)
      .withInputParamNames("properties")
      .implementedAs([this, sender](const std::map<std::string, sdbus::Variant>& props) {
        std::vector<std::string> uuids;
        for (const auto& [key, value] : props) {
          if (key == "UUIDs") {
            for (const auto& u : value.get<std::vector<std::string>>()) uuids.push_back(lower(u));
          } else if (key != "Transport" && key != "RSSI" && key != "Pathloss" &&
                     key != "DuplicateData" && key != "Discoverable" && key != "Pattern") {
            throw sdbus::Error(bluez::kErrInvalidArguments, "Invalid arguments in method call");
          }
        }
        if (props.empty())
          filters_.erase(sender());
        else
          filters_[sender()] = std::move(uuids);
      });
  o.registerMethod("GetDiscoveryFilters")
      .onInterface(itf)
      .withOutputParamNames("filters")
      .implementedAs([] {
        return std::vector<std::string>{"UUIDs",         "RSSI",         "Pathloss", "Transport",
                                        "DuplicateData", "Discoverable", "Pattern"};
      });
  o.registerMethod("RemoveDevice")
      .onInterface(itf)
      .withInputParamNames("device")
      .implementedAs([this](const sdbus::ObjectPath& p) {
        auto it = std::find_if(devices_.begin(), devices_.end(),
                               [&p](const auto& d) { return d.second->path() == p; });
        if (it == devices_.end()) throw sdbus::Error(bluez::kErrDoesNotExist, "Does Not Exist");
        if (it->second->connected()) drop_link(it->first, "removed");
        it->second->withdraw();
        devices_.erase(it);
      });
  o.registerProperty("Address").onInterface(itf).withGetter(
      [this] { return adapter_address(index_); });
  o.registerProperty("AddressType").onInterface(itf).withGetter([] {
    return std::string("public");
  });
  o.registerProperty("Name").onInterface(itf).withGetter(
      [this] { return "r3-sim #" + std::to_string(index_); });
  o.registerProperty("Alias").onInterface(itf).withGetter(
      [this] { return "r3-sim #" + std::to_string(index_); });
  o.registerProperty("Class").onInterface(itf).withGetter([] { return std::uint32_t{0}; });
  o.registerProperty("Powered")
      .onInterface(itf)
      .withGetter([this] { return powered_; })
      .withSetter([this](const bool& on) { set_powered(on); });
  o.registerProperty("Discoverable").onInterface(itf).withGetter([] { return false; });
  o.registerProperty("Pairable").onInterface(itf).withGetter([] { return false; });
  o.registerProperty("Discovering").onInterface(itf).withGetter([this] { return discovering_; });
  o.registerProperty("UUIDs").onInterface(itf).withGetter(
      [] { return std::vector<std::string>{}; });
  o.registerProperty("Modalias").onInterface(itf).withGetter([] {
    return std::string("usb:v1D6Bp0246d0542");
  });
  o.registerProperty("Roles").onInterface(itf).withGetter([] {
    return std::vector<std::string>{"central", "peripheral"};
  });
  o.finishRegistration();
}

SimAdapter::~SimAdapter() {
  *alive_ = false;
}

void SimAdapter::announce() {
  object_->emitInterfacesAddedSignal({bluez::kAdapter});
}

int SimAdapter::connected_count() const {
  return static_cast<int>(std::count_if(devices_.begin(), devices_.end(),
                                        [](const auto& d) { return d.second->connected(); }));
}

void SimAdapter::client_gone(const std::string& name) {
  filters_.erase(name);
  if (discovery_clients_.erase(name) != 0 && discovery_clients_.empty()) set_discovering(false);
  for (auto& [i, d] : devices_) d->client_gone(name);
}

void SimAdapter::set_discovering(bool on) {
  if (on == discovering_) return;
  discovering_ = on;
  object_->emitPropertiesChangedSignal(bluez::kAdapter, {"Discovering"});
}

void SimAdapter::set_powered(bool on) {
  if (on == powered_) return;
  std::printf("power %s hci%d\n", on ? "on" : "off", index_);
  std::fflush(stdout);
  if (!on) {
    for (auto& [i, d] : devices_) {
      if (d->connected()) drop_link(i, "power-off");
    }
    discovery_clients_.clear();
    set_discovering(false);
    for (auto& r : hung_) {
      try {
        r->returnError(sdbus::Error(bluez::kErrFailed, bluez::kMsgAbortByLocal));
      } catch (const sdbus::Error&) {
      }
    }
    hung_.clear();
    hanging_ = false;
    connecting_ = false;
  }
  powered_ = on;
  wedged_ = false;  // a power cycle is what unsticks a wedged controller
}

bool SimAdapter::matches_filters(const ContactModel& /*c*/) const {
  const std::string contact_uuid(core::gatt::kContactService);
  for (const auto& client : discovery_clients_) {
    auto it = filters_.find(client);
    if (it == filters_.end() || it->second.empty()) return true;
    if (std::find(it->second.begin(), it->second.end(), contact_uuid) != it->second.end())
      return true;
  }
  return false;
}

SimDevice* SimAdapter::device_of(int contact_index) {
  auto it = devices_.find(contact_index);
  return it == devices_.end() ? nullptr : it->second.get();
}

void SimAdapter::scan_tick() {
  if (!powered_ || !discovering_) return;
  ++scans_;
  for (auto& c : world_.contacts) {
    const int i = c->index();
    auto* d = device_of(i);
    const auto rssi = static_cast<std::int16_t>(-45 - static_cast<int>(world_.uniform() * 40.0));
    if (d != nullptr) {
      if (!d->connected() && scans_ % 20 == 0) d->set_rssi(rssi);
      continue;
    }
    // A connected peripheral no longer advertises; others are heard about every other scan.
    if (world_.connected_on[static_cast<std::size_t>(i)] >= 0 || world_.uniform() < 0.5) continue;
    if (!matches_filters(*c)) continue;
    SimDevice::Hooks hooks;
    hooks.connect = [this](SimDevice& dev, sdbus::Result<>&& r) { on_connect(dev, std::move(r)); };
    hooks.kick = kick_;
    hooks.disconnect = [this](SimDevice& dev, sdbus::Result<>&& r) {
      on_disconnect(dev, std::move(r));
    };
    const auto& f = world_.scenario.faults;
    const int eof = i < f.acquire_eof_contacts ? std::max(1, f.acquire_eof_after_packets) : 0;
    auto dev = std::make_unique<SimDevice>(bus_, io_, path_, *c, rssi, eof,
                                           world_.scenario.faults.late_gatt, std::move(hooks));
    dev->announce();
    devices_[i] = std::move(dev);
  }
}

void SimAdapter::on_connect(SimDevice& d, sdbus::Result<>&& result) {
  if (!powered_ || wedged_) {
    result.returnError(sdbus::Error(bluez::kErrNotReady, "Resource Not Ready"));
    return;
  }
  if (d.connected()) {
    result.returnResults();
    return;
  }
  const auto& f = world_.scenario.faults;
  if (connecting_ || world_.uniform() < f.connect_in_progress_rate) {
    result.returnError(sdbus::Error(bluez::kErrInProgress, "In Progress"));
    return;
  }
  connecting_ = true;
  if (hanging_) {
    hung_.push_back(std::make_shared<sdbus::Result<>>(std::move(result)));
    return;  // the controller never completes: the caller's timeout has to notice
  }
  const int i = d.contact().index();
  auto timer = std::make_shared<boost::asio::steady_timer>(
      io_, std::chrono::microseconds(static_cast<long>(world_.scenario.connect_latency_s * 1e6)));
  auto r = std::make_shared<sdbus::Result<>>(std::move(result));
  timer->async_wait([this, timer, r, i,
                     alive = std::weak_ptr<bool>(alive_)](const boost::system::error_code&) {
    auto a = alive.lock();
    if (!a || !*a) return;
    connecting_ = false;
    auto* dev = device_of(i);
    const auto& faults = world_.scenario.faults;
    const bool full = faults.controller_slots > 0 && connected_count() >= faults.controller_slots;
    const bool taken = world_.connected_on[static_cast<std::size_t>(i)] >= 0;
    try {
      if (dev == nullptr || !powered_ || full || taken ||
          world_.uniform() < faults.connect_abort_rate) {
        r->returnError(sdbus::Error(bluez::kErrFailed, bluez::kMsgAbortByLocal));
      } else {
        world_.connected_on[static_cast<std::size_t>(i)] = index_;
        dev->set_connected(true);
        r->returnResults();
        say("connected", dev->contact().address(), path_);
      }
    } catch (const sdbus::Error& e) {
      std::fprintf(stderr, "connect reply: %s\n", e.getMessage().c_str());
    }
    kick_();
  });
}

void SimAdapter::on_disconnect(SimDevice& d, sdbus::Result<>&& result) {
  if (d.connected()) drop_link(d.contact().index(), "disconnect");
  result.returnResults();
}

void SimAdapter::drop_link(int contact_index, const char* why) {
  auto* d = device_of(contact_index);
  if (d == nullptr || !d->connected()) return;
  d->set_connected(false);
  world_.connected_on[static_cast<std::size_t>(contact_index)] = -1;
  say(why, d->contact().address(), path_);
}

void SimAdapter::stream_tick(double now_wall_s) {
  for (auto& [i, d] : devices_) {
    if (!d->connected()) continue;
    SimDevice* dev = d.get();
    dev->contact().emit_due(now_wall_s,
                            [dev](std::span<const std::uint8_t> b) { dev->notify_stream(b); });
  }
}

}  // namespace r3::sim
