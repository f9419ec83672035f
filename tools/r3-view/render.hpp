#pragma once
// The terminal picture of a ViewModel: a header and one line per user, plain ANSI.

#include <string>

#include "tools/r3-view/view_model.hpp"

namespace r3::view {

struct RenderInfo {
  std::string broker;   // "localhost:1883"
  std::string gateway;  // the subscription's gateway level ("+" = all)
  bool connected = false;
  bool ansi = true;  // false: no screen clearing, no colour (logs, pipes)
};

// now_s: the same clock as ViewModel::apply's, to grey out stale live gauges.
[[nodiscard]] std::string render(const ViewModel& model, const RenderInfo& info, double now_s);

}  // namespace r3::view
