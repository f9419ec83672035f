#include "daemon/app/contact_router.hpp"

#include <ctime>

#include "daemon/app/config_mapping.hpp"
#include "daemon/app/log.hpp"

namespace r3::app {

ContactRouter::ContactRouter(const Config& config, const RoomModel& room,
                             mqtt::Publisher& publisher, SessionTally& tally)
    : config_(config), room_(room), publisher_(publisher), tally_(tally) {}

core::Thresholds ContactRouter::thresholds_for(const std::string& user) const {
  // Set by command (saved in the room) wins over the config.
  return room_.user_thresholds(user).value_or(config_.thresholds_for(user));
}

mqtt::EventContext ContactRouter::context_for(const bluez::ContactId& id,
                                              const std::string& address) const {
  mqtt::EventContext ctx;
  ctx.device_id = id;
  ctx.user_id = room_.user_for(id, address).value_or("");
  if (room_.session()) ctx.session_id = room_.session()->id;
  return ctx;
}

ContactChannel& ContactRouter::channel(const bluez::ContactId& id) {
  auto it = channels_.find(id);
  if (it != channels_.end()) return *it->second;
  std::string address;
  if (links_ != nullptr) {
    if (const auto info = links_->contact(id)) address = info->address;
  }
  auto ctx = context_for(id, address);
  const auto config = pipeline_config(config_, thresholds_for(ctx.user_id));
  log_info("contact " + id + " (" + address + "): user " +
           (ctx.user_id.empty() ? std::string("none") : ctx.user_id));
  auto made = std::make_unique<ContactChannel>(std::move(ctx), address, config, publisher_, tally_);
  return *channels_.emplace(id, std::move(made)).first->second;
}

void ContactRouter::refresh() {
  for (auto& [id, ch] : channels_) {
    auto ctx = context_for(id, ch->address());
    const auto& old = ch->context();
    ctx.stream_id = old.stream_id;
    if (ctx.user_id == old.user_id && ctx.session_id == old.session_id) {
      ch->pipeline().set_thresholds(thresholds_for(ctx.user_id));
      continue;
    }
    // The open set belongs to the previous user (or session): close it under that context.
    if (ctx.user_id != old.user_id) ch->pipeline().end_set(ch->pipeline().last_stream_time_s());
    ch->pipeline().set_thresholds(thresholds_for(ctx.user_id));
    ch->set_context(std::move(ctx));
  }
}

void ContactRouter::end_sets() {
  for (auto& [id, ch] : channels_) ch->pipeline().end_set(ch->pipeline().last_stream_time_s());
}

void ContactRouter::flush() {
  for (auto& [id, ch] : channels_) ch->pipeline().flush(ch->pipeline().last_stream_time_s());
}

void ContactRouter::on_packet(const bluez::ContactId& id, std::span<const std::uint8_t> bytes,
                              double rx_monotonic_s) {
  channel(id).pipeline().push_packet(bytes, rx_monotonic_s);
}

void ContactRouter::on_link_state(const bluez::ContactId& id, bluez::LinkState state,
                                  std::string_view reason) {
  auto& ch = channel(id);
  if (state == bluez::LinkState::kStreaming) {
    // A new stream: its sets are named after when it began (unix seconds).
    ch.start_stream(static_cast<std::uint64_t>(std::time(nullptr)));
    streaming_ids_.insert(id);
  } else {
    ch.stop_stream();
    streaming_ids_.erase(id);
  }
  log_info("contact " + id + ": " + std::string(bluez::to_string(state)) + " (" +
           std::string(reason) + ")");
  publish_device(id, bluez::to_string(state));
}

void ContactRouter::on_over_budget(const bluez::ContactId& id, std::string_view address) {
  log_warning("contact " + id + " (" + std::string(address) +
              ") not connected: every adapter's slots are taken (ble.slots_per_adapter = " +
              std::to_string(config_.ble.slots_per_adapter) + ")");
  publish_device(id, bluez::to_string(bluez::LinkState::kOverBudget));
}

void ContactRouter::on_battery(const bluez::ContactId& id, std::uint8_t /*percent*/) {
  // The level itself is read back from the links' stats with the rest of the status.
  const auto info = links_ != nullptr ? links_->contact(id) : std::nullopt;
  if (info) publish_device(id, bluez::to_string(info->state));
}

void ContactRouter::on_bluez_available(bool available) {
  if (available) {
    log_info("bluetoothd is back: the links rebuild themselves");
  } else {
    log_warning("bluetoothd went away: waiting for it to come back");
  }
}

void ContactRouter::publish_device(const bluez::ContactId& id, std::string_view state_name) {
  mqtt::DeviceStatus s;
  s.device_id = id;
  s.link_state = std::string(state_name);
  if (links_ != nullptr) {
    if (const auto info = links_->contact(id)) {
      s.address = info->address;
      s.adapter = info->adapter;
      s.loss_rate = info->stats.loss_rate();
      if (info->stats.rssi_dbm) s.rssi_dbm = *info->stats.rssi_dbm;
      if (info->stats.battery_percent) s.battery_percent = *info->stats.battery_percent;
    }
  }
  s.user_id = room_.user_for(id, s.address).value_or("");
  publisher_.publish_device(s);
}

}  // namespace r3::app
