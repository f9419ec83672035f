#pragma once
// Names bluetoothd 5.66 uses on D-Bus: interfaces, errors, object paths.

#include <string>
#include <string_view>

namespace r3::sim::bluez {

inline constexpr const char* kService = "org.bluez";
inline constexpr const char* kAdapter = "org.bluez.Adapter1";
inline constexpr const char* kDevice = "org.bluez.Device1";
inline constexpr const char* kBattery = "org.bluez.Battery1";
inline constexpr const char* kGattService = "org.bluez.GattService1";
inline constexpr const char* kGattCharacteristic = "org.bluez.GattCharacteristic1";

inline constexpr const char* kErrFailed = "org.bluez.Error.Failed";
inline constexpr const char* kErrInProgress = "org.bluez.Error.InProgress";
inline constexpr const char* kErrNotReady = "org.bluez.Error.NotReady";
inline constexpr const char* kErrNotConnected = "org.bluez.Error.NotConnected";
inline constexpr const char* kErrNotPermitted = "org.bluez.Error.NotPermitted";
inline constexpr const char* kErrNotSupported = "org.bluez.Error.NotSupported";
inline constexpr const char* kErrInvalidArguments = "org.bluez.Error.InvalidArguments";
inline constexpr const char* kErrDoesNotExist = "org.bluez.Error.DoesNotExist";

// The message bluetoothd gives with org.bluez.Error.Failed when the LE connection is aborted.
inline constexpr const char* kMsgAbortByLocal = "le-connection-abort-by-local";

// "/org/bluez/hci0" + "AA:BB:CC:DD:EE:FF" -> "/org/bluez/hci0/dev_AA_BB_CC_DD_EE_FF"
inline std::string device_path(std::string_view adapter_path, std::string_view address) {
  std::string p(adapter_path);
  p += "/dev_";
  for (const char c : address) p.push_back(c == ':' ? '_' : c);
  return p;
}

}  // namespace r3::sim::bluez
