#pragma once
// A simulated room: how many contacts and adapters, the users' behaviour, and the faults.
// Read from a TOML file, then command-line options override it. See docs/bluez.md.

#include <cstdint>
#include <string>
#include <vector>

namespace r3::sim {

struct Faults {
  int controller_slots = 0;               // per adapter; 0: unlimited. Past it Connect fails
  double connect_abort_rate = 0.0;        // Connect -> Failed "le-connection-abort-by-local"
  double connect_in_progress_rate = 0.0;  // Connect -> org.bluez.Error.InProgress
  int not_ready_adapter = -1;             // this adapter index answers NotReady until power-cycled
  int link_losses = 0;                    // per contact: links dropped in the middle of a rep
  int acquire_eof_contacts = 0;           // the first N contacts close AcquireNotify sockets early
  int acquire_eof_after_packets = 20;
  double loss_rate = -1.0;  // packet-loss burst start probability; <0: the preset's
  double burst_mean_packets = 4.0;
  double malformed_rate = 0.0;  // probability a notification is malformed
  double restart_at_s = -1.0;   // wall seconds after start: bluetoothd restart; <0: never
  double restart_down_s = 1.0;  // how long the name stays away
  int stall_contacts = 0;       // the first N contacts go silent once, link up
  double stall_after_s = 2.0;   // ... this long (session time) after streaming starts
  int hang_adapter = -1;        // Connect on this adapter never answers until power-cycled
  bool late_gatt = false;       // ServicesResolved before the GATT objects appear
};

struct Scenario {
  int contacts = 4;
  int adapters = 1;
  std::uint64_t seed = 1;
  std::string preset = "clean";
  int sets = 0;                     // >0: override the preset's number of sets
  double time_scale = 1.0;          // >1: faster than real time
  double connect_latency_s = 0.05;  // wall time a Connect takes
  std::string truth_path;           // JSON lines of the ground truth; empty: none
  Faults faults;
};

// Parses argv (after the TOML file given with --config, if any). False with a message on error;
// `help` is set when --help was asked.
bool parse_scenario(int argc, char** argv, Scenario& out, std::string& error, bool& help);
std::string scenario_usage();

// The address of contact i (0-based): stable across runs.
std::string contact_address(int index);
std::string adapter_address(int index);

}  // namespace r3::sim
