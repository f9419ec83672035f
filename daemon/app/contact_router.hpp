#pragma once
// Routes what the BlueZ links report to one ContactChannel (pipeline) per contact, and keeps
// each channel's context (bound user, session, thresholds) in step with the room.

#include <map>
#include <memory>
#include <set>
#include <string>

#include "daemon/app/config.hpp"
#include "daemon/app/contact_channel.hpp"
#include "daemon/app/room_model.hpp"
#include "daemon/app/session_tally.hpp"
#include "daemon/bluez/contact_links.hpp"
#include "daemon/mqtt/publisher.hpp"

namespace r3::app {

class ContactRouter final : public bluez::ContactListener {
 public:
  // Borrows everything; `config` is the gateway's, updated in place on reload.
  ContactRouter(const Config& config, const RoomModel& room, mqtt::Publisher& publisher,
                SessionTally& tally);

  // The links, once built (they need this listener first). Used for addresses and stats.
  void attach(const bluez::ContactLinks* links) { links_ = links; }

  // Bindings, session, thresholds or config changed: recompute every channel's user, session and
  // thresholds. A contact moving to another user has its open set closed first.
  void refresh();
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
  [[nodiscard]] mqtt::EventContext context_for(const bluez::ContactId& id,
                                               const std::string& address) const;
  void publish_device(const bluez::ContactId& id, std::string_view state_name);

  const Config& config_;
  const RoomModel& room_;
  mqtt::Publisher& publisher_;
  SessionTally& tally_;
  const bluez::ContactLinks* links_ = nullptr;
  std::map<bluez::ContactId, std::unique_ptr<ContactChannel>> channels_;
  std::set<bluez::ContactId> streaming_ids_;
};

}  // namespace r3::app
