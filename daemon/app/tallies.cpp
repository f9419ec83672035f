#include "daemon/app/tallies.hpp"

#include <ctime>
#include <fstream>
#include <nlohmann/json.hpp>

#include "daemon/platform/atomic_file.hpp"

namespace r3::app {

std::int32_t local_day(std::int64_t unix_ms) {
  const auto seconds = static_cast<std::time_t>(unix_ms / 1000);
  std::tm local{};
  localtime_r(&seconds, &local);
  return (local.tm_year + 1900) * 10000 + (local.tm_mon + 1) * 100 + local.tm_mday;
}

void Tallies::rep(const std::string& user, const std::string& device, bool in_session,
                  std::int32_t day) {
  auto& t = users_[user];
  if (t.day != day) {
    t.day = day;
    t.reps_today = 0;
  }
  ++t.reps_today;
  if (in_session) ++t.reps_session;
  ++open_set_reps_[device];
  dirty_ = true;
}

void Tallies::hold(const std::string& user, bool in_session) {
  if (!in_session) return;
  ++users_[user].holds_session;
  dirty_ = true;
}

void Tallies::set_closed(const std::string& user, const std::string& device, bool in_session) {
  open_set_reps_.erase(device);
  if (in_session) ++users_[user].sets_session;
  dirty_ = true;
}

bool Tallies::roll_day(std::int32_t day) {
  bool changed = false;
  for (auto& [user, t] : users_) {
    if (t.day == day) continue;
    t.day = day;
    changed = changed || t.reps_today != 0;
    t.reps_today = 0;
  }
  dirty_ = dirty_ || changed;
  return changed;
}

void Tallies::clear_session() {
  for (auto& [user, t] : users_) t.reps_session = t.sets_session = t.holds_session = 0;
  dirty_ = true;
}

UserTotals Tallies::totals(const std::string& user) const {
  const auto it = users_.find(user);
  return it == users_.end() ? UserTotals{} : it->second;
}

std::uint32_t Tallies::reps_in_open_sets(const std::vector<std::string>& devices) const {
  std::uint32_t n = 0;
  for (const auto& d : devices) {
    if (const auto it = open_set_reps_.find(d); it != open_set_reps_.end()) n += it->second;
  }
  return n;
}

std::vector<mqtt::SessionSummary::User> Tallies::session_users() const {
  std::vector<mqtt::SessionSummary::User> out;
  for (const auto& [user, t] : users_) {
    if (t.reps_session == 0 && t.sets_session == 0 && t.holds_session == 0) continue;
    out.push_back({user, t.reps_session, t.sets_session, t.holds_session});
  }
  return out;
}

std::string Tallies::load(const std::filesystem::path& file) {
  std::error_code ec;
  if (!std::filesystem::exists(file, ec) && !ec) return {};
  std::ifstream in(file);
  if (!in) return file.string() + ": cannot be read";
  try {
    const auto j = nlohmann::json::parse(in);
    std::map<std::string, UserTotals> users;
    for (const auto& [user, t] : j.at("users").items()) {
      users[user] = {t.at("reps_today").get<std::uint32_t>(),
                     t.at("reps_session").get<std::uint32_t>(),
                     t.at("sets_session").get<std::uint32_t>(),
                     t.at("holds_session").get<std::uint32_t>(), t.at("day").get<std::int32_t>()};
    }
    std::map<std::string, std::uint32_t> open;
    for (const auto& [device, n] : j.at("open_set_reps").items()) {
      open[device] = n.get<std::uint32_t>();
    }
    users_ = std::move(users);
    open_set_reps_ = std::move(open);
  } catch (const std::exception& e) {
    return file.string() + ": " + e.what();
  }
  return {};
}

std::string Tallies::save(const std::filesystem::path& file) {
  nlohmann::json j;
  j["users"] = nlohmann::json::object();
  for (const auto& [user, t] : users_) {
    j["users"][user] = {{"reps_today", t.reps_today},
                        {"reps_session", t.reps_session},
                        {"sets_session", t.sets_session},
                        {"holds_session", t.holds_session},
                        {"day", t.day}};
  }
  j["open_set_reps"] = open_set_reps_;
  auto error = platform::write_file_atomically(file, j.dump() + "\n");
  if (error.empty()) dirty_ = false;
  return error;
}

}  // namespace r3::app
