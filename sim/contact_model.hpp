#pragma once
// One simulated contact without any D-Bus: its identity, its user's session (from the synthetic
// generator, with ground truth), and the stream player that turns wall time into due packets.

#include <cstdint>
#include <functional>
#include <optional>
#include <random>
#include <span>
#include <string>
#include <vector>

#include "core/synth/generator.hpp"
#include "sim/scenario.hpp"

namespace r3::sim {

class ContactModel {
 public:
  ContactModel(int index, const Scenario& scenario);

  [[nodiscard]] int index() const { return index_; }
  [[nodiscard]] const std::string& address() const { return address_; }
  [[nodiscard]] const std::string& name() const { return name_; }
  [[nodiscard]] const core::synth::GroundTruth& truth() const { return session_.truth; }
  [[nodiscard]] std::size_t session_packets() const { return packets_.size(); }
  // Sequence numbers of the session: first_sequence() + 0 .. session_sequences() - 1 (mod 2^16).
  [[nodiscard]] std::uint16_t first_sequence() const { return first_sequence_; }
  [[nodiscard]] std::uint32_t session_sequences() const { return session_sequences_; }
  [[nodiscard]] double session_duration_s() const;
  [[nodiscard]] std::uint8_t battery_percent() const { return battery_; }

  // Streaming is switched by the control characteristic. The session clock starts at the first
  // start and then runs on, connected or not: what happens while the link is down is lost.
  void start_streaming(double now_wall_s);
  void stop_streaming() {
    streaming_ = false;
    stalled_ = false;
  }
  [[nodiscard]] bool streaming() const { return streaming_; }
  [[nodiscard]] double session_time(double now_wall_s) const;

  // Calls emit once per packet due by now (session packets, then rest packets forever).
  void emit_due(double now_wall_s, const std::function<void(std::span<const std::uint8_t>)>& emit);

  // Session time of the middle of the next rep starting after t, if any: where link loss hurts.
  [[nodiscard]] std::optional<double> next_rep_middle_after(double t_session_s) const;

  // Control commands. tare: zero the force at rest (shifts the offset of what is sent).
  void tare();
  void identify(int seconds);
  [[nodiscard]] double force_offset_n() const { return force_offset_n_; }

  [[nodiscard]] std::uint64_t packets_sent() const { return packets_sent_; }
  [[nodiscard]] std::uint64_t malformed_sent() const { return malformed_sent_; }

 private:
  std::vector<std::uint8_t> rest_packet();
  void send(std::span<const std::uint8_t> bytes,
            const std::function<void(std::span<const std::uint8_t>)>& emit);

  int index_;
  double stall_at_s_ = -1.0;  // session time of the one stall; <0: never
  bool stalled_ = false;
  std::string address_, name_;
  double time_scale_;
  double malformed_rate_;
  core::synth::Session session_;
  std::vector<core::synth::TimedPacket> packets_;
  std::size_t next_ = 0;
  bool started_ = false;
  bool streaming_ = false;
  double t0_wall_s_ = 0.0;
  int samples_per_packet_ = 5;
  std::uint16_t tail_sequence_ = 0;
  std::uint16_t first_sequence_ = 0;
  std::uint32_t session_sequences_ = 0;
  std::uint32_t tail_device_ms_ = 0;
  double tail_next_t_s_ = 0.0;
  float last_force_n_ = 0.0F;
  double force_offset_n_ = 0.0;
  std::uint8_t battery_ = 100;
  std::uint64_t packets_sent_ = 0, malformed_sent_ = 0;
  std::mt19937_64 rng_;
};

}  // namespace r3::sim
