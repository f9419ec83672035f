#include "daemon/app/contact_router.hpp"

#include <ctime>

#include "daemon/app/config_mapping.hpp"
#include "daemon/app/log.hpp"

namespace r3::app {

ContactRouter::ContactRouter(const Config& config, const RoomModel& room, ChannelServices services)
    : config_(config), room_(room), services_(std::move(services)) {}

core::Thresholds ContactRouter::thresholds_for(const std::string& user) const {
  // Set by command (saved in the room) wins over the config.
  return room_.user_thresholds(user).value_or(config_.thresholds_for(user));
}

mqtt::EventContext ContactRouter::context_for(const bluez::ContactId& id) const {
  mqtt::EventContext ctx;
  ctx.device_id = id;
  ctx.user_id = room_.user_for(id).value_or("");
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
  auto ctx = context_for(id);
  const auto config = pipeline_config(config_, thresholds_for(ctx.user_id));
  log_info("contact " + id + " (" + address + "): user " +
           (ctx.user_id.empty() ? std::string("none") : ctx.user_id));
  auto made = std::make_unique<ContactChannel>(std::move(ctx), address, config, services_);
  return *channels_.emplace(id, std::move(made)).first->second;
}

void ContactRouter::refresh() {
  for (auto& [id, ch] : channels_) {
    auto ctx = context_for(id);
    ctx.stream_id = ch->context().stream_id;
    ch->set_context(std::move(ctx));  // closes what is open under the old user first
    ch->pipeline().set_thresholds(thresholds_for(ch->context().user_id));
  }
  const auto bindings = room_.bindings();
  std::set<std::string> changed;
  for (const auto& [device, user] : bindings) {
    const auto it = published_bindings_.find(device);
    if (it == published_bindings_.end() || it->second != user) changed.insert(device);
  }
  for (const auto& [device, user] : published_bindings_) {
    if (bindings.count(device) == 0) changed.insert(device);
  }
  published_bindings_ = bindings;
  for (const auto& device : changed) publish_device(device);
  services_.board.refresh();
}

void ContactRouter::publish_devices() {
  std::set<std::string> devices = services_.board.known_devices();
  for (const auto& [device, user] : room_.bindings()) devices.insert(device);
  for (const auto& [id, ch] : channels_) devices.insert(id);
  for (const auto& device : devices) publish_device(device);
  published_bindings_ = room_.bindings();
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
    ch.start_stream(static_cast<std::uint64_t>(services_.clock() / 1000));
    streaming_ids_.insert(id);
  } else {
    ch.stop_stream();
    streaming_ids_.erase(id);
  }
  reasons_[id] = std::string(reason);
  log_info("contact " + id + ": " + std::string(bluez::to_string(state)) + " (" +
           std::string(reason) + ")");
  publish_device(id);
}

void ContactRouter::on_over_budget(const bluez::ContactId& id, std::string_view address) {
  const auto why = "every adapter's slots are taken (ble.slots_per_adapter = " +
                   std::to_string(config_.ble.slots_per_adapter) + ")";
  log_warning("contact " + id + " (" + std::string(address) + ") not connected: " + why);
  channel(id);  // known to the room from now on
  reasons_[id] = why;
  publish_device(id);
}

void ContactRouter::on_battery(const bluez::ContactId& id, std::uint8_t /*percent*/) {
  // The level itself is read back from the links' stats with the rest of the status.
  publish_device(id);
}

void ContactRouter::on_bluez_available(bool available) {
  if (available) {
    // At first start this is no news: only a return after a loss is worth a line.
    if (bluez_seen_) log_info("bluetoothd is back: the links rebuild themselves");
  } else {
    log_warning("bluetoothd went away: waiting for it to come back");
  }
  bluez_seen_ = true;
}

void ContactRouter::publish_device(const bluez::ContactId& id) {
  mqtt::DeviceStatus s;
  s.device_id = id;
  s.link_state = "unseen";
  const auto info = links_ != nullptr ? links_->contact(id) : std::nullopt;
  if (info) {
    s.link_state = std::string(bluez::to_string(info->state));
    s.address = info->address;
    s.adapter = info->adapter;
    s.loss_rate = info->stats.loss_rate();
    if (info->stats.rssi_dbm) s.rssi_dbm = *info->stats.rssi_dbm;
    if (info->stats.battery_percent) s.battery_percent = *info->stats.battery_percent;
    if (const auto it = reasons_.find(id); it != reasons_.end()) s.reason = it->second;
  } else {
    s.reason = "not seen by BlueZ since the gateway started";
  }
  s.user_id = room_.user_for(id).value_or("");
  services_.board.publish_device(s);
}

}  // namespace r3::app
