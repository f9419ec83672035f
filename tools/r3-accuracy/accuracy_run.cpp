#include "tools/r3-accuracy/accuracy_run.hpp"

#include <algorithm>

#include "core/pipeline/device_pipeline.hpp"
#include "core/synth/generator.hpp"

namespace r3::tools {
namespace {

using core::synth::Interval;

class RepCollector : public core::EventSink {
 public:
  void on_rep(const core::RepEvent& rep) override { reps.push_back(rep); }
  void on_hold(const core::HoldEvent&) override {}
  void on_set(const core::SetSummary&) override {}
  void on_live(const core::LiveSample&) override {}
  void on_quality(const core::QualityStats&) override {}
  std::vector<core::RepEvent> reps;
};

core::PipelineConfig config_for(const core::synth::Session& session) {
  core::PipelineConfig config;
  config.nominal_rate_hz = session.rate_hz;
  config.live_rate_hz = 0.0;  // nobody watches gauges here
  return config;
}

void feed_samples(const core::synth::Session& session, core::DevicePipeline& pipeline) {
  for (const core::Sample& s : session.samples) pipeline.push_sample(s);
  pipeline.flush(session.samples.empty() ? 0.0 : session.samples.back().t_s);
}

// Feeds packets as the daemon would, telling the pipeline when the link dropped. Returns the
// silences (device time) so reps they cut are excused rather than counted as missed.
std::vector<Interval> feed_packets(const std::vector<core::synth::TimedPacket>& packets,
                                   core::DevicePipeline& pipeline) {
  std::vector<Interval> gaps;
  double newest_t = 0.0;
  for (const auto& p : packets) {
    if (p.after_reconnect) {
      pipeline.link_lost(pipeline.last_stream_time_s());
      gaps.push_back({newest_t, p.first_sample_t_s});
    }
    newest_t = std::max(newest_t, p.first_sample_t_s);
    pipeline.push_packet(p.bytes, p.rx_time_s);
  }
  pipeline.flush(pipeline.last_stream_time_s());
  return gaps;
}

}  // namespace

const char* to_string(InputPath path) {
  return path == InputPath::kSamples ? "samples" : "packets";
}

RunResult run_preset(const std::string& preset, InputPath path, std::uint64_t first_seed,
                     int sessions) {
  RunResult result{preset, path, {}};
  for (int i = 0; i < sessions; ++i) {
    core::synth::SessionSpec spec;
    if (!core::synth::preset(preset, first_seed + static_cast<std::uint64_t>(i), spec)) break;
    const core::synth::Session session = core::synth::generate_session(spec);
    RepCollector sink;
    core::DevicePipeline pipeline(config_for(session), sink);
    std::vector<Interval> gaps;
    if (path == InputPath::kSamples) {
      feed_samples(session, pipeline);
    } else {
      gaps = feed_packets(core::synth::packetize(session, spec), pipeline);
    }
    result.scores.push_back(core::synth::score_session(session.truth, sink.reps, gaps));
  }
  return result;
}

}  // namespace r3::tools
