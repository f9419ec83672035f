#include "tools/r3-analyze/analyze_options.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace r3::tools {
namespace {

constexpr std::string_view kUsage = R"(Usage: r3-analyze [OPTIONS] TRACE.csv
Replays a recorded contact trace through the daemon's rep pipeline and prints JSON lines:
one object per rep, hold and set (the objects MQTT carries, see docs/events.md), then a summary.
TRACE.csv: a header line naming the columns; required t_s,force_n,ax_g,ay_g,az_g,gx_dps,gy_dps,
gz_dps (docs/trace-format.md). "-" reads standard input.
No trace at hand? r3-synth --preset noisy --out trace.csv --truth truth.jsonl writes one.

Sample rate:
  --rate HZ              nominal sample rate, 1..200 Hz (default: estimated from the first
                         timestamps; a trace faster than 200 Hz must be resampled)
  --max-gap S            gaps up to S (at most 5) are bridged by interpolation; longer ones end
                         the open placement and discard a rep under way (default 0.5)
Rep thresholds (docs/rep-definition.md):
  --load-on N            engage force P_on, newtons (default 15)
  --load-off N           release force P_off, newtons (default 8)
  --load-debounce S      a dip shorter than this does not end a load (default 0.3)
  --min-duration S       T_min, shortest rep (default 1)
  --max-duration S       longest rep; longer ones are closed there, truncated (default 20)
  --min-rom DEG          theta_min, smallest range of motion (default 7)
  --move-start DEG       leaving rest by this much starts a movement (default 3)
  --still DPS            below this angular speed the contact is still (default 2)
  --stop S               still this long away from rest ends a rep (default 1.5)
  --hold-min S           shortest hold (default 5)
  --set-gap S            this long without load ends a set (default 30)
  --reference-tilt DEG   the user's reference placement tilt (default: each set's first)
Conditioning:
  --force-scale K        calibration factor (default 1)
  --force-offset N       tare offset, newtons (default 0)
Output:
  --live                 also print live samples (decimated, --live-rate HZ, default 10)
  --quality              also print data-quality reports every 5 s of trace
  --skip-bad-rows        report bad rows and go on (default: stop at the first one)
  -h, --help             this text
  --version              the version
Exit status: 0 ok, 1 bad rows were skipped, 2 usage or input error.
)";

bool parse_double(std::string_view text, double& out) {
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, out);
  return ec == std::errc() && ptr == end && std::isfinite(out);
}

}  // namespace

std::string_view analyze_usage() {
  return kUsage;
}

Result<AnalyzeOptions, std::string> parse_analyze_options(std::span<const std::string_view> args) {
  AnalyzeOptions o;
  auto& th = o.pipeline.thresholds;
  double reference_tilt = std::nan("");
  struct NumberOption {
    std::string_view name;
    double* target;
  };
  double rate = 0.0;
  const NumberOption numbers[] = {
      {"--rate", &rate},
      {"--max-gap", &o.pipeline.max_bridge_gap_s},
      {"--live-rate", &o.pipeline.live_rate_hz},
      {"--load-on", &th.load_on_n},
      {"--load-off", &th.load_off_n},
      {"--load-debounce", &th.load_debounce_s},
      {"--min-duration", &th.rep_min_duration_s},
      {"--max-duration", &th.rep_max_duration_s},
      {"--min-rom", &th.rep_min_rom_deg},
      {"--move-start", &th.move_start_deg},
      {"--still", &th.still_dps},
      {"--stop", &th.stop_s},
      {"--hold-min", &th.hold_min_s},
      {"--set-gap", &th.set_gap_s},
      {"--force-scale", &o.pipeline.force_scale},
      {"--force-offset", &o.pipeline.force_offset_n},
      {"--reference-tilt", &reference_tilt},
  };

  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string_view a = args[i];
    if (a == "-h" || a == "--help") {
      o.help = true;
      return o;
    }
    if (a == "--version") {
      o.version = true;
      return o;
    }
    if (a == "--live") {
      o.print_live = true;
      continue;
    }
    if (a == "--quality") {
      o.print_quality = true;
      continue;
    }
    if (a == "--skip-bad-rows") {
      o.skip_bad_rows = true;
      continue;
    }
    if (a.starts_with("--")) {
      const NumberOption* match = nullptr;
      for (const auto& n : numbers) {
        if (n.name == a) match = &n;
      }
      if (match == nullptr) return Err{"unknown option '" + std::string(a) + "'"};
      if (i + 1 >= args.size()) return Err{std::string(a) + " needs a value"};
      double v = 0.0;
      if (!parse_double(args[i + 1], v)) {
        return Err{std::string(a) + ": not a number: '" + std::string(args[i + 1]) + "'"};
      }
      ++i;
      *match->target = v;
      if (match->target == &rate) o.rate_hz = v;
      continue;
    }
    if (!o.trace_path.empty()) return Err{"more than one trace given: '" + std::string(a) + "'"};
    o.trace_path = std::string(a);
  }

  if (o.trace_path.empty()) return Err{std::string("no trace given (see --help)")};
  if (!std::isnan(reference_tilt)) th.reference_tilt_deg = reference_tilt;
  // The pipeline's own check names the field; say which option sets it.
  core::PipelineConfig check = o.pipeline;
  if (o.rate_hz) check.nominal_rate_hz = *o.rate_hz;
  check.live_rate_hz = std::min(check.live_rate_hz, check.nominal_rate_hz);
  if (auto problem = check.validate(); !problem.empty()) {
    return Err{"invalid option (" + problem + "); see --help"};
  }
  return o;
}

}  // namespace r3::tools
