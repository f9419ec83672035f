#pragma once
// Logging to stderr with the journald priority prefixes (sd-daemon(3)): journald reads "<3>" as
// err, "<4>" warning, "<6>" info, "<7>" debug. One line per call; never per sample.

#include <string_view>

namespace r3::app {

enum class LogLevel { kError = 3, kWarning = 4, kInfo = 6, kDebug = 7 };

void set_log_level(LogLevel level);
[[nodiscard]] bool log_enabled(LogLevel level);

void log(LogLevel level, std::string_view message);
inline void log_error(std::string_view m) {
  log(LogLevel::kError, m);
}
inline void log_warning(std::string_view m) {
  log(LogLevel::kWarning, m);
}
inline void log_info(std::string_view m) {
  log(LogLevel::kInfo, m);
}
inline void log_debug(std::string_view m) {
  log(LogLevel::kDebug, m);
}

}  // namespace r3::app
