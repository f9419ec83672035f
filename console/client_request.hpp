#pragma once
// A request frame from a browser: {"tx": "<its transaction id>", "topic": "<gw>/cmd/<verb>" or
// "console/<...>", "payload": {...}}. Parsed and checked here; pure.

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/util/result.hpp"

namespace r3::console {

inline constexpr std::size_t kMaxRequestBytes = 16 * 1024;

struct ClientRequest {
  std::string tx;
  std::string topic;
  nlohmann::json payload;  // an object
};

// A gateway command the console forwards: "room-1/cmd/bind" -> {"room-1", "bind"}.
struct GatewayCommand {
  std::string gateway;
  std::string verb;
};

enum class Role { kScreen = 0, kCoach = 1, kAdmin = 2 };
const char* role_name(Role r);
bool parse_role(std::string_view text, Role& out);

// Error: a sentence for the browser ("'tx' must be a string of 1-64 characters").
Result<ClientRequest, std::string> parse_client_request(std::string_view text);
// Error when the topic is not "<safe gateway id>/cmd/<a verb of docs/mqtt-api.md>".
Result<GatewayCommand, std::string> parse_gateway_command(std::string_view topic);
// Screens only watch; coaches run the room (commands, roster); admins too.
bool may_send(Role role, std::string_view topic);

}  // namespace r3::console
