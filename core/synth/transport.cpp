// packetize(): the session as a BLE receiver would see it.

#include <algorithm>
#include <cmath>

#include "core/protocol/packet_codec.hpp"
#include "core/synth/generator.hpp"
#include "core/synth/rng.hpp"

namespace r3::core::synth {
namespace {

constexpr std::uint64_t kTransportStream = 3;
constexpr double kLatency_s = 0.01;  // radio + stack latency before jitter

struct Silence {
  double start_s = 0.0, end_s = 0.0;
};

// Per set, maybe one silence of 1-3 s somewhere inside it: the link dropped and came back.
std::vector<Silence> reconnect_gaps(const Session& session, const TransportSpec& t, Rng& rng) {
  std::vector<Silence> gaps;
  for (const TruthSet& set : session.truth.sets) {
    const double len = rng.uniform(1.0, 3.0);
    const double at = rng.uniform(set.start_s, std::max(set.start_s, set.end_s - len));
    if (rng.chance(t.reconnect_gap_probability)) gaps.push_back({at, at + len});
  }
  return gaps;
}

bool overlaps(const std::vector<Silence>& gaps, double start_s, double end_s) {
  return std::any_of(gaps.begin(), gaps.end(),
                     [&](const Silence& g) { return start_s <= g.end_s && end_s >= g.start_s; });
}

protocol::Packet make_packet(const Session& session, const SensorSpec& sensor,
                             protocol::RateCode code, std::size_t first, std::size_t count,
                             std::uint16_t sequence) {
  protocol::Packet p;
  p.header.rate = code;
  p.header.sequence = sequence;
  const double t0 = session.samples[first].t_s;
  p.header.device_time_ms = static_cast<std::uint16_t>(std::llround(t0 * 1000.0) & 0xFFFF);
  p.sample_count = count;
  for (std::size_t i = 0; i < count; ++i) {
    const Sample& s = session.samples[first + i];
    p.samples[i] = protocol::to_raw(s);
    // The generator clips at the sensor's range: a sample sitting there was clipped.
    p.header.force_saturated |= std::abs(double{s.force_n}) >= sensor.force_range_n - 0.05;
    for (std::size_t a = 0; a < 3; ++a) {
      p.header.accel_clipped |= std::abs(double{s.acc_g[a]}) >= sensor.accel_range_g - 1e-3;
      p.header.gyro_clipped |= std::abs(double{s.gyro_dps[a]}) >= sensor.gyro_range_dps - 0.05;
    }
  }
  return p;
}

}  // namespace

std::vector<TimedPacket> packetize(const Session& session, const SessionSpec& raw_spec) {
  const SessionSpec spec = sanitised(raw_spec);
  const TransportSpec& t = spec.transport;
  protocol::RateCode code{};
  // The protocol carries 25, 50, 100 and 200 Hz only.
  if (!protocol::rate_code_for(session.rate_hz, code) || session.samples.empty()) return {};
  Rng rng(mix_seed(spec.seed, kTransportStream));
  const std::vector<Silence> gaps = reconnect_gaps(session, t, rng);
  const auto k = static_cast<std::size_t>(t.samples_per_packet);
  const auto first_sequence = static_cast<std::uint16_t>(rng.next() & 0xFFFF);
  const double continue_burst = 1.0 - 1.0 / t.burst_mean_packets;  // geometric burst length
  const double clock = 1.0 + t.clock_drift_ppm * 1e-6;

  std::vector<TimedPacket> out;
  out.reserve(session.samples.size() / k + 1);
  bool in_burst = false;
  bool after_gap = false;
  std::uint16_t sequence = first_sequence;
  for (std::size_t first = 0; first < session.samples.size(); first += k, ++sequence) {
    const std::size_t count = std::min(k, session.samples.size() - first);
    const double t_first = session.samples[first].t_s;
    const double t_last = session.samples[first + count - 1].t_s;
    // Draw every packet's randomness whether or not it is lost, so loss does not shift jitter.
    const bool burst_starts = rng.chance(t.loss_rate);
    const bool burst_goes_on = rng.chance(continue_burst);
    const double jitter = t.jitter_s * std::abs(rng.normal());
    if (overlaps(gaps, t_first, t_last)) {
      after_gap = true;  // the device keeps counting sequence numbers while unheard
      in_burst = false;
      continue;
    }
    in_burst = in_burst ? burst_goes_on : burst_starts;
    if (in_burst) continue;

    const protocol::Packet p = make_packet(session, spec.sensor, code, first, count, sequence);
    TimedPacket tp;
    tp.bytes.resize(protocol::packet_size(count));
    tp.bytes.resize(protocol::encode_packet(p, tp.bytes));
    // Sent once its last sample is taken; the device clock runs fast or slow by the drift.
    tp.rx_time_s = t_last * clock + kLatency_s + jitter;
    tp.after_reconnect = after_gap;
    tp.first_sample_t_s = t_first;
    after_gap = false;
    out.push_back(std::move(tp));
  }
  // Delivered in arrival order: jitter larger than a packet period reorders a few.
  std::stable_sort(out.begin(), out.end(), [](const TimedPacket& a, const TimedPacket& b) {
    return a.rx_time_s < b.rx_time_s;
  });
  return out;
}

}  // namespace r3::core::synth
