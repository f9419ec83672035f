// The ground truth as JSON lines: one "contact" line per contact, then one "rep" line per rep.
#include <fstream>
#include <nlohmann/json.hpp>

#include "sim/room.hpp"

namespace r3::sim {

bool write_truth(const std::string& path, const World& world, std::string& error) {
  std::ofstream out(path);
  if (!out) {
    error = "cannot write " + path;
    return false;
  }
  for (const auto& c : world.contacts) {
    const auto& t = c->truth();
    nlohmann::json line = {{"type", "contact"},
                           {"index", c->index()},
                           {"address", c->address()},
                           {"reps", t.reps.size()},
                           {"sets", t.sets.size()},
                           {"holds", t.holds.size()},
                           {"packets", c->session_packets()},
                           {"first_sequence", c->first_sequence()},
                           {"sequences", c->session_sequences()},
                           {"duration_s", c->session_duration_s()}};
    out << line.dump() << '\n';
    for (const auto& r : t.reps) {
      nlohmann::json rep = {{"type", "rep"},        {"address", c->address()},
                            {"set", r.set_index},   {"placement", r.placement_index},
                            {"start_s", r.start_s}, {"end_s", r.end_s},
                            {"rom_deg", r.rom_deg}, {"force_mean_n", r.force_mean_n},
                            {"sparc", r.sparc},     {"out_and_stay", r.out_and_stay}};
      out << rep.dump() << '\n';
    }
  }
  out.flush();
  if (!out) {
    error = "write failed: " + path;
    return false;
  }
  return true;
}

}  // namespace r3::sim
