#pragma once
// Keeps the room's retained topics true (docs/mqtt-api.md, "Retained state"):
// - users/<id>/status for every user bound to at least one contact, derived from the room model
//   (which contacts), each contact's presence (streaming, loaded, moving) and the tallies; the
//   status of a user left with no contact is removed (an empty retained payload);
// - devices/<id> for every contact the room knows of (bound, seen, or published by an earlier
//   run), with its current user.
// Only what changed is published. What was published is remembered in the state directory
// (retained.json), so a restart clears what an earlier run left behind.

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "daemon/app/room_model.hpp"
#include "daemon/app/tallies.hpp"
#include "daemon/mqtt/publisher.hpp"

namespace r3::app {

// What a contact is doing, in the order a user's state takes the most active of its contacts.
enum class Presence : std::uint8_t { kAway, kIdle, kLoaded, kMoving };

class StatusBoard {
 public:
  StatusBoard(const RoomModel& room, const Tallies& tallies, mqtt::Publisher& publisher,
              std::filesystem::path index_file);

  // Reads what an earlier run published. Empty on success, else the problem (then nothing is
  // cleared at start).
  [[nodiscard]] std::string load();

  void set_presence(const std::string& device, Presence presence);
  // Recomputes every user's status; publishes what changed and removes the users gone.
  void refresh();
  // Every contact is away (shutdown): published as such.
  void all_away();

  // devices/<id>: published, and remembered.
  void publish_device(const mqtt::DeviceStatus& status);
  // Contacts published by an earlier run: they must be republished as this run sees them.
  [[nodiscard]] const std::set<std::string>& known_devices() const { return devices_; }

 private:
  [[nodiscard]] mqtt::UserStatus status_of(const std::string& user) const;
  void remember();

  const RoomModel& room_;
  const Tallies& tallies_;
  mqtt::Publisher& publisher_;
  std::filesystem::path index_file_;
  std::map<std::string, Presence> presence_;
  std::map<std::string, mqtt::UserStatus> users_;  // as last published
  std::set<std::string> stale_users_;              // published by an earlier run, not yet cleared
  std::set<std::string> devices_;
};

}  // namespace r3::app
