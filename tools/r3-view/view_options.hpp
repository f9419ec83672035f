#pragma once
// r3-view's command line: parsed into plain values, validated, never throwing. Files named on
// it (TLS, password) are checked by main, which may touch the file system.

#include <span>
#include <string>
#include <string_view>

#include "core/util/result.hpp"
#include "daemon/mqtt/options.hpp"

namespace r3::view {

struct ViewOptions {
  mqtt::Options broker;            // host, port, username, password, tls: as the daemon's [mqtt]
  std::string password_file;       // read by main into broker.password
  std::string gateway = "+";       // a gateway id, or "+" for every gateway on the broker
  double connect_timeout_s = 0.0;  // give up without a first connection after this; 0: never
  double duration_s = 0.0;         // quit after this; 0: at Ctrl-C
  bool plain = false;
  bool help = false;
};

Result<ViewOptions, std::string> parse_view_options(std::span<const std::string_view> args);
std::string_view view_usage();

}  // namespace r3::view
