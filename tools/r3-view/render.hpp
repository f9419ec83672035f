#pragma once
// The terminal picture of a ViewModel: a header, then per gateway one line per bound user and
// one line per contact that needs explaining. Every line fits kMaxColumns.

#include <cstddef>
#include <string>

#include "tools/r3-view/broker_state.hpp"
#include "tools/r3-view/view_model.hpp"

namespace r3::view {

inline constexpr std::size_t kMaxColumns = 100;

struct RenderInfo {
  BrokerState broker;
  std::string gateway;      // the subscription's gateway level ("+" = all)
  bool ansi = true;         // false: no screen control or bold (logs, pipes)
  std::size_t rows = 0;     // terminal height; 0: no limit
  std::size_t columns = 0;  // terminal width, when under kMaxColumns; 0: kMaxColumns
};

// now_s: the same clock as ViewModel::apply's, to blank stale live gauges.
[[nodiscard]] std::string render(const ViewModel& model, const RenderInfo& info, double now_s);

}  // namespace r3::view
