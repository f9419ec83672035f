#pragma once
// One contact's pipeline and where its events go: each event is published with the contact's
// current context (bound user, running session, stream) and counted in the tallies; what the
// contact is doing (away, idle, loaded, moving) goes to the status board.
// Events of a contact bound to no one are not published (logged once).

#include <cstdint>
#include <functional>
#include <string>

#include "core/pipeline/device_pipeline.hpp"
#include "daemon/app/status_board.hpp"
#include "daemon/app/tallies.hpp"
#include "daemon/mqtt/publisher.hpp"

namespace r3::app {

// What a channel needs from the rest of the gateway, borrowed.
struct ChannelServices {
  mqtt::Publisher& publisher;
  Tallies& tallies;
  StatusBoard& board;
  std::function<std::int64_t()> clock;  // unix ms, for the tallies' day
};

class ContactChannel final : public core::EventSink {
 public:
  ContactChannel(mqtt::EventContext context, std::string address,
                 const core::PipelineConfig& config, ChannelServices services);
  ContactChannel(const ContactChannel&) = delete;
  ContactChannel& operator=(const ContactChannel&) = delete;

  [[nodiscard]] core::DevicePipeline& pipeline() { return pipeline_; }
  [[nodiscard]] const mqtt::EventContext& context() const { return context_; }
  [[nodiscard]] const std::string& address() const { return address_; }
  // The user or session changed. When the user changes, everything open is closed first and
  // published under the old user (DevicePipeline::hand_over): nothing after the change is his.
  void set_context(mqtt::EventContext context);
  // Notifications flow again: a new stream, named for its sets by `stream_id`.
  void start_stream(std::uint64_t stream_id);
  // The stream broke: an open rep is discarded, state resets (DevicePipeline::link_lost).
  void stop_stream();

  void on_rep(const core::RepEvent& rep) override;
  void on_hold(const core::HoldEvent& hold) override;
  void on_set(const core::SetSummary& set) override;
  void on_live(const core::LiveSample& live) override;
  void on_quality(const core::QualityStats& quality) override;

 private:
  [[nodiscard]] bool attributed();
  [[nodiscard]] bool in_session() const { return !context_.session_id.empty(); }
  void set_presence(Presence presence);

  mqtt::EventContext context_;
  std::string address_;
  ChannelServices services_;
  Presence presence_ = Presence::kAway;
  bool said_unbound_ = false;      // the "bound to no user" line is logged once per contact
  core::DevicePipeline pipeline_;  // last: it holds *this as its sink
};

}  // namespace r3::app
