#include "daemon/app/options.hpp"

namespace r3::app {

Result<Options, std::string> parse_options(const std::vector<std::string>& args) {
  Options o;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const auto& a = args[i];
    if (a == "--help" || a == "-h") {
      o.help = true;
    } else if (a == "--version") {
      o.version = true;
    } else if (a == "--check-config") {
      o.check_config = true;
    } else if (a == "--config" || a == "-c") {
      if (i + 1 >= args.size()) return Err{a + " needs a file"};
      o.config_path = args[++i];
    } else if (a.rfind("--config=", 0) == 0) {
      o.config_path = a.substr(9);
    } else {
      return Err{"unknown argument: " + a};
    }
  }
  return o;
}

std::string usage() {
  return std::string(
             "Usage: r3-gatewayd [--config FILE] [--check-config] [--version] [--help]\n"
             "\n"
             "R3 LOAD gateway: connects contacts over BlueZ, detects Recovery Reps and\n"
             "publishes them per user over MQTT.\n"
             "\n"
             "  -c, --config FILE  configuration file (default ") +
         kDefaultConfigPath +
         ")\n"
         "      --check-config validate the configuration, print every error, exit 0 if valid\n"
         "      --version      print the version and exit\n"
         "  -h, --help         print this help and exit\n"
         "\n"
         "Signals: SIGTERM stops cleanly; SIGHUP reloads the configuration.\n";
}

}  // namespace r3::app
