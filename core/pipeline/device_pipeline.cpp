#include "core/pipeline/device_pipeline.hpp"

#include "core/pipeline/device_pipeline_impl.hpp"
#include "core/protocol/packet_codec.hpp"

namespace r3::core {

DevicePipeline::DevicePipeline(const PipelineConfig& config, EventSink& sink)
    : impl_(std::make_unique<Impl>(config.sanitised(), sink)) {}

DevicePipeline::~DevicePipeline() = default;

void DevicePipeline::push_packet(std::span<const std::uint8_t> bytes, double rx_time_s) {
  Impl& p = *impl_;
  auto decoded = protocol::decode_packet(bytes);
  if (!decoded) {
    ++p.malformed;
    return;
  }
  const protocol::Packet& packet = *decoded;
  const protocol::TrackResult track = p.tracker.track(packet.header, rx_time_s);
  if (track.continuity == protocol::Continuity::kDuplicate ||
      track.continuity == protocol::Continuity::kLate) {
    return;
  }
  const double hz = protocol::rate_hz(packet.header.rate);
  if (hz != p.fs) {
    // The contact changed its rate: what is under way cannot be measured across the change.
    if (p.have_prev) p.break_state(p.prev.t_s);
    p.set_rate(hz);
  }
  const bool saturated =
      packet.header.force_saturated || packet.header.accel_clipped || packet.header.gyro_clipped;
  for (std::size_t i = 0; i < packet.sample_count; ++i) {
    const double t = track.first_sample_t_s + static_cast<double>(i) / hz;
    p.accept(protocol::to_sample(packet.samples[i], t), saturated);
  }
}

void DevicePipeline::push_sample(const Sample& sample) {
  impl_->accept(sample, false);
}

void DevicePipeline::link_lost(double t_s) {
  impl_->break_state(t_s);
  impl_->tracker.reset();
}

void DevicePipeline::end_set(double t_s) {
  Impl& p = *impl_;
  const bool loaded = p.load.loaded();
  if (auto summary = p.sets.close(SetEndReason::kCommand, t_s, loaded)) p.sink.on_set(*summary);
  if (loaded) {  // the placement in progress goes on in the next set
    p.sets.on_load_onset(t_s);
    p.placement.hold_start_s = t_s;
    p.placement.hold_force.clear();
    p.placement.error_deg.reset();  // counted again in the new set
  }
}

void DevicePipeline::flush(double t_s) {
  impl_->finish(t_s, SetEndReason::kStreamEnd);
  impl_->emit_quality(t_s);
}

void DevicePipeline::hand_over(double t_s) {
  impl_->hand_over(t_s);
}

bool DevicePipeline::set_thresholds(const Thresholds& thresholds) {
  if (!thresholds.validate().empty()) return false;
  Impl& p = *impl_;
  p.config.thresholds = thresholds;
  p.load.set_thresholds(thresholds);
  p.segmenter.set_thresholds(thresholds);
  p.sets.set_thresholds(thresholds);
  p.recorder.resize(p.recorder_capacity());  // sized from rep_max_duration_s
  return true;
}

bool DevicePipeline::tare() {
  Impl& p = *impl_;
  if (p.load.loaded()) return false;
  p.config.force_offset_n = p.unloaded_force_mean;
  return true;
}

const QualityStats& DevicePipeline::quality() const {
  return impl_->quality;
}
double DevicePipeline::last_stream_time_s() const {
  return impl_->last_t_s;
}

}  // namespace r3::core
