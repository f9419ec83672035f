#pragma once
// r3-analyze's command line: parsed into plain values, validated, never throwing.

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/pipeline/pipeline_config.hpp"
#include "core/util/result.hpp"

namespace r3::tools {

struct AnalyzeOptions {
  std::string trace_path;         // "-" reads standard input
  std::optional<double> rate_hz;  // else estimated from the trace's first timestamps
  core::PipelineConfig pipeline;
  bool print_live = false;
  bool print_quality = false;
  bool skip_bad_rows = false;
  bool help = false;
  bool version = false;
};

Result<AnalyzeOptions, std::string> parse_analyze_options(std::span<const std::string_view> args);
std::string_view analyze_usage();

}  // namespace r3::tools
