#pragma once
// The sample rate of a trace, from the spacing of its first timestamps (median: robust to a few
// missing or jittered rows).

#include <optional>
#include <span>

#include "core/protocol/sample.hpp"

namespace r3::core {

// None when fewer than two increasing timestamps.
std::optional<double> estimate_rate_hz(std::span<const Sample> first_samples);

}  // namespace r3::core
