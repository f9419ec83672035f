#pragma once
// Command line of r3-synth.

#include <cstdint>
#include <optional>
#include <span>
#include <string>

namespace r3::tools {

struct SynthOptions {
  std::string preset = "clean";
  std::uint64_t seed = 1;
  std::string out_path;    // trace CSV
  std::string truth_path;  // ground truth, JSON lines; empty: not written
  std::optional<double> rate_hz;
  std::optional<int> sets;
  bool help = false;
};

// Empty error on success.
std::string parse_synth_options(std::span<char* const> args, SynthOptions& out);
std::string synth_usage();

}  // namespace r3::tools
