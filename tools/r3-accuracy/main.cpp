// r3-accuracy: how well DevicePipeline finds and measures reps, on seeded synthetic sessions.

#include <charconv>
#include <cstdio>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "tools/r3-accuracy/accuracy_report.hpp"
#include "tools/r3-accuracy/accuracy_run.hpp"

namespace {

constexpr const char* kUsage =
    "usage: r3-accuracy [--sessions N] [--first-seed N] [--out accuracy.md]\n"
    "Runs N seeded synthetic sessions per preset (clean, noisy, lossy, distractors, hard,\n"
    "tremor, pathological, rehab, rehab-tremor, rehab-pathological)\n"
    "through the rep pipeline, as samples and, for the lossy presets, as packets; scores them\n"
    "against the ground truth and writes a markdown table (stdout without --out).\n"
    "  --sessions N    sessions per preset, 1-10000 (default 20)\n"
    "  --first-seed N  seeds N, N+1, ... (default 1)\n"
    "  --out PATH      markdown file to write\n";

template <typename T>
bool parse(std::string_view s, T& out) {
  const char* end = s.data() + s.size();
  const auto [ptr, ec] = std::from_chars(s.data(), end, out);
  return ec == std::errc() && ptr == end;
}

int fail(const std::string& msg) {
  std::fprintf(stderr, "r3-accuracy: %s\n", msg.c_str());
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  int sessions = 20;
  std::uint64_t first_seed = 1;
  std::string out_path;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      std::fputs(kUsage, stdout);
      return 0;
    }
    if (i + 1 >= argc) return fail(std::string(arg) + " needs a value (see --help)");
    const std::string_view value = argv[++i];
    if (arg == "--sessions") {
      if (!parse(value, sessions) || sessions < 1 || sessions > 10000) {
        return fail("--sessions wants 1..10000");
      }
    } else if (arg == "--first-seed") {
      if (!parse(value, first_seed)) return fail("--first-seed wants a whole number >= 0");
    } else if (arg == "--out") {
      out_path = value;
    } else {
      return fail("unknown option '" + std::string(arg) + "' (see --help)");
    }
  }

  using r3::tools::InputPath;
  const std::vector<std::pair<std::string, InputPath>> plan = {
      {"clean", InputPath::kSamples},        {"noisy", InputPath::kSamples},
      {"lossy", InputPath::kSamples},        {"lossy", InputPath::kPackets},
      {"distractors", InputPath::kSamples},  {"hard", InputPath::kSamples},
      {"hard", InputPath::kPackets},         {"tremor", InputPath::kSamples},
      {"pathological", InputPath::kSamples}, {"rehab", InputPath::kSamples},
      {"rehab-tremor", InputPath::kSamples}, {"rehab-pathological", InputPath::kSamples}};
  std::vector<r3::tools::RunResult> runs;
  for (const auto& [preset, path] : plan) {
    runs.push_back(r3::tools::run_preset(preset, path, first_seed, sessions));
    std::fprintf(stderr, "r3-accuracy: %s/%s done\n", preset.c_str(), r3::tools::to_string(path));
  }
  const std::string md = r3::tools::accuracy_markdown(runs, first_seed, sessions);
  if (out_path.empty()) {
    std::fputs(md.c_str(), stdout);
    return 0;
  }
  std::ofstream f(out_path, std::ios::binary | std::ios::trunc);
  f << md;
  f.close();
  if (!f) {
    std::fprintf(stderr, "r3-accuracy: cannot write '%s'\n", out_path.c_str());
    return 1;
  }
  return 0;
}
