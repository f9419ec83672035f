#include "tools/r3-synth/truth_json.hpp"

#include "core/util/json_writer.hpp"

namespace r3::tools {
namespace {

using util::JsonObjectWriter;

// Truth is compared to detected events: keep more digits than the events' 6 significant.
constexpr int kDecimals = 6;

void line(std::string& out, const auto& write_fields) {
  {
    JsonObjectWriter w(out);
    write_fields(w);
  }
  out += '\n';
}

}  // namespace

std::string truth_json_lines(const core::synth::Session& session, const std::string& preset,
                             std::uint64_t seed) {
  const auto& t = session.truth;
  std::string s;
  line(s, [&](JsonObjectWriter& w) {
    w.add("type", "session").add("preset", preset).add("seed", seed);
    w.add("rate_hz", session.rate_hz);
    w.add("samples", static_cast<std::uint64_t>(session.samples.size()));
    w.add("reps", static_cast<std::uint64_t>(t.reps.size()));
  });
  for (const auto& set : t.sets) {
    line(s, [&](JsonObjectWriter& w) {
      w.add("type", "set").add("set", set.set_index);
      w.add_fixed("start_s", set.start_s, kDecimals).add_fixed("end_s", set.end_s, kDecimals);
      w.add("rep_count", set.rep_count);
    });
  }
  for (const auto& r : t.reps) {
    line(s, [&](JsonObjectWriter& w) {
      w.add("type", "rep").add("set", r.set_index).add("placement", r.placement_index);
      w.add_fixed("start_s", r.start_s, kDecimals).add_fixed("end_s", r.end_s, kDecimals);
      w.add_fixed("rom_deg", r.rom_deg, kDecimals);
      w.add_fixed("force_mean_n", r.force_mean_n, kDecimals);
      w.add_fixed("sparc", r.sparc, kDecimals);
      w.add_fixed("peak_speed_dps", r.peak_speed_dps, kDecimals);
      w.add_fixed("tremor_rms_dps", r.tremor_rms_dps, kDecimals);
      w.add_fixed("tremor_hz", r.tremor_hz, kDecimals);
      w.add_fixed("placement_tilt_deg", r.placement_tilt_deg, kDecimals);
      w.add("out_and_stay", r.out_and_stay);
    });
  }
  for (const auto& h : t.holds) {
    line(s, [&](JsonObjectWriter& w) {
      w.add("type", "hold").add("set", h.set_index).add("placement", h.placement_index);
      w.add_fixed("start_s", h.start_s, kDecimals).add_fixed("end_s", h.end_s, kDecimals);
      w.add_fixed("force_mean_n", h.force_mean_n, kDecimals);
    });
  }
  for (const auto& d : t.distractors) {
    line(s, [&](JsonObjectWriter& w) {
      w.add("type", "distractor").add("kind", core::synth::to_string(d.kind));
      w.add_fixed("start_s", d.start_s, kDecimals).add_fixed("end_s", d.end_s, kDecimals);
    });
  }
  return s;
}

}  // namespace r3::tools
