// The bus side of the links: signals from BlueZ into the object mirror, and BlueZ restarts.
#include <cstdarg>
#include <cstdio>

#include "core/protocol/gatt_profile.hpp"
#include "daemon/bluez/links_impl.hpp"

namespace r3::bluez {

namespace {
constexpr const char* kObjectManager = "org.freedesktop.DBus.ObjectManager";
constexpr const char* kPropertiesMatch =
    "type='signal',sender='org.bluez',interface='org.freedesktop.DBus.Properties',"
    "member='PropertiesChanged',path_namespace='/org/bluez'";
}  // namespace

void log_line(const char* fmt, ...) {
  std::va_list args;
  va_start(args, fmt);
  std::fputs("bluez: ", stderr);
  std::vfprintf(stderr, fmt, args);
  std::fputc('\n', stderr);
  va_end(args);
}

ContactLinks::Impl::Impl(boost::asio::io_context& io_, LinkConfig config_,
                         ContactListener& listener_)
    : io(io_), config(std::move(config_)), listener(listener_), tick_timer(io_) {
  ladder.initial = config.backoff_initial;
  ladder.max = config.backoff_max;
  ladder.jitter = config.backoff_jitter;
  rng.seed(config.jitter_seed != 0 ? config.jitter_seed : std::random_device{}());
}

bool ContactLinks::Impl::open(std::string* error) {
  try {
    bus = sdbus::createSystemBusConnection();
    root = sdbus::createProxy(*bus, kBluezService, "/");
    root->uponSignal("InterfacesAdded")
        .onInterface(kObjectManager)
        .call([this](const sdbus::ObjectPath& path, const InterfaceMap& interfaces) {
          guarded("InterfacesAdded", [&] { on_interfaces_added(path, interfaces); });
        });
    root->uponSignal("InterfacesRemoved")
        .onInterface(kObjectManager)
        .call([this](const sdbus::ObjectPath& path, const std::vector<std::string>& interfaces) {
          guarded("InterfacesRemoved", [&] { on_interfaces_removed(path, interfaces); });
        });
    root->finishRegistration();
    dbus = sdbus::createProxy(*bus, "org.freedesktop.DBus", "/org/freedesktop/DBus");
    dbus->uponSignal("NameOwnerChanged")
        .onInterface("org.freedesktop.DBus")
        .call(
            [this](const std::string& name, const std::string& /*old*/, const std::string& owner) {
              if (name == kBluezService)
                guarded("NameOwnerChanged", [&] { on_bluez_owner(owner); });
            });
    dbus->finishRegistration();
    properties_match = bus->addMatch(kPropertiesMatch, [this](sdbus::Message& msg) {
      guarded("PropertiesChanged", [&] { on_properties_changed(msg); });
    });
    bool has_owner = false;
    dbus->callMethod("NameHasOwner")
        .onInterface("org.freedesktop.DBus")
        .withArguments(std::string(kBluezService))
        .storeResultsTo(has_owner);
    loop = std::make_unique<loop::DbusLoop>(io, *bus);
    if (has_owner)
      on_bluez_owner("present");
    else
      log_line("waiting for org.bluez");
  } catch (const sdbus::Error& e) {
    if (error != nullptr) *error = e.getName() + ": " + e.getMessage();
    close();
    return false;
  }
  tick();
  kick();
  return true;
}

void ContactLinks::Impl::close() {
  tick_timer.cancel();
  if (bus) forget_bluez("links stopped");
  properties_match.reset();
  proxies.clear();
  root.reset();
  dbus.reset();
  loop.reset();
  bus.reset();
}

sdbus::IProxy& ContactLinks::Impl::proxy(const std::string& path) {
  auto& p = proxies[path];
  if (!p) {
    p = sdbus::createProxy(*bus, kBluezService, path);
    p->finishRegistration();
  }
  return *p;
}

void ContactLinks::Impl::load_objects_unguarded() {
  const auto epoch = bluez_epoch;
  root->callMethodAsync("GetManagedObjects")
      .onInterface(kObjectManager)
      .uponReplyInvoke([this, epoch](const sdbus::Error* e,
                                     const std::map<sdbus::ObjectPath, InterfaceMap>& all) {
        if (epoch != bluez_epoch) return;
        if (e != nullptr) {
          log_line("GetManagedObjects: %s", e->getMessage().c_str());
          return;
        }
        guarded("GetManagedObjects reply", [&] {
          for (const auto& [path, interfaces] : all) objects.add(path, interfaces);
          for (const auto& [path, a] : objects.adapters) adapter_seen(path);
          for (const auto& [path, d] : objects.devices) device_seen(d);
          schedule();
        });
      });
  kick();
}

void ContactLinks::Impl::on_bluez_owner(const std::string& owner) {
  if (bluez_up) {
    // Gone, or a new bluetoothd already: either way every object we knew is stale.
    log_line("org.bluez went away: dropping every link");
    forget_bluez("bluetoothd gone");
    bluez_up = false;
    listener.on_bluez_available(false);
  }
  if (owner.empty()) return;
  bluez_up = true;
  ++bluez_epoch;
  log_line("org.bluez is up");
  listener.on_bluez_available(true);
  load_objects();
}

void ContactLinks::Impl::forget_bluez(const char* reason) {
  ++bluez_epoch;
  for (auto& [id, c] : contacts) {
    drop_notifications(c);
    ++c.epoch;
    if (c.timer) c.timer->cancel();
    c.waiting_retry = false;
    c.adapter_path.clear();
    c.device_path.clear();
    set_state(c, LinkState::kGone, reason);
  }
  by_stream_char.clear();
  adapters.clear();
  objects.clear();
  proxies.clear();
}

void ContactLinks::Impl::on_interfaces_added(const std::string& path,
                                             const InterfaceMap& interfaces) {
  objects.add(path, interfaces);
  if (interfaces.count(kAdapterItf) != 0) adapter_seen(path);
  if (interfaces.count(kDeviceItf) != 0) device_seen(objects.devices[path]);
  const auto dev_path = device_path_of(path);
  for (auto& [id, c] : contacts) {
    if (c.device_path != dev_path || dev_path.empty()) continue;
    if (interfaces.count(kBatteryItf) != 0) {
      c.stats.battery_percent = objects.devices[dev_path].battery;
      if (c.stats.battery_percent) listener.on_battery(c.id, *c.stats.battery_percent);
    }
    if (interfaces.count(kCharItf) != 0) maybe_setup_notifications(c);
  }
  schedule();
}

void ContactLinks::Impl::on_interfaces_removed(const std::string& path,
                                               const std::vector<std::string>& interfaces) {
  const bool device =
      std::find(interfaces.begin(), interfaces.end(), kDeviceItf) != interfaces.end();
  const bool adapter =
      std::find(interfaces.begin(), interfaces.end(), kAdapterItf) != interfaces.end();
  objects.remove(path, interfaces);
  if (!device && !adapter) return;
  for (auto& [id, c] : contacts) {
    if ((device && c.device_path == path) || (adapter && c.adapter_path == path))
      fail(c, FailureKind::kGone, device ? "device removed" : "adapter removed");
  }
  if (adapter) adapters.erase(path);
  schedule();
}

void ContactLinks::Impl::on_properties_changed(sdbus::Message& msg) {
  try {
    std::string interface;
    Properties changed;
    msg >> interface >> changed;
    const std::string path = msg.getPath();
    if (interface == kCharItf) {
      on_value(path, changed);
      return;
    }
    objects.change(path, interface, changed);
    if (interface == kDeviceItf) {
      auto it = objects.devices.find(path);
      if (it == objects.devices.end()) return;
      const auto& d = it->second;
      for (auto& [id, c] : contacts) {
        if (c.address == d.address && d.rssi) c.stats.rssi_dbm = d.rssi;
        if (c.device_path != path) continue;
        if (changed.count("Connected") != 0 && !d.connected &&
            (c.state == LinkState::kConnected || c.state == LinkState::kStreaming))
          fail(c, FailureKind::kLinkLost, "link lost");
        else if (changed.count("ServicesResolved") != 0)
          maybe_setup_notifications(c);
      }
      schedule();
    } else if (interface == kBatteryItf) {
      for (auto& [id, c] : contacts) {
        if (c.device_path != path) continue;
        c.stats.battery_percent = objects.devices[path].battery;
        if (c.stats.battery_percent) listener.on_battery(c.id, *c.stats.battery_percent);
      }
    }
  } catch (const sdbus::Error& e) {
    log_line("PropertiesChanged: %s", e.getMessage().c_str());
  }
}

}  // namespace r3::bluez
