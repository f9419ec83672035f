#pragma once
// A configuration problem and where it is: "gateway.toml:12:8: mqtt.port must be 1..65535".

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace r3::app {

struct SourcePos {
  std::uint32_t line = 0;  // 1-based; 0 = unknown (then only the file is named)
  std::uint32_t column = 0;
};

struct ConfigError {
  std::string file;
  SourcePos pos;
  std::string message;
  [[nodiscard]] std::string to_string() const {
    if (pos.line == 0) return file + ": " + message;
    return file + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column) + ": " +
           message;
  }
};

using ConfigErrors = std::vector<ConfigError>;

// Where each key was written, by dotted path: "mqtt.port", "contacts[1].user",
// "users.alice.load_on_n". Filled by the parser so validation can point at the source.
struct SourceMap {
  std::string file;
  std::map<std::string, SourcePos> positions;

  [[nodiscard]] SourcePos find(const std::string& path) const {
    const auto it = positions.find(path);
    return it == positions.end() ? SourcePos{} : it->second;
  }
  [[nodiscard]] ConfigError error(const std::string& path, std::string message) const {
    return {file, find(path), std::move(message)};
  }
};

}  // namespace r3::app
