#pragma once
// A mirror of the org.bluez objects the links care about, fed from GetManagedObjects,
// InterfacesAdded/Removed and PropertiesChanged. No I/O: plain data in, plain data out.

#include <sdbus-c++/Types.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace r3::bluez {

inline constexpr const char* kBluezService = "org.bluez";
inline constexpr const char* kAdapterItf = "org.bluez.Adapter1";
inline constexpr const char* kDeviceItf = "org.bluez.Device1";
inline constexpr const char* kBatteryItf = "org.bluez.Battery1";
inline constexpr const char* kCharItf = "org.bluez.GattCharacteristic1";

using Properties = std::map<std::string, sdbus::Variant>;
using InterfaceMap = std::map<std::string, Properties>;

struct AdapterObject {
  std::string path;
  std::string address;
  bool powered = false;
  bool discovering = false;
};

struct DeviceObject {
  std::string path;
  std::string adapter_path;
  std::string address;
  std::vector<std::string> uuids;  // lower case
  bool connected = false;
  bool services_resolved = false;
  std::optional<std::int16_t> rssi;
  std::optional<std::uint8_t> battery;
};

struct CharacteristicObject {
  std::string path;
  std::string uuid;  // lower case
  std::string device_path;
};

class BluezObjects {
 public:
  void add(const std::string& path, const InterfaceMap& interfaces);
  void remove(const std::string& path, const std::vector<std::string>& interfaces);
  void change(const std::string& path, const std::string& interface, const Properties& changed);
  void clear();

  std::map<std::string, AdapterObject> adapters;
  std::map<std::string, DeviceObject> devices;
  std::map<std::string, CharacteristicObject> characteristics;

  // The characteristic of `uuid` under `device_path`, if BlueZ has exposed it yet.
  [[nodiscard]] const CharacteristicObject* find_characteristic(const std::string& device_path,
                                                                std::string_view uuid) const;
};

// "/org/bluez/hci0/dev_AA_BB/service000a/char000b" -> "/org/bluez/hci0/dev_AA_BB"
std::string device_path_of(const std::string& object_path);
// "/org/bluez/hci0" + "AA:BB:CC:DD:EE:FF" -> "/org/bluez/hci0/dev_AA_BB_CC_DD_EE_FF"
std::string bluez_device_path(const std::string& adapter_path, const std::string& address);

}  // namespace r3::bluez
