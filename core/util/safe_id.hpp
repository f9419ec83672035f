#pragma once
// The one rule for identifiers that become MQTT topic levels (user, gateway and device ids):
// 1..64 of [A-Za-z0-9_.-], so never '/', '+', '#', spaces or control characters. Clinics use
// pseudonymous ids anyway. The config and the MQTT commands both check with it.

#include <cstddef>
#include <string_view>

namespace r3::util {

inline constexpr std::size_t kMaxIdLength = 64;

[[nodiscard]] constexpr bool is_safe_id_char(char c, bool allow_colon = false) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '.' || c == '-' || (allow_colon && c == ':');
}

// allow_colon: a device id may be a BLE address ("AA:BB:...").
[[nodiscard]] constexpr bool is_safe_id(std::string_view id, bool allow_colon = false) {
  if (id.empty() || id.size() > kMaxIdLength) return false;
  for (const char c : id) {
    if (!is_safe_id_char(c, allow_colon)) return false;
  }
  return true;
}

}  // namespace r3::util
