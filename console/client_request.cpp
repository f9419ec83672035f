#include "console/client_request.hpp"

#include <array>

#include "core/util/safe_id.hpp"

namespace r3::console {
namespace {

constexpr std::array<std::string_view, 7> kVerbs = {
    "bind", "unbind", "start_session", "stop_session", "tare", "identify", "set_thresholds"};

}  // namespace

const char* role_name(Role r) {
  switch (r) {
    case Role::kScreen:
      return "screen";
    case Role::kCoach:
      return "coach";
    case Role::kAdmin:
      return "admin";
  }
  return "screen";
}

bool parse_role(std::string_view text, Role& out) {
  for (const Role r : {Role::kScreen, Role::kCoach, Role::kAdmin}) {
    if (text == role_name(r)) return (out = r), true;
  }
  return false;
}

Result<ClientRequest, std::string> parse_client_request(std::string_view text) {
  if (text.size() > kMaxRequestBytes) return Err{std::string("request larger than 16 KiB")};
  auto doc = nlohmann::json::parse(text, nullptr, false);
  if (doc.is_discarded()) return Err{std::string("request is not valid JSON")};
  if (!doc.is_object()) return Err{std::string("request must be a JSON object")};
  ClientRequest r;
  const auto tx = doc.find("tx");
  if (tx == doc.end() || !tx->is_string() || tx->get_ref<const std::string&>().empty() ||
      tx->get_ref<const std::string&>().size() > 64)
    return Err{std::string("'tx' must be a string of 1-64 characters")};
  r.tx = tx->get<std::string>();
  const auto topic = doc.find("topic");
  if (topic == doc.end() || !topic->is_string() || topic->get_ref<const std::string&>().empty())
    return Err{std::string("'topic' must be a non-empty string")};
  r.topic = topic->get<std::string>();
  const auto payload = doc.find("payload");
  if (payload == doc.end()) {
    r.payload = nlohmann::json::object();
  } else if (!payload->is_object()) {
    return Err{std::string("'payload' must be a JSON object")};
  } else {
    r.payload = std::move(*payload);
  }
  for (const auto& [key, value] : doc.items()) {
    if (key != "tx" && key != "topic" && key != "payload")
      return Err{"unknown field '" + key + "'"};
  }
  return r;
}

Result<GatewayCommand, std::string> parse_gateway_command(std::string_view topic) {
  const auto slash = topic.find('/');
  if (slash == std::string_view::npos) return Err{"unknown topic '" + std::string(topic) + "'"};
  const auto gateway = topic.substr(0, slash);
  if (!util::is_safe_id(gateway)) return Err{std::string("the gateway id is not a safe id")};
  const auto rest = topic.substr(slash + 1);
  if (rest.substr(0, 4) != "cmd/") return Err{"unknown topic '" + std::string(topic) + "'"};
  const auto verb = rest.substr(4);
  for (const auto known : kVerbs) {
    if (verb == known) return GatewayCommand{std::string(gateway), std::string(verb)};
  }
  return Err{"unknown verb '" + std::string(verb) + "'"};
}

bool may_send(Role role, std::string_view topic) {
  if (role == Role::kScreen) return false;
  (void)topic;  // coaches and admins may send every request the WebSocket carries
  return true;
}

}  // namespace r3::console
