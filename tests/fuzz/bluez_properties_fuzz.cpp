// libFuzzer target: what the links read from BlueZ over D-Bus (GetManagedObjects,
// InterfacesAdded/Removed, PropertiesChanged) into the mirror of its objects (bluez_objects),
// with any property name and any value type: addresses, adapter paths, UUID lists, flags,
// RSSI, battery, names, MTU. The links read no Name, Flags or MTU: those must be ignored.
// The mirror stays consistent: every characteristic hangs under its device's path.

#include <fuzzer/FuzzedDataProvider.h>
#include <sdbus-c++/Error.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "daemon/bluez/bluez_objects.hpp"
#include "daemon/bluez/contact_links.hpp"

namespace {

void check(bool ok) {
  if (!ok) __builtin_trap();
}

const char* const kInterfaces[] = {r3::bluez::kAdapterItf,
                                   r3::bluez::kDeviceItf,
                                   r3::bluez::kBatteryItf,
                                   r3::bluez::kCharItf,
                                   "org.freedesktop.DBus.Properties",
                                   "org.bluez.GattService1"};
const char* const kNames[] = {"Address", "Adapter",    "UUIDs", "Connected", "ServicesResolved",
                              "RSSI",    "Percentage", "UUID",  "Powered",   "Discovering",
                              "Name",    "Alias",      "MTU",   "Flags",     "Value"};
const char* const kPaths[] = {"/org/bluez/hci0",
                              "/org/bluez/hci1",
                              "/org/bluez/hci0/dev_C0_FF_EE_00_00_01",
                              "/org/bluez/hci0/dev_C0_FF_EE_00_00_01/service000a",
                              "/org/bluez/hci0/dev_C0_FF_EE_00_00_01/service000a/char000b",
                              "/org/bluez/hci1/dev_C0_FF_EE_00_00_02/service000a/char000d",
                              "/org/bluez"};

const char* const kAdapters[] = {"/org/bluez/hci0", "/org/bluez/hci1"};

std::string path(FuzzedDataProvider& in) {
  if (in.ConsumeBool()) return in.PickValueInArray(kPaths);
  return in.ConsumeRandomLengthString(80);  // the mirror must cope with any string key
}

sdbus::Variant value(FuzzedDataProvider& in) {
  switch (in.ConsumeIntegralInRange(0, 9)) {
    case 0:
      return sdbus::Variant(in.ConsumeRandomLengthString(40));
    case 1:
      return sdbus::Variant(sdbus::ObjectPath(in.PickValueInArray(kPaths)));
    case 2: {
      std::vector<std::string> v(in.ConsumeIntegralInRange(0, 4));
      for (auto& s : v) s = in.ConsumeRandomLengthString(40);
      return sdbus::Variant(v);
    }
    case 3:
      return sdbus::Variant(in.ConsumeBool());
    case 4:
      return sdbus::Variant(in.ConsumeIntegral<std::int16_t>());
    case 5:
      return sdbus::Variant(in.ConsumeIntegral<std::uint8_t>());
    case 6:
      return sdbus::Variant(in.ConsumeIntegral<std::uint16_t>());
    case 7:
      return sdbus::Variant(in.ConsumeBytes<std::uint8_t>(in.ConsumeIntegralInRange(0, 40)));
    case 8:
      return sdbus::Variant(in.ConsumeIntegral<std::int32_t>());
    default:
      return sdbus::Variant(in.ConsumeFloatingPoint<double>());
  }
}

r3::bluez::Properties properties(FuzzedDataProvider& in) {
  r3::bluez::Properties p;
  const int n = in.ConsumeIntegralInRange(0, 6);
  for (int i = 0; i < n; ++i) {
    const char* name = in.PickValueInArray(kNames);
    try {
      p.insert_or_assign(name, value(in));
    } catch (const sdbus::Error&) {
      // Not valid UTF-8 or holding a NUL: the bus never delivers such a string, so neither do we.
    }
  }
  return p;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  r3::bluez::BluezObjects objects;
  while (in.remaining_bytes() > 0) {
    switch (in.ConsumeIntegralInRange(0, 3)) {
      case 0: {
        r3::bluez::InterfaceMap interfaces;
        const int n = in.ConsumeIntegralInRange(1, 3);
        for (int i = 0; i < n; ++i) interfaces[in.PickValueInArray(kInterfaces)] = properties(in);
        objects.add(path(in), interfaces);
        break;
      }
      case 1:
        objects.change(path(in), in.PickValueInArray(kInterfaces), properties(in));
        break;
      case 2:
        objects.remove(path(in), {in.PickValueInArray(kInterfaces)});
        break;
      default: {
        const auto address = in.ConsumeRandomLengthString(24);
        const auto id = r3::bluez::contact_id_for_address(address);
        check(id.starts_with("r3-"));
        const auto p = r3::bluez::bluez_device_path(in.PickValueInArray(kAdapters), address);
        check(r3::bluez::device_path_of(p + "/service0001/char0002") == p ||
              address.find('/') != std::string::npos);
        break;
      }
    }
  }
  for (const auto& [p, c] : objects.characteristics) {
    check(c.path == p);
    check(c.device_path == r3::bluez::device_path_of(p));
    if (const auto* found = objects.find_characteristic(c.device_path, c.uuid)) {
      check(found->device_path == c.device_path);
    }
  }
  for (const auto& [p, d] : objects.devices) {
    for (const auto& u : d.uuids) {
      for (const char ch : u) check(!(ch >= 'A' && ch <= 'Z'));  // UUIDs compared lower case
    }
  }
  return 0;
}
