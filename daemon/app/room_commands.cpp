#include "daemon/app/room_commands.hpp"

#include <algorithm>

#include "daemon/app/ids.hpp"
#include "daemon/app/log.hpp"

namespace r3::app {

using mqtt::CommandError;
using mqtt::CommandResult;

namespace {
CommandResult not_ready() {
  return CommandResult::failure(CommandError::kUnavailable, "the gateway is starting");
}
}  // namespace

RoomCommands::RoomCommands(RoomModel& room, Tallies& tallies, Clock clock)
    : room_(room), tallies_(tallies), clock_(std::move(clock)) {}

CommandResult RoomCommands::bind(const std::string& device_id, const std::string& user_id) {
  if (!ready()) return not_ready();
  const auto change = room_.bind(device_id, user_id);
  if (!change) return CommandResult::failure(CommandError::kBadRequest, change.error());
  const auto& previous = change->previous_user;
  std::string message = device_id + " bound to " + user_id;
  if (!change->changed) {
    message += " already";
  } else {
    router_->refresh();
    if (previous) message += " (moved from " + *previous + ")";
    log_info(message);
  }
  auto r = CommandResult::success(std::move(message));
  r.previous_user_id = previous;
  return r;
}

CommandResult RoomCommands::unbind(const std::string& device_id) {
  if (!ready()) return not_ready();
  const auto change = room_.unbind(device_id);
  if (!change) return CommandResult::failure(CommandError::kBadRequest, change.error());
  const auto& previous = change->previous_user;
  std::string message = device_id + (previous ? " unbound from " + *previous : " was not bound");
  if (change->changed) {
    router_->refresh();
    log_info(message);
  }
  auto r = CommandResult::success(std::move(message));
  r.previous_user_id = previous;
  return r;
}

CommandResult RoomCommands::start_session(const std::optional<std::string>& session_id) {
  if (!ready()) return not_ready();
  if (const auto& running = room_.session()) {
    auto r = CommandResult::failure(CommandError::kConflict,
                                    "session " + running->id + " is already running");
    r.session_id = running->id;
    return r;
  }
  if (session_id && !is_valid_id(*session_id)) {
    return CommandResult::failure(CommandError::kBadRequest,
                                  "not a valid session id: " + *session_id);
  }
  // Sets open before the session belong before it: close them, so its summary counts only its own.
  router_->end_sets();
  if (auto error = room_.start_session(clock_(), session_id.value_or("")); !error.empty()) {
    return CommandResult::failure(CommandError::kInternal, error);
  }
  tallies_.clear_session();
  router_->refresh();
  log_info("session " + room_.session()->id + " started");
  auto r = CommandResult::success("session started");
  r.session_id = room_.session()->id;
  return r;
}

CommandResult RoomCommands::stop_session(const std::optional<std::string>& session_id) {
  if (!ready()) return not_ready();
  const auto running = room_.session();
  if (!running || (session_id && *session_id != running->id)) {
    return CommandResult::failure(CommandError::kUnknownSession,
                                  "no running session " + session_id.value_or(""));
  }
  // Open sets close inside the session, so the summary counts them.
  router_->end_sets();
  mqtt::SessionSummary summary{running->id, running->started_unix_ms, clock_(),
                               tallies_.session_users()};
  if (auto error = room_.stop_session(); !error.empty()) {
    return CommandResult::failure(CommandError::kInternal, error);
  }
  if (publisher_ != nullptr) publisher_->publish_session(summary);
  tallies_.clear_session();
  router_->refresh();
  log_info("session " + running->id + " stopped");
  auto r = CommandResult::success("session stopped");
  r.session_id = running->id;
  return r;
}

CommandResult RoomCommands::contact_command(const std::string& device_id,
                                            const std::function<bool()>& send) {
  if (!ready()) return not_ready();
  if (links_ == nullptr || !links_->contact(device_id)) {
    return CommandResult::failure(CommandError::kUnknownDevice, "no contact " + device_id);
  }
  if (!send()) {
    return CommandResult::failure(CommandError::kUnavailable, device_id + " is not connected");
  }
  return CommandResult::success();
}

CommandResult RoomCommands::tare(const std::string& device_id) {
  return contact_command(device_id, [&] { return links_->tare(device_id); });
}

CommandResult RoomCommands::identify(const std::string& device_id, double duration_s) {
  const auto seconds = static_cast<std::uint8_t>(std::clamp(duration_s, 1.0, 255.0));
  return contact_command(device_id, [&] { return links_->identify(device_id, seconds); });
}

CommandResult RoomCommands::set_thresholds(const std::string& user_id,
                                           const mqtt::ThresholdsPatch& patch) {
  if (!ready()) return not_ready();
  auto th = router_->thresholds_for(user_id);
  const auto apply = [](const std::optional<double>& v, double& field) {
    if (v) field = *v;
  };
  apply(patch.load_on_n, th.load_on_n);
  apply(patch.load_off_n, th.load_off_n);
  apply(patch.load_debounce_s, th.load_debounce_s);
  apply(patch.rep_min_duration_s, th.rep_min_duration_s);
  apply(patch.rep_min_rom_deg, th.rep_min_rom_deg);
  apply(patch.rep_max_duration_s, th.rep_max_duration_s);
  apply(patch.move_start_deg, th.move_start_deg);
  apply(patch.still_dps, th.still_dps);
  apply(patch.stop_s, th.stop_s);
  apply(patch.hold_min_s, th.hold_min_s);
  apply(patch.set_gap_s, th.set_gap_s);
  if (patch.reference_tilt_deg) th.reference_tilt_deg = patch.reference_tilt_deg;
  if (patch.clear_reference_tilt) th.reference_tilt_deg.reset();
  if (auto problem = th.validate(); !problem.empty()) {
    return CommandResult::failure(CommandError::kBadRequest, problem);
  }
  if (auto error = room_.set_user_thresholds(user_id, th); !error.empty()) {
    return CommandResult::failure(CommandError::kInternal, error);
  }
  router_->refresh();
  log_info("thresholds of user " + user_id + " changed by command");
  return CommandResult::success("thresholds updated");
}

}  // namespace r3::app
