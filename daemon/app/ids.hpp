#pragma once
// The shapes of the identifiers the gateway accepts. User, session and gateway ids become MQTT
// topic levels (core/util/safe_id.hpp); contacts are named by their device id
// (core/util/device_id.hpp), and an address is turned into one at the edge.

#include <optional>
#include <string>
#include <string_view>

#include "core/util/device_id.hpp"

namespace r3::app {

// 1..64 of [A-Za-z0-9_.-].
[[nodiscard]] bool is_valid_id(std::string_view id);

using util::is_ble_address;
using util::to_device_id;

}  // namespace r3::app
