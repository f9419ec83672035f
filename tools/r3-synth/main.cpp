// r3-synth: a synthetic session and its ground truth, to files. See --help.

#include <cstdio>
#include <fstream>
#include <span>
#include <string>

#include "core/synth/generator.hpp"
#include "core/trace/trace_csv.hpp"
#include "tools/r3-synth/synth_options.hpp"
#include "tools/r3-synth/truth_json.hpp"

namespace {

bool write_file(const std::string& path, const std::string& text) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f << text;
  f.close();
  return static_cast<bool>(f);
}

}  // namespace

int main(int argc, char** argv) {
  r3::tools::SynthOptions opt;
  const std::span<char* const> args(argv + 1, static_cast<std::size_t>(argc > 0 ? argc - 1 : 0));
  const std::string error = r3::tools::parse_synth_options(args, opt);
  if (opt.help) {
    std::fputs(r3::tools::synth_usage().c_str(), stdout);
    return 0;
  }
  if (!error.empty()) {
    std::fprintf(stderr, "r3-synth: %s\n", error.c_str());
    return 2;
  }
  r3::core::synth::SessionSpec spec;
  r3::core::synth::preset(opt.preset, opt.seed, spec);
  if (opt.rate_hz) spec.rate_hz = *opt.rate_hz;
  if (opt.sets) spec.behaviour.sets = *opt.sets;
  const r3::core::synth::Session session = r3::core::synth::generate_session(spec);

  // The CSV helpers return lines without their end.
  std::string csv = r3::core::trace_csv_header() + "\n";
  csv.reserve(session.samples.size() * 64);
  for (const auto& s : session.samples) {
    csv += r3::core::trace_csv_row(s);
    csv += '\n';
  }
  if (!write_file(opt.out_path, csv)) {
    std::fprintf(stderr, "r3-synth: cannot write '%s'\n", opt.out_path.c_str());
    return 1;
  }
  if (!opt.truth_path.empty() &&
      !write_file(opt.truth_path, r3::tools::truth_json_lines(session, opt.preset, opt.seed))) {
    std::fprintf(stderr, "r3-synth: cannot write '%s'\n", opt.truth_path.c_str());
    return 1;
  }
  std::fprintf(stderr, "r3-synth: %s seed %llu: %zu samples at %g Hz, %zu reps in %zu sets -> %s\n",
               opt.preset.c_str(), static_cast<unsigned long long>(opt.seed),
               session.samples.size(), session.rate_hz, session.truth.reps.size(),
               session.truth.sets.size(), opt.out_path.c_str());
  return 0;
}
