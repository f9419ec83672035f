#pragma once
// What MQTT commands (r3/v1/<gateway>/cmd/<verb>) act on. The daemon's room model implements it;
// the command handler (command_handler.hpp) parses and validates each request first, so every
// id given here already matches the safe id pattern (topics.hpp) and every number is finite.
//
// Threading: called on the loop thread only. Implementations must not throw; they answer with a
// CommandResult whose message names the problem, and the requester gets it as an error reply.
// A result means "accepted": tare and identify may complete later over BLE.

#include <optional>
#include <string>
#include <string_view>

namespace r3::mqtt {

enum class CommandError {
  kNone,
  kBadRequest,     // malformed or invalid request (the handler's own checks use this)
  kUnknownDevice,  // no such contact known to this gateway
  kUnknownUser,
  kUnknownSession,
  kConflict,     // e.g. a session is already running, the contact is bound to someone else
  kUnavailable,  // e.g. the contact is not connected right now
  kInternal,
};
std::string_view to_string(CommandError e);  // "bad_request", "unknown_device", ...

struct CommandResult {
  CommandError error = CommandError::kNone;
  std::string message;     // for humans; names the problem on failure
  std::string session_id;  // start_session / stop_session: the session concerned
  // bind / unbind: the user the contact had before (nullopt inside: none).
  std::optional<std::optional<std::string>> previous_user_id;
  [[nodiscard]] bool ok() const { return error == CommandError::kNone; }
  static CommandResult success(std::string message = {}) {
    return {CommandError::kNone, std::move(message), {}, {}};
  }
  static CommandResult failure(CommandError e, std::string message) {
    return {e, std::move(message), {}, {}};
  }
};

// A partial update of a user's core::Thresholds (core/reps/thresholds.hpp): only the fields
// present in the request are set. The target applies it to the user's current thresholds and
// runs Thresholds::validate() before accepting (answering kBadRequest with its message).
struct ThresholdsPatch {
  std::optional<double> load_on_n;
  std::optional<double> load_off_n;
  std::optional<double> load_debounce_s;
  std::optional<double> rep_min_duration_s;
  std::optional<double> rep_min_rom_deg;
  std::optional<double> rep_max_duration_s;
  std::optional<double> move_start_deg;
  std::optional<double> still_dps;
  std::optional<double> stop_s;
  std::optional<double> hold_min_s;
  std::optional<double> set_gap_s;
  std::optional<double> reference_tilt_deg;
  bool clear_reference_tilt = false;  // "reference_tilt_deg": null in the request
};

class CommandTarget {
 public:
  virtual ~CommandTarget() = default;
  // Every device_id given here is a device id ("r3-" + 12 hex digits): the handler turns an
  // address into one first.
  // cmd/bind {"device_id", "user_id"}: the contact's events belong to this user from now on; a
  // contact bound to someone else moves (the result names the previous user).
  virtual CommandResult bind(const std::string& device_id, const std::string& user_id) = 0;
  // cmd/unbind {"device_id"}: the contact's events are no longer attributed to anyone.
  virtual CommandResult unbind(const std::string& device_id) = 0;
  // cmd/start_session {"session_id"?}: starts a room session; without an id the target makes
  // one. The result carries the session id.
  virtual CommandResult start_session(const std::optional<std::string>& session_id) = 0;
  // cmd/stop_session {"session_id"?}: stops it (the running one without an id); the target
  // closes open sets and has the publisher publish sessions/<id>. Result carries the id.
  virtual CommandResult stop_session(const std::optional<std::string>& session_id) = 0;
  // cmd/tare {"device_id"}: zero the contact's force sensor.
  virtual CommandResult tare(const std::string& device_id) = 0;
  // cmd/identify {"device_id", "duration_s"?}: blink the contact's LED (default 5 s).
  virtual CommandResult identify(const std::string& device_id, double duration_s) = 0;
  // cmd/set_thresholds {"user_id", "thresholds": {...}}.
  virtual CommandResult set_thresholds(const std::string& user_id,
                                       const ThresholdsPatch& patch) = 0;
};

}  // namespace r3::mqtt
