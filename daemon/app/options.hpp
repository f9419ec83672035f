#pragma once
// r3-gatewayd's command line: --config, --check-config, --version, --help.

#include <string>
#include <vector>

#include "core/util/result.hpp"

namespace r3::app {

inline constexpr const char* kDefaultConfigPath = "/etc/r3-gateway/gateway.toml";

struct Options {
  std::string config_path = kDefaultConfigPath;
  bool check_config = false;
  bool version = false;
  bool help = false;
};

// Error: a message naming the bad argument.
Result<Options, std::string> parse_options(const std::vector<std::string>& args);
std::string usage();

}  // namespace r3::app
