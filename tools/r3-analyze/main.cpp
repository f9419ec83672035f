// r3-analyze: replay a recorded trace through the daemon's rep pipeline. See --help.
#include <fstream>
#include <iostream>
#include <string_view>
#include <vector>

#include "tools/r3-analyze/analyze_options.hpp"
#include "tools/r3-analyze/trace_replay.hpp"

namespace {

int run(int argc, char** argv) {
  const std::vector<std::string_view> args(argv + 1, argv + argc);
  auto options = r3::tools::parse_analyze_options(args);
  if (!options) {
    std::cerr << "r3-analyze: " << options.error() << '\n';
    return 2;
  }
  if (options->help) {
    std::cout << r3::tools::analyze_usage();
    return 0;
  }
  if (options->version) {
    std::cout << "r3-analyze " R3_VERSION "\n";
    return 0;
  }
  std::ios::sync_with_stdio(false);
  if (options->trace_path == "-") {
    return r3::tools::replay_trace(std::cin, "<stdin>", *options, std::cout, std::cerr);
  }
  std::ifstream file(options->trace_path);
  if (!file) {
    std::cerr << "r3-analyze: cannot open '" << options->trace_path << "'\n";
    return 2;
  }
  return r3::tools::replay_trace(file, options->trace_path, *options, std::cout, std::cerr);
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {  // out of memory, or a stream failure: say so, exit cleanly
    std::cerr << "r3-analyze: " << e.what() << '\n';
    return 2;
  }
}
