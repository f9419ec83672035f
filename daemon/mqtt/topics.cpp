#include "daemon/mqtt/topics.hpp"

namespace r3::mqtt {
namespace {

bool is_id_char(char c, bool allow_colon) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '.' || c == '-' || (allow_colon && c == ':');
}

bool check(std::string_view id, bool allow_colon) {
  if (id.empty() || id.size() > kMaxIdLength) return false;
  for (const char c : id) {
    if (!is_id_char(c, allow_colon)) return false;
  }
  return true;
}

}  // namespace

bool is_safe_id(std::string_view id) {
  return check(id, false);
}
bool is_safe_device_id(std::string_view id) {
  return check(id, true);
}

Topics::Topics(const std::string& gateway_id) : root_("r3/v1/" + gateway_id + "/") {}

std::string Topics::status() const {
  return root_ + "status";
}

std::string Topics::device(std::string_view device_id) const {
  return root_ + "devices/" + std::string(device_id);
}

std::string Topics::user(std::string_view user_id, std::string_view kind) const {
  std::string t = root_ + "users/";
  t.append(user_id).push_back('/');
  t.append(kind);
  return t;
}

std::string Topics::session(std::string_view session_id) const {
  return root_ + "sessions/" + std::string(session_id);
}

std::string Topics::command_filter() const {
  return root_ + "cmd/+";
}

std::string Topics::reply(std::string_view request_id) const {
  return root_ + "reply/" + std::string(request_id);
}

std::string_view Topics::verb_of(std::string_view topic) const {
  const std::string prefix = root_ + "cmd/";
  if (topic.size() <= prefix.size() || topic.substr(0, prefix.size()) != prefix) return {};
  const auto verb = topic.substr(prefix.size());
  return verb.find('/') == std::string_view::npos ? verb : std::string_view{};
}

}  // namespace r3::mqtt
