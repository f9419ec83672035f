#include "sim/contact_model.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/protocol/packet_codec.hpp"
#include "core/synth/session_spec.hpp"

namespace r3::sim {

namespace proto = core::protocol;

ContactModel::ContactModel(int index, const Scenario& scenario)
    : index_(index),
      address_(contact_address(index)),
      time_scale_(scenario.time_scale),
      malformed_rate_(scenario.faults.malformed_rate),
      rng_(scenario.seed * 1000003U + static_cast<std::uint64_t>(index)) {
  char name[32];
  std::snprintf(name, sizeof name, "R3 LOAD %04d", index + 1);
  name_ = name;
  core::synth::SessionSpec spec;
  const std::uint64_t seed = scenario.seed * 7919U + static_cast<std::uint64_t>(index) + 1U;
  if (!core::synth::preset(scenario.preset, seed, spec))
    (void)core::synth::preset("clean", seed, spec);
  if (scenario.sets > 0) spec.behaviour.sets = scenario.sets;
  // The simulator makes its own link faults; packet loss comes from the scenario if it says so.
  spec.transport.reconnect_gap_probability = 0.0;
  if (scenario.faults.loss_rate >= 0.0) {
    spec.transport.loss_rate = scenario.faults.loss_rate;
    spec.transport.burst_mean_packets = scenario.faults.burst_mean_packets;
  }
  samples_per_packet_ = std::max(1, spec.transport.samples_per_packet);
  session_ = core::synth::generate_session(spec);
  packets_ = core::synth::packetize(session_, spec);
  battery_ = static_cast<std::uint8_t>(60 + (index * 7) % 41);
  if (index < scenario.faults.stall_contacts) stall_at_s_ = scenario.faults.stall_after_s;
  // The rest stream after the session continues the numbering where the session stopped.
  const auto n = static_cast<double>(session_.samples.size());
  tail_next_t_s_ = n / session_.rate_hz;
  tail_device_ms_ = static_cast<std::uint32_t>(std::lround(tail_next_t_s_ * 1000.0));
  if (!packets_.empty()) {
    const auto last = proto::decode_packet(packets_.back().bytes);
    const auto first = proto::decode_packet(packets_.front().bytes);
    if (last.ok()) tail_sequence_ = static_cast<std::uint16_t>(last->header.sequence + 1U);
    if (first.ok()) first_sequence_ = first->header.sequence;
    session_sequences_ = static_cast<std::uint16_t>(tail_sequence_ - first_sequence_);
    tail_next_t_s_ = std::max(tail_next_t_s_, packets_.back().rx_time_s + 0.001);
  }
}

double ContactModel::session_duration_s() const {
  return packets_.empty() ? 0.0 : packets_.back().rx_time_s;
}

double ContactModel::session_time(double now_wall_s) const {
  return started_ ? (now_wall_s - t0_wall_s_) * time_scale_ : 0.0;
}

void ContactModel::start_streaming(double now_wall_s) {
  if (!started_) {
    started_ = true;
    t0_wall_s_ = now_wall_s;
  }
  streaming_ = true;
  // Whatever fell due while the link was down is gone.
  const double t = session_time(now_wall_s);
  while (next_ < packets_.size() && packets_[next_].rx_time_s < t) ++next_;
  if (next_ >= packets_.size()) {
    const double period = samples_per_packet_ / session_.rate_hz;
    while (tail_next_t_s_ < t) {
      tail_next_t_s_ += period;
      tail_sequence_ = static_cast<std::uint16_t>(tail_sequence_ + 1U);
      tail_device_ms_ += static_cast<std::uint32_t>(std::lround(period * 1000.0));
    }
  }
}

void ContactModel::emit_due(double now_wall_s,
                            const std::function<void(std::span<const std::uint8_t>)>& emit) {
  if (!streaming_) return;
  const double t = session_time(now_wall_s);
  if (stall_at_s_ >= 0.0 && t >= stall_at_s_) {
    // The firmware hangs with the link up: silence until the central drops the link.
    stall_at_s_ = -1.0;
    stalled_ = true;
    std::printf("stall %s\n", address_.c_str());
    std::fflush(stdout);
  }
  if (stalled_) return;
  while (next_ < packets_.size() && packets_[next_].rx_time_s <= t) {
    send(packets_[next_].bytes, emit);
    ++next_;
  }
  if (next_ < packets_.size()) return;
  while (tail_next_t_s_ <= t) {
    const auto bytes = rest_packet();
    send(bytes, emit);
    tail_next_t_s_ += samples_per_packet_ / session_.rate_hz;
  }
}

std::vector<std::uint8_t> ContactModel::rest_packet() {
  proto::Packet p;
  proto::RateCode rate = proto::RateCode::k100Hz;
  (void)proto::rate_code_for(session_.rate_hz, rate);
  p.header.rate = rate;
  p.header.sequence = tail_sequence_;
  p.header.device_time_ms = static_cast<std::uint16_t>(tail_device_ms_ & 0xFFFFU);
  p.sample_count = static_cast<std::size_t>(samples_per_packet_);
  for (std::size_t i = 0; i < p.sample_count; ++i) p.samples[i].acc = {0, 0, 2048};
  tail_sequence_ = static_cast<std::uint16_t>(tail_sequence_ + 1U);
  tail_device_ms_ +=
      static_cast<std::uint32_t>(std::lround(samples_per_packet_ * 1000.0 / session_.rate_hz));
  std::vector<std::uint8_t> out(proto::kMaxPacketSize);
  out.resize(proto::encode_packet(p, out));
  return out;
}

void ContactModel::send(std::span<const std::uint8_t> bytes,
                        const std::function<void(std::span<const std::uint8_t>)>& emit) {
  auto decoded = proto::decode_packet(bytes);
  if (decoded.ok() && decoded->sample_count > 0) {
    last_force_n_ =
        static_cast<float>(decoded->samples[decoded->sample_count - 1].force) * proto::kForceLsbN;
  }
  std::uniform_real_distribution<double> u(0.0, 1.0);
  if (malformed_rate_ > 0.0 && u(rng_) < malformed_rate_) {
    // A truncated packet with a wrong version: the receiver must count it and carry on.
    std::vector<std::uint8_t> bad(
        bytes.begin(),
        bytes.begin() + std::min<std::ptrdiff_t>(9, static_cast<std::ptrdiff_t>(bytes.size())));
    if (!bad.empty()) bad[0] = 0x7F;
    ++malformed_sent_;
    ++packets_sent_;
    emit(bad);
    return;
  }
  ++packets_sent_;
  if (force_offset_n_ == 0.0 || !decoded.ok()) {
    emit(bytes);
    return;
  }
  // After a tare the contact subtracts its offset from every force reading.
  const auto shift =
      static_cast<int>(std::lround(force_offset_n_ / static_cast<double>(proto::kForceLsbN)));
  for (std::size_t i = 0; i < decoded->sample_count; ++i) {
    auto& f = decoded->samples[i].force;
    f = static_cast<std::int16_t>(std::clamp(f - shift, -32768, 32767));
  }
  std::vector<std::uint8_t> out(proto::kMaxPacketSize);
  out.resize(proto::encode_packet(*decoded, out));
  emit(out);
}

std::optional<double> ContactModel::next_rep_middle_after(double t_session_s) const {
  for (const auto& rep : session_.truth.reps) {
    if (rep.start_s > t_session_s) return 0.5 * (rep.start_s + rep.end_s);
  }
  return std::nullopt;
}

void ContactModel::tare() {
  // Only at rest, like the firmware: a loaded contact ignores the command.
  if (std::abs(last_force_n_) < 5.0F) force_offset_n_ += static_cast<double>(last_force_n_);
  std::printf("tare %s force offset %.1f N\n", address_.c_str(), force_offset_n_);
  std::fflush(stdout);
}

void ContactModel::identify(int seconds) {
  std::printf("identify %s %d s\n", address_.c_str(), seconds);
  std::fflush(stdout);
}

}  // namespace r3::sim
