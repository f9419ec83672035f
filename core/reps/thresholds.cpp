#include "core/reps/thresholds.hpp"

#include <cmath>
#include <utility>

namespace r3::core {

std::string Thresholds::validate() const {
  const std::pair<const char*, double> all[] = {{"load_on_n", load_on_n},
                                                {"load_off_n", load_off_n},
                                                {"load_debounce_s", load_debounce_s},
                                                {"rep_min_duration_s", rep_min_duration_s},
                                                {"rep_min_rom_deg", rep_min_rom_deg},
                                                {"rep_max_duration_s", rep_max_duration_s},
                                                {"move_start_deg", move_start_deg},
                                                {"still_dps", still_dps},
                                                {"stop_s", stop_s},
                                                {"hold_min_s", hold_min_s},
                                                {"set_gap_s", set_gap_s}};
  for (const auto& [name, value] : all) {
    if (!std::isfinite(value)) return std::string(name) + " must be a finite number";
  }
  if (!(load_on_n > 0.0)) return "load_on_n must be > 0";
  if (!(load_off_n >= 0.0 && load_off_n < load_on_n))
    return "load_off_n must be >= 0 and < load_on_n";
  if (!(load_debounce_s >= 0.0 && load_debounce_s <= 5.0)) return "load_debounce_s must be in 0..5";
  if (!(rep_min_duration_s > 0.0)) return "rep_min_duration_s must be > 0";
  if (!(rep_max_duration_s > rep_min_duration_s && rep_max_duration_s <= 60.0)) {
    return "rep_max_duration_s must be > rep_min_duration_s and <= 60";
  }
  if (!(rep_min_rom_deg > 0.0 && rep_min_rom_deg < 180.0))
    return "rep_min_rom_deg must be in (0, 180)";
  if (!(move_start_deg > 0.0 && move_start_deg <= rep_min_rom_deg)) {
    return "move_start_deg must be > 0 and <= rep_min_rom_deg";
  }
  if (!(still_dps > 0.0)) return "still_dps must be > 0";
  if (!(stop_s > 0.0)) return "stop_s must be > 0";
  if (!(hold_min_s > 0.0)) return "hold_min_s must be > 0";
  if (!(set_gap_s > 0.0)) return "set_gap_s must be > 0";
  if (reference_tilt_deg && !(*reference_tilt_deg >= 0.0 && *reference_tilt_deg <= 180.0)) {
    return "reference_tilt_deg must be in 0..180";
  }
  return {};
}

}  // namespace r3::core
