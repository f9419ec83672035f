#pragma once
// The numeric fields of core::Thresholds by their config/JSON names, so the config parser and
// the room state read and write the same list (reference_tilt_deg, optional, is handled apart).

#include <array>
#include <utility>

#include "core/reps/thresholds.hpp"

namespace r3::app {

using ThresholdsField = std::pair<const char*, double core::Thresholds::*>;

inline constexpr std::array<ThresholdsField, 11> kThresholdsFields = {{
    {"load_on_n", &core::Thresholds::load_on_n},
    {"load_off_n", &core::Thresholds::load_off_n},
    {"load_debounce_s", &core::Thresholds::load_debounce_s},
    {"rep_min_duration_s", &core::Thresholds::rep_min_duration_s},
    {"rep_min_rom_deg", &core::Thresholds::rep_min_rom_deg},
    {"rep_max_duration_s", &core::Thresholds::rep_max_duration_s},
    {"move_start_deg", &core::Thresholds::move_start_deg},
    {"still_dps", &core::Thresholds::still_dps},
    {"stop_s", &core::Thresholds::stop_s},
    {"hold_min_s", &core::Thresholds::hold_min_s},
    {"set_gap_s", &core::Thresholds::set_gap_s},
}};

}  // namespace r3::app
