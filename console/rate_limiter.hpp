#pragma once
// Login attempts per client address: after `max_failures` failures within `window`, further
// attempts are refused until the oldest failure leaves the window. Pure: time is passed in.

#include <chrono>
#include <cstddef>
#include <deque>
#include <string>
#include <unordered_map>

namespace r3::console {

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;
  RateLimiter(std::size_t max_failures, Clock::duration window)
      : max_failures_(max_failures), window_(window) {}

  // Zero when an attempt is allowed now; else how long until it is.
  Clock::duration wait_time(const std::string& key, Clock::time_point now);
  void failed(const std::string& key, Clock::time_point now);
  void succeeded(const std::string& key) { failures_.erase(key); }
  [[nodiscard]] std::size_t tracked() const { return failures_.size(); }

 private:
  void prune(Clock::time_point now);

  std::size_t max_failures_;
  Clock::duration window_;
  std::unordered_map<std::string, std::deque<Clock::time_point>> failures_;
};

}  // namespace r3::console
