#pragma once
// The room: which user each contact belongs to, and the room's current session.
//
// Contacts are named by their device id only (core/util/device_id.hpp): callers turn an address
// into one at the edge. A contact is bound to at most one user; a user may hold several
// contacts. Bindings come from the config (static) and from commands (dynamic): a command
// overrides the config for that contact, a bind back to the config's user restores it, and
// command bindings survive restarts (the state file). Sessions are room-level periods started
// and stopped by command; the open one survives too, as do thresholds set by command.
// No clock: callers pass the time in.

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/util/result.hpp"
#include "daemon/app/config.hpp"

namespace r3::app {

struct Session {
  std::string id;
  std::int64_t started_unix_ms = 0;
};

// What a bind or unbind changed: the user the contact had before (nullopt: none).
struct BindingChange {
  std::optional<std::string> previous_user;
  bool changed = false;
};

class RoomModel {
 public:
  // state_file: where the dynamic part lives (<state directory>/room.json).
  explicit RoomModel(std::filesystem::path state_file);

  // Reads the state file; a missing file is an empty room. A file of an older version is
  // migrated and saved again: what was done is said in the returned notes. On error the model
  // keeps what it had (the caller moves the bad file aside for a human to look at).
  [[nodiscard]] Result<std::vector<std::string>, std::string> load();

  // From the config, at start and on SIGHUP (bindings the validator accepted).
  void set_static_bindings(const std::vector<ContactBinding>& bindings);

  // The user a contact's events belong to now.
  [[nodiscard]] std::optional<std::string> user_for(std::string_view device_id) const;
  // Effective bindings, device id -> user.
  [[nodiscard]] std::map<std::string, std::string> bindings() const;
  // The contacts bound to a user, sorted.
  [[nodiscard]] std::vector<std::string> devices_of(std::string_view user) const;

  // Commands. An error names why the command was refused or could not be saved.
  [[nodiscard]] Result<BindingChange, std::string> bind(std::string_view device_id,
                                                        std::string_view user);
  [[nodiscard]] Result<BindingChange, std::string> unbind(std::string_view device_id);
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
  [[nodiscard]] std::optional<std::string> static_user(const std::string& device) const;
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
  // Command overrides by device id: a user, or nullopt for "unbound by command".
  std::map<std::string, std::optional<std::string>> overrides_;
  std::optional<Session> session_;
  std::map<std::string, core::Thresholds> thresholds_;
};

}  // namespace r3::app
