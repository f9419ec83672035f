#pragma once
// Per-user counts of the running session, for the summary published when it stops.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "daemon/mqtt/publisher.hpp"

namespace r3::app {

class SessionTally {
 public:
  void rep(const std::string& user) { ++counts_[user].rep_count; }
  void set(const std::string& user) { ++counts_[user].set_count; }
  void hold(const std::string& user) { ++counts_[user].hold_count; }
  void clear() { counts_.clear(); }

  [[nodiscard]] std::vector<mqtt::SessionSummary::User> users() const {
    std::vector<mqtt::SessionSummary::User> out;
    for (auto [user, c] : counts_) {
      c.user_id = user;
      out.push_back(c);
    }
    return out;
  }

 private:
  std::map<std::string, mqtt::SessionSummary::User> counts_;
};

}  // namespace r3::app
