#pragma once
// An EventSink that only counts events: storing them would allocate, and the allocation test
// and the benchmarks must see the pipeline's own cost alone.

#include "core/events/events.hpp"

namespace r3::testing {

struct CountingSink final : core::EventSink {
  long events = 0;
  void on_rep(const core::RepEvent&) override { ++events; }
  void on_hold(const core::HoldEvent&) override { ++events; }
  void on_set(const core::SetSummary&) override { ++events; }
  void on_live(const core::LiveSample&) override { ++events; }
  void on_quality(const core::QualityStats&) override { ++events; }
};

}  // namespace r3::testing
