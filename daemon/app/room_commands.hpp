#pragma once
// The MQTT commands (cmd/bind, unbind, start_session, stop_session, tare, identify,
// set_thresholds) applied to the room: the room model records them, the router follows (it
// closes what a contact changing hands had open, and republishes the retained state).

#include <functional>

#include "daemon/app/contact_router.hpp"
#include "daemon/app/room_model.hpp"
#include "daemon/app/tallies.hpp"
#include "daemon/bluez/contact_links.hpp"
#include "daemon/mqtt/command_target.hpp"
#include "daemon/mqtt/publisher.hpp"

namespace r3::app {

class RoomCommands final : public mqtt::CommandTarget {
 public:
  using Clock = std::function<std::int64_t()>;  // unix ms
  // Borrows everything. The rest is attached once built (the publisher needs this target
  // first); commands before that are answered "unavailable".
  RoomCommands(RoomModel& room, Tallies& tallies, Clock clock);
  void attach(mqtt::Publisher* publisher, bluez::ContactLinks* links, ContactRouter* router) {
    publisher_ = publisher;
    links_ = links;
    router_ = router;
  }

  mqtt::CommandResult bind(const std::string& device_id, const std::string& user_id) override;
  mqtt::CommandResult unbind(const std::string& device_id) override;
  mqtt::CommandResult start_session(const std::optional<std::string>& session_id) override;
  mqtt::CommandResult stop_session(const std::optional<std::string>& session_id) override;
  mqtt::CommandResult tare(const std::string& device_id) override;
  mqtt::CommandResult identify(const std::string& device_id, double duration_s) override;
  mqtt::CommandResult set_thresholds(const std::string& user_id,
                                     const mqtt::ThresholdsPatch& patch) override;

 private:
  [[nodiscard]] mqtt::CommandResult contact_command(const std::string& device_id,
                                                    const std::function<bool()>& send);

  [[nodiscard]] bool ready() const { return router_ != nullptr; }

  RoomModel& room_;
  Tallies& tallies_;
  Clock clock_;
  mqtt::Publisher* publisher_ = nullptr;
  bluez::ContactLinks* links_ = nullptr;
  ContactRouter* router_ = nullptr;
};

}  // namespace r3::app
