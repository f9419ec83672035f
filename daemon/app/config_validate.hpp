#pragma once
// Checks every value of a parsed Config and reports every problem at once, each pointing at the
// key that holds it. Touches the file system only to check that configured TLS files exist.

#include "daemon/app/config.hpp"
#include "daemon/app/config_error.hpp"

namespace r3::app {

[[nodiscard]] ConfigErrors validate_config(const Config& config, const SourceMap& sources);

}  // namespace r3::app
