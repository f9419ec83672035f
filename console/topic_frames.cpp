#include "console/topic_frames.hpp"

#include <nlohmann/json.hpp>

namespace r3::console {
namespace {

std::string quoted(std::string_view s) {
  return nlohmann::json(std::string(s))
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

bool starts_with(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

// Levels of "users/<id>/<leaf>".
bool is_user_topic(std::string_view rest, std::string_view leaf) {
  if (!starts_with(rest, "users/")) return false;
  const auto id_end = rest.find('/', 6);
  if (id_end == std::string_view::npos || id_end == 6) return false;
  return rest.substr(id_end + 1) == leaf;
}

bool single_level_under(std::string_view rest, std::string_view prefix) {
  return starts_with(rest, prefix) && rest.size() > prefix.size() &&
         rest.find('/', prefix.size()) == std::string_view::npos;
}

}  // namespace

std::optional<TopicParts> split_topic(std::string_view relative) {
  const auto slash = relative.find('/');
  if (slash == std::string_view::npos || slash == 0) return std::nullopt;
  return TopicParts{relative.substr(0, slash), relative.substr(slash + 1)};
}

TopicKind classify(std::string_view relative) {
  const auto parts = split_topic(relative);
  if (!parts) return TopicKind::kIgnored;
  const auto rest = parts->rest;
  if (rest == "status" || single_level_under(rest, "devices/") || is_user_topic(rest, "status"))
    return TopicKind::kRetained;
  if (is_user_topic(rest, "live")) return TopicKind::kLive;
  if (is_user_topic(rest, "rep") || is_user_topic(rest, "set") || is_user_topic(rest, "hold") ||
      single_level_under(rest, "sessions/"))
    return TopicKind::kLastValue;
  if (single_level_under(rest, "reply/")) return TopicKind::kReply;
  return TopicKind::kIgnored;
}

std::optional<std::string_view> relative_topic(std::string_view base, std::string_view topic) {
  if (topic.size() <= base.size() + 1 || !starts_with(topic, base) || topic[base.size()] != '/')
    return std::nullopt;
  return topic.substr(base.size() + 1);
}

std::string make_frame(std::string_view topic, std::string_view payload_json) {
  std::string f;
  f.reserve(topic.size() + payload_json.size() + 24);
  f.append("{\"topic\":").append(quoted(topic)).append(",\"payload\":");
  f.append(payload_json).push_back('}');
  return f;
}

std::string make_tx_frame(std::string_view tx, std::string_view topic,
                          std::string_view payload_json) {
  std::string f = "{\"tx\":" + quoted(tx) + ",\"topic\":" + quoted(topic) + ",\"payload\":";
  f.append(payload_json).push_back('}');
  return f;
}

bool valid_json_object(std::string_view text) {
  // accept() checks without building a document: cheap enough for every live message.
  const auto first = text.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && text[first] == '{' &&
         nlohmann::json::accept(text.begin(), text.end());
}

}  // namespace r3::console
