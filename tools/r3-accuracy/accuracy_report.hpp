#pragma once
// The markdown accuracy table.

#include <span>
#include <string>

#include "tools/r3-accuracy/accuracy_run.hpp"

namespace r3::tools {

std::string accuracy_markdown(std::span<const RunResult> runs, std::uint64_t first_seed,
                              int sessions);

}  // namespace r3::tools
