#include "daemon/mqtt/topics.hpp"

#include "core/util/device_id.hpp"
#include "core/util/safe_id.hpp"

namespace r3::mqtt {

bool is_safe_id(std::string_view id) {
  return util::is_safe_id(id);
}
bool is_safe_device_id(std::string_view id) {
  return util::is_device_id(id);
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
