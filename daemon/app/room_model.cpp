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

constexpr int kStateVersion = 1;

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

}  // namespace

RoomModel::RoomModel(std::filesystem::path state_file) : state_file_(std::move(state_file)) {}

std::string RoomModel::load() {
  std::error_code exists_error;
  if (!std::filesystem::exists(state_file_, exists_error) && !exists_error)
    return {};  // first start
  std::ifstream in(state_file_);
  // There but unreadable: an error, never a first start (a save would overwrite the bindings).
  if (!in) return state_file_.string() + ": cannot be read";
  try {
    const auto state = nlohmann::json::parse(in);
    if (state.value("version", 0) != kStateVersion) {
      return state_file_.string() + ": unknown state version";
    }
    std::map<std::string, std::optional<std::string>> overrides;
    for (const auto& [device, user] : state.at("bindings").items()) {
      if (user.is_null()) {
        overrides[device] = std::nullopt;
      } else {
        overrides[device] = user.get<std::string>();
      }
    }
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
          return state_file_.string() + ": thresholds of " + user + ": " + std::move(problem);
        }
      }
    }
    overrides_ = std::move(overrides);
    session_ = std::move(session);
    thresholds_ = std::move(thresholds);
  } catch (const std::exception& e) {  // bad JSON, or a stream that failed while reading
    return state_file_.string() + ": " + e.what();
  }
  return {};
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
  for (const auto& b : bindings) static_[normalize_device(b.device())] = b.user;
}

std::optional<std::string> RoomModel::user_for(std::string_view contact_id,
                                               std::string_view address) const {
  const std::string keys[] = {address.empty() ? std::string() : normalize_device(address),
                              std::string(contact_id)};
  // A command overrides the config whichever key (address or device id) either of them used.
  for (const auto& key : keys) {
    if (const auto it = overrides_.find(key); !key.empty() && it != overrides_.end()) {
      return it->second;
    }
  }
  for (const auto& key : keys) {
    if (const auto it = static_.find(key); !key.empty() && it != static_.end()) return it->second;
  }
  return std::nullopt;
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

std::string RoomModel::bind(std::string_view device, std::string_view user) {
  if (!is_valid_device(device)) return "not a contact address or device id: " + std::string(device);
  if (!is_valid_id(user)) return "not a valid user id: " + std::string(user);
  return commit([&] { overrides_[normalize_device(device)] = std::string(user); });
}

std::string RoomModel::unbind(std::string_view device) {
  if (!is_valid_device(device)) return "not a contact address or device id: " + std::string(device);
  return commit([&] { overrides_[normalize_device(device)] = std::nullopt; });
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
