#include "console/rate_limiter.hpp"

namespace r3::console {
namespace {
constexpr std::size_t kMaxTracked = 10000;  // bounded memory under a spray of addresses
}

RateLimiter::Clock::duration RateLimiter::wait_time(const std::string& key, Clock::time_point now) {
  const auto it = failures_.find(key);
  if (it == failures_.end()) return Clock::duration::zero();
  auto& times = it->second;
  while (!times.empty() && now - times.front() >= window_) times.pop_front();
  if (times.size() < max_failures_) return Clock::duration::zero();
  return times.front() + window_ - now;
}

void RateLimiter::failed(const std::string& key, Clock::time_point now) {
  if (failures_.size() >= kMaxTracked) prune(now);
  auto& times = failures_[key];
  times.push_back(now);
  while (times.size() > max_failures_) times.pop_front();
}

void RateLimiter::prune(Clock::time_point now) {
  std::erase_if(failures_, [&](const auto& kv) {
    return kv.second.empty() || now - kv.second.back() >= window_;
  });
  if (failures_.size() >= kMaxTracked) failures_.clear();  // a flood: forget rather than grow
}

}  // namespace r3::console
