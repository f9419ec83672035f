#pragma once
// Typed reads from one toml++ table that record where each key was written and collect type
// errors instead of stopping at the first. Keys never read are reported as unknown, which catches
// typos ("slot_per_adapter") that would otherwise silently keep a default.

#include <toml++/toml.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/app/config_error.hpp"

namespace r3::app {

class TomlTableReader {
 public:
  // path: the table's dotted path ("" for the root, "mqtt", "users.alice").
  TomlTableReader(const toml::table& table, std::string path, SourceMap& sources,
                  ConfigErrors& errors);

  void read(std::string_view key, std::string& out);
  void read(std::string_view key, bool& out);
  void read(std::string_view key, int& out);
  void read(std::string_view key, std::int64_t& out);
  void read(std::string_view key, double& out);  // integers are accepted too
  void read(std::string_view key, std::optional<double>& out);
  void read(std::string_view key, std::vector<std::string>& out);
  // nullptr when absent or of another type (which is then reported).
  const toml::table* table(std::string_view key);
  const toml::array* array(std::string_view key);

  // Reports every key no read asked for. Call once, after the reads.
  void report_unknown_keys();

  [[nodiscard]] std::string path_of(std::string_view key) const;

 private:
  const toml::node* find(std::string_view key);
  void type_error(std::string_view key, const toml::node& node, std::string_view expected);

  const toml::table& table_;
  std::string path_;
  SourceMap& sources_;
  ConfigErrors& errors_;
  std::vector<std::string> known_;
};

SourcePos position_of(const toml::node& node);

}  // namespace r3::app
