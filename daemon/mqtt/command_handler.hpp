#pragma once
// Parses, validates and executes one command request (cmd/<verb>, docs/mqtt-api.md) and builds
// its reply. No I/O: the publisher feeds it messages and publishes the replies.
// Every bad request (not JSON, not an object, missing or mistyped field, unknown field, unsafe
// id, unknown verb, too large) gets an error reply naming the problem; nothing throws.

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <utility>

#include "daemon/mqtt/command_target.hpp"

namespace r3::mqtt {

inline constexpr std::size_t kMaxCommandBytes = 8192;
inline constexpr std::string_view kInvalidRequestId = "_invalid";

struct CommandReply {
  std::string reply_id;  // the reply topic's last level: the request id, or "_invalid"
  std::string payload;   // JSON (docs/schemas/reply.schema.json)
  bool ok = false;
  bool repeated = false;  // a request id seen before: the earlier reply, not executed again
};

class CommandHandler {
 public:
  explicit CommandHandler(CommandTarget* target) : target_(target) {}
  CommandReply handle(std::string_view verb, std::string_view payload, std::int64_t unix_ms);

 private:
  CommandTarget* target_;
  // QoS 1 may deliver a request twice: remember the last replies so a repeat is not re-run.
  std::deque<std::pair<std::string, CommandReply>> recent_;
};

}  // namespace r3::mqtt
