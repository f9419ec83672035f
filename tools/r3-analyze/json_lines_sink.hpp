#pragma once
// Writes pipeline events as JSON lines (the objects MQTT carries) and counts them.

#include <cstdint>
#include <ostream>

#include "core/events/event_json.hpp"
#include "core/events/events.hpp"

namespace r3::tools {

struct EventCounts {
  std::uint64_t reps = 0, holds = 0, sets = 0;
};

class JsonLinesSink final : public core::EventSink {
 public:
  JsonLinesSink(std::ostream& out, bool live, bool quality)
      : out_(out), live_(live), quality_(quality) {}
  void on_rep(const core::RepEvent& e) override {
    ++counts_.reps;
    out_ << core::to_json(e) << '\n';
  }
  void on_hold(const core::HoldEvent& e) override {
    ++counts_.holds;
    out_ << core::to_json(e) << '\n';
  }
  void on_set(const core::SetSummary& e) override {
    ++counts_.sets;
    out_ << core::to_json(e) << '\n';
  }
  void on_live(const core::LiveSample& e) override {
    if (live_) out_ << core::to_json(e) << '\n';
  }
  void on_quality(const core::QualityStats& e) override {
    if (quality_) out_ << core::to_json(e) << '\n';
  }
  [[nodiscard]] const EventCounts& counts() const { return counts_; }

 private:
  std::ostream& out_;
  bool live_;
  bool quality_;
  EventCounts counts_;
};

}  // namespace r3::tools
