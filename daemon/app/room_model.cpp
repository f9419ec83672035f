#include "daemon/app/room_model.hpp"

#include <ctime>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "daemon/app/ids.hpp"
#include "daemon/app/thresholds_fields.hpp"
#include "daemon/platform/atomic_file.hpp"

namespace r3::app {
namespace {

// Version 2: bindings keyed by device id. Version 1 keyed them by address or device id, both
// at once for one contact at times (the address won): migrated on load.
constexpr int kStateVersion = 2;
constexpr int kAddressKeyedVersion = 1;

// "20261121T053012Z": readable in topics and logs, sortable.
std::string session_id_for(std::int64_t unix_ms) {
  const auto seconds = static_cast<std::time_t>(unix_ms / 1000);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y%m%dT%H%M%SZ", &utc);
  return text;
}

nlohmann::json to_json(const core::Thresholds& th) {
  nlohmann::json j;
  for (const auto& [name, field] : kThresholdsFields) j[name] = th.*field;
  j["reference_tilt_deg"] =
      th.reference_tilt_deg ? nlohmann::json(*th.reference_tilt_deg) : nullptr;
  return j;
}

// Fields missing from the file keep their defaults; a wrong type throws (caught by load()).
core::Thresholds thresholds_from(const nlohmann::json& j) {
  core::Thresholds th;
  for (const auto& [name, field] : kThresholdsFields) {
    if (j.contains(name)) th.*field = j.at(name).get<double>();
  }
  if (j.contains("reference_tilt_deg") && !j.at("reference_tilt_deg").is_null()) {
    th.reference_tilt_deg = j.at("reference_tilt_deg").get<double>();
  }
  return th;
}

// The bindings of a state file, keyed by device id. Keys that name no contact are dropped (said
// in `notes`); when an address and a device id name the same contact, the address wins, as it
// did when the file was written.
std::map<std::string, std::optional<std::string>> bindings_from(const nlohmann::json& j,
                                                                std::vector<std::string>& notes) {
  std::map<std::string, std::optional<std::string>> out;
  for (const bool address_keys : {false, true}) {
    for (const auto& [key, user] : j.items()) {
      if (util::is_ble_address(key) != address_keys) continue;
      const auto device = util::to_device_id(key);
      if (!device) {
        notes.push_back("binding of '" + key + "' dropped: it names no contact");
        continue;
      }
      if (!user.is_null() && !is_valid_id(user.get<std::string>())) {
        notes.push_back("binding of " + *device + " dropped: not a valid user id");
        continue;
      }
      out[*device] = user.is_null() ? std::nullopt : std::optional(user.get<std::string>());
    }
  }
  return out;
}

}  // namespace

RoomModel::RoomModel(std::filesystem::path state_file) : state_file_(std::move(state_file)) {}

Result<std::vector<std::string>, std::string> RoomModel::load() {
  std::error_code exists_error;
  if (!std::filesystem::exists(state_file_, exists_error) && !exists_error) {
    return std::vector<std::string>{};  // first start
  }
  std::ifstream in(state_file_);
  // There but unreadable: an error, never a first start (a save would overwrite the bindings).
  if (!in) return Err{state_file_.string() + ": cannot be read"};
  std::vector<std::string> notes;
  try {
    const auto state = nlohmann::json::parse(in);
    const int version = state.value("version", 0);
    if (version != kStateVersion && version != kAddressKeyedVersion) {
      return Err{state_file_.string() + ": unknown state version " + std::to_string(version)};
    }
    auto overrides = bindings_from(state.at("bindings"), notes);
    std::optional<Session> session;
    if (const auto it = state.find("session"); it != state.end() && !it->is_null()) {
      session =
          Session{it->at("id").get<std::string>(), it->at("started_unix_ms").get<std::int64_t>()};
    }
    std::map<std::string, core::Thresholds> thresholds;
    if (const auto it = state.find("thresholds"); it != state.end()) {
      for (const auto& [user, th] : it->items()) {
        thresholds[user] = thresholds_from(th);
        if (auto problem = thresholds[user].validate(); !problem.empty()) {
          return Err{state_file_.string() + ": thresholds of " + user + ": " + std::move(problem)};
        }
      }
    }
    overrides_ = std::move(overrides);
    session_ = std::move(session);
    thresholds_ = std::move(thresholds);
    if (version != kStateVersion) {
      if (auto error = save(); !error.empty()) {
        notes.push_back("migrated in memory, not saved: " + error);
      } else {
        notes.push_back(state_file_.string() + " migrated to version " +
                        std::to_string(kStateVersion) + " (device ids as keys)");
      }
    }
  } catch (const std::exception& e) {  // bad JSON, or a stream that failed while reading
    return Err{state_file_.string() + ": " + e.what()};
  }
  return notes;
}

std::string RoomModel::save() const {
  nlohmann::json state;
  state["version"] = kStateVersion;
  state["bindings"] = nlohmann::json::object();
  for (const auto& [device, user] : overrides_) {
    state["bindings"][device] = user ? nlohmann::json(*user) : nlohmann::json(nullptr);
  }
  if (session_) {
    state["session"] = {{"id", session_->id}, {"started_unix_ms", session_->started_unix_ms}};
  } else {
    state["session"] = nullptr;
  }
  state["thresholds"] = nlohmann::json::object();
  for (const auto& [user, th] : thresholds_) state["thresholds"][user] = to_json(th);
  return platform::write_file_atomically(state_file_, state.dump(2) + "\n");
}

void RoomModel::set_static_bindings(const std::vector<ContactBinding>& bindings) {
  static_.clear();
  for (const auto& b : bindings) {
    if (auto device = b.device(); !device.empty()) static_[std::move(device)] = b.user;
  }
}

std::optional<std::string> RoomModel::static_user(const std::string& device) const {
  const auto it = static_.find(device);
  if (it == static_.end()) return std::nullopt;
  return it->second;
}

std::optional<std::string> RoomModel::user_for(std::string_view device_id) const {
  const std::string device(device_id);
  if (const auto it = overrides_.find(device); it != overrides_.end()) return it->second;
  return static_user(device);
}

std::map<std::string, std::string> RoomModel::bindings() const {
  auto out = static_;
  for (const auto& [device, user] : overrides_) {
    if (user) {
      out[device] = *user;
    } else {
      out.erase(device);
    }
  }
  return out;
}

std::vector<std::string> RoomModel::devices_of(std::string_view user) const {
  std::vector<std::string> out;
  for (const auto& [device, bound] : bindings()) {
    if (bound == user) out.push_back(device);
  }
  return out;  // sorted: the map is
}

Result<BindingChange, std::string> RoomModel::bind(std::string_view device_id,
                                                   std::string_view user) {
  if (!util::is_device_id(device_id)) {
    return Err{"not a device id: " + std::string(device_id)};
  }
  if (!is_valid_id(user)) return Err{"not a valid user id: " + std::string(user)};
  const std::string device(device_id);
  BindingChange change{user_for(device), false};
  if (change.previous_user == user) return change;
  change.changed = true;
  auto error = commit([&] {
    // Back to the config's user: the config rules this contact again.
    if (static_user(device) == user) {
      overrides_.erase(device);
    } else {
      overrides_[device] = std::string(user);
    }
  });
  if (!error.empty()) return Err{std::move(error)};
  return change;
}

Result<BindingChange, std::string> RoomModel::unbind(std::string_view device_id) {
  if (!util::is_device_id(device_id)) {
    return Err{"not a device id: " + std::string(device_id)};
  }
  const std::string device(device_id);
  BindingChange change{user_for(device), false};
  if (!change.previous_user) return change;
  change.changed = true;
  auto error = commit([&] {
    if (static_user(device)) {
      overrides_[device] = std::nullopt;  // the config binds it: remember the override
    } else {
      overrides_.erase(device);
    }
  });
  if (!error.empty()) return Err{std::move(error)};
  return change;
}

std::string RoomModel::start_session(std::int64_t now_unix_ms, std::string_view id) {
  if (session_) return "session " + session_->id + " is already running";
  std::string new_id = id.empty() ? session_id_for(now_unix_ms) : std::string(id);
  if (!is_valid_id(new_id)) return "not a valid session id: " + new_id;
  return commit([&] { session_ = Session{std::move(new_id), now_unix_ms}; });
}

std::string RoomModel::stop_session() {
  if (!session_) return "no session is running";
  return commit([&] { session_.reset(); });
}

}  // namespace r3::app

namespace r3::app {

std::string RoomModel::set_user_thresholds(std::string_view user,
                                           const core::Thresholds& thresholds) {
  if (!is_valid_id(user)) return "not a valid user id: " + std::string(user);
  return commit([&] { thresholds_[std::string(user)] = thresholds; });
}

std::optional<core::Thresholds> RoomModel::user_thresholds(const std::string& user) const {
  const auto it = thresholds_.find(user);
  if (it == thresholds_.end()) return std::nullopt;
  return it->second;
}

}  // namespace r3::app
