#pragma once
// What a SIGHUP can apply. Reloadable: log level, bindings, thresholds. Everything else
// (gateway id, state directory, live rate, MQTT, BLE) is fixed at start; a change there is
// named so the log can say "restart to apply".

#include <string>
#include <vector>

#include "daemon/app/config.hpp"

namespace r3::app {

// The keys (or sections) that differ and need a restart, in file order.
[[nodiscard]] std::vector<std::string> changes_needing_restart(const Config& running,
                                                               const Config& loaded);

}  // namespace r3::app
