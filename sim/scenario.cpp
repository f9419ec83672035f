#include "sim/scenario.hpp"

#include <toml++/toml.h>

#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace r3::sim {

namespace {

bool to_double(std::string_view s, double& out) {
  char* end = nullptr;
  const std::string tmp(s);
  out = std::strtod(tmp.c_str(), &end);
  return end != tmp.c_str() && *end == '\0';
}

bool to_int(std::string_view s, int& out) {
  double d = 0;
  if (!to_double(s, d)) return false;
  out = static_cast<int>(d);
  return static_cast<double>(out) == d;
}

void apply_toml(const toml::table& t, Scenario& s) {
  s.contacts = t["contacts"].value_or(s.contacts);
  s.adapters = t["adapters"].value_or(s.adapters);
  s.seed = static_cast<std::uint64_t>(t["seed"].value_or(static_cast<std::int64_t>(s.seed)));
  s.preset = t["preset"].value_or(s.preset);
  s.sets = t["sets"].value_or(s.sets);
  s.time_scale = t["time_scale"].value_or(s.time_scale);
  s.connect_latency_s = t["connect_latency_s"].value_or(s.connect_latency_s);
  s.truth_path = t["truth"].value_or(s.truth_path);
  auto& f = s.faults;
  const auto& ft = t["faults"];
  f.controller_slots = ft["slots"].value_or(f.controller_slots);
  f.connect_abort_rate = ft["connect_abort_rate"].value_or(f.connect_abort_rate);
  f.connect_in_progress_rate = ft["connect_in_progress_rate"].value_or(f.connect_in_progress_rate);
  f.not_ready_adapter = ft["not_ready_adapter"].value_or(f.not_ready_adapter);
  f.link_losses = ft["link_losses"].value_or(f.link_losses);
  f.acquire_eof_contacts = ft["acquire_eof_contacts"].value_or(f.acquire_eof_contacts);
  f.acquire_eof_after_packets =
      ft["acquire_eof_after_packets"].value_or(f.acquire_eof_after_packets);
  f.loss_rate = ft["loss_rate"].value_or(f.loss_rate);
  f.burst_mean_packets = ft["burst_mean_packets"].value_or(f.burst_mean_packets);
  f.malformed_rate = ft["malformed_rate"].value_or(f.malformed_rate);
  f.restart_at_s = ft["restart_at_s"].value_or(f.restart_at_s);
  f.restart_down_s = ft["restart_down_s"].value_or(f.restart_down_s);
  f.stall_contacts = ft["stall_contacts"].value_or(f.stall_contacts);
  f.stall_after_s = ft["stall_after_s"].value_or(f.stall_after_s);
  f.hang_adapter = ft["hang_adapter"].value_or(f.hang_adapter);
  f.late_gatt = ft["late_gatt"].value_or(f.late_gatt);
}

// One option: returns false on an unknown name or a bad value.
bool apply_option(std::string_view name, std::string_view v, Scenario& s) {
  auto& f = s.faults;
  int seed = 0;
  if (name == "contacts") return to_int(v, s.contacts);
  if (name == "adapters") return to_int(v, s.adapters);
  if (name == "seed") {
    if (!to_int(v, seed)) return false;
    s.seed = static_cast<std::uint64_t>(seed);
    return true;
  }
  if (name == "preset") return (s.preset = std::string(v)), true;
  if (name == "sets") return to_int(v, s.sets);
  if (name == "time-scale") return to_double(v, s.time_scale) && s.time_scale > 0;
  if (name == "connect-latency") return to_double(v, s.connect_latency_s);
  if (name == "truth") return (s.truth_path = std::string(v)), true;
  if (name == "slots") return to_int(v, f.controller_slots);
  if (name == "connect-abort-rate") return to_double(v, f.connect_abort_rate);
  if (name == "connect-in-progress-rate") return to_double(v, f.connect_in_progress_rate);
  if (name == "not-ready-adapter") return to_int(v, f.not_ready_adapter);
  if (name == "link-losses") return to_int(v, f.link_losses);
  if (name == "acquire-eof-contacts") return to_int(v, f.acquire_eof_contacts);
  if (name == "acquire-eof-after") return to_int(v, f.acquire_eof_after_packets);
  if (name == "loss-rate") return to_double(v, f.loss_rate);
  if (name == "burst-mean") return to_double(v, f.burst_mean_packets);
  if (name == "malformed-rate") return to_double(v, f.malformed_rate);
  if (name == "restart-at") return to_double(v, f.restart_at_s);
  if (name == "restart-down") return to_double(v, f.restart_down_s);
  if (name == "stall-contacts") return to_int(v, f.stall_contacts);
  if (name == "stall-after") return to_double(v, f.stall_after_s);
  if (name == "hang-adapter") return to_int(v, f.hang_adapter);
  if (name == "late-gatt") {
    f.late_gatt = v == "1" || v == "true";
    return v == "0" || v == "1" || v == "true" || v == "false";
  }
  return false;
}

}  // namespace

