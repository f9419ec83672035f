#pragma once
// Synthetic contact streams with ground truth, for tests, the simulator and the demo.
// See docs/synthetic-data.md for the model.

#include <cstdint>
#include <string>
#include <vector>

#include "core/protocol/sample.hpp"
#include "core/synth/session_spec.hpp"

namespace r3::core::synth {

struct TruthRep {
  int set_index = 0;        // 1-based
  int placement_index = 0;  // 1-based, per session
  double start_s = 0.0;     // movement onset
  double end_s = 0.0;       // back at rest, or stopped
  double rom_deg = 0.0;
  double force_mean_n = 0.0;  // true contact force averaged over [start, end]
  double sparc = 0.0;         // SPARC of the noise-free angular speed profile
  double peak_speed_dps = 0.0;
  // The hand tremor's angular rate during the rep (0 without one): RMS of its vector, deg/s,
  // and its frequency.
  double tremor_rms_dps = 0.0;
  double tremor_hz = 0.0;
  double placement_tilt_deg = 0.0;  // contact z axis vs vertical at the placement's start
  bool out_and_stay = false;
};

struct TruthHold {
  int set_index = 0;
  int placement_index = 0;
  double start_s = 0.0, end_s = 0.0;
  double force_mean_n = 0.0;
};

struct TruthSet {
  int set_index = 0;
  double start_s = 0.0, end_s = 0.0;  // first load onset .. last load release
  int rep_count = 0;
};

enum class DistractorKind { kTap, kUnloadedMove, kPartialRep, kWiggle, kDoublePress, kShortHold };
std::string to_string(DistractorKind kind);

struct TruthDistractor {
  DistractorKind kind = DistractorKind::kTap;
  double start_s = 0.0, end_s = 0.0;
};

struct GroundTruth {
  std::vector<TruthRep> reps;
  std::vector<TruthHold> holds;
  std::vector<TruthSet> sets;
  std::vector<TruthDistractor> distractors;
};

struct Session {
  double rate_hz = 100.0;
  std::vector<Sample> samples;  // as the sensor measures them (errors added), uniform in time
  GroundTruth truth;
};

Session generate_session(const SessionSpec& spec);

// The session as the receiver sees it: packets encoded per docs/contact-protocol.md, with loss,
// jitter, drift and reconnect gaps per spec.transport.
struct TimedPacket {
  double rx_time_s = 0.0;
  std::vector<std::uint8_t> bytes;
  bool after_reconnect = false;   // first packet after a reconnect gap: the link had dropped
  double first_sample_t_s = 0.0;  // for tests and scoring only: a receiver cannot see it
};
std::vector<TimedPacket> packetize(const Session& session, const SessionSpec& spec);

}  // namespace r3::core::synth
