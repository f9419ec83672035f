#pragma once
// The topic tree (docs/mqtt-api.md) and the shape of ids that become topic levels.
// An id must never hold '/', '+', '#', a control character or a space: that would let one
// user's data land in another's topic or break subscriptions.

#include <string>
#include <string_view>

#include "core/util/safe_id.hpp"

namespace r3::mqtt {

inline constexpr std::size_t kMaxIdLength = util::kMaxIdLength;

// User ids, gateway ids, session ids, request ids: 1..64 of [A-Za-z0-9_.-].
[[nodiscard]] bool is_safe_id(std::string_view id);
// Device ids: "r3-" and 12 lower-case hex digits (core/util/device_id.hpp).
[[nodiscard]] bool is_safe_device_id(std::string_view id);

class Topics {
 public:
  explicit Topics(const std::string& gateway_id);
  [[nodiscard]] const std::string& root() const { return root_; }  // "r3/v1/<gw>/"
  [[nodiscard]] std::string status() const;
  [[nodiscard]] std::string device(std::string_view device_id) const;
  // kind: "rep", "set", "hold", "live", "status".
  [[nodiscard]] std::string user(std::string_view user_id, std::string_view kind) const;
  [[nodiscard]] std::string session(std::string_view session_id) const;
  [[nodiscard]] std::string command_filter() const;  // "r3/v1/<gw>/cmd/+"
  [[nodiscard]] std::string reply(std::string_view request_id) const;
  // The verb of a command topic, or empty when `topic` is not one of ours.
  [[nodiscard]] std::string_view verb_of(std::string_view topic) const;

 private:
  std::string root_;
};

}  // namespace r3::mqtt