std::string scenario_usage() {
  return "usage: r3-sim [--config FILE.toml] [options]\n"
         "  --contacts N --adapters M --seed S --preset NAME --sets N --time-scale X\n"
         "  --connect-latency SECONDS --truth FILE.jsonl\n"
         "faults:\n"
         "  --slots K                     controller connection limit per adapter\n"
         "  --connect-abort-rate P        Connect fails: Failed le-connection-abort-by-local\n"
         "  --connect-in-progress-rate P  Connect fails: org.bluez.Error.InProgress\n"
         "  --not-ready-adapter I         adapter I answers NotReady until power-cycled\n"
         "  --link-losses N               each contact loses its link N times mid-rep\n"
         "  --acquire-eof-contacts N      the first N contacts end AcquireNotify sockets early\n"
         "  --acquire-eof-after PACKETS   ... after this many packets (default 20)\n"
         "  --loss-rate P --burst-mean N  packet loss bursts\n"
         "  --malformed-rate P            malformed notifications\n"
         "  --restart-at SECONDS --restart-down SECONDS   bluetoothd restart (also on SIGUSR1)\n"
         "  --stall-contacts N --stall-after S  the first N contacts go silent once, link up\n"
         "  --hang-adapter I              Connect on adapter I never answers until power-cycled\n"
         "  --late-gatt 1                 ServicesResolved before the GATT objects appear\n";
}

bool parse_scenario(int argc, char** argv, Scenario& out, std::string& error, bool& help) {
  help = false;
  // The TOML file first, so the command line overrides it.
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::string_view(argv[i]) != "--config") continue;
    try {
      apply_toml(toml::parse_file(argv[i + 1]), out);
    } catch (const toml::parse_error& e) {
      const auto& b = e.source().begin;
      error = std::string(argv[i + 1]) + ":" + std::to_string(b.line) + ":" +
              std::to_string(b.column) + ": " + std::string(e.description());
      return false;
    }
  }
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a == "--help" || a == "-h") return (help = true), true;
    if (a.substr(0, 2) != "--" || i + 1 >= argc) {
      error = "bad argument: " + std::string(a);
      return false;
    }
    const std::string_view value = argv[++i];
    if (a == "--config") continue;
    if (!apply_option(a.substr(2), value, out)) {
      error = "bad option or value: " + std::string(a) + " " + std::string(value);
      return false;
    }
  }
  if (out.contacts < 0 || out.contacts > 255 || out.adapters < 1 || out.adapters > 16) {
    error = "contacts must be 0..255 and adapters 1..16";
    return false;
  }
  return true;
}

std::string contact_address(int index) {
  char buf[18];
  std::snprintf(buf, sizeof buf, "C0:FF:EE:00:%02X:%02X", (index >> 8) & 0xFF, index & 0xFF);
  return buf;
}

std::string adapter_address(int index) {
  char buf[18];
  std::snprintf(buf, sizeof buf, "00:1A:7D:DA:71:%02X", index & 0xFF);
  return buf;
}

}  // namespace r3::sim
