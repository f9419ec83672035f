#pragma once
// One preset, one input path, many seeds: generate, run the pipeline, score.

#include <cstdint>
#include <string>
#include <vector>

#include "core/synth/scoring.hpp"

namespace r3::tools {

enum class InputPath { kSamples, kPackets };
const char* to_string(InputPath path);

struct RunResult {
  std::string preset;
  InputPath path = InputPath::kSamples;
  std::vector<core::synth::SessionScore> scores;
};

RunResult run_preset(const std::string& preset, InputPath path, std::uint64_t first_seed,
                     int sessions);

}  // namespace r3::tools
