#pragma once
// Replays a trace (CSV lines) through exactly the pipeline the daemon runs, printing JSON lines.

#include <istream>
#include <ostream>
#include <string_view>

#include "tools/r3-analyze/analyze_options.hpp"

namespace r3::tools {

// Returns the exit status: 0 ok, 1 bad rows skipped, 2 input error (named with its line on err).
int replay_trace(std::istream& in, std::string_view name, const AnalyzeOptions& options,
                 std::ostream& out, std::ostream& err);

}  // namespace r3::tools
