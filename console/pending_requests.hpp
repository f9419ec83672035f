#pragma once
// Requests forwarded to a gateway and waiting for its reply: request id -> the browser (client
// id, transaction id) that asked. The console makes the request ids: unique across its
// restarts (a random instance prefix), since a gateway answers a repeated id from its cache.
// Pure: time is passed in.

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace r3::console {

class PendingRequests {
 public:
  using Clock = std::chrono::steady_clock;
  struct Pending {
    std::uint64_t client = 0;
    std::string tx;
    std::string topic;  // "<gw>/cmd/<verb>"
    Clock::time_point deadline;
  };

  explicit PendingRequests(std::string instance) : instance_(std::move(instance)) {}
  // Returns the request id to put in the command.
  std::string add(std::uint64_t client, std::string tx, std::string topic, Clock::time_point dl);
  std::optional<Pending> take(const std::string& request_id);
  // Removes and returns what is past its deadline.
  std::vector<Pending> expire(Clock::time_point now);
  void drop_client(std::uint64_t client);
  [[nodiscard]] std::size_t size() const { return pending_.size(); }

 private:
  std::string instance_;
  std::uint64_t next_ = 1;
  std::map<std::string, Pending> pending_;
};

}  // namespace r3::console
