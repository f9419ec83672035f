#pragma once
// Ground truth as JSON lines: one object per line, "type" first.

#include <string>

#include "core/synth/generator.hpp"

namespace r3::tools {

// A first "session" line, then sets, reps, holds and distractors in time order per kind.
std::string truth_json_lines(const core::synth::Session& session, const std::string& preset,
                             std::uint64_t seed);

}  // namespace r3::tools
