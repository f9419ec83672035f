// r3-console: the room screen and the coach's console, a web client of the r3/v1 MQTT API.
// See docs/console-api.md.
#include <boost/asio/io_context.hpp>
#include <cstdio>
#include <exception>
#include <string>

#include "console/auth.hpp"
#include "console/config.hpp"
#include "console/console_app.hpp"
#include "console/database.hpp"
#include "daemon/app/log.hpp"

namespace {

const char* kUsage =
    "usage: r3-console [--config FILE] [--check-config] [--print-screen-link] [--version]\n"
    "  --config FILE        default /etc/r3-gateway/console.toml\n"
    "  --check-config       validate the configuration and exit\n"
    "  --print-screen-link  print the read-only screen link (for the TV) and exit\n";

}  // namespace

int main(int argc, char** argv) {
  using namespace r3;
  std::string config_path = console::kDefaultConfigPath;
  bool check = false, print_link = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--config" && i + 1 < argc) {
      config_path = argv[++i];
    } else if (a == "--check-config") {
      check = true;
    } else if (a == "--print-screen-link") {
      print_link = true;
    } else if (a == "--version") {
      return std::printf("r3-console %s\n", R3_VERSION) < 0;
    } else if (a == "--help" || a == "-h") {
      return std::fputs(kUsage, stdout) < 0;
    } else {
      std::fprintf(stderr, "r3-console: unknown argument '%s'\n%s", a.c_str(), kUsage);
      return 2;
    }
  }
  auto config = console::load_console_config(config_path);
  if (!config) {
    for (const auto& e : config.error()) app::log_error(e.to_string());
    app::log_error(std::to_string(config.error().size()) + " error(s) in " + config_path);
    return 1;
  }
  if (check) return std::printf("%s: valid\n", config_path.c_str()) < 0;
  app::set_log_level(config->log_level);
  auto db = console::Database::open(config->database);
  if (!db) {
    app::log_error("console: " + db.error());
    return 1;
  }
  if (print_link) {
    console::Auth auth(**db, 1);
    return std::printf("%s/screen?token=%s\n", config->url().c_str(), auth.screen_token().c_str()) <
           0;
  }
  try {
    boost::asio::io_context io;
    console::ConsoleApp app(io, std::move(*config), std::move(*db));
    if (!app.start()) return 1;
    io.run();
  } catch (const std::exception& e) {
    app::log_error(std::string("fatal: ") + e.what());
    return 1;
  }
  return 0;
}
