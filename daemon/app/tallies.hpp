#pragma once
// Running totals per user: what a viewer needs in the user's status (reps today, in this session,
// in the set open now) and the counts of the session summary. Kept here, published by the
// gateway, so a late subscriber never has to count by itself. Saved in the state directory
// (tallies.json) every few seconds and at shutdown, so a restart keeps them.
// No clock: callers pass the local day in (local_day()).

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "daemon/mqtt/publisher.hpp"

namespace r3::app {

// The local calendar day of a wall-clock time, as yyyymmdd (the gateway's time zone).
[[nodiscard]] std::int32_t local_day(std::int64_t unix_ms);

struct UserTotals {
  std::uint32_t reps_today = 0;
  std::uint32_t reps_session = 0;
  std::uint32_t sets_session = 0;
  std::uint32_t holds_session = 0;
  std::int32_t day = 0;  // of reps_today
};

class Tallies {
 public:
  // A rep published for `user` from `device`; in_session: a session is running.
  void rep(const std::string& user, const std::string& device, bool in_session, std::int32_t day);
  void hold(const std::string& user, bool in_session);
  // A set closed on `device`: its open-set count starts again.
  void set_closed(const std::string& user, const std::string& device, bool in_session);
  // A new day: reps_today of every user starts again. True when something changed.
  bool roll_day(std::int32_t day);
  void clear_session();

  [[nodiscard]] UserTotals totals(const std::string& user) const;
  // Reps in the sets open now on these contacts.
  [[nodiscard]] std::uint32_t reps_in_open_sets(const std::vector<std::string>& devices) const;
  [[nodiscard]] std::vector<mqtt::SessionSummary::User> session_users() const;

  // Empty on success, else the problem (the totals then start from zero).
  [[nodiscard]] std::string load(const std::filesystem::path& file);
  [[nodiscard]] std::string save(const std::filesystem::path& file);
  [[nodiscard]] bool dirty() const { return dirty_; }

 private:
  std::map<std::string, UserTotals> users_;
  std::map<std::string, std::uint32_t> open_set_reps_;  // device id -> reps
  bool dirty_ = false;
};

}  // namespace r3::app
