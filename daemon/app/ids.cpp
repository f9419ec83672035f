#include "daemon/app/ids.hpp"

#include <cctype>

#include "core/util/safe_id.hpp"

namespace r3::app {
namespace {
bool is_hex(char c) {
  return std::isxdigit(static_cast<unsigned char>(c)) != 0;
}
}  // namespace

bool is_valid_id(std::string_view id) {
  return util::is_safe_id(id);
}

bool is_ble_address(std::string_view text) {
  if (text.size() != 17) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool ok = (i % 3 == 2) ? text[i] == ':' : is_hex(text[i]);
    if (!ok) return false;
  }
  return true;
}

std::string normalize_device(std::string_view device) {
  std::string out(device);
  if (is_ble_address(device)) {
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

bool is_valid_device(std::string_view device) {
  return is_ble_address(device) || is_valid_id(device);
}

}  // namespace r3::app
