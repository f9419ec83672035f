#pragma once
// The shapes of the identifiers the gateway accepts. User and gateway ids become MQTT topic
// levels, so they must not hold '/', '+', '#' or spaces; clinics use pseudonymous ids anyway.

#include <string>
#include <string_view>

namespace r3::app {

// 1..64 of [A-Za-z0-9_.-].
[[nodiscard]] bool is_valid_id(std::string_view id);
// "AA:BB:CC:DD:EE:FF", any case.
[[nodiscard]] bool is_ble_address(std::string_view text);
// A contact's key: an address in upper case, or a device id (validated as an id) as given.
[[nodiscard]] std::string normalize_device(std::string_view device);
// An address or a valid device id.
[[nodiscard]] bool is_valid_device(std::string_view device);

}  // namespace r3::app
