#include "daemon/app/log.hpp"

#include <cstdio>
#include <string>

namespace r3::app {
namespace {
// The daemon runs one loop thread; the level is only changed from it (start-up, SIGHUP).
LogLevel g_level = LogLevel::kInfo;
}  // namespace

void set_log_level(LogLevel level) {
  g_level = level;
}
LogLevel log_level() {
  return g_level;
}
bool log_enabled(LogLevel level) {
  return static_cast<int>(level) <= static_cast<int>(g_level);
}

void log(LogLevel level, std::string_view message) {
  if (!log_enabled(level)) return;
  std::string line = "<" + std::to_string(static_cast<int>(level)) + ">";
  line.append(message);
  line.push_back('\n');
  // One write per line so lines from Paho's threads (if they ever log) do not interleave.
  std::fwrite(line.data(), 1, line.size(), stderr);
}

}  // namespace r3::app
