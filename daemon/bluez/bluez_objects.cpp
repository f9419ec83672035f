#include "daemon/bluez/bluez_objects.hpp"

#include <algorithm>
#include <cctype>

namespace r3::bluez {

namespace {

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// A property of the expected type, or nothing (BlueZ omits some; a wrong type is ignored).
template <typename T>
std::optional<T> get(const Properties& p, const char* name) {
  auto it = p.find(name);
  if (it == p.end() || !it->second.containsValueOfType<T>()) return std::nullopt;
  return it->second.get<T>();
}

void apply_device(DeviceObject& d, const Properties& p) {
  if (auto v = get<std::string>(p, "Address")) d.address = *v;
  if (auto v = get<sdbus::ObjectPath>(p, "Adapter")) d.adapter_path = *v;
  if (auto v = get<std::vector<std::string>>(p, "UUIDs")) {
    d.uuids.clear();
    for (const auto& u : *v) d.uuids.push_back(lower(u));
  }
  if (auto v = get<bool>(p, "Connected")) d.connected = *v;
  if (auto v = get<bool>(p, "ServicesResolved")) d.services_resolved = *v;
  if (auto v = get<std::int16_t>(p, "RSSI")) d.rssi = *v;
}

void apply_adapter(AdapterObject& a, const Properties& p) {
  if (auto v = get<std::string>(p, "Address")) a.address = *v;
  if (auto v = get<bool>(p, "Powered")) a.powered = *v;
  if (auto v = get<bool>(p, "Discovering")) a.discovering = *v;
}

}  // namespace

std::string device_path_of(const std::string& object_path) {
  const auto dev = object_path.find("/dev_");
  if (dev == std::string::npos) return {};
  const auto end = object_path.find('/', dev + 1);
  return end == std::string::npos ? object_path : object_path.substr(0, end);
}

std::string bluez_device_path(const std::string& adapter_path, const std::string& address) {
  std::string p = adapter_path + "/dev_";
  for (const char c : address)
    p.push_back(c == ':' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  return p;
}

void BluezObjects::add(const std::string& path, const InterfaceMap& interfaces) {
  for (const auto& [itf, props] : interfaces) {
    if (itf == kAdapterItf) {
      auto& a = adapters[path];
      a.path = path;
      apply_adapter(a, props);
    } else if (itf == kDeviceItf) {
      auto& d = devices[path];
      d.path = path;
      apply_device(d, props);
      if (d.adapter_path.empty()) d.adapter_path = path.substr(0, path.rfind('/'));
    } else if (itf == kBatteryItf) {
      if (auto v = get<std::uint8_t>(props, "Percentage")) devices[path].battery = *v;
    } else if (itf == kCharItf) {
      auto& c = characteristics[path];
      c.path = path;
      c.device_path = device_path_of(path);
      if (auto v = get<std::string>(props, "UUID")) c.uuid = lower(*v);
    }
  }
}

void BluezObjects::remove(const std::string& path, const std::vector<std::string>& interfaces) {
  for (const auto& itf : interfaces) {
    if (itf == kAdapterItf) {
      adapters.erase(path);
    } else if (itf == kDeviceItf) {
      devices.erase(path);
      // BlueZ removes the children first, but do not depend on it.
      std::erase_if(characteristics, [&](const auto& c) { return c.second.device_path == path; });
    } else if (itf == kCharItf) {
      characteristics.erase(path);
    } else if (itf == kBatteryItf) {
      if (auto it = devices.find(path); it != devices.end()) it->second.battery.reset();
    }
  }
}

void BluezObjects::change(const std::string& path, const std::string& interface,
                          const Properties& changed) {
  if (interface == kDeviceItf) {
    if (auto it = devices.find(path); it != devices.end()) apply_device(it->second, changed);
  } else if (interface == kAdapterItf) {
    if (auto it = adapters.find(path); it != adapters.end()) apply_adapter(it->second, changed);
  } else if (interface == kBatteryItf) {
    auto it = devices.find(path);
    auto v = get<std::uint8_t>(changed, "Percentage");
    if (it != devices.end() && v) it->second.battery = *v;
  }
}

void BluezObjects::clear() {
  adapters.clear();
  devices.clear();
  characteristics.clear();
}

const CharacteristicObject* BluezObjects::find_characteristic(const std::string& device_path,
                                                              std::string_view uuid) const {
  for (const auto& [p, c] : characteristics) {
    if (c.device_path == device_path && c.uuid == uuid) return &c;
  }
  return nullptr;
}

}  // namespace r3::bluez
