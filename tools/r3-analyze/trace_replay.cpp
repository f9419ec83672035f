#include "tools/r3-analyze/trace_replay.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "core/pipeline/device_pipeline.hpp"
#include "core/trace/rate_estimate.hpp"
#include "core/trace/trace_csv.hpp"
#include "core/util/json_writer.hpp"
#include "tools/r3-analyze/json_lines_sink.hpp"

namespace r3::tools {
namespace {

constexpr std::size_t kRateProbeRows = 200;

void print_summary(std::ostream& out, const EventCounts& counts, const core::QualityStats& q,
                   double rate_hz, double first_t, double last_t, std::uint64_t bad_rows) {
  std::string line;
  {
    util::JsonObjectWriter w(line);
    w.add("type", "summary");
    w.add("reps", counts.reps);
    w.add("holds", counts.holds);
    w.add("sets", counts.sets);
    w.add("rate_hz", rate_hz);
    w.add_fixed("duration_s", last_t - first_t, 3);
    w.add("samples", q.samples);
    w.add("samples_interpolated", q.samples_interpolated);
    w.add("samples_out_of_order", q.late);
    w.add("gaps_broken", q.gaps_broken);
    w.add_fixed("largest_gap_s", q.largest_gap_s, 3);
    w.add("reps_discarded", q.reps_discarded);
    w.add("taps", q.taps);
    w.add("bad_rows", bad_rows);
  }
  out << line << '\n';
}

}  // namespace

int replay_trace(std::istream& in, std::string_view name, const AnalyzeOptions& options,
                 std::ostream& out, std::ostream& err) {
  std::string line;
  std::size_t line_no = 0;
  std::optional<core::TraceCsvReader> reader;
  while (!reader && std::getline(in, line)) {
    ++line_no;
    if (line.empty() || line == "\r") continue;
    auto header = core::TraceCsvReader::from_header(line);
    if (!header) {
      err << "r3-analyze: " << name << ':' << line_no << ": bad header: " << header.error() << '\n';
      return 2;
    }
    reader = *header;
  }
  if (!reader) {
    err << "r3-analyze: " << name << ": empty trace: no header line\n";
    return 2;
  }

  JsonLinesSink sink(out, options.print_live, options.print_quality);
  std::vector<core::Sample> probe;
  probe.reserve(kRateProbeRows);
  std::optional<core::DevicePipeline> pipeline;
  double rate_hz = 0.0;
  double first_t = 0.0;
  double last_t = 0.0;
  std::uint64_t bad_rows = 0;

  // The pipeline starts once the rate is known: from --rate, or the first rows' spacing.
  const auto start_pipeline = [&]() -> bool {
    const std::optional<double> estimate = core::estimate_rate_hz(probe);
    rate_hz = options.rate_hz.value_or(estimate.value_or(100.0));
    if (rate_hz > core::PipelineConfig::kMaxRateHz || rate_hz < core::PipelineConfig::kMinRateHz) {
      err << "r3-analyze: " << name << ": the trace is sampled at " << rate_hz
          << " Hz; the pipeline takes 1..200 Hz: resample the trace\n";
      return false;
    }
    if (options.rate_hz && estimate && std::fabs(*estimate / *options.rate_hz - 1.0) > 0.1) {
      err << "r3-analyze: " << name << ": warning: --rate " << *options.rate_hz
          << " Hz, but the timestamps say " << *estimate << " Hz\n";
    }
    core::PipelineConfig config = options.pipeline;
    config.nominal_rate_hz = rate_hz;
    config.live_rate_hz = std::min(config.live_rate_hz, rate_hz);
    pipeline.emplace(config, sink);
    for (const auto& s : probe) pipeline->push_sample(s);
    return true;
  };

  bool stopped = false;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty() || line == "\r") continue;
    auto row = reader->parse_row(line);
    if (!row) {
      ++bad_rows;
      err << "r3-analyze: " << name << ':' << line_no << ": " << row.error() << '\n';
      if (!options.skip_bad_rows) {
        stopped = true;
        break;
      }
      continue;
    }
    if (probe.empty() && !pipeline) first_t = row->t_s;
    last_t = row->t_s;
    if (pipeline) {
      pipeline->push_sample(*row);
    } else {
      probe.push_back(*row);
      if (probe.size() == kRateProbeRows && !start_pipeline()) return 2;
    }
  }
  if (!pipeline && !start_pipeline()) return 2;
  pipeline->flush(last_t);
  print_summary(out, sink.counts(), pipeline->quality(), rate_hz, first_t, last_t, bad_rows);
  if (stopped) return 2;
  return bad_rows > 0 ? 1 : 0;
}

}  // namespace r3::tools
