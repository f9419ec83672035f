#include "tools/r3-synth/truth_json.hpp"

#include <cmath>
#include <cstdio>

namespace r3::tools {
namespace {

// Numbers with enough digits for times in ms and angles in hundredths; JSON has no NaN.
void num(std::string& s, const char* key, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, ",\"%s\":%.9g", key, std::isfinite(v) ? v : 0.0);
  s += buf;
}
void integer(std::string& s, const char* key, long long v) {
  s += ",\"";
  s += key;
  s += "\":";
  s += std::to_string(v);
}

}  // namespace

std::string truth_json_lines(const core::synth::Session& session, const std::string& preset,
                             std::uint64_t seed) {
  const auto& t = session.truth;
  std::string s = "{\"type\":\"session\",\"preset\":\"" + preset + "\"";
  integer(s, "seed", static_cast<long long>(seed));
  num(s, "rate_hz", session.rate_hz);
  integer(s, "samples", static_cast<long long>(session.samples.size()));
  integer(s, "reps", static_cast<long long>(t.reps.size()));
  s += "}\n";
  for (const auto& set : t.sets) {
    s += "{\"type\":\"set\"";
    integer(s, "set", set.set_index);
    num(s, "start_s", set.start_s);
    num(s, "end_s", set.end_s);
    integer(s, "rep_count", set.rep_count);
    s += "}\n";
  }
  for (const auto& r : t.reps) {
    s += "{\"type\":\"rep\"";
    integer(s, "set", r.set_index);
    integer(s, "placement", r.placement_index);
    num(s, "start_s", r.start_s);
    num(s, "end_s", r.end_s);
    num(s, "rom_deg", r.rom_deg);
    num(s, "force_mean_n", r.force_mean_n);
    num(s, "sparc", r.sparc);
    num(s, "peak_speed_dps", r.peak_speed_dps);
    num(s, "placement_tilt_deg", r.placement_tilt_deg);
    s += r.out_and_stay ? ",\"out_and_stay\":true}\n" : ",\"out_and_stay\":false}\n";
  }
  for (const auto& h : t.holds) {
    s += "{\"type\":\"hold\"";
    integer(s, "set", h.set_index);
    integer(s, "placement", h.placement_index);
    num(s, "start_s", h.start_s);
    num(s, "end_s", h.end_s);
    num(s, "force_mean_n", h.force_mean_n);
    s += "}\n";
  }
  for (const auto& d : t.distractors) {
    s += "{\"type\":\"distractor\",\"kind\":\"" + core::synth::to_string(d.kind) + "\"";
    num(s, "start_s", d.start_s);
    num(s, "end_s", d.end_s);
    s += "}\n";
  }
  return s;
}

}  // namespace r3::tools
