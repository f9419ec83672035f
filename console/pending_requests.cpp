#include "console/pending_requests.hpp"

namespace r3::console {

std::string PendingRequests::add(std::uint64_t client, std::string tx, std::string topic,
                                 Clock::time_point dl) {
  std::string id = "console-" + instance_ + "-" + std::to_string(next_++);
  pending_.emplace(id, Pending{client, std::move(tx), std::move(topic), dl});
  return id;
}

std::optional<PendingRequests::Pending> PendingRequests::take(const std::string& request_id) {
  const auto it = pending_.find(request_id);
  if (it == pending_.end()) return std::nullopt;
  auto p = std::move(it->second);
  pending_.erase(it);
  return p;
}

std::vector<PendingRequests::Pending> PendingRequests::expire(Clock::time_point now) {
  std::vector<Pending> out;
  for (auto it = pending_.begin(); it != pending_.end();) {
    if (it->second.deadline <= now) {
      out.push_back(std::move(it->second));
      it = pending_.erase(it);
    } else {
      ++it;
    }
  }
  return out;
}

void PendingRequests::drop_client(std::uint64_t client) {
  std::erase_if(pending_, [client](const auto& kv) { return kv.second.client == client; });
}

}  // namespace r3::console
