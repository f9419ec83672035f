#pragma once
// TOML text -> Config, with every key's position. Reports syntax errors (toml++ stops at the
// first), wrong types and unknown keys; value ranges are config_validate's job.

#include <string>
#include <string_view>

#include "core/util/result.hpp"
#include "daemon/app/config.hpp"
#include "daemon/app/config_error.hpp"

namespace r3::app {

struct ParsedConfig {
  Config config;
  SourceMap sources;
  ConfigErrors errors;  // type errors and unknown keys; empty when the text matched the schema
};

// Fails only when the text is not TOML at all (or the file cannot be read).
Result<ParsedConfig, ConfigErrors> parse_config_text(std::string_view text,
                                                     const std::string& file);
Result<ParsedConfig, ConfigErrors> parse_config_file(const std::string& path);

// parse + validate: the config or every error found.
Result<Config, ConfigErrors> load_config_file(const std::string& path);
Result<Config, ConfigErrors> load_config_text(std::string_view text, const std::string& file);

}  // namespace r3::app
