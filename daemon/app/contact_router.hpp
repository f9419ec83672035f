#pragma once
// Routes what the BlueZ links report to one ContactChannel (pipeline) per contact, keeps each
// channel's context (bound user, session, thresholds) in step with the room, and publishes each
// contact's devices/<id> status (through the status board) on every link or binding change.

#include <map>
#include <memory>
#include <set>
#include <string>

#include "daemon/app/config.hpp"
#include "daemon/app/contact_channel.hpp"
#include "daemon/app/room_model.hpp"
#include "daemon/bluez/contact_links.hpp"

namespace r3::app {

class ContactRouter final : public bluez::ContactListener {
 public:
  // Borrows everything; `config` is the gateway's, updated in place on reload.
  ContactRouter(const Config& config, const RoomModel& room, ChannelServices services);

  // The links, once built (they need this listener first). Used for addresses and stats.
  void attach(const bluez::ContactLinks* links) { links_ = links; }

  // Bindings, session, thresholds or config changed: recompute every channel's user, session and
  // thresholds (a contact changing hands closes what is open under its old user first), then
  // republish the devices and users whose binding changed.
  void refresh();
  // Publishes devices/<id> for every contact the room knows of: seen, bound, or published by an
  // earlier run (those not seen yet are "unseen").
  void publish_devices();
  // The thresholds a user's reps are judged by: set by command, else the config's.
  [[nodiscard]] core::Thresholds thresholds_for(const std::string& user) const;

  // Closes the open sets of every contact (session stop).
  void end_sets();
  // Closes whatever is open (shutdown).
  void flush();
  [[nodiscard]] std::size_t size() const { return channels_.size(); }
  [[nodiscard]] std::size_t streaming() const { return streaming_ids_.size(); }

  void on_packet(const bluez::ContactId& id, std::span<const std::uint8_t> bytes,
                 double rx_monotonic_s) override;
  void on_link_state(const bluez::ContactId& id, bluez::LinkState state,
                     std::string_view reason) override;
  void on_over_budget(const bluez::ContactId& id, std::string_view address) override;
  void on_battery(const bluez::ContactId& id, std::uint8_t percent) override;
  void on_bluez_available(bool available) override;

 private:
  ContactChannel& channel(const bluez::ContactId& id);
  [[nodiscard]] mqtt::EventContext context_for(const bluez::ContactId& id) const;
  void publish_device(const bluez::ContactId& id);

  const Config& config_;
  const RoomModel& room_;
  ChannelServices services_;
  const bluez::ContactLinks* links_ = nullptr;
  std::map<bluez::ContactId, std::unique_ptr<ContactChannel>> channels_;
  std::set<bluez::ContactId> streaming_ids_;
  std::map<bluez::ContactId, std::string> reasons_;        // the last reason given per contact
  std::map<std::string, std::string> published_bindings_;  // device -> user, as last published
  bool bluez_seen_ = false;
};

}  // namespace r3::app
