#pragma once
// The browser's view of the MQTT tree: one frame per message, {"topic","payload"}, the topic
// relative to the base ("room-1/users/p-1/rep" for "r3/v1/room-1/users/p-1/rep"), the payload
// the gateway's JSON unchanged (validated, never re-encoded). Pure: no I/O.

#include <optional>
#include <string>
#include <string_view>

namespace r3::console {

// What the console does with a message, by its topic.
enum class TopicKind {
  kRetained,   // status, devices/<id>, users/<id>/status: mirrored, replayed on connect
  kLastValue,  // users/<id>/{rep,set,hold}, sessions/<id>: the last one is replayed too
  kLive,       // users/<id>/live: forwarded, only the newest per batch
  kReply,      // reply/<request-id>: routed to the browser that asked
  kIgnored,    // cmd/... (our own and others' requests) and anything unknown
};

struct TopicParts {
  std::string_view gateway;
  std::string_view rest;  // after "<gw>/"
};

// "room-1/users/p-1/rep" -> {"room-1", "users/p-1/rep"}; nullopt without a '/'.
std::optional<TopicParts> split_topic(std::string_view relative);
TopicKind classify(std::string_view relative);
// The topic relative to `base` ("r3/v1"), or nullopt when it is not under it.
std::optional<std::string_view> relative_topic(std::string_view base, std::string_view topic);

// {"topic":<topic>,"payload":<payload_json>}; payload_json must be valid JSON (see valid_json).
std::string make_frame(std::string_view topic, std::string_view payload_json);
// The same with the browser's transaction id: {"tx":<tx>,"topic":..,"payload":..}.
std::string make_tx_frame(std::string_view tx, std::string_view topic,
                          std::string_view payload_json);
bool valid_json_object(std::string_view text);

}  // namespace r3::console
