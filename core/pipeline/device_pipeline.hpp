#pragma once
// One contact's real-time pipeline: decode -> condition -> orientation -> reps -> metrics -> sets.
// Pure: bytes and times in, events out through an EventSink. No allocation per sample.

#include <cstdint>
#include <memory>
#include <span>

#include "core/events/events.hpp"
#include "core/pipeline/pipeline_config.hpp"
#include "core/protocol/sample.hpp"

namespace r3::core {

class DevicePipeline {
 public:
  // An invalid config (see PipelineConfig::validate) is replaced, field by field, by defaults.
  DevicePipeline(const PipelineConfig& config, EventSink& sink);
  ~DevicePipeline();
  DevicePipeline(const DevicePipeline&) = delete;
  DevicePipeline& operator=(const DevicePipeline&) = delete;

  // The daemon's path: one BLE notification and the receiver's monotonic time of its arrival.
  void push_packet(std::span<const std::uint8_t> bytes, double rx_time_s);
  // The trace path: one sample with its own time.
  void push_sample(const Sample& sample);

  // The link was lost: an open rep is discarded (see docs/rep-definition.md), state resets.
  void link_lost(double t_s);
  // A set ends by command.
  void end_set(double t_s);
  // End of stream: close whatever is open (a rep in progress is closed if it qualifies).
  void flush(double t_s);
  // The contact changes hands at t_s (stream time): a rep under way ends at t_s (kept if it
  // qualifies), the hold and the set close (end reason kRebind), so every event of the samples
  // before t_s is out before the caller attributes what follows to someone else. A load still
  // applied goes on as a new placement whose rest starts once the contact is still.
  void hand_over(double t_s);

  // New thresholds (a user's, from config or a command); a rep under way carries on. False, and
  // nothing changed, when they are not valid (Thresholds::validate).
  bool set_thresholds(const Thresholds& thresholds);
  // Software tare: zero the force at the current unloaded reading. False when loaded.
  bool tare();

  [[nodiscard]] const QualityStats& quality() const;
  [[nodiscard]] double last_stream_time_s() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace r3::core
