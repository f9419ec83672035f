#include "daemon/app/status_board.hpp"

#include <fstream>
#include <nlohmann/json.hpp>

#include "daemon/platform/atomic_file.hpp"
#include "daemon/app/log.hpp"

namespace r3::app {
namespace {

const char* state_name(Presence p) {
  switch (p) {
    case Presence::kIdle:
      return "idle";
    case Presence::kLoaded:
      return "loaded";
    case Presence::kMoving:
      return "moving";
    case Presence::kAway:
      break;
  }
  return "away";
}

bool same(const mqtt::UserStatus& a, const mqtt::UserStatus& b) {
  return a.device_id == b.device_id && a.device_ids == b.device_ids &&
         a.session_id == b.session_id && a.state == b.state && a.reps_today == b.reps_today &&
         a.reps_session == b.reps_session && a.sets_session == b.sets_session &&
         a.reps_set == b.reps_set;
}

}  // namespace

StatusBoard::StatusBoard(const RoomModel& room, const Tallies& tallies, mqtt::Publisher& publisher,
                         std::filesystem::path index_file)
    : room_(room), tallies_(tallies), publisher_(publisher), index_file_(std::move(index_file)) {}

std::string StatusBoard::load() {
  std::error_code ec;
  if (!std::filesystem::exists(index_file_, ec) && !ec) return {};
  std::ifstream in(index_file_);
  if (!in) return index_file_.string() + ": cannot be read";
  try {
    const auto j = nlohmann::json::parse(in);
    for (const auto& u : j.at("users")) stale_users_.insert(u.get<std::string>());
    for (const auto& d : j.at("devices")) devices_.insert(d.get<std::string>());
  } catch (const std::exception& e) {
    stale_users_.clear();
    devices_.clear();
    return index_file_.string() + ": " + e.what();
  }
  return {};
}

void StatusBoard::set_presence(const std::string& device, Presence presence) {
  auto& p = presence_[device];
  if (p == presence) return;
  p = presence;
  refresh();
}

mqtt::UserStatus StatusBoard::status_of(const std::string& user) const {
  mqtt::UserStatus s;
  s.user_id = user;
  s.device_ids = room_.devices_of(user);
  Presence best = Presence::kAway;
  for (const auto& d : s.device_ids) {
    const auto it = presence_.find(d);
    const Presence p = it == presence_.end() ? Presence::kAway : it->second;
    if (s.device_id.empty() || p > best) {
      best = p;
      s.device_id = d;
    }
  }
  s.state = state_name(best);
  if (room_.session()) s.session_id = room_.session()->id;
  const auto totals = tallies_.totals(user);
  s.reps_today = totals.reps_today;
  s.reps_session = totals.reps_session;
  s.sets_session = totals.sets_session;
  s.reps_set = tallies_.reps_in_open_sets(s.device_ids);
  return s;
}

void StatusBoard::refresh() {
  std::set<std::string> bound;
  for (const auto& [device, user] : room_.bindings()) bound.insert(user);
  bool index_changed = false;
  for (auto it = users_.begin(); it != users_.end();) {
    if (bound.count(it->first) != 0) {
      ++it;
      continue;
    }
    publisher_.clear_user_status(it->first);
    it = users_.erase(it);
    index_changed = true;
  }
  for (auto it = stale_users_.begin(); it != stale_users_.end();) {
    if (bound.count(*it) == 0) publisher_.clear_user_status(*it);
    it = stale_users_.erase(it);
    index_changed = true;
  }
  for (const auto& user : bound) {
    auto status = status_of(user);
    const auto it = users_.find(user);
    if (it != users_.end() && same(it->second, status)) continue;
    index_changed = index_changed || it == users_.end();
    publisher_.publish_user_status(status);
    users_[user] = std::move(status);
  }
  if (index_changed) remember();
}

void StatusBoard::all_away() {
  for (auto& [device, p] : presence_) p = Presence::kAway;
  refresh();
}

void StatusBoard::publish_device(const mqtt::DeviceStatus& status) {
  publisher_.publish_device(status);
  if (devices_.insert(status.device_id).second) remember();
}

void StatusBoard::remember() {
  nlohmann::json j;
  j["users"] = nlohmann::json::array();
  for (const auto& [user, s] : users_) j["users"].push_back(user);
  for (const auto& user : stale_users_) j["users"].push_back(user);
  j["devices"] = devices_;
  if (auto error = platform::write_file_atomically(index_file_, j.dump() + "\n"); !error.empty()) {
    log_warning("cannot remember the retained topics published: " + error);
  }
}

}  // namespace r3::app
