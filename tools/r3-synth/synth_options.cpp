#include "tools/r3-synth/synth_options.hpp"

#include <charconv>
#include <cmath>
#include <string_view>

#include "core/synth/session_spec.hpp"

namespace r3::tools {
namespace {

template <typename T>
bool parse_number(std::string_view s, T& out) {
  const char* end = s.data() + s.size();
  const auto [ptr, ec] = std::from_chars(s.data(), end, out);
  return ec == std::errc() && ptr == end;
}

}  // namespace

std::string synth_usage() {
  return "usage: r3-synth [--preset NAME] [--seed N] --out trace.csv [--truth truth.jsonl]\n"
         "                [--rate HZ] [--sets N]\n"
         "Writes a deterministic synthetic R3 LOAD contact session as a trace CSV (the format\n"
         "r3-analyze reads) and its ground truth as JSON lines (rep, set, hold, distractor).\n"
         "  --preset NAME   " +
         core::synth::preset_names() +
         " (default clean)\n"
         "  --seed N        the session is a function of preset and seed (default 1)\n"
         "  --out PATH      trace CSV to write\n"
         "  --truth PATH    ground truth to write (JSON lines)\n"
         "  --rate HZ       sample rate, 10-1000 (default 100; the BLE protocol has "
         "25/50/100/200)\n"
         "  --sets N        number of sets, 1-100 (default 3)\n"
         "  --help          this text\n"
         "See docs/synthetic-data.md.\n";
}

std::string parse_synth_options(std::span<char* const> args, SynthOptions& out) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string_view arg = args[i];
    if (arg == "--help" || arg == "-h") {
      out.help = true;
      return {};
    }
    if (i + 1 >= args.size()) {
      return arg.starts_with("--") ? std::string(arg) + " needs a value"
                                   : "unexpected argument '" + std::string(arg) + "'";
    }
    const std::string_view value = args[++i];
    if (arg == "--preset") {
      core::synth::SessionSpec probe;
      if (!core::synth::preset(value, 1, probe)) {
        return "unknown preset '" + std::string(value) +
               "' (known: " + core::synth::preset_names() + ")";
      }
      out.preset = value;
    } else if (arg == "--seed") {
      if (!parse_number(value, out.seed)) return "--seed wants a whole number >= 0";
    } else if (arg == "--out") {
      out.out_path = value;
    } else if (arg == "--truth") {
      out.truth_path = value;
    } else if (arg == "--rate") {
      double hz = 0.0;
      if (!parse_number(value, hz) || !std::isfinite(hz) || hz < 10.0 || hz > 1000.0) {
        return "--rate wants a number of Hz in 10..1000";
      }
      out.rate_hz = hz;
    } else if (arg == "--sets") {
      int n = 0;
      if (!parse_number(value, n) || n < 1 || n > 100) return "--sets wants 1..100";
      out.sets = n;
    } else {
      return "unknown option '" + std::string(arg) + "' (see --help)";
    }
  }
  if (out.out_path.empty()) return "--out is required (see --help)";
  return {};
}

}  // namespace r3::tools
