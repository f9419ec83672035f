#include "daemon/app/contact_channel.hpp"

#include "daemon/app/log.hpp"

namespace r3::app {
namespace {
const char* state_name(core::ContactState s, bool streaming) {
  if (!streaming) return "away";
  switch (s) {
    case core::ContactState::kLoaded:
      return "loaded";
    case core::ContactState::kMoving:
      return "moving";
    case core::ContactState::kIdle:
      break;
  }
  return "idle";
}
}  // namespace

ContactChannel::ContactChannel(mqtt::EventContext context, std::string address,
                               const core::PipelineConfig& config, mqtt::Publisher& publisher,
                               SessionTally& tally)
    : context_(std::move(context)),
      address_(std::move(address)),
      publisher_(publisher),
      tally_(tally),
      pipeline_(config, *this) {}

void ContactChannel::set_context(mqtt::EventContext context) {
  context_ = std::move(context);
  publish_user_status();
}

void ContactChannel::start_stream(std::uint64_t stream_id) {
  context_.stream_id = stream_id;
  streaming_ = true;
  state_ = core::ContactState::kIdle;
  publish_user_status();
}

void ContactChannel::stop_stream() {
  if (!streaming_) return;
  pipeline_.link_lost(pipeline_.last_stream_time_s());
  streaming_ = false;
  state_ = core::ContactState::kIdle;
  publish_user_status();
}

void ContactChannel::publish_user_status() {
  if (context_.user_id.empty()) return;
  publisher_.publish_user_status(
      {context_.user_id, context_.device_id, context_.session_id, state_name(state_, streaming_)});
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
  publisher_.publish_rep(context_, rep);
  if (!context_.session_id.empty()) tally_.rep(context_.user_id);
}

void ContactChannel::on_hold(const core::HoldEvent& hold) {
  if (!attributed()) return;
  publisher_.publish_hold(context_, hold);
  if (!context_.session_id.empty()) tally_.hold(context_.user_id);
}

void ContactChannel::on_set(const core::SetSummary& set) {
  if (!attributed()) return;
  publisher_.publish_set(context_, set);
  if (!context_.session_id.empty()) tally_.set(context_.user_id);
}

void ContactChannel::on_live(const core::LiveSample& live) {
  if (context_.user_id.empty()) return;  // live samples are not worth a log line
  publisher_.publish_live(context_, live);
  // The user's status follows the contact's state: published on change, not per sample.
  if (live.state != state_) {
    state_ = live.state;
    publish_user_status();
  }
}

void ContactChannel::on_quality(const core::QualityStats& quality) {
  if (quality.packets_missing > 0 || quality.malformed > 0) {
    log_debug("contact " + context_.device_id + ": " + std::to_string(quality.packets_missing) +
              " packets missing, " + std::to_string(quality.malformed) + " malformed so far");
  }
}

}  // namespace r3::app
