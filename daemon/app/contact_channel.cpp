#include "daemon/app/contact_channel.hpp"

#include "daemon/app/log.hpp"

namespace r3::app {
namespace {
Presence presence_of(core::ContactState s) {
  switch (s) {
    case core::ContactState::kLoaded:
      return Presence::kLoaded;
    case core::ContactState::kMoving:
      return Presence::kMoving;
    case core::ContactState::kIdle:
      break;
  }
  return Presence::kIdle;
}
}  // namespace

ContactChannel::ContactChannel(mqtt::EventContext context, std::string address,
                               const core::PipelineConfig& config, ChannelServices services)
    : context_(std::move(context)),
      address_(std::move(address)),
      services_(std::move(services)),
      pipeline_(config, *this) {}

void ContactChannel::set_context(mqtt::EventContext context) {
  if (context.user_id != context_.user_id) {
    pipeline_.hand_over(pipeline_.last_stream_time_s());
    said_unbound_ = false;
  }
  context_ = std::move(context);
}

void ContactChannel::start_stream(std::uint64_t stream_id) {
  context_.stream_id = stream_id;
  set_presence(Presence::kIdle);
}

void ContactChannel::stop_stream() {
  if (presence_ == Presence::kAway) return;
  pipeline_.link_lost(pipeline_.last_stream_time_s());
  set_presence(Presence::kAway);
}

void ContactChannel::set_presence(Presence presence) {
  presence_ = presence;
  services_.board.set_presence(context_.device_id, presence);
}

bool ContactChannel::attributed() {
  if (!context_.user_id.empty()) return true;
  if (!said_unbound_) {
    said_unbound_ = true;
    log_info("contact " + context_.device_id + " (" + address_ +
             ") is bound to no user: its events are not published until it is bound");
  }
  return false;
}

void ContactChannel::on_rep(const core::RepEvent& rep) {
  if (!attributed()) return;
  services_.publisher.publish_rep(context_, rep);
  services_.tallies.rep(context_.user_id, context_.device_id, in_session(),
                        local_day(services_.clock()));
  services_.board.refresh();
}

void ContactChannel::on_hold(const core::HoldEvent& hold) {
  if (!attributed()) return;
  services_.publisher.publish_hold(context_, hold);
  services_.tallies.hold(context_.user_id, in_session());
}

void ContactChannel::on_set(const core::SetSummary& set) {
  if (!attributed()) return;
  services_.publisher.publish_set(context_, set);
  services_.tallies.set_closed(context_.user_id, context_.device_id, in_session());
  services_.board.refresh();
}

void ContactChannel::on_live(const core::LiveSample& live) {
  // The contact's presence follows its state: the board publishes on change, not per sample.
  if (presence_ != Presence::kAway) set_presence(presence_of(live.state));
  if (context_.user_id.empty()) return;  // live samples are not worth a log line
  services_.publisher.publish_live(context_, live);
}

void ContactChannel::on_quality(const core::QualityStats& quality) {
  if (quality.packets_missing > 0 || quality.malformed > 0) {
    log_debug("contact " + context_.device_id + ": " + std::to_string(quality.packets_missing) +
              " packets missing, " + std::to_string(quality.malformed) + " malformed so far");
  }
}

}  // namespace r3::app
