// packetize(): packets that decode back to the session's samples, with the loss, jitter, drift
// and reconnect gaps the spec asks for.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "core/protocol/packet_codec.hpp"
#include "core/synth/generator.hpp"

namespace r3::core::synth {
namespace {

SessionSpec spec_for(const char* name, std::uint64_t seed) {
  SessionSpec s;
  EXPECT_TRUE(preset(name, seed, s)) << name;
  return s;
}

std::size_t sample_index(const Session& s, double t_s) {
  return static_cast<std::size_t>(std::llround(t_s * s.rate_hz));
}

TEST(Packetize, CleanRoundTripIsLossless) {
  SessionSpec spec = spec_for("clean", 11);
  spec.transport.samples_per_packet = 4;
  const Session s = generate_session(spec);
  const std::vector<TimedPacket> packets = packetize(s, spec);
  ASSERT_EQ(packets.size(), (s.samples.size() + 3) / 4);
  std::size_t next = 0;
  double last_rx = -1.0;
  std::uint16_t last_seq = 0;
  for (std::size_t j = 0; j < packets.size(); ++j) {
    const TimedPacket& tp = packets[j];
    const auto decoded = protocol::decode_packet(tp.bytes);
    ASSERT_TRUE(decoded.ok()) << j;
    const protocol::Packet& p = decoded.value();
    EXPECT_EQ(p.header.rate, protocol::RateCode::k100Hz);
    if (j > 0) {
      EXPECT_EQ(static_cast<std::uint16_t>(p.header.sequence - last_seq), 1U);
    }
    last_seq = p.header.sequence;
    EXPECT_EQ(p.header.device_time_ms, std::llround(s.samples[next].t_s * 1000.0) % 65536);
    EXPECT_GT(tp.rx_time_s, last_rx);
    last_rx = tp.rx_time_s;
    EXPECT_FALSE(tp.after_reconnect);
    for (std::size_t i = 0; i < p.sample_count; ++i, ++next) {
      const Sample x = protocol::to_sample(p.samples[i], s.samples[next].t_s);
      const Sample& want = s.samples[next];
      // The generator quantised to the packet's fixed point: the trip is exact.
      ASSERT_EQ(x.force_n, want.force_n) << next;
      ASSERT_EQ(x.acc_g, want.acc_g) << next;
      ASSERT_EQ(x.gyro_dps, want.gyro_dps) << next;
    }
    // Sent after its last sample: received no earlier than that.
    EXPECT_GE(tp.rx_time_s, s.samples[next - 1].t_s);
  }
  EXPECT_EQ(next, s.samples.size());
}

TEST(Packetize, LossIsAboutWhatThePresetSays) {
  std::size_t sent = 0, received = 0;
  for (std::uint64_t seed = 1; seed <= 4; ++seed) {
    SessionSpec spec = spec_for("lossy", seed);
    spec.transport.reconnect_gap_probability = 0.0;
    const Session s = generate_session(spec);
    const std::vector<TimedPacket> packets = packetize(s, spec);
    const std::size_t k = static_cast<std::size_t>(spec.transport.samples_per_packet);
    sent += (s.samples.size() + k - 1) / k;
    received += packets.size();
    // Sequence numbers count the lost packets too.
    for (const TimedPacket& tp : packets) {
      const auto p = protocol::decode_packet(tp.bytes);
      ASSERT_TRUE(p.ok());
      const std::size_t index = sample_index(s, tp.first_sample_t_s) / k;
      const auto first = protocol::decode_packet(packets.front().bytes).value().header.sequence;
      EXPECT_EQ(static_cast<std::uint16_t>(p.value().header.sequence - first),
                static_cast<std::uint16_t>(index -
                                           sample_index(s, packets.front().first_sample_t_s) / k));
    }
  }
  const double lost = 1.0 - static_cast<double>(received) / static_cast<double>(sent);
  EXPECT_GT(lost, 0.01);
  EXPECT_LT(lost, 0.035);
}

TEST(Packetize, DriftAndJitterShiftReceiveTimes) {
  SessionSpec spec = spec_for("clean", 5);
  spec.transport.clock_drift_ppm = 1000.0;  // exaggerated so it shows over a session
  const Session s = generate_session(spec);
  const std::vector<TimedPacket> packets = packetize(s, spec);
  ASSERT_GT(packets.size(), 10U);
  const TimedPacket& last = packets.back();
  const double last_sample_t = s.samples.back().t_s;
  EXPECT_NEAR(last.rx_time_s - last_sample_t, last_sample_t * 1e-3, 0.02);
}

TEST(Packetize, BigJitterReordersSome) {
  SessionSpec spec = spec_for("clean", 6);
  spec.transport.samples_per_packet = 1;
  spec.transport.jitter_s = 0.05;  // five packet periods
  const Session s = generate_session(spec);
  const std::vector<TimedPacket> packets = packetize(s, spec);
  std::size_t out_of_order = 0;
  for (std::size_t j = 1; j < packets.size(); ++j) {
    EXPECT_GE(packets[j].rx_time_s, packets[j - 1].rx_time_s);  // arrival order
    if (packets[j].first_sample_t_s < packets[j - 1].first_sample_t_s) ++out_of_order;
  }
  EXPECT_GT(out_of_order, 0U);
  EXPECT_LT(out_of_order, packets.size() / 2);
  // Small jitter: never reordered.
  spec.transport.samples_per_packet = 5;
  spec.transport.jitter_s = 0.005;
  const std::vector<TimedPacket> calm = packetize(s, spec);
  for (std::size_t j = 1; j < calm.size(); ++j) {
    EXPECT_GT(calm[j].first_sample_t_s, calm[j - 1].first_sample_t_s);
  }
}

TEST(Packetize, ReconnectGapsAreSilencesOfOneToThreeSeconds) {
  SessionSpec spec = spec_for("clean", 8);
  spec.transport.reconnect_gap_probability = 1.0;
  const Session s = generate_session(spec);
  const std::vector<TimedPacket> packets = packetize(s, spec);
  std::size_t reconnects = 0;
  for (std::size_t j = 1; j < packets.size(); ++j) {
    const double step = packets[j].first_sample_t_s - packets[j - 1].first_sample_t_s;
    if (packets[j].after_reconnect) {
      ++reconnects;
      EXPECT_GT(step, 1.0);
      EXPECT_LT(step, 3.2);
      const auto a = protocol::decode_packet(packets[j - 1].bytes).value().header.sequence;
      const auto b = protocol::decode_packet(packets[j].bytes).value().header.sequence;
      EXPECT_GT(static_cast<std::uint16_t>(b - a), 1U);  // the sequence went on meanwhile
    } else {
      EXPECT_LT(step, 0.06);
    }
  }
  EXPECT_EQ(reconnects, s.truth.sets.size());
}

TEST(Packetize, SequenceWrapsAndKeepsCounting) {
  // The first sequence number is random: some seed wraps within a session of one-sample packets.
  bool wrapped = false;
  for (std::uint64_t seed = 1; seed <= 12 && !wrapped; ++seed) {
    SessionSpec spec = spec_for("clean", seed);
    spec.behaviour.sets = 1;
    spec.transport.samples_per_packet = 1;
    const Session s = generate_session(spec);
    const std::vector<TimedPacket> packets = packetize(s, spec);
    for (std::size_t j = 1; j < packets.size(); ++j) {
      const auto a = protocol::decode_packet(packets[j - 1].bytes).value().header.sequence;
      const auto b = protocol::decode_packet(packets[j].bytes).value().header.sequence;
      ASSERT_EQ(static_cast<std::uint16_t>(b - a), 1U);
      wrapped = wrapped || b < a;
    }
  }
  EXPECT_TRUE(wrapped);
}

TEST(Packetize, DeterministicAndRateChecked) {
  const SessionSpec spec = spec_for("hard", 3);
  const Session s = generate_session(spec);
  const auto a = packetize(s, spec);
  const auto b = packetize(s, spec);
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t j = 0; j < a.size(); ++j) {
    ASSERT_EQ(a[j].bytes, b[j].bytes);
    ASSERT_EQ(a[j].rx_time_s, b[j].rx_time_s);
  }
  SessionSpec odd = spec;
  odd.rate_hz = 60.0;  // not a protocol rate
  EXPECT_TRUE(packetize(generate_session(odd), odd).empty());
}

}  // namespace
}  // namespace r3::core::synth
