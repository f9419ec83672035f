#pragma once
// The one identity of a contact: its device id, "r3-" and the 12 hex digits of its BLE address
// in lower case ("C0:FF:EE:00:00:0A" is "r3-c0ffee00000a"). It is the only key inside the
// gateway, in the state file, in topics and in payloads. An address is accepted wherever a
// device id is (config, commands) and turned into one here, at the edge.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace r3::util {

inline constexpr std::string_view kDeviceIdPrefix = "r3-";
inline constexpr std::size_t kDeviceIdLength = 15;  // "r3-" + 12 hex digits

[[nodiscard]] constexpr bool is_hex_digit(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

[[nodiscard]] constexpr char to_lower_ascii(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// "AA:BB:CC:DD:EE:FF", any case.
[[nodiscard]] constexpr bool is_ble_address(std::string_view text) {
  if (text.size() != 17) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool ok = (i % 3 == 2) ? text[i] == ':' : is_hex_digit(text[i]);
    if (!ok) return false;
  }
  return true;
}

// "r3-" + 12 hex digits, exactly as published (lower case).
[[nodiscard]] constexpr bool is_device_id(std::string_view text) {
  if (text.size() != kDeviceIdLength || text.substr(0, 3) != kDeviceIdPrefix) return false;
  for (const char c : text.substr(3)) {
    if (!is_hex_digit(c) || (c >= 'A' && c <= 'F')) return false;
  }
  return true;
}

// The device id named by an address or a device id, in any case; nullopt when `text` is
// neither (then it names no contact, and the caller reports it).
[[nodiscard]] inline std::optional<std::string> to_device_id(std::string_view text) {
  std::string id(kDeviceIdPrefix);
  if (is_ble_address(text)) {
    for (std::size_t i = 0; i < text.size(); i += 3) {
      id.push_back(to_lower_ascii(text[i]));
      id.push_back(to_lower_ascii(text[i + 1]));
    }
    return id;
  }
  if (text.size() != kDeviceIdLength) return std::nullopt;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = to_lower_ascii(text[i]);
    if (i < 3 ? c != kDeviceIdPrefix[i] : !is_hex_digit(c)) return std::nullopt;
    if (i >= 3) id.push_back(c);
  }
  return id;
}

inline constexpr std::string_view kDeviceRule =
    "a contact address (AA:BB:CC:DD:EE:FF) or device id (r3- and 12 hex digits)";

}  // namespace r3::util
