#pragma once
// One contact's pipeline and where its events go: each event is published with the contact's
// current context (bound user, running session, stream) and counted for the session summary.
// Events of a contact bound to no one are not published (logged once).

#include <cstdint>
#include <string>

#include "core/pipeline/device_pipeline.hpp"
#include "daemon/app/session_tally.hpp"
#include "daemon/mqtt/publisher.hpp"

namespace r3::app {

class ContactChannel final : public core::EventSink {
 public:
  ContactChannel(mqtt::EventContext context, std::string address,
                 const core::PipelineConfig& config, mqtt::Publisher& publisher,
                 SessionTally& tally);
  ContactChannel(const ContactChannel&) = delete;
  ContactChannel& operator=(const ContactChannel&) = delete;

  [[nodiscard]] core::DevicePipeline& pipeline() { return pipeline_; }
  [[nodiscard]] const mqtt::EventContext& context() const { return context_; }
  [[nodiscard]] const std::string& address() const { return address_; }
  // The user or session changed. Publishes the user's status.
  void set_context(mqtt::EventContext context);
  // Notifications flow again: a new stream, named for its sets by `stream_id`.
  void start_stream(std::uint64_t stream_id);
  // The stream broke: an open rep is discarded, state resets (DevicePipeline::link_lost).
  void stop_stream();
  void publish_user_status();

  void on_rep(const core::RepEvent& rep) override;
  void on_hold(const core::HoldEvent& hold) override;
  void on_set(const core::SetSummary& set) override;
  void on_live(const core::LiveSample& live) override;
  void on_quality(const core::QualityStats& quality) override;

 private:
  [[nodiscard]] bool attributed();

  mqtt::EventContext context_;
  std::string address_;
  mqtt::Publisher& publisher_;
  SessionTally& tally_;
  core::ContactState state_ = core::ContactState::kIdle;
  bool streaming_ = false;
  bool said_unbound_ = false;      // the "bound to no user" line is logged once per contact
  core::DevicePipeline pipeline_;  // last: it holds *this as its sink
};

}  // namespace r3::app
