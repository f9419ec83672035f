// r3-gatewayd: R3 LOAD contacts over BlueZ -> Recovery Reps -> MQTT. See docs/config.md.
#include <boost/asio/io_context.hpp>
#include <cstdio>
#include <exception>
#include <string>

#include "daemon/app/config_parse.hpp"
#include "daemon/app/gateway.hpp"
#include "daemon/app/log.hpp"
#include "daemon/app/options.hpp"

int main(int argc, char** argv) {
  using namespace r3::app;
  const auto options = parse_options({argv + 1, argv + argc});
  if (!options) {
    std::fprintf(stderr, "r3-gatewayd: %s\n%s", options.error().c_str(), usage().c_str());
    return 2;
  }
  if (options->help) return std::printf("%s", usage().c_str()) < 0;
  if (options->version) return std::printf("r3-gatewayd %s\n", R3_VERSION) < 0;

  // Every problem is reported before anything starts (and before READY=1).
  auto config = load_config_file(options->config_path);
  if (!config) {
    for (const auto& e : config.error()) log_error(e.to_string());
    log_error(std::to_string(config.error().size()) + " error(s) in " + options->config_path);
    return 1;
  }
  if (options->check_config) {
    std::printf("%s: valid\n", options->config_path.c_str());
    return 0;
  }

  try {
    boost::asio::io_context io;
    Gateway gateway(io, std::move(*config), options->config_path);
    if (!gateway.start()) return 1;
    io.run();
  } catch (const std::exception& e) {
    // A bug, not a condition: every library error is handled where the library is called.
    log_error(std::string("fatal: ") + e.what());
    return 1;
  }
  return 0;
}
