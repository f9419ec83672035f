#pragma once
// An EventSink that keeps what it is given, for tests.

#include <vector>

#include "core/events/events.hpp"

namespace r3::core::testing {

struct RecordingSink final : EventSink {
  std::vector<RepEvent> reps;
  std::vector<HoldEvent> holds;
  std::vector<SetSummary> sets;
  std::vector<LiveSample> live;
  std::vector<QualityStats> quality;
  void on_rep(const RepEvent& e) override { reps.push_back(e); }
  void on_hold(const HoldEvent& e) override { holds.push_back(e); }
  void on_set(const SetSummary& e) override { sets.push_back(e); }
  void on_live(const LiveSample& e) override { live.push_back(e); }
  void on_quality(const QualityStats& e) override { quality.push_back(e); }
};

}  // namespace r3::core::testing
