// libFuzzer target: MQTT commands (what any client the broker's ACL lets in can send) through
// the real command handler and the real room model, its state file on tmpfs. Input: one command
// per line, "<verb> <json>". Every request gets a reply naming its topic; the room model always
// loads back what it saved.

#include <unistd.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "daemon/app/room_model.hpp"
#include "daemon/mqtt/command_handler.hpp"

namespace {

void check(bool ok) {
  if (!ok) __builtin_trap();
}

using r3::mqtt::CommandError;
using r3::mqtt::CommandResult;

// The room part of the daemon's RoomCommands (daemon/app/room_commands.cpp): the model decides.
class RoomTarget final : public r3::mqtt::CommandTarget {
 public:
  explicit RoomTarget(r3::app::RoomModel& room) : room_(room) {}
  CommandResult bind(const std::string& device, const std::string& user) override {
    return result(room_.bind(device, user));
  }
  CommandResult unbind(const std::string& device) override { return result(room_.unbind(device)); }
  CommandResult start_session(const std::optional<std::string>& id) override {
    if (room_.session()) return CommandResult::failure(CommandError::kConflict, "running");
    return result(room_.start_session(1'764'000'000'000, id.value_or("")));
  }
  CommandResult stop_session(const std::optional<std::string>& id) override {
    if (!room_.session() || (id && *id != room_.session()->id)) {
      return CommandResult::failure(CommandError::kUnknownSession, "no such session");
    }
    return result(room_.stop_session());
  }
  CommandResult tare(const std::string& device) override { return known(device); }
  CommandResult identify(const std::string& device, double duration_s) override {
    check(std::isfinite(duration_s));
    return known(device);
  }
  CommandResult set_thresholds(const std::string& user,
                               const r3::mqtt::ThresholdsPatch& p) override {
    auto th = room_.user_thresholds(user).value_or(r3::core::Thresholds{});
    if (p.load_on_n) th.load_on_n = *p.load_on_n;
    if (p.load_off_n) th.load_off_n = *p.load_off_n;
    if (p.rep_min_duration_s) th.rep_min_duration_s = *p.rep_min_duration_s;
    if (p.reference_tilt_deg) th.reference_tilt_deg = *p.reference_tilt_deg;
    if (p.clear_reference_tilt) th.reference_tilt_deg.reset();
    if (auto problem = th.validate(); !problem.empty()) {
      return CommandResult::failure(CommandError::kBadRequest, problem);
    }
    return result(room_.set_user_thresholds(user, th));
  }

 private:
  static CommandResult result(const r3::Result<r3::app::BindingChange, std::string>& r) {
    return r ? CommandResult::success()
             : CommandResult::failure(CommandError::kBadRequest, r.error());
  }
  static CommandResult result(const std::string& error) {
    return error.empty() ? CommandResult::success()
                         : CommandResult::failure(CommandError::kBadRequest, error);
  }
  static CommandResult known(const std::string& device) {
    return device == "dev-1" ? CommandResult::success()
                             : CommandResult::failure(CommandError::kUnknownDevice, device);
  }
  r3::app::RoomModel& room_;
};

std::filesystem::path state_file() {
  static const auto path = std::filesystem::path("/dev/shm") /
                           ("r3-command-fuzz-" + std::to_string(::getpid()) + ".json");
  return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::filesystem::remove(state_file());
  r3::app::RoomModel room(state_file());
  check(room.load().ok());
  RoomTarget target(room);
  r3::mqtt::CommandHandler handler(&target);
  while (!text.empty()) {
    const auto end = text.find('\n');
    const auto line = text.substr(0, end);
    const auto space = line.find(' ');
    const auto verb = line.substr(0, space);
    const auto payload =
        space == std::string_view::npos ? std::string_view() : line.substr(space + 1);
    const auto reply = handler.handle(verb, payload, 1'764'000'000'000);
    check(!reply.reply_id.empty() && !reply.payload.empty());
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  // What was saved loads back into the same room.
  r3::app::RoomModel again(state_file());
  check(again.load().ok());
  check(again.bindings() == room.bindings());
  check(again.session().has_value() == room.session().has_value());
  return 0;
}
