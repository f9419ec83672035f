#pragma once
// The room: which user each contact belongs to, and the room's current session.
// Bindings come from the config (static) and from commands (dynamic); a command binding or
// unbinding overrides the config for that contact and survives restarts (state directory).
// Sessions are room-level periods started and stopped by command; the open one survives too,
// as do thresholds set by command.
// No clock: callers pass the time in.

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/app/config.hpp"

namespace r3::app {

struct Session {
  std::string id;
  std::int64_t started_unix_ms = 0;
};

class RoomModel {
 public:
  // state_file: where the dynamic part lives (<state directory>/room.json).
  explicit RoomModel(std::filesystem::path state_file);

  // Reads the state file. A missing file is an empty room. Empty on success, else the problem
  // (the model then starts empty and the bad file is left for a human to look at).
  [[nodiscard]] std::string load();

  // From the config, at start and on SIGHUP. Keys are addresses or device ids.
  void set_static_bindings(const std::vector<ContactBinding>& bindings);

  // The user a contact's events belong to: by address first, then by contact id.
  [[nodiscard]] std::optional<std::string> user_for(std::string_view contact_id,
                                                    std::string_view address) const;
  // Effective bindings, device -> user.
  [[nodiscard]] std::map<std::string, std::string> bindings() const;

  // Commands. Each returns empty on success, else why it was refused or not saved.
  [[nodiscard]] std::string bind(std::string_view device, std::string_view user);
  [[nodiscard]] std::string unbind(std::string_view device);
  // id: the caller's id, or empty for one derived from the time.
  [[nodiscard]] std::string start_session(std::int64_t now_unix_ms, std::string_view id = {});
  [[nodiscard]] std::string stop_session();
  [[nodiscard]] const std::optional<Session>& session() const { return session_; }

  // A user's thresholds set by command (cmd/set_thresholds): they win over the config's.
  // `thresholds` must be valid (Thresholds::validate()).
  [[nodiscard]] std::string set_user_thresholds(std::string_view user,
                                                const core::Thresholds& thresholds);
  [[nodiscard]] std::optional<core::Thresholds> user_thresholds(const std::string& user) const;

 private:
  [[nodiscard]] std::string save() const;
  // Applies change, then saves; when the save fails the change is undone, so memory never
  // holds what the state file does not (a restart would otherwise bring the old state back).
  template <typename Change>
  std::string commit(Change&& change) {
    auto overrides = overrides_;
    auto session = session_;
    auto thresholds = thresholds_;
    change();
    std::string error = save();
    if (!error.empty()) {
      overrides_ = std::move(overrides);
      session_ = std::move(session);
      thresholds_ = std::move(thresholds);
    }
    return error;
  }

  std::filesystem::path state_file_;
  std::map<std::string, std::string> static_;
  // Command overrides: a user, or nullopt for "unbound by command".
  std::map<std::string, std::optional<std::string>> overrides_;
  std::optional<Session> session_;
  std::map<std::string, core::Thresholds> thresholds_;
};

}  // namespace r3::app
