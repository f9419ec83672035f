#pragma once
// The GATT profile of an R3 LOAD weighted contact. See docs/contact-protocol.md.

#include <cstdint>
#include <string_view>

namespace r3::core::gatt {

// Custom 128-bit contact service and its characteristics.
inline constexpr std::string_view kContactService = "7a3e0001-5c1d-4b8e-9f2a-3c0b5e1d7f10";
inline constexpr std::string_view kStreamCharacteristic = "7a3e0002-5c1d-4b8e-9f2a-3c0b5e1d7f10";
inline constexpr std::string_view kControlCharacteristic = "7a3e0003-5c1d-4b8e-9f2a-3c0b5e1d7f10";

// Standard services, as BlueZ spells 16-bit UUIDs in full.
inline constexpr std::string_view kBatteryService = "0000180f-0000-1000-8000-00805f9b34fb";
inline constexpr std::string_view kBatteryLevel = "00002a19-0000-1000-8000-00805f9b34fb";
inline constexpr std::string_view kDeviceInformationService = "0000180a-0000-1000-8000-00805f9b34fb";
inline constexpr std::string_view kManufacturerName = "00002a29-0000-1000-8000-00805f9b34fb";
inline constexpr std::string_view kModelNumber = "00002a24-0000-1000-8000-00805f9b34fb";
inline constexpr std::string_view kSerialNumber = "00002a25-0000-1000-8000-00805f9b34fb";
inline constexpr std::string_view kFirmwareRevision = "00002a26-0000-1000-8000-00805f9b34fb";

}  // namespace r3::core::gatt
